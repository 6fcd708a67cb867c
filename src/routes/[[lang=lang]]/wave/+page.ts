import { loadAgg } from '$lib/data/loadAgg';
import type { DocumentedAgg, TrendingAgg, WaveAgg } from '$lib/data/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [wave, documented, trending] = await Promise.all([
		loadAgg<WaveAgg>(fetch, 'wave'),
		loadAgg<DocumentedAgg>(fetch, 'documented'),
		loadAgg<TrendingAgg>(fetch, 'trending')
	]);
	return { wave, documented, trending };
};
