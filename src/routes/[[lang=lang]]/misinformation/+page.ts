import { loadAgg } from '$lib/data/loadAgg';
import type { ClaimsHourlyAgg, CorrectionAgg, DocumentedAgg } from '$lib/data/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [claims, correction, documented] = await Promise.all([
		loadAgg<ClaimsHourlyAgg>(fetch, 'claims-hourly'),
		loadAgg<CorrectionAgg>(fetch, 'correction'),
		loadAgg<DocumentedAgg>(fetch, 'documented')
	]);
	return { claims, correction, documented };
};
