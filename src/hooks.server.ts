import type { Handle } from '@sveltejs/kit';

/** Korean pages live under /ko/…; Korean embeds under /embed/ko/… (see src/lib/embed/snippet.ts). */
const KOREAN_PATH = /^\/(ko|embed\/ko)(\/|$)/;

/** Prerendered pages get their `lang` from the route: Korean paths are Korean, everything else English. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = KOREAN_PATH.test(event.url.pathname) ? 'ko' : 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
