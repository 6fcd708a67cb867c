import { describe, expect, it } from 'vitest';
import type { CaptureAgg } from '$lib/data/types';
import { captureTiles, compareCaptures, describeDiff, tileUrl, type Tile } from '$lib/story/trendingData';

const tile = (rank: number, projectId: string, isProtest = false): Tile => ({
	rank,
	projectId,
	hashId: null,
	title: `T${projectId}`,
	artist: 'a',
	isProtest,
	protestSignal: isProtest ? 'title:no-to-ai' : null,
	provenance: 'simulated'
});

describe('compareCaptures', () => {
	// Before: A B C D E (ranks 1–5). After: C A F B G. Worked out by hand:
	// C 3→1 up 2; A 1→2 down 1; F new; B 2→4 down 2; G new; D and E left.
	const before = ['A', 'B', 'C', 'D', 'E'].map((id, i) => tile(i + 1, id, id === 'D'));
	const after = ['C', 'A', 'F', 'B', 'G'].map((id, i) => tile(i + 1, id, id === 'F' || id === 'G'));
	const diff = compareCaptures(before, after);

	it('finds what entered and what left', () => {
		expect(diff.entered.map((t) => t.projectId)).toEqual(['F', 'G']);
		expect(diff.left.map((t) => t.projectId)).toEqual(['D', 'E']);
		expect(diff.protestEntered).toBe(2);
		expect(diff.protestLeft).toBe(1);
	});
	it('measures moves in ranks, up meaning a smaller rank number', () => {
		expect(diff.movement.get('C')).toEqual({ kind: 'up', from: 3, by: 2 });
		expect(diff.movement.get('A')).toEqual({ kind: 'down', from: 1, by: 1 });
		expect(diff.movement.get('B')).toEqual({ kind: 'down', from: 2, by: 2 });
		expect(diff.movement.get('F')).toEqual({ kind: 'entered' });
		expect([diff.up, diff.down, diff.same]).toEqual([1, 2, 0]);
	});
	it('counts a tile that kept its rank as unchanged', () => {
		const d = compareCaptures([tile(1, 'A'), tile(2, 'B')], [tile(1, 'A'), tile(2, 'C')]);
		expect(d.movement.get('A')).toEqual({ kind: 'same' });
		expect(d.same).toBe(1);
	});
	it('says the same in words', () => {
		const cap = (at: number) => ({ at }) as CaptureAgg;
		expect(describeDiff(cap(Date.UTC(2022, 11, 13, 6)), cap(Date.UTC(2022, 11, 14, 6)), diff, 'en')).toBe(
			'Compared with Dec 13, 2022 06:00 UTC: 2 tiles entered (2 protest), 2 left (1 protest), 1 moved up, 2 moved down and 0 kept their rank.'
		);
	});
});

describe('captureTiles', () => {
	const capture: CaptureAgg = {
		snapshotId: 's',
		at: 0,
		dimension: 'all',
		originalUrl: 'u',
		archiveUrl: null,
		provenance: 'observed',
		itemCount: 4,
		items: {
			rank: [3, 1, 25, 2],
			projectId: ['p3', 'p1', 'p25', 'p2'],
			hashId: ['h3', null, 'h25', 'h2'],
			title: ['c', 'a', 'y', 'b'],
			artist: ['x', 'x', 'x', 'x'],
			artistName: [null, null, null, null],
			isProtest: [1, 0, 1, 0],
			protestSignal: ['title:noai', null, 'title:noai', null],
			provenance: ['observed', 'observed', 'observed', 'observed']
		}
	};
	it('keeps the top N in rank order', () => {
		expect(captureTiles(capture, 20).map((t) => t.rank)).toEqual([1, 2, 3]);
		expect(captureTiles(capture, 100).map((t) => t.projectId)).toEqual(['p1', 'p2', 'p3', 'p25']);
	});
	it('links an observed tile to ArtStation by its hash, and nothing else', () => {
		const [t1, t2] = captureTiles(capture, 2);
		expect(tileUrl(t1)).toBeNull();
		expect(tileUrl(t2)).toBe('https://www.artstation.com/artwork/h2');
		expect(tileUrl({ ...t2, provenance: 'simulated' })).toBeNull();
	});
});
