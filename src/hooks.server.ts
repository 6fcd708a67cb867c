import type { Handle } from '@sveltejs/kit';

/** Prerendered pages get their `lang` from the route: /ko/… is Korean, everything else English. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = event.url.pathname === '/ko' || event.url.pathname.startsWith('/ko/') ? 'ko' : 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
