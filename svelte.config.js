import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered; 404.html serves unknown paths with a message instead of a blank page.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		prerender: {
			entries: ['*', '/ko/'],
			// TODO(issue 4/5): remove once /wave, /trending, /misinformation, /explore and /about exist.
			handleHttpError: ({ path, status, message }) => {
				if (status === 404 && /^\/(ko\/)?(wave|trending|misinformation|explore|about)\//.test(path)) return;
				throw new Error(message);
			},
			handleMissingId: 'fail'
		}
	}
};

export default config;
