/**
 * The crossfilter cube in memory: the rows of `crossfilterCubeSql` (per hour: each facet's counts and the
 * summary, under every filter but time). Any time range made of whole hours, which is what the explorer's
 * state holds, rolls up to exactly what `crossfilterSql`, `hourCountsSql` and `timeHistogramSql` return for it,
 * so brushing runs no query: a pass over the rows of the hours in range (hours × facet values, not posts).
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

export class CrossfilterCube {
	private readonly rows: readonly CubeRow[];
	private last: { from: number | null; to: number | null; result: Crossfilter } | null = null;

	/** Rows in any order: they are sorted by hour here (the sum over a range does not depend on order within it). */
	constructor(rows: readonly CubeRow[]) {
		this.rows = [...rows].sort((a, b) => a.t - b.t);
	}

	get size(): number {
		return this.rows.length;
	}

	/** Index of the first row at or after `t` (rows.length when none). */
	private lowerBound(t: number): number {
		let lo = 0;
		let hi = this.rows.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.rows[mid].t < t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** The rows of the hours in [from, to) (null = open). */
	private range(from: number | null, to: number | null): readonly CubeRow[] {
		const a = from === null ? 0 : this.lowerBound(from);
		const b = to === null ? this.rows.length : this.lowerBound(to);
		return this.rows.slice(a, Math.max(a, b));
	}

	/** Facets and summary for a time range: `crossfilterSql` of the cube's filters with that range. */
	crossfilter(from: number | null, to: number | null): Crossfilter {
		if (this.last && this.last.from === from && this.last.to === to) return this.last.result;
		const sums = new Map<string, CrossfilterRow>();
		for (const r of this.range(from, to)) {
			const key = `${r.facet}\u0000${r.value}`;
			const row = sums.get(key);
			if (row) row.n += r.n;
			else sums.set(key, { facet: r.facet, value: r.value, n: r.n });
		}
		// The summary is always there (zeros when nothing matches); a facet value only when it counts posts.
		const rows = [...sums.values()].filter((r) => r.facet === '' || r.n > 0);
		const result = splitCrossfilter(rows);
		this.last = { from, to, result };
		return result;
	}

	/** Posts per hour in a time range, copies left out: `hourCountsSql`. */
	hours(from: number | null, to: number | null): HistogramRow[] {
		return this.range(from, to)
			.filter((r) => r.facet === '' && r.value === 'total' && r.n > 0)
			.map((r) => ({ t: r.t, n: r.n }));
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
