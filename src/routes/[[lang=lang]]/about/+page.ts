import { loadAgg } from '$lib/data/loadAgg';
import { loadManifest } from '$lib/data/manifest';
import type { DocumentedAgg } from '$lib/data/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [manifest, documented] = await Promise.all([
		loadManifest(fetch),
		loadAgg<DocumentedAgg>(fetch, 'documented')
	]);
	return { manifest, documented };
};
