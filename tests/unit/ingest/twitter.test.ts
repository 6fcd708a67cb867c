import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { tweetToPost } from '../../../scripts/ingest/formats/twitter';
import { csvColumnsSql, posts as postsTable } from '../../../src/lib/schema';
import { byId, counts, FIXTURES, run, tmp, type Run } from './helpers';

const DIR = `${FIXTURES}/twitter-v2`;
const T1 = 'twitter:1603456789012345678';

let r: Run;
beforeAll(async () => {
	r = await run({ format: 'twitter-v2', inputs: [DIR] });
});

describe('twitter-v2: counts', () => {
	it('accounts for every record of every file: read = kept + duplicates + rejected', () => {
		expect(counts(r.summary)).toEqual({
			'flattened.jsonl': [3, 3, 0, 0],
			'lookup.json': [1, 1, 0, 0],
			'nasty.jsonl': [10, 2, 1, 7],
			'pages.jsonl': [9, 6, 1, 2]
		});
		expect(r.summary.total).toEqual({
			read: 23,
			kept: 12,
			duplicates: 2,
			rejected: 9,
			lines: 47,
			blank_lines: 2
		});
		expect(r.summary.balanced).toBe(true);
		expect(r.posts).toHaveLength(12);
		expect(r.rejects).toHaveLength(9);
	});

	it('notes the BOM, the CRLF line and the two blank lines (not records) of pages.jsonl', () => {
		const f = r.summary.files.find((x) => x.path.endsWith('pages.jsonl'));
		expect(f).toMatchObject({ lines: 5, blank_lines: 2, bom: true, crlf_lines: 1 });
	});

	it('rejects each bad line with its reason, line and byte offset', () => {
		expect(
			r.rejects.map((x) => [String(x.file).split('/').pop(), x.line, x.offset, x.index ?? null, x.reason])
		).toEqual([
			['nasty.jsonl', 2, 266, null, 'lossy-numeric-id'],
			['nasty.jsonl', 3, 379, null, 'no-timezone'],
			['nasty.jsonl', 4, 592, null, 'unparseable-timestamp'],
			['nasty.jsonl', 5, 796, null, 'invalid-utf8'],
			['nasty.jsonl', 6, 912, null, 'invalid-json'],
			['nasty.jsonl', 7, 1028, null, 'unknown-shape'],
			['nasty.jsonl', 10, 1631, null, 'truncated-line'],
			['pages.jsonl', 2, 1700, 'errors[0]', 'api-error'],
			['pages.jsonl', 5, 3235, null, 'empty-page']
		]);
	});

	it('keeps a rejected line exactly as read: digits of an unquoted id, bytes of invalid UTF-8', () => {
		const lossy = r.rejects.find((x) => x.reason === 'lossy-numeric-id');
		expect(lossy?.raw).toContain('"id": 1603456789012345999');
		const utf8 = r.rejects.find((x) => x.reason === 'invalid-utf8');
		const bytes = Buffer.from(String(utf8?.raw_base64), 'base64');
		expect(bytes.includes(Buffer.from([0xff, 0xfe]))).toBe(true);
		expect(utf8?.raw_bytes).toBe(bytes.length);
	});

	it('truncates raw text to --max-raw-bytes and says so', async () => {
		const small = await run({ format: 'twitter-v2', inputs: [`${DIR}/nasty.jsonl`], maxRawBytes: 20 });
		const x = small.rejects.find((e) => e.reason === 'no-timezone');
		expect(x).toMatchObject({ raw_bytes: 212, raw_truncated: true });
		expect(Buffer.byteLength(String(x?.raw))).toBeLessThanOrEqual(20);
	});
});

