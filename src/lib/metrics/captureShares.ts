/** One capture of a trending feed: how many of its top-N tiles carried protest images. */
export interface Capture {
	/** Epoch milliseconds. */
	at: number;
	protest: number;
	total: number;
}

/**
 * protest / total for each capture; 0 when total is 0, since an empty or failed capture shows no protest.
 * Throws when protest is negative or exceeds total: that is a miscount, not a share above 100%.
 */
export function captureShares(captures: readonly Capture[]): number[] {
	return captures.map(({ at, protest, total }, i) => {
		if (!(protest >= 0 && protest <= total)) {
			throw new RangeError(`capture[${i}] at ${at}: protest = ${protest} must be within 0..total (${total})`);
		}
		return total === 0 ? 0 : protest / total;
	});
}
