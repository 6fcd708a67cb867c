/**
 * Milliseconds during which the share was ≥ threshold.
 *
 * Step assumption: captures are snapshots, and we know nothing about the feed between two of them, so each
 * capture's share is taken to hold from its own time until the next capture. Interval [at[i], at[i+1]) counts
 * when shares[i] ≥ threshold. The last capture has no next one, so it contributes nothing: we do not guess how
 * long the final state lasted. Sparse captures therefore make this a coarse estimate, never an extrapolation.
 */
export function msAtOrAbove(at: ArrayLike<number>, shares: ArrayLike<number>, threshold: number): number {
	let total = 0;
	for (let i = 0; i + 1 < at.length; i++) if (shares[i] >= threshold) total += at[i + 1] - at[i];
	return total;
}
