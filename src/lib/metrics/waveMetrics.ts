import { assertAscending } from './assertAscending';
import { captureShares, type Capture } from './captureShares';
import { MS_PER_HOUR, MS_PER_MINUTE } from './durations';
import { firstIndexAtOrAbove } from './firstIndexAtOrAbove';
import { msAtOrAbove } from './msAtOrAbove';

/**
 * How the protest spread through a trending grid, from a time series of captures. The grid is not a cascade
 * (no parent links), so these capture-based metrics stand in for size/depth (research/anchors-features.md §3).
 */
export interface WaveMetrics {
	/** protest / total per capture, in input order; 0 when total is 0. */
	shares: number[];
	/** Time of the first capture showing any protest tile; null if none does. */
	firstProtestAt: number | null;
	/** Minutes from `firstProtestAt` to the first capture with share ≥ 0.5; null if never. */
	minutesFirstTo50: number | null;
	/** Minutes from `firstProtestAt` to the first capture with share ≥ 0.9; null if never. */
	minutesFirstTo90: number | null;
	/** Hours the share was ≥ 0.5, each share holding until the next capture (see `msAtOrAbove`). */
	hoursAtOrAbove50: number;
	/** Highest share and the first capture that reached it; null when there are no captures. */
	peak: { share: number; at: number } | null;
}

/** `captures` must be sorted by `at` (ties allowed); throws otherwise. */
export function waveMetrics(captures: readonly Capture[]): WaveMetrics {
	const at = captures.map((c) => c.at);
	assertAscending(at, 'captures.at');
	const shares = captureShares(captures);

	const first = shares.findIndex((s) => s > 0);
	const minutesFromFirstTo = (threshold: number): number | null => {
		if (first < 0) return null;
		const i = firstIndexAtOrAbove(shares, threshold, first);
		return i < 0 ? null : (at[i] - at[first]) / MS_PER_MINUTE;
	};

	let peak: WaveMetrics['peak'] = null;
	for (let i = 0; i < shares.length; i++) {
		// Strictly greater keeps the first capture on ties.
		if (peak === null || shares[i] > peak.share) peak = { share: shares[i], at: at[i] };
	}

	return {
		shares,
		firstProtestAt: first < 0 ? null : at[first],
		minutesFirstTo50: minutesFromFirstTo(0.5),
		minutesFirstTo90: minutesFromFirstTo(0.9),
		hoursAtOrAbove50: msAtOrAbove(at, shares, 0.5) / MS_PER_HOUR,
		peak
	};
}
