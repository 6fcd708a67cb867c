import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { markNearDuplicatesSql } from '../../../scripts/lib/dedup';
import { parseArgs } from '../../../scripts/ingest/args';
import { CsvRecordJoiner, guessDelimiter, resolveMapping } from '../../../scripts/ingest/formats/csv';
import { columnNames, csvColumnsSql, posts as postsTable } from '../../../src/lib/schema';
import { byId, counts, FIXTURES, readCsv, run, tmp } from './helpers';

const DIR = `${FIXTURES}/csv`;
const SEED = '/work/shared/seeds/000_59445ed1c24c4a98.txt';
const SEED_MAP = [
	'--map',
	'post_id=comment_id,author_handle=author,created_at=posted_at,text=body,reply_to_id=parent'
];

/** Options as the CLI would build them. */
const cli = (...argv: string[]) => {
	const { help: _h, quiet: _q, out: _o, ...o } = parseArgs(argv);
	return o;
};

/** The build's near-duplicate SQL (scripts/lib/dedup.ts) over an ingested posts.csv. */
async function buildDupOf(postsCsv: string): Promise<Record<string, string | null>> {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	await c.run(
		`CREATE TABLE p AS SELECT * FROM read_csv('${postsCsv}', header = true, columns = ${csvColumnsSql(postsTable)})`
	);
	const r = await c.runAndReadAll(
		`SELECT post_id, dup_of FROM (${markNearDuplicatesSql('p', columnNames(postsTable))})`
	);
	const out = Object.fromEntries(
		r.getRowObjectsJS().map((x) => [String(x.post_id), (x.dup_of as string | null) ?? null])
	);
	c.closeSync();
	db.closeSync();
	return out;
}

describe('csv: seed comments (one comment 4×, one 2×)', () => {
	const seedArgs = [
		'--format',
		'csv',
		'--input',
		`${DIR}/seed-comments.csv`,
		...SEED_MAP,
		'--platform',
		'alook'
	];

	it('ingests the essay (quoted newlines) and the six comments as replies, KST → UTC', async () => {
		const r = await run(cli(...seedArgs));
		expect(counts(r.summary)).toEqual({ 'seed-comments.csv': [7, 7, 0, 0] });
		expect(r.summary.files[0]).toMatchObject({ lines: 12, blank_lines: 0 });
		const essay = byId(r.posts).get('alook:essay');
		expect(essay?.text.split('\n')).toHaveLength(5);
		expect(essay).toMatchObject({
			created_at: '2022-12-20T01:00:00Z',
			stance: 'debunk',
			claim_id: 'mj-poisoned',
			depth: '0'
		});
		expect(
			r.posts
				.filter((p) => p.post_id !== 'alook:essay')
				.map((p) => [p.parent_id, p.edge_kind, p.depth, p.stance])
		).toEqual(Array(6).fill(['alook:essay', 'reply', '1', 'other']));
		expect(r.posts.every((p) => p.dup_of === '')).toBe(true);
	});

	it('end to end with the build: its near-duplicate SQL marks 3 + 1 copies, pointing at the first ones', async () => {
		const r = await run(cli(...seedArgs));
		expect(await buildDupOf(join(r.out, 'posts.csv'))).toEqual({
			'alook:essay': null,
			'alook:c1': null,
			'alook:c2': 'alook:c1',
			'alook:c3': 'alook:c1', // extra spaces: same normalized text
			'alook:c4': null,
			'alook:c5': 'alook:c1',
			'alook:c6': 'alook:c4'
		});
	});

	it('with --mark-near-duplicates the ingester applies the same SQL itself', async () => {
		const r = await run(cli(...seedArgs, '--mark-near-duplicates'));
		expect(Object.fromEntries(r.posts.map((p) => [p.post_id, p.dup_of]))).toEqual({
			'alook:essay': '',
			'alook:c1': '',
			'alook:c2': 'alook:c1',
			'alook:c3': 'alook:c1',
			'alook:c4': '',
			'alook:c5': 'alook:c1',
			'alook:c6': 'alook:c4'
		});
		expect(r.summary.posts?.near_duplicates).toBe(4);
		// Everything else is what the default run writes.
		const plain = await run(cli(...seedArgs));
		const strip = (rows: Record<string, string>[]) => rows.map(({ dup_of: _d, ...rest }) => rest);
		expect(strip(r.posts)).toEqual(strip(plain.posts));
	});

	it.skipIf(!existsSync(SEED))('holds the seed comments word for word', () => {
		const lines = readFileSync(SEED, 'utf8').split('\n');
		const rows = readCsv(`${DIR}/seed-comments.csv`);
		expect(rows[0].body).toBe(lines.slice(0, 5).join('\n'));
		expect(rows.slice(1).map((x) => x.body.trim().replace(/\s+/g, ' '))).toEqual(lines.slice(5));
	});

	it('applies manual labels over the rules and reports labels that match no post', async () => {
		const dir = tmp();
		const labels = join(dir, 'labels.csv');
		writeFileSync(
			labels,
			'post_id,stance,claim_id,note\nalook:c4,pro_ai,,redistribution comment\nalook:missing,claim,mj-poisoned,\n'
		);
		const r = await run(cli(...seedArgs, '--labels', labels));
		expect(byId(r.posts).get('alook:c4')).toMatchObject({ stance: 'pro_ai', claim_id: '' });
		expect(r.summary.posts?.labels).toEqual({ applied: 1, unmatched: 1 });
		expect((r.source.rules as Record<string, { path: string }>).stance_labels.path).toBe(labels);
	});
});

