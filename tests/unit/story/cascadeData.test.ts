import { describe, expect, it } from 'vitest';
import { pruneTree, type TreeRow } from '../../../scripts/build/aggregates/cascadeTrees';
import type { CascadeTreeAgg } from '$lib/data/types';
import {
	cascadeNodes,
	edgeKindCounts,
	progressToSeconds,
	secondsToProgress,
	visibleCount
} from '$lib/story/cascadeData';

const row = (postId: string, parentId: string | null, at: number): TreeRow => ({
	postId,
	parentId,
	at,
	edgeKind: parentId ? 'repost' : null,
	stance: 'claim',
	lang: 'en',
	platform: 'twitter',
	handle: postId,
	text: '',
	url: null,
	likes: 0,
	provenance: 'simulated'
});

describe('pruneTree', () => {
	// r ← a ← c, r ← b ← d; times r0 a1 b2 c3 d4.
	const rows = [row('c', 'a', 3), row('r', null, 0), row('d', 'b', 4), row('a', 'r', 1), row('b', 'r', 2)];

	it('keeps the earliest posts and orders them parents first, siblings by time', () => {
		const { order, parent, depth } = pruneTree(rows, 4);
		expect(order.map((r) => r.postId)).toEqual(['r', 'a', 'b', 'c']);
		expect(parent).toEqual([-1, 0, 0, 1]);
		expect(depth).toEqual([0, 1, 1, 2]);
	});
	it('adds an ancestor a kept post needs even when it is later than the cut (same-time ties)', () => {
		const tie = [row('r', null, 0), row('x', 'p', 5), row('p', 'r', 5)];
		const { order } = pruneTree(tie, 2);
		expect(order.map((r) => r.postId)).toEqual(['r', 'p']);
		const { order: all } = pruneTree(tie, 3);
		expect(all.map((r) => r.postId).sort()).toEqual(['p', 'r', 'x']);
	});
	it('drops a post whose ancestry is missing instead of drawing it floating', () => {
		const { order } = pruneTree([row('r', null, 0), row('o', 'gone', 1)], 10);
		expect(order.map((r) => r.postId)).toEqual(['r']);
	});
	it('returns nothing without a root', () => {
		expect(pruneTree([row('a', 'b', 0), row('b', 'a', 1)], 10).order).toEqual([]);
	});
});

describe('cascade nodes and playback', () => {
	const tree: CascadeTreeAgg = {
		cascadeId: 'r',
		rootAt: 0,
		size: 4,
		shown: 3,
		nodes: {
			postId: ['r', 'a', 'b'],
			parent: [-1, 0, 1],
			t: [0, 60, 3600],
			depth: [0, 1, 2],
			edgeKind: [null, 'repost', 'reply'],
			stance: ['claim', 'claim', 'debunk'],
			lang: ['en', 'en', 'en'],
			platform: ['twitter', 'twitter', 'twitter'],
			handle: ['r', 'a', 'b'],
			text: ['', '', ''],
			url: [null, null, null],
			likes: [0, 0, 0],
			provenance: ['simulated', 'simulated', 'simulated']
		}
	};
	const nodes = cascadeNodes(tree);
	it('unpacks the columns', () => {
		expect(nodes[2]).toMatchObject({ postId: 'b', parent: 1, t: 3600, edgeKind: 'reply', stance: 'debunk' });
		expect(edgeKindCounts(nodes)).toEqual({ repost: 1, reply: 1 });
	});
	it('counts posts made by a time', () => {
		expect([visibleCount(nodes, 0), visibleCount(nodes, 60), visibleCount(nodes, 3599)]).toEqual([1, 2, 2]);
	});
	it('plays on a log clock that reaches both ends and round-trips', () => {
		expect(progressToSeconds(0, 3600)).toBe(0);
		expect(progressToSeconds(1, 3600)).toBe(3600);
		expect(progressToSeconds(0.5, 3600)).toBe(59); // √3601 − 1 ≈ 59: half the slider covers the first minute
		expect(secondsToProgress(progressToSeconds(0.3, 86_400), 86_400)).toBeCloseTo(0.3, 2);
		expect(secondsToProgress(10, 0)).toBe(1);
	});
});
