/**
 * Every chart that can be embedded, downloaded as an image or cited on its own: slug → the data it needs and
 * the page it lives on. `/embed/<slug>/` is prerendered for each entry (EN and KO, live and static), and
 * /dev/embeds/ frames them all. Registering a chart is one entry here and its figure component in
 * `$lib/embed/figures.ts` (kept apart so that pages importing the registry do not bundle every figure):
 *
 *     spread: chart('/spread/', 'spread.title', aggs({ agg: 'spread' })),
 *
 * The slug must be the `id` the figure gives its ChartFrame (tests/unit/export/registry.test.ts renders every
 * entry to check). `data` loads the props of the default view (prerendered); the optional `fromUrl` turns an
 * embed URL's view state (the ChartFrame `viewState`) into props in the browser, checking every value.
 */
import { loadAgg } from '$lib/data/loadAgg';
import type {
	CaptureAgg,
	CascadeMetricsAgg,
	CascadeTreeAgg,
	CascadeTreesAgg,
	ClaimsHourlyAgg,
	DocumentedAgg,
	TrendingAgg,
	WaveAgg
} from '$lib/data/types';
import type { StringKey } from '$lib/i18n';
import { captureAggName } from '$lib/story/aggNames';
import {
	CLAIM_BINS,
	CLAIM_LANGS,
	CLAIM_MODES,
	CLAIM_WINDOWS,
	ZONE_CHOICES,
	platformsFor
} from '$lib/story/claimsData';
import { metricKeys } from '$lib/story/metricsData';
import { EVENT_KINDS } from '$lib/schema';
import { WAVE_TOPS } from '$lib/story/waveData';

type Fetch = typeof globalThis.fetch;
type Props = Record<string, unknown>;

export interface ChartEntry {
	/** The full chart page (unlocalized path), for the embed's canonical link and "link back". */
	page: string;
	/** i18n key of the chart title (the embed page's <title>). */
	title: StringKey;
	/** Props of the default view, besides `lang`, from the prerendered aggregates. */
	data: (fetch: Fetch) => Promise<Props>;
	/** Props for the view state in an embed URL (browser only). Unknown or invalid values are ignored. */
	fromUrl?: (params: URLSearchParams, data: Props, fetch: Fetch) => Promise<Props>;
	/**
	 * Iframe height (px) at 600 px wide with the default dataset (measured on the built embeds): the snippet's
	 * initial height, so the host page barely shifts when the loader applies the real one.
	 */
	height: number;
	/** false for charts drawn in HTML rather than SVG (no image export; the build test skips the SVG check). */
	svg: boolean;
}

/** A registry entry from its page, title and data loader. */
export const chart = (
	page: string,
	title: StringKey,
	data: ChartEntry['data'],
	extra: Partial<Pick<ChartEntry, 'fromUrl' | 'height' | 'svg'>> = {}
): ChartEntry => ({ page, title, data, height: 560, svg: true, ...extra });

/** Loader for figures whose props are whole aggregates: aggs({ wave: 'wave' }) → { wave: <agg/wave.json> }. */
export const aggs =
	(props: Record<string, string>) =>
	async (fetch: Fetch): Promise<Props> =>
		Object.fromEntries(
			await Promise.all(Object.entries(props).map(async ([k, name]) => [k, await loadAgg(fetch, name)]))
		);

type Choices = Record<string, readonly (string | number)[]>;

/** The values of `params` that are among the allowed ones (numbers stay numbers); the rest are dropped. */
export function pick(params: URLSearchParams, allowed: Choices): Record<string, string | number> {
	const out: Record<string, string | number> = {};
	for (const [name, values] of Object.entries(allowed)) {
		const raw = params.get(name);
		const match = values.find((v) => String(v) === raw);
		if (match !== undefined) out[name] = match;
	}
	return out;
}

/** fromUrl for charts whose view state is a few fixed choices: choices({ top: WAVE_TOPS }). */
export const choices =
	(allowed: Choices) =>
	async (params: URLSearchParams): Promise<Props> =>
		pick(params, allowed);

/** An aggregate, or null when it does not exist (an id from a URL that names nothing). */
async function aggOrNull<T>(fetch: Fetch, name: string): Promise<T | null> {
	try {
		return await loadAgg<T>(fetch, name);
	} catch {
		return null;
	}
}

const documentedEvents = async (fetch: Fetch) => (await loadAgg<DocumentedAgg>(fetch, 'documented')).events;
const captureIds = (data: Props) => (data.wave as WaveAgg).captures.map((c) => c.snapshotId);

