import { MS_PER_MINUTE } from './durations';

/**
 * earliest[k] = min { t(v) : depth(v) ≥ k }. "≥ k", not "= k", follows Vosoughi et al.'s τ_depth: with noisy
 * timestamps a deep node can predate every node at a shallower depth, and it still proves depth k was reached.
 * Built once per cascade as a suffix minimum, so each τ_depth lookup is O(1).
 */
export function earliestAtDepth(
	depth: ArrayLike<number>,
	times: ArrayLike<number>,
	maxDepth: number
): Float64Array {
	const earliest = new Float64Array(maxDepth + 1).fill(Infinity);
	for (let i = 0; i < depth.length; i++) {
		const d = depth[i];
		if (times[i] < earliest[d]) earliest[d] = times[i];
	}
	for (let k = maxDepth - 1; k >= 0; k--) {
		if (earliest[k + 1] < earliest[k]) earliest[k] = earliest[k + 1];
	}
	return earliest;
}

/**
 * τ_depth(d) (Vosoughi et al. 2018, Fig. 2E): minutes from the root post until some node is d or more hops
 * deep. Null when the cascade never gets that deep. `earliest` comes from `earliestAtDepth`.
 */
export function minutesToDepth(earliest: Float64Array, rootAt: number, d: number): number | null {
	if (!Number.isInteger(d) || d < 0)
		throw new RangeError(`minutesToDepth: depth must be an integer ≥ 0, got ${d}`);
	if (d >= earliest.length) return null;
	return (earliest[d] - rootAt) / MS_PER_MINUTE;
}
