import { error } from '@sveltejs/kit';
import { CHARTS, CHART_SLUGS, isChartSlug } from '$lib/charts/registry';
import type { Lang } from '$lib/i18n';
import type { EntryGenerator, PageLoad } from './$types';

/** One embed per registered chart and language: /embed/<chart>/ and /embed/ko/<chart>/. */
export const entries: EntryGenerator = () =>
	CHART_SLUGS.flatMap((chart) => [{ chart }, { lang: 'ko', chart }]);

export const load: PageLoad = async ({ params, fetch }) => {
	if (!isChartSlug(params.chart)) error(404, `No chart "${params.chart}"`);
	return {
		slug: params.chart,
		lang: (params.lang === 'ko' ? 'ko' : 'en') as Lang,
		props: await CHARTS[params.chart].data(fetch)
	};
};
