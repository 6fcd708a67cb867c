/** b(k): how many nodes sit exactly k hops from the root, for k = 0..maxDepth (index 0 is the root). */
export function breadthByDepth(depth: ArrayLike<number>, maxDepth: number): number[] {
	const counts = new Array<number>(maxDepth + 1).fill(0);
	for (let i = 0; i < depth.length; i++) counts[depth[i]]++;
	return counts;
}

/** B = max over k of b(k): the widest generation; 0 for an empty list. */
export function maxBreadth(breadth: readonly number[]): number {
	let max = 0;
	for (const b of breadth) if (b > max) max = b;
	return max;
}
