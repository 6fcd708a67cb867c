/**
 * Start time of the bin holding the most values, for bins [origin + k·binMs, origin + (k+1)·binMs); the
 * earliest such bin on ties. Null for no values. One pass over ascending `sortedTimes`, since sorted values
 * fill bins in order and a bin's count is just the length of its run.
 */
export function peakBinStart(sortedTimes: ArrayLike<number>, binMs: number, originMs = 0): number | null {
	if (sortedTimes.length === 0) return null;
	let bestBin = 0;
	let bestCount = 0;
	let bin = Math.floor((sortedTimes[0] - originMs) / binMs);
	let count = 0;
	for (let i = 0; i <= sortedTimes.length; i++) {
		const b = i < sortedTimes.length ? Math.floor((sortedTimes[i] - originMs) / binMs) : NaN;
		if (b === bin) {
			count++;
			continue;
		}
		if (count > bestCount) {
			bestCount = count;
			bestBin = bin;
		}
		bin = b;
		count = 1;
	}
	return originMs + bestBin * binMs;
}
