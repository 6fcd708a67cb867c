import { loadAgg } from '$lib/data/loadAgg';
import type { CascadeMetricsAgg, CascadeTreesAgg } from '$lib/data/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [trees, metrics] = await Promise.all([
		loadAgg<CascadeTreesAgg>(fetch, 'cascade-trees'),
		loadAgg<CascadeMetricsAgg>(fetch, 'cascade-metrics')
	]);
	return { trees, metrics };
};