describe('csv: semicolons, BOM, CRLF and a mapping file', () => {
	const args = [
		'--format',
		'csv',
		'--input',
		`${DIR}/semicolon-bom.csv`,
		'--mapping',
		`${DIR}/semicolon-mapping.json`
	];

	it('guesses the delimiter, maps the columns and accounts for every row', async () => {
		const r = await run(cli(...args));
		expect(counts(r.summary)).toEqual({ 'semicolon-bom.csv': [8, 3, 1, 4] });
		expect(r.summary.files[0]).toMatchObject({ bom: true, blank_lines: 1, lines: 12, crlf_lines: 11 });
		expect(r.rejects.map((x) => [x.line, x.offset, x.reason])).toEqual([
			[6, 364, 'invalid-utf8'],
			[7, 442, 'field-count'],
			[8, 498, 'bad-count'],
			[9, 564, 'no-timezone']
		]);
	});

	it('reads quoted delimiters, doubled quotes and a quoted line break, and qualifies ids', async () => {
		const r = await run(cli(...args));
		const p = byId(r.posts);
		expect(p.get('twitter:1603456789012345678')).toMatchObject({
			author_id: 'twitter:111',
			author_handle: 'mj_rumor',
			text: 'The protest images are already inside Midjourney; my generations are "ruined"\nsecond line 🎨',
			like_count: '120',
			repost_count: '45',
			reply_count: '9',
			lang: 'en'
		});
		expect(p.get('twitter:1603456789012345700')).toMatchObject({
			created_at: '2022-12-15T14:05:00Z',
			reply_to_id: 'twitter:1603456789012345678',
			parent_id: 'twitter:1603456789012345678',
			stance: 'claim',
			lang: 'ko'
		});
		// Formula-looking text stays as written here; the build guards downloads.
		expect(p.get('twitter:1603456789012346000')?.text).toBe('=HYPERLINK("x") 아트스테이션 #NoAIArt');
	});

	it('reads naive times as UTC only with --assume-utc', async () => {
		const r = await run(cli(...args, '--assume-utc'));
		expect(byId(r.posts).get('twitter:1603456789012345900')?.created_at).toBe('2022-12-15T14:00:00Z');
		expect(counts(r.summary)['semicolon-bom.csv']).toEqual([8, 4, 1, 3]);
	});
});

