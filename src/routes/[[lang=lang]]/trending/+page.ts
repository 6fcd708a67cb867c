import { loadAgg } from '$lib/data/loadAgg';
import type { TrendingAgg, WaveAgg } from '$lib/data/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [wave, trending] = await Promise.all([
		loadAgg<WaveAgg>(fetch, 'wave'),
		loadAgg<TrendingAgg>(fetch, 'trending')
	]);
	return { wave, trending };
};
