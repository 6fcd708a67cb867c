/**
 * What the explorer shows before the engine runs: daily totals and facet counts taken from the prerendered
 * aggregate the data build writes (agg/spread.json, near-duplicate copies left out, as the explorer counts),
 * plus what values and times exist so a link's parameters can be checked without the engine.
 */
import type { FacetRow, HistogramRow, PageRowWithText } from '../queries/explore';
import type { Known } from './state';

export interface SpreadAgg {
	bins: { t: number; lang: string; platform: string; stance: string; n: number }[];
	provenance: { provenance: string; n: number }[];
}

export interface ExplorerSeed {
	/** Posts per UTC day, no filter. */
	days: HistogramRow[];
	facets: { platform: FacetRow[]; lang: FacetRow[]; stance: FacetRow[] };
	known: Known;
	total: number;
	/** Provenance values present (a badge shows when `simulated` is among them). */
	provenance: string[];
	/** The posts table's first page with no filter, newest first (the build's agg/table-default.json). */
	table: PageRowWithText[] | null;
	/** The dataset version these were built from (arrow/index.json's), to tell whether the engine's data is the same. */
	datasetVersion: string | null;
}

const HOUR = 3_600_000;

const countBy = (bins: SpreadAgg['bins'], key: 'lang' | 'platform' | 'stance'): FacetRow[] => {
	const m = new Map<string, number>();
	for (const b of bins) m.set(b[key], (m.get(b[key]) ?? 0) + b.n);
	return [...m]
		.map(([value, n]) => ({ value, n }))
		.sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
};

export function seedFromSpread(
	spread: SpreadAgg,
	claimIds: readonly string[],
	table: PageRowWithText[] | null = null,
	datasetVersion: string | null = null
): ExplorerSeed {
	const perDay = new Map<number, number>();
	for (const b of spread.bins) perDay.set(b.t, (perDay.get(b.t) ?? 0) + b.n);
	const days = [...perDay].map(([t, n]) => ({ t, n })).sort((a, b) => a.t - b.t);
	const platform = countBy(spread.bins, 'platform');
	const lang = countBy(spread.bins, 'lang');
	const extent = days.length ? { lo: days[0].t, hi: days.at(-1)!.t + 23 * HOUR } : undefined;
	return {
		days,
		facets: { platform, lang, stance: countBy(spread.bins, 'stance') },
		known: {
			platform: platform.map((r) => r.value).sort(),
			lang: lang.map((r) => r.value).sort(),
			claim: [...claimIds].sort(),
			extent
		},
		total: days.reduce((s, d) => s + d.n, 0),
		provenance: spread.provenance.filter((p) => p.n > 0).map((p) => p.provenance),
		table,
		datasetVersion
	};
}