describe('csv: trending items from a TSV', () => {
	it('derives snapshots, classifies titles, merges a repeated rank and rejects a bad one', async () => {
		const r = await run(
			cli(
				'--format',
				'csv',
				'--table',
				'trending_items',
				'--input',
				`${DIR}/trending.tsv`,
				'--map',
				'artist_username=artist'
			)
		);
		expect(counts(r.summary)).toEqual({ 'trending.tsv': [5, 3, 1, 1] });
		expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([[6, 'bad-rank']]);
		expect(r.snapshots.map((s) => [s.snapshot_id, s.captured_at, s.item_count, s.archive_url])).toEqual([
			['trending-2d-20221214T031500Z', '2022-12-14T03:15:00Z', '1', ''],
			['trending-all-20221214T031500Z', '2022-12-14T03:15:00Z', '2', '']
		]);
		expect(r.items.map((i) => [i.snapshot_id, i.rank, i.project_id, i.is_protest, i.protest_signal])).toEqual(
			[
				['trending-all-20221214T031500Z', '1', '5871234', 'true', 'title:no-to-ai'],
				['trending-all-20221214T031500Z', '2', '5871235', 'false', ''],
				['trending-2d-20221214T031500Z', '1', '5871241', 'true', 'title:no-to-ai']
			]
		);
	});
});

describe('csv: pieces', () => {
	it('joins physical lines into records while a quoted field is open', () => {
		const j = new CsvRecordJoiner(',');
		expect(j.push('a,b,c')).toBe(true);
		expect(j.push('1,"two')).toBe(false);
		expect(j.push('lines",3')).toBe(true);
		expect(j.push('x,"say ""hi""",z')).toBe(true);
		expect(j.push('x,ab"c,"d')).toBe(false);
		expect(j.open).toBe(true);
		expect(j.push('e"')).toBe(true);
		const semi = new CsvRecordJoiner(';');
		expect(semi.push('"a;b";"c')).toBe(false);
	});

	it.each([
		['a,b,c', ','],
		['a;b;c', ';'],
		['a\tb\tc', '\t'],
		['a|b|c', '|'],
		['"x, y";b;c', ';'],
		['single', ',']
	])('guesses the delimiter of %j', (header, d) => {
		expect(guessDelimiter(header)).toBe(d);
	});

	it('explains a mapping it cannot use', () => {
		expect(() => resolveMapping('posts', ['id', 'time', 'body'], { stance: 'x' }, 'f.csv')).toThrow(
			/"stance" is not a mappable posts column/
		);
		expect(() => resolveMapping('posts', ['id', 'time', 'body'], { post_id: 'nope' }, 'f.csv')).toThrow(
			/mapped column "nope" \(for post_id\) is not in the header: id, time, body/
		);
		expect(() =>
			resolveMapping(
				'posts',
				['id', 'time', 'body'],
				{ post_id: 'id', created_at: 'time', text: 'body' },
				'f.csv'
			)
		).toThrow(/no column for author_id or author_handle/);
		expect(
			resolveMapping(
				'posts',
				['id', 'time', 'body', 'author_handle'],
				{ post_id: 'id', created_at: 'time', text: 'body' },
				'f.csv'
			)
		).toEqual({ post_id: 0, created_at: 1, text: 2, author_handle: 3 });
	});
});

describe('csv: broken records', () => {
	it('rejects a record with a bad byte inside a quoted field, an unclosed quote at the end, and keeps the rest', async () => {
		const dir = tmp();
		const path = join(dir, 'broken.csv');
		writeFileSync(
			path,
			Buffer.concat([
				Buffer.from('post_id,author_handle,created_at,text\n'),
				Buffer.from('1,a,2022-12-15T00:00:00Z,"two\nlines"\n'),
				Buffer.from('2,a,2022-12-15T00:00:00Z,"bad\n'),
				Buffer.from([0xc3, 0x28, 0x0a]),
				Buffer.from('3,a,2022-12-15T00:00:00Z,fine\n'),
				Buffer.from('4,a,2022-12-15T00:00:00Z,"never closed\nat all')
			])
		);
		const r = await run({ format: 'csv', inputs: [path], csv: { table: 'posts', map: {}, platform: 'x' } });
		expect(counts(r.summary)).toEqual({ 'broken.csv': [4, 2, 0, 2] });
		expect(r.rejects.map((x) => [x.line, x.reason, x.detail ?? null])).toEqual([
			[4, 'invalid-utf8', 'at line 5'],
			[7, 'unclosed-quote', null]
		]);
		expect(r.posts.map((p) => [p.post_id, p.text])).toEqual([
			['x:1', 'two\nlines'],
			['x:3', 'fine']
		]);
	});
});
