import { assertAscending } from './assertAscending';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './durations';
import { peakBinStart } from './peakBinStart';
import { countInRange } from './sortedSearch';

export type ReachWindow = '24h' | '72h' | '7d' | 'all';

/** Windows over which debunk reach is compared with claim reach, all starting at the claim's first post. */
export const REACH_WINDOWS: readonly { name: ReachWindow; ms: number }[] = [
	{ name: '24h', ms: 24 * MS_PER_HOUR },
	{ name: '72h', ms: 72 * MS_PER_HOUR },
	{ name: '7d', ms: 7 * MS_PER_DAY },
	{ name: 'all', ms: Infinity }
];

export interface CorrectionGapOptions {
	/** Bin width for the peaks; default one hour. */
	binMs?: number;
	/**
	 * Where bins are anchored; default 0, the Unix epoch, so hourly and daily bins start on UTC boundaries
	 * and match DuckDB's date_trunc/time_bucket. The same grid is used for claims and debunks, so peak lags
	 * are whole multiples of the bin.
	 */
	binOriginMs?: number;
}

/** How far the debunk trailed the claim, for one language or all of them. */
export interface CorrectionGap {
	claimFirstAt: number | null;
	/** Start of the bin with the most claim posts (earliest on ties). */
	claimPeakAt: number | null;
	debunkFirstAt: number | null;
	/** Start of the bin with the most debunk posts (earliest on ties). */
	debunkPeakAt: number | null;
	/** debunkFirstAt − claimFirstAt, in minutes; negative if the debunk came first; null if a side is empty. */
	lagFirstMinutes: number | null;
	/** debunkPeakAt − claimPeakAt, in minutes; null if a side is empty. */
	lagPeakMinutes: number | null;
	/**
	 * Debunk posts ÷ claim posts within [claimFirstAt, claimFirstAt + window). Debunks posted before the claim's
	 * first post fall outside every window. Null when there are no claim posts.
	 */
	reachRatio: Record<ReachWindow, number | null>;
	/** The counts behind each ratio, so readers can see the denominator; null when there are no claim posts. */
	reachCounts: Record<ReachWindow, { claims: number; debunks: number } | null>;
}

/** Both time arrays must be ascending epoch ms; throws otherwise, or on a bin width that is not positive. */
export function correctionGap(
	claimTimes: ArrayLike<number>,
	debunkTimes: ArrayLike<number>,
	opts: CorrectionGapOptions = {}
): CorrectionGap {
	const { binMs = MS_PER_HOUR, binOriginMs = 0 } = opts;
	if (!(binMs > 0 && Number.isFinite(binMs)))
		throw new RangeError(`correctionGap: binMs must be > 0, got ${binMs}`);
	assertAscending(claimTimes, 'claimTimes');
	assertAscending(debunkTimes, 'debunkTimes');

	const claimFirstAt = claimTimes.length > 0 ? claimTimes[0] : null;
	const debunkFirstAt = debunkTimes.length > 0 ? debunkTimes[0] : null;
	const claimPeakAt = peakBinStart(claimTimes, binMs, binOriginMs);
	const debunkPeakAt = peakBinStart(debunkTimes, binMs, binOriginMs);
	const lagMinutes = (from: number | null, to: number | null) =>
		from === null || to === null ? null : (to - from) / MS_PER_MINUTE;

	const reachRatio = {} as CorrectionGap['reachRatio'];
	const reachCounts = {} as CorrectionGap['reachCounts'];
	for (const { name, ms } of REACH_WINDOWS) {
		if (claimFirstAt === null) {
			reachRatio[name] = null;
			reachCounts[name] = null;
			continue;
		}
		const end = claimFirstAt + ms;
		const claims = countInRange(claimTimes, claimFirstAt, end);
		const debunks = countInRange(debunkTimes, claimFirstAt, end);
		reachCounts[name] = { claims, debunks };
		reachRatio[name] = debunks / claims;
	}

	return {
		claimFirstAt,
		claimPeakAt,
		debunkFirstAt,
		debunkPeakAt,
		lagFirstMinutes: lagMinutes(claimFirstAt, debunkFirstAt),
		lagPeakMinutes: lagMinutes(claimPeakAt, debunkPeakAt),
		reachRatio,
		reachCounts
	};
}
