import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered; 404.html serves unknown paths with a message instead of a blank page.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// The page half of our Content-Security-Policy, emitted as a <meta> into every prerendered page with the
		// sha256 of SvelteKit's inline bootstrap script added to script-src (hash mode: prerendered pages cannot
		// carry a nonce). static/_headers sends the same policy as a header, plus what a <meta> cannot carry
		// (frame-ancestors); README "Deploying" explains why the header alone cannot hold the per-page hashes.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
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
		prerender: {
			entries: ['*', '/ko/'],
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		}
	}
};

export default config;
