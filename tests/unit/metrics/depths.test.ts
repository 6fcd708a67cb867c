import { describe, expect, it } from 'vitest';
import { breadthByDepth, computeDepths, maxBreadth } from '$lib/metrics';

describe('computeDepths', () => {
	it.each<[string, number[], number[], number]>([
		// parent indices (-1 = root), expected depths, expected max depth
		['a lone root', [-1], [0], 0],
		['a star', [-1, 0, 0, 0], [0, 1, 1, 1], 1],
		['a chain listed leaf-first', [1, 2, 3, -1], [3, 2, 1, 0], 3],
		['the mixed tree r→a,b; a→c,d; c→e', [-1, 0, 0, 1, 1, 3], [0, 1, 1, 2, 2, 3], 3]
	])('%s', (_name, parentList, expected, maxDepth) => {
		const result = computeDepths(Int32Array.from(parentList), parentList.indexOf(-1));
		expect(Array.from(result.depth)).toEqual(expected);
		expect(result.maxDepth).toBe(maxDepth);
	});

	it.each<[string, number[]]>([
		['a chain listed leaf-first', [1, 2, 3, -1]],
		['the mixed tree in reverse', [1, 2, 4, 4, 5, -1]]
	])('orders %s root first and every parent before its children', (_name, parentList) => {
		const parent = Int32Array.from(parentList);
		const { order } = computeDepths(parent, parentList.indexOf(-1));
		const position = new Map(Array.from(order, (node, k) => [node, k]));
		expect(order[0]).toBe(parentList.indexOf(-1));
		expect(new Set(order).size).toBe(parentList.length);
		for (let v = 0; v < parent.length; v++) {
			if (parent[v] >= 0) expect(position.get(parent[v])!).toBeLessThan(position.get(v)!);
		}
	});

	it.each<[string, number[], RegExp]>([
		['a two-node cycle', [-1, 2, 1], /cycle through #1/],
		['a self-loop', [-1, 1], /cycle through #1/],
		['a second parentless node', [-1, -1], /has no parent but is not the root/]
	])('throws on %s', (_name, parentList, message) => {
		expect(() => computeDepths(Int32Array.from(parentList), 0)).toThrow(message);
	});
});

describe('breadth', () => {
	it.each<[string, number[], number, number[], number]>([
		// depths, max depth, b(k), B
		['a lone root', [0], 0, [1], 1],
		['a star of 5', [0, 1, 1, 1, 1], 1, [1, 4], 4],
		['the mixed tree', [0, 1, 1, 2, 2, 3], 3, [1, 2, 2, 1], 2],
		['a tree widest at depth 2', [0, 1, 2, 2, 2, 1], 2, [1, 2, 3], 3]
	])('%s', (_name, depths, maxDepth, expected, widest) => {
		const breadth = breadthByDepth(depths, maxDepth);
		expect(breadth).toEqual(expected);
		expect(maxBreadth(breadth)).toBe(widest);
	});
});
