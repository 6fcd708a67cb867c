import type { CascadeMetricsAgg } from '$lib/data/types';
import { structuralVirality } from '$lib/metrics';
import { translate, type Lang } from '$lib/i18n';
import { formatCount } from './format';

/** Metrics a reader can put on the y axis: plain ones, then τ_depth(d) and τ_users(N) by key. */
export type MetricKey = 'depth' | 'maxBreadth' | 'virality' | `tDepth${number}` | `tSize${number}`;

export function metricKeys(agg: CascadeMetricsAgg): MetricKey[] {
	return [
		'depth',
		'maxBreadth',
		'virality',
		...agg.depthsD.map((d) => `tDepth${d}` as MetricKey),
		...agg.sizesN.map((n) => `tSize${n}` as MetricKey)
	];
}

/** One cascade as a scatter point: its size and the chosen metric (null when undefined for it). */
export interface MetricPoint {
	cascadeId: string;
	stance: string;
	lang: string;
	platform: string;
	size: number;
	value: number | null;
	depth: number;
	maxBreadth: number;
	virality: number | null;
	firstAt: number;
	provenance: string;
}

export function metricPoints(agg: CascadeMetricsAgg, key: MetricKey): MetricPoint[] {
	const r = agg.rows;
	const pick = (i: number): number | null => {
		if (key === 'depth') return r.depth[i];
		if (key === 'maxBreadth') return r.maxBreadth[i];
		if (key === 'virality') return r.structuralVirality[i];
		const m = /^t(Depth|Size)(\d+)$/.exec(key);
		if (!m) return null;
		const list = m[1] === 'Depth' ? agg.depthsD : agg.sizesN;
		const k = list.indexOf(Number(m[2]));
		if (k < 0) return null;
		return (m[1] === 'Depth' ? r.minutesToDepth : r.minutesToSize)[k][i];
	};
	const d = agg.dict;
	return r.cascadeId.map((cascadeId, i) => ({
		cascadeId,
		stance: d.stance[r.stance[i]],
		lang: d.lang[r.lang[i]],
		platform: d.platform[r.platform[i]],
		size: r.size[i],
		value: pick(i),
		depth: r.depth[i],
		maxBreadth: r.maxBreadth[i],
		virality: r.structuralVirality[i],
		firstAt: r.firstAtMinutes[i] * 60_000,
		provenance: d.provenance[r.provenance[i]]
	}));
}

/** Cascades with the same stance, size and metric value, drawn as one mark whose area grows with the count. */
export interface MetricMark {
	/** Stable key: stance, size and value. */
	key: string;
	stance: string;
	size: number;
	value: number;
	count: number;
	/** The cascades behind the mark, for drill-down. */
	ids: string[];
}

/** Groups points with identical (stance, size, value); points without a value are left out. */
export function groupMarks(points: readonly MetricPoint[]): MetricMark[] {
	const marks = new Map<string, MetricMark>();
	for (const p of points) {
		if (p.value === null) continue;
		const key = `${p.stance}|${p.size}|${p.value}`;
		const m = marks.get(key);
		if (m) {
			m.count++;
			m.ids.push(p.cascadeId);
		} else
			marks.set(key, { key, stance: p.stance, size: p.size, value: p.value, count: 1, ids: [p.cascadeId] });
	}
	return [...marks.values()].sort((a, b) => b.size - a.size || a.value - b.value || (a.key < b.key ? -1 : 1));
}

/** Size classes for matched-size comparison: powers of two, so each class holds cascades of similar size. */
export const SIZE_CLASSES: readonly [number, number][] = [
	[2, 2],
	[3, 4],
	[5, 8],
	[9, 16],
	[17, 32],
	[33, 64],
	[65, 128],
	[129, 256],
	[257, 512],
	[513, Infinity]
];

export interface MatchedRow {
	from: number;
	to: number;
	claim: { n: number; median: number | null };
	debunk: { n: number; median: number | null };
}

export function median(values: readonly number[]): number | null {
	if (!values.length) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Claim vs debunk compared within size classes (Juul & Ugander 2021): the median metric of each stance per
 * class, with counts, so a difference cannot come from one side simply having larger cascades. Cascades
 * whose metric is undefined (never reached depth d, for instance) are left out of that median but counted.
 */
export function matchedBySize(points: readonly MetricPoint[]): MatchedRow[] {
	const rows: MatchedRow[] = [];
	for (const [from, to] of SIZE_CLASSES) {
		const inClass = points.filter((p) => p.size >= from && p.size <= to);
		if (!inClass.length) continue;
		const side = (stance: string) => {
			const ps = inClass.filter((p) => p.stance === stance);
			return { n: ps.length, median: median(ps.filter((p) => p.value !== null).map((p) => p.value!)) };
		};
		rows.push({ from, to, claim: side('claim'), debunk: side('debunk') });
	}
	return rows;
}

/** Structural virality of a star and of a chain with n nodes, from the shared metric (for the explainer). */
export function referenceVirality(n: number): { star: number | null; chain: number | null } {
	const star = Int32Array.from({ length: n }, (_, i) => (i === 0 ? -1 : 0));
	const chain = Int32Array.from({ length: n }, (_, i) => i - 1);
	const order = Int32Array.from({ length: n }, (_, i) => i);
	return { star: structuralVirality(star, order), chain: structuralVirality(chain, order) };
}

/** The scatter's written description, computed from the points and the matched-size rows. */
export function describeMetrics(
	points: readonly MetricPoint[],
	matched: readonly MatchedRow[],
	metricLabel: string,
	lang: Lang
): string {
	if (!points.length) return translate(lang, 'metrics.describe.none');
	const claims = points.filter((p) => p.stance === 'claim');
	const debunks = points.filter((p) => p.stance === 'debunk');
	const comparable = matched.filter((r) => r.claim.median !== null && r.debunk.median !== null);
	const higher = comparable.filter((r) => r.claim.median! > r.debunk.median!).length;
	return translate(lang, 'metrics.describe', {
		claims: formatCount(claims.length),
		debunks: formatCount(debunks.length),
		largestClaim: formatCount(Math.max(0, ...claims.map((p) => p.size))),
		largestDebunk: formatCount(Math.max(0, ...debunks.map((p) => p.size))),
		metric: metricLabel,
		classes: comparable.length,
		higher
	});
}
