/** Index of the first value ≥ threshold at or after `from`, or -1 when none is. */
export function firstIndexAtOrAbove(values: ArrayLike<number>, threshold: number, from = 0): number {
	for (let i = Math.max(0, from); i < values.length; i++) if (values[i] >= threshold) return i;
	return -1;
}
