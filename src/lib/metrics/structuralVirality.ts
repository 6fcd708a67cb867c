/**
 * Structural virality ν (Goel et al. 2016): the mean shortest-path distance over all ordered pairs of distinct
 * nodes, ν = Σ_i Σ_{j≠i} d(i,j) / (n(n−1)). Null below two nodes, where no pair exists.
 *
 * O(n) instead of O(n²): a tree's edge e lies on the path of exactly s_e·(n−s_e) unordered pairs, where s_e is
 * the size of the subtree below e, so the Wiener index W = Σ_e s_e(n−s_e) and ν = 2W / (n(n−1)).
 * `order` must list parents before children (as `computeDepths` returns it); walking it backwards folds each
 * subtree size into its parent before the parent is read.
 *
 * W reaches ~n³/6 on a chain (1.7e17 for a million nodes), above 2^53, so the float sum can drop low bits;
 * the relative error stays below ~n·2^-53 (1e-10 at a million nodes), far below anything we display.
 */
export function structuralVirality(parent: Int32Array, order: Int32Array): number | null {
	const n = parent.length;
	if (n < 2) return null;
	const subtree = new Int32Array(n).fill(1);
	let wiener = 0;
	for (let k = n - 1; k >= 0; k--) {
		const v = order[k];
		const p = parent[v];
		if (p < 0) continue;
		const s = subtree[v];
		wiener += s * (n - s);
		subtree[p] += s;
	}
	return (2 * wiener) / (n * (n - 1));
}
