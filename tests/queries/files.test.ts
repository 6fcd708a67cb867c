import { describe, expect, it } from 'vitest';
import {
	decodedLength,
	edgePartition,
	headFiles,
	headPath,
	headRowsOf,
	hourName,
	overlaps,
	postsExtent,
	validateIndex,
	type ArrowIndex,
	type Range
} from '../../src/lib/engine/files';

const h = (day: number, hour: number) => Date.UTC(2022, 11, day, hour);

describe('overlaps: which partitions a view needs', () => {
	const part = { from: h(14, 5), to: h(14, 9) };
	it.each([
		['a range inside it', [[h(14, 6), h(14, 7)]], true],
		['a range ending where it starts', [[h(14, 1), h(14, 5)]], false],
		['a range starting where it ends', [[h(14, 9), h(14, 12)]], false],
		['a range starting in its last hour', [[h(14, 8), null]], true],
		['an open range', [[null, null]], true],
		['a range before it', [[null, h(14, 4)]], false],
		[
			'one of several ranges',
			[
				[h(13, 0), h(13, 1)],
				[h(14, 8), h(14, 8) + 1]
			],
			true
		],
		['no range', [], false]
	] as [string, Range[], boolean][])('%s', (_, ranges, expected) => {
		expect(overlaps(part, ranges)).toBe(expected);
	});

	it('always includes a file without a time span (a whole table)', () => {
		expect(overlaps({}, [[h(14, 1), h(14, 2)]])).toBe(true);
	});
});

describe('validateIndex', () => {
	it('accepts the build index', () => {
		const index = {
			schemaVersion: '1.0.0',
			tables: {
				posts: {
					files: [{ path: 'arrow/posts/2022-12-14T05.arrow', rows: 3, from: h(14, 5), to: h(14, 9) }],
					columns: []
				},
				events: { files: [{ path: 'arrow/events.arrow', rows: 30 }], columns: [] }
			}
		};
		expect(validateIndex(index)).toBe(index);
	});
	it.each([
		['not an object', null],
		['no tables', { schemaVersion: '1' }],
		['a file outside arrow/', { tables: { posts: { files: [{ path: '../secret.arrow', rows: 1 }] } } }],
		[
			'an off-origin file',
			{ tables: { posts: { files: [{ path: 'https://evil.example/x.arrow', rows: 1 }] } } }
		],
		['a path that climbs', { tables: { posts: { files: [{ path: 'arrow/../../x.arrow', rows: 1 }] } } }],
		['a span with no end', { tables: { posts: { files: [{ path: 'arrow/p.arrow', rows: 1, from: 0 }] } } }],
		[
			'a span that is not a number',
			{ tables: { posts: { files: [{ path: 'arrow/p.arrow', rows: 1, from: 'x', to: 1 }] } } }
		]
	])('refuses %s', (_, index) => {
		expect(() => validateIndex(index)).toThrow();
	});
});

describe('postsExtent: the first and last hour of the posts, from the index alone', () => {
	const index = (files: object[]) => ({ schemaVersion: '1', tables: { posts: { files, columns: [] } } });
	it('spans the partitions, the last hour being the last partition end less an hour', () => {
		const files = [
			{ path: 'arrow/posts/a.arrow', rows: 5, from: h(14, 3), to: h(14, 9) },
			{ path: 'arrow/posts/b.arrow', rows: 2, from: h(15, 0), to: h(15, 2) }
		];
		expect(postsExtent(index(files) as ArrowIndex)).toEqual({ lo: h(14, 3), hi: h(15, 1) });
	});
	it('is null without posts', () => {
		expect(postsExtent(index([]) as ArrowIndex)).toBeNull();
		expect(postsExtent({ schemaVersion: '1', tables: {} })).toBeNull();
	});
});

describe('edgePartition: where a time-sorted page of a brushed range most likely is', () => {
	const files = [
		{ path: 'arrow/posts/a.arrow', rows: 9, from: h(14, 0), to: h(14, 6) },
		{ path: 'arrow/posts/b.arrow', rows: 9, from: h(14, 6), to: h(14, 12) },
		{ path: 'arrow/posts/c.arrow', rows: 9, from: h(15, 0), to: h(15, 3) }
	];
	it.each([
		['newest: the last partition starting before the end', { from: h(14, 2), to: h(14, 8) }, 'newest', 'b'],
		['oldest: the first partition ending after the start', { from: h(14, 2), to: h(14, 8) }, 'oldest', 'a'],
		['newest, the end in a gap: the last one before it', { from: h(14, 0), to: h(14, 20) }, 'newest', 'b'],
		['newest, a range past every partition', { from: h(16, 0), to: h(16, 5) }, 'newest', null]
	] as const)('%s', (_, range, sort, expected) => {
		const got = edgePartition(files, range, sort);
		expect(got ? got.path.slice(-7, -6) : null).toBe(expected);
	});
});

describe('decodedLength: the progress total of a download', () => {
	const headers = (h: Record<string, string>) => new Headers(h);
	it('is the length header of a body sent as it is', () => {
		expect(decodedLength(headers({ 'content-length': '5000' }), 9000)).toBe(5000);
		expect(decodedLength(headers({ 'content-length': '5000', 'content-encoding': 'identity' }), 9000)).toBe(
			5000
		);
	});
	it('is the expected size when the header counts compressed bytes', () => {
		expect(decodedLength(headers({ 'content-length': '5000', 'content-encoding': 'br' }), 9000)).toBe(9000);
	});
	it('is the expected size without a usable header', () => {
		expect(decodedLength(headers({}), 9000)).toBe(9000);
		expect(decodedLength(headers({ 'content-length': 'x' }), 9000)).toBe(9000);
	});
});

describe('the hour heads’ files', () => {
	it('are named by their hour, as the build names them, and span that hour', () => {
		expect(hourName(h(14, 5))).toBe('2022-12-14T05');
		expect(headPath(h(14, 5))).toBe('arrow/posts_head/2022-12-14T05.arrow');
		expect(headFiles([h(14, 5), h(15, 0)])).toEqual([
			{ path: 'arrow/posts_head/2022-12-14T05.arrow', rows: 1, from: h(14, 5), to: h(14, 6) },
			{ path: 'arrow/posts_head/2022-12-15T00.arrow', rows: 1, from: h(15, 0), to: h(15, 1) }
		]);
	});

	it('are kept per end as the index says; an index without them gives none', () => {
		const index = (tables: ArrowIndex['tables']): ArrowIndex => ({ schemaVersion: '1', tables });
		expect(headRowsOf(index({ posts_head: { files: [], columns: [], perEnd: 25 } }))).toBe(25);
		expect(headRowsOf(index({}))).toBe(0);
	});

	it.each([-1, 2.5, '25'])('an index giving the head size %j is refused', (perEnd) => {
		expect(() =>
			validateIndex({ schemaVersion: '1', tables: { posts_head: { files: [], columns: [], perEnd } } })
		).toThrow(/bad head size for posts_head/);
	});
});
