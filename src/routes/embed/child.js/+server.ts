// Serves src/lib/embed/child.js as /embed/child.js: one small classic script for live and static embeds.
import source from '$lib/embed/child.js?raw';

export const prerender = true;

export const GET = () =>
	new Response(source, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
