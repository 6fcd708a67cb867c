import { loadAgg } from '$lib/data/loadAgg';
import type { ClaimsHourlyAgg, CorrectionAgg, DocumentedAgg, WaveAgg } from '$lib/data/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const [wave, documented, claims, correction] = await Promise.all([
		loadAgg<WaveAgg>(fetch, 'wave'),
		loadAgg<DocumentedAgg>(fetch, 'documented'),
		loadAgg<ClaimsHourlyAgg>(fetch, 'claims-hourly'),
		loadAgg<CorrectionAgg>(fetch, 'correction')
	]);
	return { wave, documented, claims, correction };
};
