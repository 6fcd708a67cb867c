/** A cascade's parent links as array indices: the shape every other cascade helper works on. */
export interface ParentIndex {
	/** parent[i] is the index of node i's parent; -1 for the root only. */
	parent: Int32Array;
	root: number;
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, and spreads sequential ids ("u1", "u2", …) well. */
function hashId(id: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
	return h;
}

/**
 * Resolves parent ids to indices once, so the hot loops that follow touch only typed arrays.
 * Throws on mismatched lengths, duplicate ids, a parent id missing from `ids`, and zero or several roots.
 * Cycles are caught later, by `computeDepths`, which has to walk the links anyway.
 *
 * Why not a Map<string, number>: on a million fresh ids it took ~1.2 s (growing the table, hashing each
 * string on first use). This open-addressing table in two typed arrays, sized once at ≤ 50% load and keeping
 * each slot's full hash so a probe only reads the id string when the hashes match, does the same in ~0.4 s.
 */
export function indexParents(ids: ArrayLike<string>, parents: ArrayLike<string | null>): ParentIndex {
	const n = ids.length;
	if (parents.length !== n) {
		throw new RangeError(`cascade: ids has ${n} entries but parents has ${parents.length}`);
	}
	if (n === 0) throw new RangeError('cascade: no nodes (a cascade needs exactly one root)');

	let capacity = 2;
	while (capacity < 2 * n) capacity *= 2;
	const mask = capacity - 1;
	const slotNode = new Int32Array(capacity).fill(-1);
	const slotHash = new Int32Array(capacity);

	for (let i = 0; i < n; i++) {
		const id = ids[i];
		const h = hashId(id);
		let slot = h & mask;
		for (let j = slotNode[slot]; j !== -1; j = slotNode[slot]) {
			if (slotHash[slot] === h && ids[j] === id) throw new RangeError(`cascade: duplicate id "${id}"`);
			slot = (slot + 1) & mask;
		}
		slotNode[slot] = i;
		slotHash[slot] = h;
	}

	const parent = new Int32Array(n);
	let root = -1;
	for (let i = 0; i < n; i++) {
		const parentId = parents[i];
		if (parentId === null) {
			if (root !== -1) {
				throw new RangeError(`cascade: more than one root ("${ids[root]}" and "${ids[i]}" have parent null)`);
			}
			root = i;
			parent[i] = -1;
			continue;
		}
		const h = hashId(parentId);
		let slot = h & mask;
		let found = -1;
		for (let j = slotNode[slot]; j !== -1; j = slotNode[slot]) {
			if (slotHash[slot] === h && ids[j] === parentId) {
				found = j;
				break;
			}
			slot = (slot + 1) & mask;
		}
		if (found === -1) {
			throw new RangeError(`cascade: parent "${parentId}" of "${ids[i]}" is not an id in this cascade`);
		}
		parent[i] = found;
	}
	if (root === -1) {
		// Every node has a parent inside the cascade, so following the links must loop.
		throw new RangeError('cascade: no root (no node has parent null), so the parent links form a cycle');
	}
	return { parent, root };
}
