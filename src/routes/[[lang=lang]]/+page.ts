import { loadAgg } from '$lib/data/loadAgg';
import type { DocumentedAgg, WaveAgg } from '$lib/data/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [wave, documented] = await Promise.all([
		loadAgg<WaveAgg>(fetch, 'wave'),
		loadAgg<DocumentedAgg>(fetch, 'documented')
	]);
	return { wave, documented };
};
