import { browser } from '$app/environment';
import { bootAfterFirstPaint } from '$lib/engine/engine';
import type { PageLoad } from './$types';

// In the browser this runs before the page hydrates, so the engine's boot starts then rather than after it
// (bootAfterFirstPaint still waits for the first paint). The data is the server load's seed, passed on.
export const load: PageLoad = ({ data }) => {
	if (browser) bootAfterFirstPaint();
	return data;
};
