import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyNames, itemToRow, parseFeedUrl } from '../../../scripts/ingest/formats/wayback';
import { counts, FIXTURES, run, tmp, type Run } from './helpers';

const DIR = `${FIXTURES}/wayback`;
const FEED = 'https://www.artstation.com/api/v2/community/explore/projects/';

let r: Run;
beforeAll(async () => {
	r = await run({ format: 'wayback', inputs: [DIR] });
});

describe('wayback: captures', () => {
	it('accounts for every CDX row: kept, merged duplicate or rejected', () => {
		expect(counts(r.summary)).toEqual({ 'cdx.json': [19, 5, 1, 13] });
		expect(r.summary.files[0].items).toEqual({
			read: 11,
			kept: 10,
			rejected: 1,
			reasons: { 'item-missing-title': 1 }
		});
		expect(r.summary.balanced).toBe(true);
	});

	it('rejects each bad capture with its reason and CDX line', () => {
		const rows = r.rejects
			.filter((x) => x.kind === 'record')
			.map((x) => [x.line, x.reason])
			.sort((a, b) => Number(a[0]) - Number(b[0]));
		expect(rows).toEqual([
			[4, 'missing-body'],
			[5, 'non-200'],
			[8, 'truncated-body'],
			[9, 'html-body'],
			[11, 'not-a-feed-url'],
			[12, 'bad-timestamp'],
			[13, 'bad-cdx-row'],
			[14, 'no-data-array'],
			[15, 'no-per-page'],
			[16, 'invalid-utf8'],
			[17, 'ambiguous-body'],
			[18, 'ambiguous-body'],
			[19, 'too-many-items']
		]);
		const item = r.rejects.find((x) => x.kind === 'item');
		expect(item).toMatchObject({
			line: 3,
			index: '20221214031620-p2.json#data[1]',
			reason: 'item-missing-title'
		});
	});

	it('groups pages of one crawl into a snapshot and starts a new one after the window or on a repeated page', () => {
		expect(r.snapshots.map((s) => [s.snapshot_id, s.feed, s.dimension, s.captured_at, s.item_count])).toEqual(
			[
				['trending-all-20221214T031500Z', 'trending', 'all', '2022-12-14T03:15:00Z', '5'],
				['trending-all-20221214T040000Z', 'trending', 'all', '2022-12-14T04:00:00Z', '2'],
				['trending-all-20221214T040500Z', 'trending', 'all', '2022-12-14T04:05:00Z', '1'],
				['latest-all-20221214T080000Z', 'latest', 'all', '2022-12-14T08:00:00Z', '2']
			]
		);
		expect(r.snapshots[0]).toMatchObject({
			original_url: `${FEED}trending.json?page=1&dimension=all&per_page=3`,
			archive_url: `https://web.archive.org/web/20221214031500id_/${FEED}trending.json?page=1&dimension=all&per_page=3`,
			provenance: 'observed'
		});
	});

	it('ranks items by position + per_page × (page − 1), keeping the gap of a rejected item', () => {
		const first = r.items.filter((i) => i.snapshot_id === 'trending-all-20221214T031500Z');
		expect(first.map((i) => [i.rank, i.project_id, i.title, i.is_protest, i.protest_signal])).toEqual([
			['1', '5871234', 'No to AI Generated Images', 'true', 'title:no-to-ai'],
			['2', '5871235', 'Forest Spirit', 'false', ''],
			['3', '5871236', 'ＮＯ ＡＩ 🚫', 'true', 'title:noai'],
			['4', '5871237', 'Mech Study 04', 'false', ''],
			['6', '5871239', 'AI 생성 이미지 반대', 'true', 'title:ko-ai-oppose']
		]);
		expect(first[4]).toMatchObject({
			hash_id: 'h5871239',
			artist_username: 'kr_painter',
			artist_name: '김화가',
			cover_url: 'https://cdna.artstation.com/p/assets/covers/images/5871239/small_square/x.jpg'
		});
		expect(r.summary.outputs).toEqual({ posts: 0, snapshots: 4, trending_items: 10, protest_items: 6 });
	});

	it('keeps a revisit capture whose body was saved', () => {
		expect(r.items.filter((i) => i.snapshot_id.startsWith('latest-')).map((i) => i.rank)).toEqual(['1', '2']);
	});

	it('narrows snapshots with a shorter window', async () => {
		const w = await run({ format: 'wayback', inputs: [`${DIR}/cdx.json`], wayback: { windowMinutes: 1 } });
		expect(w.snapshots.map((s) => s.snapshot_id)).toContain('trending-all-20221214T031620Z');
		expect(
			w.items.filter((i) => i.snapshot_id === 'trending-all-20221214T031620Z').map((i) => i.rank)
		).toEqual(['4', '6']);
		expect((w.source.options as Record<string, unknown>).window_minutes).toBe(1);
	});

	it('reports body files no capture points at, and lists read bodies in source.json', () => {
		expect(r.summary.warnings).toEqual({ 'wayback-unreferenced-body': 1 });
		const inputs = r.source.inputs as { path: string; role: string; sha256: string }[];
		expect(inputs[0]).toMatchObject({ path: `${DIR}/cdx.json`, role: 'records' });
		// Every body that was read (an ambiguous name is never read, an unreferenced file is not an input).
		expect(
			inputs
				.filter((i) => i.role === 'body')
				.map((i) => i.path.split('/').pop())
				.sort()
		).toEqual([
			'20221214031500.json',
			'20221214031620-p2.json',
			'20221214040000.json',
			'20221214040500.json',
			'20221214040600-p2.json',
			'20221214040700-trending-2d-p2.json',
			'20221214050000.json',
			'20221214051500.json',
			'20221214070000.json',
			'20221214080000.json'
		]);
		expect(inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
	});
});

describe('wayback: helpers', () => {
	it.each([
		[
			`${FEED}trending.json?page=2&dimension=2d&per_page=100`,
			{ feed: 'trending', dimension: '2d', page: 2, perPage: 100, variant: '' }
		],
		[
			`${FEED}latest.json?per_page=30`,
			{ feed: 'latest', dimension: 'all', page: 1, perPage: 30, variant: '' }
		],
		[
			`${FEED}trending.json?page=1&dimension=all&per_page=100&medium_ids%5B%5D=1`,
			{ feed: 'trending', dimension: 'all', page: 1, perPage: 100, variant: 'medium_ids[]=1' }
		]
	])('reads %s', (url, expected) => {
		expect(parseFeedUrl(url)).toEqual(expected);
	});

	it.each([
		'https://www.artstation.com/artwork/abc',
		'https://example.com/api/v2/community/explore/projects/trending.json',
		`${FEED}trending.json?page=0`,
		`${FEED}trending.json?per_page=ten`,
		'not a url'
	])('refuses %s', (url) => {
		expect(parseFeedUrl(url)).toHaveProperty('error');
	});

	it('names body files from most to least specific', () => {
		const f = parseFeedUrl(`${FEED}trending.json?page=2&dimension=all&per_page=3`);
		if ('error' in f) throw new Error(f.error);
		expect(bodyNames('20221214031500', f)).toEqual([
			'20221214031500-trending-all-p2.json',
			'20221214031500-p2.json',
			'20221214031500.json'
		]);
	});

	it('turns an item into a row, refusing rounded ids and missing users', () => {
		const item = { id: 5871234, hash_id: 'x', title: 'T', user: { username: 'u', full_name: '' } };
		expect(itemToRow(item, 's', 7)).toEqual({
			ok: true,
			row: {
				snapshot_id: 's',
				rank: 7,
				project_id: '5871234',
				hash_id: 'x',
				title: 'T',
				artist_username: 'u',
				artist_name: null,
				cover_url: null
			}
		});
		expect(itemToRow({ ...item, id: 2 ** 60 }, 's', 1)).toEqual({ ok: false, reason: 'lossy-numeric-id' });
		expect(itemToRow({ ...item, user: null }, 's', 1)).toEqual({ ok: false, reason: 'item-missing-user' });
	});
});

describe('wayback: other listings', () => {
	it('reads a one-line CDX listing with fl= fields, --bodies elsewhere and a gzipped body', async () => {
		const dir = tmp();
		const bodies = join(dir, 'bodies');
		const url = `${FEED}trending.json?page=1&dimension=3d&per_page=2`;
		writeFileSync(
			join(dir, 'list.cdx.json'),
			JSON.stringify([
				['timestamp', 'original', 'statuscode'],
				['20221215120000', url, '200']
			])
		);
		const { mkdirSync } = await import('node:fs');
		mkdirSync(bodies);
		const items = [1, 2].map((n) => ({ id: n, title: `Piece ${n}`, user: { username: `u${n}` } }));
		writeFileSync(
			join(bodies, '20221215120000-trending-3d-p1.json'),
			gzipSync(JSON.stringify({ data: items }))
		);
		const r = await run({ format: 'wayback', inputs: [join(dir, 'list.cdx.json')], wayback: { bodies } });
		expect(counts(r.summary)).toEqual({ 'list.cdx.json': [1, 1, 0, 0] });
		expect(r.items.map((i) => [i.snapshot_id, i.rank, i.title])).toEqual([
			['trending-3d-20221215T120000Z', '1', 'Piece 1'],
			['trending-3d-20221215T120000Z', '2', 'Piece 2']
		]);
	});
});
