/**
 * Throws unless `values` is sorted ascending (ties allowed). The wave and correction-gap metrics take sorted
 * input so they can run in one pass; checking costs one more pass and turns a silent wrong answer into an error.
 */
export function assertAscending(values: ArrayLike<number>, label: string): void {
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (!Number.isFinite(value))
			throw new TypeError(`${label}[${i}] is ${value}, expected epoch milliseconds`);
		if (i > 0 && value < values[i - 1]) {
			throw new RangeError(
				`${label} must be sorted ascending: [${i - 1}] = ${values[i - 1]} > [${i}] = ${value}`
			);
		}
	}
}
