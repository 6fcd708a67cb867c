/** Depth of every node, plus an order that lists each parent before its children. */
export interface Depths {
	/** depth[i] = hops from the root to node i (root = 0). */
	depth: Int32Array;
	/** Every node index once, parents before children; order[0] is the root. */
	order: Int32Array;
	/** Largest value in `depth`. */
	maxDepth: number;
}

const UNSEEN = -1;
const ON_PATH = -2;

/**
 * Computes depths without recursion: reshare chains in real data can be hundreds of thousands of hops long,
 * which would overflow the call stack. For each node not yet resolved we climb parent links onto an explicit
 * stack until we reach a resolved node, then unwind, giving each node its parent's depth + 1. Each node is
 * pushed once, so the whole pass is O(n). Meeting a node already on the current climb means a cycle.
 *
 * `ids` is only used to name the offending node in error messages.
 */
export function computeDepths(parent: Int32Array, root: number, ids?: ArrayLike<string>): Depths {
	const n = parent.length;
	const name = (i: number) => (ids ? `"${ids[i]}"` : `#${i}`);
	if (!(root >= 0 && root < n && parent[root] === -1)) {
		throw new RangeError(`cascade: root #${root} must be a node whose parent is -1`);
	}
	const depth = new Int32Array(n).fill(UNSEEN);
	const order = new Int32Array(n);
	const stack = new Int32Array(n);
	depth[root] = 0;
	order[0] = root;
	let filled = 1;
	let maxDepth = 0;

	for (let start = 0; start < n; start++) {
		if (depth[start] !== UNSEEN) continue;
		let top = 0;
		let u = start;
		while (depth[u] === UNSEEN) {
			depth[u] = ON_PATH;
			stack[top++] = u;
			u = parent[u];
			if (u < 0 || u >= n) {
				const what =
					u < 0 ? 'has no parent but is not the root' : `points to parent #${u}, outside the cascade`;
				throw new RangeError(`cascade: node ${name(stack[top - 1])} ${what}`);
			}
		}
		if (depth[u] === ON_PATH) throw new RangeError(`cascade: parent links form a cycle through ${name(u)}`);
		let d = depth[u];
		while (top > 0) {
			const v = stack[--top];
			depth[v] = ++d;
			order[filled++] = v;
		}
		if (d > maxDepth) maxDepth = d;
	}
	return { depth, order, maxDepth };
}
