import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The sha256 of app.html's one inline script (the theme), for script-src: kit.csp hashes only its own. */
function appHtmlScriptHash() {
	const scripts = [...readFileSync('src/app.html', 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)];
	if (scripts.length !== 1)
		throw new Error(`src/app.html: expected one inline script, found ${scripts.length}`);
	return `sha256-${createHash('sha256').update(scripts[0][1], 'utf8').digest('base64')}`;
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered; 404.html serves unknown paths with a message instead of a blank page.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// The page half of our Content-Security-Policy, emitted as a <meta> into every prerendered page with the
		// sha256 of SvelteKit's inline bootstrap script added to script-src, next to that of app.html's theme
		// script (hash mode: prerendered pages cannot carry a nonce). static/_headers sends the same policy as a
		// header, plus what a <meta> cannot carry (frame-ancestors); README "Deploying" explains why the header
		// alone cannot hold the per-page hashes.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', appHtmlScriptHash()],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				// Svelte writes style="" attributes (chart positions, colour swatches): they need 'unsafe-inline'.
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['none']
			}
		},
		// Every page's own CSS (a few KB) goes inline: its seven stylesheet requests, queued with the module
		// preloads, held the explorer's first paint about 65 ms longer (12 alternating cold loads, 320 → 256 ms).
		inlineStyleThreshold: 16384,
		prerender: {
			entries: ['*', '/ko/'],
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		}
	}
};

export default config;