describe('twitter-v2: values', () => {
	it('reads a page tweet with its handle from includes.users, metrics and UTC time', () => {
		expect(byId(r.posts).get(T1)).toMatchObject({
			platform: 'twitter',
			author_id: 'twitter:111',
			author_handle: 'mj_rumor',
			created_at: '2022-12-15T14:02:11Z',
			lang: 'en',
			text: 'The protest images are already inside Midjourney 😱 my generations are ruined',
			url: 'https://twitter.com/mj_rumor/status/1603456789012345678',
			like_count: '120',
			repost_count: '45',
			reply_count: '9',
			stance: 'claim',
			claim_id: 'mj-poisoned',
			dup_of: '',
			provenance: 'observed'
		});
	});

	it('keeps the copy that knows the handle when the same tweet comes twice', () => {
		// nasty.jsonl repeats T1 as a bare tweet (no users): that copy is the merged duplicate.
		const nasty = r.summary.files.find((f) => f.path.endsWith('nasty.jsonl'));
		expect(nasty?.duplicates).toBe(1);
		expect(byId(r.posts).get(T1)?.author_handle).toBe('mj_rumor');
	});

	it('reads per-tweet lines: embedded author, expanded referenced tweet, bare tweet without a user', () => {
		const p = byId(r.posts);
		expect(p.get('twitter:1603456789012348000')).toMatchObject({ author_handle: 'booster' });
		expect(p.get('twitter:1603456789012340000')).toMatchObject({
			author_handle: 'logo_maker',
			text: 'first draft of the no-AI logo, feel free to use it'
		});
		expect(p.get('twitter:1603456789012346200')).toMatchObject({
			author_handle: '666',
			url: 'https://twitter.com/i/web/status/1603456789012346200',
			text: 'Trending 오늘 🎨✨ nothing but protest logos, wild day'
		});
		expect(r.summary.warnings).toEqual({ 'twitter-handle-unknown': 3 });
	});

	it('converts offsets to UTC and keeps milliseconds', () => {
		const p = byId(r.posts);
		expect(p.get('twitter:1603456789012345800')?.created_at).toBe('2022-12-15T14:10:00Z');
		expect(p.get('twitter:1603456789012346300')?.created_at).toBe('2022-12-15T14:30:00.123Z');
	});

	it('maps referenced_tweets to repost / quote / reply ids and builds cascades from them', () => {
		const rows = r.posts.map((p) => [
			p.post_id.slice(8),
			p.repost_of_id.slice(8),
			p.quote_of_id.slice(8),
			p.reply_to_id.slice(8)
		]);
		expect(rows).toContainEqual(['1603456789012345700', '1603456789012345678', '', '']);
		expect(rows).toContainEqual(['1603456789012345800', '', '1603456789012345678', '']);
		expect(rows).toContainEqual(['1603456789012345900', '', '', '1603456789012345800']);
		const tree = Object.fromEntries(
			r.posts.map((p) => [
				p.post_id.slice(8),
				[p.cascade_id.slice(8), p.parent_id.slice(8), p.edge_kind, p.depth]
			])
		);
		expect(tree).toEqual({
			'1603456789012340000': ['1603456789012340000', '', '', '0'],
			'1603456789012347000': ['1603456789012340000', '1603456789012340000', 'quote', '1'],
			'1603456789012348000': ['1603456789012340000', '1603456789012347000', 'repost', '2'],
			'1603456789012345678': ['1603456789012345678', '', '', '0'],
			'1603456789012345700': ['1603456789012345678', '1603456789012345678', 'repost', '1'],
			'1603456789012345800': ['1603456789012345678', '1603456789012345678', 'quote', '1'],
			'1603456789012345900': ['1603456789012345678', '1603456789012345800', 'reply', '2'],
			'1603456789012349000': ['1603456789012345678', '1603456789012345678', 'reply', '1'],
			// Replies to a tweet outside the archive root their own cascade.
			'1603456789012346000': ['1603456789012346000', '', '', '0'],
			'1603456789012346100': ['1603456789012346100', '', '', '0'],
			'1603456789012346200': ['1603456789012346200', '', '', '0'],
			'1603456789012346300': ['1603456789012346300', '', '', '0']
		});
		expect(r.summary.posts?.cascades).toEqual({
			count: 6,
			max_depth: 2,
			max_size: 5,
			edges: { quote: 2, reply: 2, repost: 2 },
			references_outside_archive: 1,
			references_not_earlier: 0
		});
	});

	it('tags stance by rule, and a retweet whose cut text matches nothing takes the stance of what it retweets', () => {
		const p = byId(r.posts);
		expect(p.get('twitter:1603456789012345800')).toMatchObject({ stance: 'debunk', claim_id: 'mj-poisoned' });
		expect(p.get('twitter:1603456789012346100')).toMatchObject({
			stance: 'claim',
			claim_id: 'mj-poisoned',
			lang: 'ko'
		});
		expect(p.get('twitter:1603456789012346000')).toMatchObject({ stance: 'protest', claim_id: '' });
		expect(p.get('twitter:1603456789012348000')).toMatchObject({
			text: 'RT @quoter: Midjourney got po…',
			stance: 'claim'
		});
		expect(r.summary.posts?.stance_inherited).toBe(1);
	});

	it('writes source.json with every input hashed and the rules used', () => {
		expect(r.source).toMatchObject({ provenance: 'observed', format: 'twitter-v2' });
		const inputs = r.source.inputs as { path: string; sha256: string }[];
		expect(inputs.map((i) => i.path)).toEqual(
			['flattened.jsonl', 'lookup.json', 'nasty.jsonl', 'pages.jsonl'].map((n) => `${DIR}/${n}`)
		);
		for (const i of inputs)
			expect(i.sha256).toBe(createHash('sha256').update(readFileSync(i.path)).digest('hex'));
		const rules = r.source.rules as Record<string, { path: string; sha256: string } | null>;
		expect(rules.stance_rules?.path).toBe('data/rules/stance-rules.csv');
		expect(rules.protest_rules?.sha256).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('twitter-v2: ids and size', () => {
	it('round-trips a 19-digit id as a string through posts.csv → DuckDB → Parquet → back', async () => {
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		const parquet = join(tmp(), 'posts.parquet');
		await c.run(
			`COPY (SELECT * FROM read_csv('${join(r.out, 'posts.csv')}', header = true, columns = ${csvColumnsSql(postsTable)}))
			TO '${parquet}' (FORMAT parquet)`
		);
		const res = await c.runAndReadAll(
			`SELECT post_id, typeof(post_id) AS t, cascade_id FROM read_parquet('${parquet}') WHERE post_id = '${T1}'`
		);
		expect(res.getRowObjectsJS()).toEqual([{ post_id: T1, t: 'VARCHAR', cascade_id: T1 }]);
		c.closeSync();
		db.closeSync();
		// What JSON.parse would have done to it:
		expect(String(JSON.parse('1603456789012345678'))).not.toBe('1603456789012345678');
	});

	it('reads the same output in parallel byte ranges (worker threads) as in one thread', async () => {
		const par = await run({ format: 'twitter-v2', inputs: [DIR], workers: 3, parallelMinBytes: 1 });
		expect(readFileSync(join(par.out, 'posts.csv'), 'utf8')).toBe(
			readFileSync(join(r.out, 'posts.csv'), 'utf8')
		);
		expect(par.rejects).toEqual(r.rejects);
		expect(par.summary.files).toEqual(r.summary.files);
	});

	it('carries a 1 MB text with Korean and emoji intact, and rejects a line over --max-line-bytes', async () => {
		const dir = tmp();
		const text = ('미드저니 🎨 protest ' + 'ㄱ'.repeat(50)).repeat(6000);
		expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
		const tweet = (id: string, t: string) =>
			JSON.stringify({
				id,
				text: t,
				author_id: '1',
				created_at: '2022-12-15T00:00:00Z',
				author: { id: '1', username: 'big' }
			});
		writeFileSync(
			join(dir, 'big.jsonl'),
			tweet('1603456789012300001', text) + '\n' + tweet('1603456789012300002', 'x'.repeat(3000)) + '\n'
		);
		const big = await run({ format: 'twitter-v2', inputs: [join(dir, 'big.jsonl')], maxLineBytes: 2 << 20 });
		expect(big.posts).toHaveLength(2);
		expect(big.posts[0].text).toBe(text);
		const tight = await run({
			format: 'twitter-v2',
			inputs: [join(dir, 'big.jsonl')],
			maxLineBytes: 1 << 20
		});
		expect(tight.posts.map((p) => p.post_id)).toEqual(['twitter:1603456789012300002']);
		expect(tight.rejects.map((x) => [x.reason, x.line, x.raw_truncated])).toEqual([
			['line-too-long', 1, true]
		]);
		expect(tight.summary.balanced).toBe(true);
	});
});

describe('tweetToPost', () => {
	const ctx = { warn: () => undefined, time: {} };
	const base = {
		id: '1603456789012345678',
		author_id: '1',
		created_at: '2022-12-15T00:00:00Z',
		text: 'short…'
	};

	it('uses the full text of a long tweet (note_tweet) and the first reference of each kind', () => {
		const r = tweetToPost(
			{
				...base,
				note_tweet: { text: 'the whole long text' },
				referenced_tweets: [
					{ type: 'replied_to', id: '10' },
					{ type: 'quoted', id: '11' }
				]
			},
			new Map([['1', 'someone']]),
			ctx
		);
		expect(r).toMatchObject({
			ok: true,
			value: {
				text: 'the whole long text',
				reply_to_id: 'twitter:10',
				quote_of_id: 'twitter:11',
				repost_of_id: null
			}
		});
	});

	it.each([
		[{ ...base, id: JSON.parse('1603456789012345678') }, 'lossy-numeric-id'],
		[{ ...base, id: 42 }, null],
		[{ ...base, author_id: undefined }, 'missing-author'],
		[{ ...base, text: undefined }, 'missing-text'],
		[{ ...base, text: ' ' }, 'empty-text'],
		[{ ...base, referenced_tweets: [{ type: 'liked', id: '1' }] }, 'bad-referenced-tweets'],
		[{ ...base, referenced_tweets: [{ type: 'quoted', id: 2 ** 60 }] }, 'lossy-numeric-id'],
		[{ ...base, id: 'abc' }, 'missing-id']
	])('checks %j', (tweet, reason) => {
		const r = tweetToPost(tweet, new Map(), ctx);
		if (reason === null) expect(r).toMatchObject({ ok: true, value: { post_id: 'twitter:42' } });
		else expect(r).toMatchObject({ ok: false, reason });
	});
});
