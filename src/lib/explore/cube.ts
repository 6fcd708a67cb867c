/**
 * The crossfilter cube in memory: the rows of `crossfilterCubeSql` (per hour: each facet's counts and the
 * summary, under every filter but time). Any time range made of whole hours, which is what the explorer's
 * state holds, rolls up to exactly what `crossfilterSql`, `hourCountsSql` and `timeHistogramSql` return for it,
 * so brushing runs no query, and costs a subtraction per facet value (running sums over the hours).
 */
import {
	CUBE_DICTIONARY_ROW,
	splitCrossfilter,
	type Bin,
	type Crossfilter,
	type CrossfilterRow,
	type CubeRow,
	type HistogramRow
} from '../queries/explore';

const DAY = 86_400_000;

/** The columns of a `codedCubeSql` result (numbers as typed arrays, as Arrow hands them over). */
export interface CodedCube {
	t: ArrayLike<number>;
	k: ArrayLike<number>;
	n: ArrayLike<number>;
	/** Only the dictionary rows name a facet and value; the others are null. */
	facet: ArrayLike<string | null>;
	value: ArrayLike<string | null>;
}

/** The cube's rows from its coded form. */
export function decodeCube(c: CodedCube): CubeRow[] {
	const names = new Map<number, { facet: CubeRow['facet']; value: string }>();
	for (let i = 0; i < c.n.length; i++)
		if (c.n[i] === CUBE_DICTIONARY_ROW)
			names.set(c.k[i], { facet: (c.facet[i] ?? '') as CubeRow['facet'], value: c.value[i] ?? '' });
	const rows: CubeRow[] = [];
	for (let i = 0; i < c.n.length; i++) {
		if (c.n[i] === CUBE_DICTIONARY_ROW) continue;
		const name = names.get(c.k[i]);
		if (!name) throw new Error(`Cube row ${i} names pair ${c.k[i]}, which its dictionary lacks.`);
		rows.push({ t: c.t[i], facet: name.facet, value: name.value, n: c.n[i] });
	}
	return rows;
}

/** The key of a (facet, value) pair. */
const pairKey = (facet: string, value: string) => `${facet}\u0000${value}`;

export class CrossfilterCube {
	/** How many rows the cube was made of. */
	readonly size: number;
	/** The hours that have rows, ascending. */
	private readonly times: number[];
	/** Each (facet, value) pair of the cube, with its counts summed over the hours before each index:
	 * `sums[i]` = n over `times[0..i)`, so a range of hours costs one subtraction per pair, not a pass over its
	 * rows. A brush's first roll-ups run before the browser has optimised this code: they must be cheap as is. */
	private readonly pairs: { facet: CubeRow['facet']; value: string; sums: Float64Array }[];
	/** The summary's `total` pair: posts per hour. */
	private readonly totals: Float64Array | null;
	private last: { from: number | null; to: number | null; result: Crossfilter } | null = null;

	/** Rows in any order (one per hour and pair at most, as the cube's query gives them). */
	constructor(rows: readonly CubeRow[]) {
		this.size = rows.length;
		this.times = [...new Set(rows.map((r) => r.t))].sort((a, b) => a - b);
		const hourIndex = new Map(this.times.map((t, i) => [t, i]));
		const byKey = new Map<string, (typeof this.pairs)[number]>();
		for (const r of rows) {
			const key = pairKey(r.facet, r.value);
			let pair = byKey.get(key);
			if (!pair) {
				pair = { facet: r.facet, value: r.value, sums: new Float64Array(this.times.length + 1) };
				byKey.set(key, pair);
			}
			pair.sums[hourIndex.get(r.t)! + 1] += r.n;
		}
		this.pairs = [...byKey.values()];
		for (const { sums } of this.pairs) for (let i = 1; i < sums.length; i++) sums[i] += sums[i - 1];
		this.totals = byKey.get(pairKey('', 'total'))?.sums ?? null;
	}

	/** Index of the first hour at or after `t` (times.length when none; null = open, on the `end` side). */
	private indexOf(t: number | null, end: boolean): number {
		if (t === null) return end ? this.times.length : 0;
		let lo = 0;
		let hi = this.times.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.times[mid] < t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Facets and summary for a time range: `crossfilterSql` of the cube's filters with that range. */
	crossfilter(from: number | null, to: number | null): Crossfilter {
		if (this.last && this.last.from === from && this.last.to === to) return this.last.result;
		const a = this.indexOf(from, false);
		const b = Math.max(a, this.indexOf(to, true));
		const rows: CrossfilterRow[] = [];
		for (const { facet, value, sums } of this.pairs) {
			const n = sums[b] - sums[a];
			// The summary is always there (zeros when nothing matches); a facet value only when it counts posts.
			if (facet === '' || n > 0) rows.push({ facet, value, n });
		}
		const result = splitCrossfilter(rows);
		this.last = { from, to, result };
		return result;
	}

	/** Posts per hour in a time range, copies left out: `hourCountsSql`. */
	hours(from: number | null, to: number | null): HistogramRow[] {
		const out: HistogramRow[] = [];
		if (!this.totals) return out;
		const b = this.indexOf(to, true);
		for (let i = this.indexOf(from, false); i < b; i++) {
			const n = this.totals[i + 1] - this.totals[i];
			if (n > 0) out.push({ t: this.times[i], n });
		}
		return out;
	}

	/** The time histogram, which ignores the time range: `timeHistogramSql`. */
	histogram(bin: Bin): HistogramRow[] {
		const hours = this.hours(null, null);
		if (bin === 'hour') return hours;
		const days: HistogramRow[] = [];
		for (const h of hours) {
			const t = Math.floor(h.t / DAY) * DAY;
			const last = days[days.length - 1];
			if (last && last.t === t) last.n += h.n;
			else days.push({ t, n: h.n });
		}
		return days;
	}
}
