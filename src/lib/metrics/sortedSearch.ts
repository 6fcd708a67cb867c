/** First index i with sorted[i] ≥ x (sorted.length if none): binary search over an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** How many values of an ascending array fall in [start, end). */
export function countInRange(sorted: ArrayLike<number>, start: number, end: number): number {
	return Math.max(0, lowerBound(sorted, end) - lowerBound(sorted, start));
}
