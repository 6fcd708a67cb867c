import { describe, expect, it } from 'vitest';
import { cascadeMetrics, cascadeMetricsFromIndex, indexParents, type CascadeInput } from '$lib/metrics';
import { chain, star, T0, timedTree } from './trees';

/*
 * The mixed tree used throughout, listed deepest-first so nothing can rely on parents preceding children:
 *
 *   r (t=0) ─┬─ a (t=5) ─┬─ c (t=10) ── e (t=6)
 *            │           └─ d (t=7)
 *            └─ b (t=2)
 *
 * Pairwise distances (unordered pairs, 15 of them):
 *   r: a1 b1 c2 d2 e3 = 9    a: b2 c1 d1 e2 = 6    b: c3 d3 e4 = 10    c: d2 e1 = 3    d: e3 = 3
 * Wiener index W = 31, so ν = 2·31 / (6·5) = 31/15.
 * Check by edges (subtree sizes s_e): r–a 4·2 + r–b 1·5 + a–c 2·4 + a–d 1·5 + c–e 1·5 = 8+5+8+5+5 = 31.
 * e is timestamped before c and d: noisy clocks happen, and τ_depth(2) must still be 6 (reached via e).
 */
const mixed = timedTree([
	['e', 'c', 6],
	['d', 'a', 7],
	['c', 'a', 10],
	['b', 'r', 2],
	['a', 'r', 5],
	['r', null, 0]
]);

describe('cascadeMetrics shape metrics', () => {
	it.each<[string, CascadeInput, number, number, number[], number | null]>([
		// name, input, size, depth, breadthByDepth, structuralVirality
		['a single node has no pairs, so ν is null', star(1), 1, 0, [1], null],
		['two nodes are one hop apart, ν = 1', star(2), 2, 1, [1, 1], 1],
		['a star of 5 has ν = 2(n−1)/n = 1.6', star(5), 5, 1, [1, 4], 1.6],
		['a chain of 4 has ν = (n+1)/3 = 5/3', chain(4), 4, 3, [1, 1, 1, 1], 5 / 3],
		['a chain listed leaf-first gives the same answer', chain(4, true), 4, 3, [1, 1, 1, 1], 5 / 3],
		['the mixed tree has ν = 31/15 (pairs listed above)', mixed, 6, 3, [1, 2, 2, 1], 31 / 15]
	])('%s', (_name, input, size, depth, breadth, virality) => {
		const m = cascadeMetrics(input);
		expect(m.size).toBe(size);
		expect(m.depth).toBe(depth);
		expect(m.breadthByDepth).toEqual(breadth);
		expect(m.maxBreadth).toBe(Math.max(...breadth));
		if (virality === null) expect(m.structuralVirality).toBeNull();
		else expect(m.structuralVirality).toBeCloseTo(virality, 12);
	});
});

describe('cascadeMetrics timing on the mixed tree', () => {
	const m = cascadeMetrics(mixed, { sizes: [3, 100], depths: [2, 4] });

	it.each<[string, number, number | null]>([
		['τ_users(1) is the root itself', 1, 0],
		['τ_users(2) is b, the earliest reshare', 2, 2],
		['τ_users(4) counts e at t=6 even though it is deep', 4, 6],
		['τ_users(6) is the last node', 6, 10],
		['τ_users(7) is null: the cascade never gets that big', 7, null]
	])('%s', (_name, n, minutes) => {
		expect(m.minutesToSize(n)).toBe(minutes);
	});

	it.each<[string, number, number | null]>([
		['τ_depth(0) is the root', 0, 0],
		['τ_depth(1) is b, the first reshare', 1, 2],
		['τ_depth(2) is reached by e (depth 3) before any depth-2 node', 2, 6],
		['τ_depth(3) is e', 3, 6],
		['τ_depth(4) is null: the cascade is only 3 deep', 4, null]
	])('%s', (_name, d, minutes) => {
		expect(m.minutesToDepth(d)).toBe(minutes);
	});

	it.each<[string, unknown, unknown]>([
		['rootAt is the root post', m.rootAt, T0],
		['firstAt is the earliest node', m.firstAt, T0],
		['lastAt is the latest node (c at t=10)', m.lastAt, T0 + 10 * 60_000],
		['opts.sizes precomputes τ_users, null when never reached', m.minutesToSizes, { 3: 5, 100: null }],
		['opts.depths precomputes τ_depth, null when never reached', m.minutesToDepths, { 2: 6, 4: null }]
	])('%s', (_name, actual, expected) => {
		expect(actual).toEqual(expected);
	});

	it('reports negative minutes when a reshare is timestamped before its root', () => {
		const skewed = cascadeMetrics(
			timedTree([
				['r', null, 5],
				['x', 'r', 2]
			])
		);
		expect([skewed.firstAt, skewed.rootAt, skewed.minutesToSize(1)]).toEqual([
			T0 + 2 * 60_000,
			T0 + 5 * 60_000,
			-3
		]);
	});
});

