/**
 * Every chart that can be embedded, downloaded as an image or cited on its own: slug → figure component, the
 * data it needs and the page it lives on. `/embed/<slug>/` is prerendered for each entry (EN and KO, live and
 * static), and /dev/embeds/ frames them all. Registering a chart is one entry:
 *
 *     spread: chart('/spread/', 'spread.title', () => import('$lib/story/SpreadFigure.svelte'), aggs({ agg: 'spread' })),
 *
 * The slug must be the `id` the figure gives its ChartFrame (tests/unit/export/registry.test.ts renders every
 * entry to check). `data` loads the props of the default view (prerendered); the optional `fromUrl` turns an
 * embed URL's view state (the ChartFrame `viewState`) into props in the browser, checking every value.
 */
import type { Component } from 'svelte';
import { loadAgg } from '$lib/data/loadAgg';
import type { DocumentedAgg, WaveAgg } from '$lib/data/types';
import type { StringKey } from '$lib/i18n';
import { WAVE_TOPS } from '$lib/story/waveData';

type Fetch = typeof globalThis.fetch;
type Props = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = Component<any>;

export interface ChartEntry {
	/** The full chart page (unlocalized path), for the embed's canonical link and "link back". */
	page: string;
	/** i18n key of the chart title (the embed page's <title>). */
	title: StringKey;
	figure: () => Promise<{ default: AnyComponent }>;
	/** Props of the default view, besides `lang`, from the prerendered aggregates. */
	data: (fetch: Fetch) => Promise<Props>;
	/** Props for the view state in an embed URL (browser only). Unknown or invalid values are ignored. */
	fromUrl?: (params: URLSearchParams, data: Props, fetch: Fetch) => Promise<Props>;
	/** Iframe height (px) at about 600 px wide: the snippet's initial height, so the host page barely shifts. */
	height: number;
	/** false for charts drawn in HTML rather than SVG (no image export; the build test skips the SVG check). */
	svg: boolean;
}

/** A registry entry from its page, title, figure and data loader. */
export const chart = (
	page: string,
	title: StringKey,
	figure: ChartEntry['figure'],
	data: ChartEntry['data'],
	extra: Partial<Pick<ChartEntry, 'fromUrl' | 'height' | 'svg'>> = {}
): ChartEntry => ({ page, title, figure, data, height: 560, svg: true, ...extra });

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
export async function aggOrNull<T>(fetch: Fetch, name: string): Promise<T | null> {
	try {
		return await loadAgg<T>(fetch, name);
	} catch {
		return null;
	}
}

const documentedEvents = async (fetch: Fetch) => (await loadAgg<DocumentedAgg>(fetch, 'documented')).events;

export const CHARTS = {
	wave: chart(
		'/wave/',
		'wave.title',
		() => import('$lib/story/WaveFigure.svelte'),
		async (f) => ({ wave: await loadAgg<WaveAgg>(f, 'wave'), events: await documentedEvents(f) }),
		{ fromUrl: choices({ top: WAVE_TOPS }), height: 600 }
	),
	timeline: chart(
		'/',
		'timeline.title',
		() => import('$lib/embed/TimelineFigure.svelte'),
		async (f) => ({ events: await documentedEvents(f) }),
		{ height: 900, svg: false }
	)
} satisfies Record<string, ChartEntry>;

export type ChartSlug = keyof typeof CHARTS;
export const CHART_SLUGS = Object.keys(CHARTS) as ChartSlug[];
export const isChartSlug = (s: string): s is ChartSlug => Object.hasOwn(CHARTS, s);