export const CHARTS = {
	wave: chart(
		'/wave/',
		'wave.title',
		async (f) => ({ wave: await loadAgg<WaveAgg>(f, 'wave'), events: await documentedEvents(f) }),
		{ fromUrl: choices({ top: WAVE_TOPS }), height: 570 }
	),
	calendar: chart(
		'/trending/',
		'calendar.title',
		async (f) => ({ wave: await loadAgg<WaveAgg>(f, 'wave'), top: 100, selected: null }),
		{
			fromUrl: async (p, data) => {
				const { top, capture } = pick(p, { top: WAVE_TOPS, capture: captureIds(data) });
				return { ...(top ? { top } : {}), ...(capture ? { selected: capture } : {}) };
			},
			height: 1000
		}
	),
	grid: chart(
		'/trending/',
		'trending.title',
		async (f) => {
			const [trending, wave] = await Promise.all([
				loadAgg<TrendingAgg>(f, 'trending'),
				loadAgg<WaveAgg>(f, 'wave')
			]);
			const capture =
				trending.peak ??
				(wave.captures.length
					? await loadAgg<CaptureAgg>(f, captureAggName(wave.captures[wave.captures.length - 1].snapshotId))
					: null);
			return { capture, top: 100, wave };
		},
		{
			fromUrl: async (p, data, f) => {
				const { top, capture, compare } = pick(p, {
					top: WAVE_TOPS,
					capture: captureIds(data),
					compare: captureIds(data)
				});
				const [c, before] = await Promise.all([
					capture ? aggOrNull<CaptureAgg>(f, captureAggName(String(capture))) : null,
					compare && compare !== capture ? aggOrNull<CaptureAgg>(f, captureAggName(String(compare))) : null
				]);
				return { ...(top ? { top } : {}), ...(c ? { capture: c } : {}), ...(before ? { before } : {}) };
			},
			height: 2630
		}
	),
	claims: chart(
		'/misinformation/',
		'claims.title',
		async (f) => ({
			agg: await loadAgg<ClaimsHourlyAgg>(f, 'claims-hourly'),
			events: await documentedEvents(f),
			filter: { lang: 'all', platform: 'all', bin: 'hour', zone: 'UTC', window: '3w' },
			mode: 'raw',
			log: false
		}),
		{
			fromUrl: async (p, data) => {
				const base = data.filter as Record<string, string>;
				const c = pick(p, { lang: CLAIM_LANGS, bin: CLAIM_BINS, zone: ZONE_CHOICES, window: CLAIM_WINDOWS });
				const lang = (c.lang ?? base.lang) as (typeof CLAIM_LANGS)[number];
				const { platform } = pick(p, {
					platform: ['all', ...platformsFor(data.agg as ClaimsHourlyAgg, lang)]
				});
				const { mode, log } = pick(p, { mode: CLAIM_MODES, log: ['1', '0', 'true', 'false'] });
				return {
					filter: { ...base, ...c, ...(platform ? { platform } : {}) },
					...(mode ? { mode } : {}),
					...(log !== undefined ? { log: log === '1' || log === 'true' } : {})
				};
			},
			height: 640
		}
	),
	correction: chart(
		'/misinformation/',
		'correction.title',
		async (f) => ({ ...(await aggs({ agg: 'correction' })(f)), bin: 'hour', zone: 'UTC' }),
		{ fromUrl: choices({ bin: CLAIM_BINS, zone: ZONE_CHOICES }), height: 1370 }
	),
	cascade: chart(
		'/cascades/',
		'cascade.title',
		async (f) => {
			const trees = await loadAgg<CascadeTreesAgg>(f, 'cascade-trees');
			return { trees, summary: trees.cascades[0] ?? null, tree: trees.first, mode: 'radial' };
		},
		{
			fromUrl: async (p, data, f) => {
				const trees = data.trees as CascadeTreesAgg;
				const { layout, cascade } = pick(p, {
					layout: ['radial', 'time'],
					cascade: trees.cascades.map((c) => c.cascadeId)
				});
				const summary = cascade ? trees.cascades.find((c) => c.cascadeId === cascade) : undefined;
				const tree =
					summary && summary.cascadeId !== trees.first?.cascadeId
						? await aggOrNull<CascadeTreeAgg>(f, summary.file)
						: null;
				return {
					...(layout ? { mode: layout } : {}),
					...(summary && (tree || summary.cascadeId === trees.first?.cascadeId)
						? { summary, tree: tree ?? trees.first }
						: {})
				};
			},
			height: 1060
		}
	),
	metrics: chart(
		'/cascades/',
		'metrics.title',
		async (f) => ({ agg: await loadAgg<CascadeMetricsAgg>(f, 'cascade-metrics'), metric: 'virality' }),
		{
			fromUrl: async (p, data) => pick(p, { metric: metricKeys(data.agg as CascadeMetricsAgg) }),
			height: 715
		}
	),
	timeline: chart('/', 'timeline.title', async (f) => ({ events: await documentedEvents(f) }), {
		fromUrl: async (p) => {
			const kinds = (p.get('kinds') ?? '')
				.split(',')
				.filter((k) => (EVENT_KINDS as readonly string[]).includes(k));
			return kinds.length ? { kinds: [...new Set(kinds)] } : {};
		},
		// The whole timeline is taller than the loader's 5000 px cap; ?kinds=claim,debunk is much shorter.
		height: 5000,
		svg: false
	})
} satisfies Record<string, ChartEntry>;

export type ChartSlug = keyof typeof CHARTS;
export const CHART_SLUGS = Object.keys(CHARTS) as ChartSlug[];
export const isChartSlug = (s: string): s is ChartSlug => Object.hasOwn(CHARTS, s);