describe('cascadeMetrics rejects malformed cascades', () => {
	it.each<[string, CascadeInput, RegExp]>([
		[
			'two roots',
			timedTree([
				['r', null, 0],
				['s', null, 1]
			]),
			/more than one root \("r" and "s"/
		],
		[
			'a parent missing from ids',
			timedTree([
				['r', null, 0],
				['a', 'ghost', 1]
			]),
			/parent "ghost" of "a" is not an id/
		],
		[
			'a cycle beside a valid root',
			timedTree([
				['r', null, 0],
				['a', 'b', 1],
				['b', 'a', 2]
			]),
			/cycle through "a"/
		],
		[
			'a node that is its own parent',
			timedTree([
				['r', null, 0],
				['a', 'a', 1]
			]),
			/cycle through "a"/
		],
		[
			'no root at all',
			timedTree([
				['a', 'b', 0],
				['b', 'a', 1]
			]),
			/no root/
		],
		['an empty cascade', timedTree([]), /no nodes/],
		[
			'a duplicate id',
			timedTree([
				['r', null, 0],
				['r', 'r', 1]
			]),
			/duplicate id "r"/
		],
		['parents shorter than ids', { ids: ['r', 'a'], parents: [null], times: [0, 1] }, /parents has 1/],
		['times shorter than ids', { ids: ['r'], parents: [null], times: [] }, /times has 0/],
		['a non-finite time', { ids: ['r', 'a'], parents: [null, 'r'], times: [0, NaN] }, /time of "a" is NaN/]
	])('throws on %s', (_name, input, message) => {
		expect(() => cascadeMetrics(input)).toThrow(message);
	});

	it.each<[string, (m: ReturnType<typeof cascadeMetrics>) => unknown, RegExp]>([
		['τ_users(0)', (m) => m.minutesToSize(0), /integer ≥ 1/],
		['τ_users(1.5)', (m) => m.minutesToSize(1.5), /integer ≥ 1/],
		['τ_depth(−1)', (m) => m.minutesToDepth(-1), /integer ≥ 0/]
	])('throws on a meaningless query: %s', (_name, query, message) => {
		expect(() => query(cascadeMetrics(mixed))).toThrow(message);
	});
});

describe('cascadeMetrics id matching', () => {
	// "u31992" and "u605430" share a 32-bit FNV-1a hash, the hash indexParents files ids under, so these cases
	// only pass if a matching hash is confirmed by comparing the id strings themselves.
	it.each<[string, CascadeInput, number[]]>([
		[
			'two ids with one hash are not taken for duplicates',
			timedTree([
				['u31992', null, 0],
				['u605430', 'u31992', 1]
			]),
			[1, 1]
		],
		[
			'ids with colliding hashes keep their own children',
			timedTree([
				['u31992', null, 0],
				['u605430', 'u31992', 1],
				['c', 'u605430', 2],
				['d', 'u31992', 3]
			]),
			[1, 2, 1]
		]
	])('%s', (_name, input, breadth) => {
		expect(cascadeMetrics(input).breadthByDepth).toEqual(breadth);
	});

	it('still reports a missing parent whose hash collides with a present id', () => {
		const input = timedTree([
			['u31992', null, 0],
			['c', 'u605430', 1]
		]);
		expect(() => cascadeMetrics(input)).toThrow(/parent "u605430" of "c" is not an id/);
	});
});

describe('cascadeMetricsFromIndex', () => {
	it('gives the same numbers as cascadeMetrics from pre-resolved parent rows', () => {
		const {
			minutesToSize: _s,
			minutesToDepth: _d,
			...fromIds
		} = cascadeMetrics(mixed, { sizes: [4], depths: [2] });
		const {
			minutesToSize: _s2,
			minutesToDepth: _d2,
			...fromIndex
		} = cascadeMetricsFromIndex(indexParents(mixed.ids, mixed.parents), mixed.times, {
			sizes: [4],
			depths: [2]
		});
		expect(fromIndex).toEqual(fromIds);
		expect(fromIndex.structuralVirality).toBeCloseTo(31 / 15, 12);
	});

	it.each<[string, number[], number, number[], RegExp]>([
		// parent rows, root, times, error
		['a root whose parent is not -1', [-1, 0], 1, [0, 1], /root #1 must be a node whose parent is -1/],
		['a root index out of range', [-1, 0], 5, [0, 1], /root #5/],
		['a parent row outside the cascade', [-1, 7], 0, [0, 1], /#1 points to parent #7, outside/],
		['times of the wrong length', [-1, 0], 0, [0], /2 parent links but 1 times/],
		['a non-finite time, named by row', [-1, 0], 0, [0, Infinity], /time of #1 is Infinity/]
	])('throws on %s', (_name, parentRows, root, times, message) => {
		expect(() => cascadeMetricsFromIndex({ parent: Int32Array.from(parentRows), root }, times)).toThrow(
			message
		);
	});
});

describe('cascadeMetrics on a 1,000,000-node chain', () => {
	// A recursive depth walk would overflow the stack long before this.
	it.each([
		['root first', false],
		['leaf first', true]
	])('finishes without stack overflow when listed %s', (_name, reversed) => {
		const n = 1_000_000;
		const m = cascadeMetrics(chain(n, reversed), { sizes: [100], depths: [10] });
		expect(m.depth).toBe(n - 1);
		expect(m.maxBreadth).toBe(1);
		expect(m.breadthByDepth.length).toBe(n);
		// (n+1)/3; the float sum of W ≈ 1.7e17 > 2^53 is allowed ~1e-10 relative error.
		expect(Math.abs(m.structuralVirality! / ((n + 1) / 3) - 1)).toBeLessThan(1e-9);
		expect(m.minutesToSizes[100]).toBe(99);
		expect(m.minutesToDepths[10]).toBe(10);
	});
});
