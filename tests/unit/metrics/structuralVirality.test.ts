import { describe, expect, it } from 'vitest';
import { cascadeMetrics, computeDepths, indexParents, structuralVirality } from '$lib/metrics';
import { bruteForceVirality, mulberry32, randomTree } from './trees';

describe('structuralVirality agrees with the O(n²) definition', () => {
	const random = mulberry32(20221213);
	const trees = Array.from({ length: 20 }, (_, k) => {
		const n = 2 + Math.floor(random() * 80);
		return [`tree ${k + 1} (${n} nodes)`, randomTree(n, random)] as const;
	});

	it.each(trees)('%s', (_name, tree) => {
		const expected = bruteForceVirality(tree)!;
		expect(cascadeMetrics(tree).structuralVirality).toBeCloseTo(expected, 10);
	});

	it('the seeded trees are not all the same shape', () => {
		// Guards the agreement test above against a PRNG that degenerates into one repeated tree.
		const values = new Set(trees.map(([, tree]) => bruteForceVirality(tree)!.toFixed(6)));
		expect(values.size).toBeGreaterThan(15);
	});
});

describe('structuralVirality on raw parent indices', () => {
	it.each<[string, number[], number | null]>([
		// parent[i] as indices, -1 = root; expected ν
		['one node', [-1], null],
		['star of 5 in any order', [1, -1, 1, 1, 1], 1.6],
		['chain of 4 listed leaf-first', [1, 2, 3, -1], 5 / 3]
	])('%s', (_name, parentList, expected) => {
		const parent = Int32Array.from(parentList);
		const { order } = computeDepths(parent, parentList.indexOf(-1));
		const nu = structuralVirality(parent, order);
		if (expected === null) expect(nu).toBeNull();
		else expect(nu).toBeCloseTo(expected, 12);
	});

	it('matches indexParents + computeDepths output end to end', () => {
		const { parent, root } = indexParents(['b', 'r', 'a'], ['a', null, 'r']);
		expect(Array.from(parent)).toEqual([2, -1, 1]);
		expect(root).toBe(1);
		expect(structuralVirality(parent, computeDepths(parent, root).order)).toBeCloseTo(4 / 3, 12);
	});
});
