// The hour heads (posts_head) against the partitions they stand in for: over a dataset with busy, quiet and
// empty hours, ties to the second and near-duplicate copies, every page the heads are said to hold is the page
// the full posts give, text included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	EMPTY_FILTERS,
	MAX_HEAD_HOURS,
	NO_CLAIM,
	headWindow,
	headsCanServe,
	hourCountsSql,
	hoursWithin,
	compareCodePoints,
	headPage,
	postsPageWithTextSql,
	type Filters,
	type HeadRow,
	type HistogramRow,
	type SortKey
} from '../../src/lib/queries/explore';
import {
	POSTS_HEAD_COLUMNS,
	postsCoreFromPostsSql,
	postsHeadFromPostsSql,
	postsHourlyFromPostsSql
} from '../../src/lib/queries/tables';
import { TABLES, createTableSql } from '../../src/lib/schema';
import { nodeRunner, type NodeRunner } from '../helpers/node-runner';

const HOUR = 3_600_000;
const T0 = Date.UTC(2022, 11, 14);
const at = (h: number) => T0 + h * HOUR;
const f = (over: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...over });
/** Rows kept per end of an hour here, and the page size: small, so pages reach past the heads. */
const PER_END = 5;
const LIMIT = 3;

let db: NodeRunner;
let hours: HistogramRow[];
let headRows: HeadRow[];

beforeAll(async () => {
	db = await nodeRunner();
	await db.exec(createTableSql(TABLES.posts));
	// 390 posts over 13 hours, (i*i) mod 13: seven busy hours of uneven size. Then one post in each of hours 2 to
	// 11: the six hours left empty get one (hour 2's is a copy, so it lists none). The second within the hour
	// repeats, so ties fall to post_id; every ninth post from the 30th is a copy of one before it.
	await db.exec(`INSERT INTO posts SELECT 'sim:' || i, 'twitter', 'sim:a' || (i % 7), 'synthetic_' || (i % 7),
		TIMESTAMP '2022-12-14 00:00:00' + to_hours(CASE WHEN i < 390 THEN (i * i) % 13 ELSE i - 388 END)
			+ to_seconds((i * 7) % 50),
		CASE WHEN i % 2 = 0 THEN 'en' ELSE 'ko' END, 'synthetic post ' || i, NULL, NULL, NULL, NULL,
		i % 5, 0, 0, 'other', NULL, 'sim:c' || i, NULL, NULL, 0,
		CASE WHEN i % 9 = 3 AND i >= 30 THEN 'sim:' || (i - 27) END, 'simulated'
		FROM range(400) r(i)`);
	await db.exec(`CREATE TABLE posts_core AS ${postsCoreFromPostsSql('posts')}`);
	await db.exec(
		`CREATE TABLE posts_text AS SELECT post_id, created_at, author_handle, "text", url FROM posts`
	);
	await db.exec(`CREATE TABLE posts_hourly AS ${postsHourlyFromPostsSql('posts')}`);
	await db.exec(`CREATE TABLE posts_head AS ${postsHeadFromPostsSql('posts', PER_END)}`);
	hours = await db.rows<HistogramRow>(hourCountsSql(EMPTY_FILTERS));
	// As the engine reads the build's files: every column, times in epoch ms, in no particular order.
	headRows = await db.rows<HeadRow>(`SELECT * FROM posts_head ORDER BY hash(post_id)`);
});
afterAll(() => db?.close());

describe('the hour heads', () => {
	it('keep, per hour, the first and last first copies in time order: all of a quiet hour, 2 × PER_END of a busy one', async () => {
		const kept = await db.rows<{ t: number; n: number }>(
			`SELECT epoch_ms(date_trunc('hour', created_at))::DOUBLE AS t, count(*)::INTEGER AS n FROM posts_head GROUP BY 1 ORDER BY 1`
		);
		expect(kept).toEqual(hours.map((h) => ({ t: h.t, n: Math.min(h.n, 2 * PER_END) })));
		expect(hours.some((h) => h.n > 2 * PER_END)).toBe(true);
		expect(hours.some((h) => h.n === 1)).toBe(true);
		expect(hours.some((h) => h.t === at(2))).toBe(false);
		const [{ copies }] = await db.rows<{ copies: number }>(
			`SELECT count(*)::INTEGER AS copies FROM posts_head WHERE dup_of IS NOT NULL`
		);
		expect(copies).toBe(0);
		const [{ counted }] = await db.rows<{ counted: number }>(
			`SELECT count(*)::INTEGER AS counted FROM posts_head WHERE copies > 0`
		);
		expect(counted).toBeGreaterThan(0);
	});

	it('carry the light columns and the text', () => {
		expect(POSTS_HEAD_COLUMNS.map((c) => c.name).slice(-3)).toEqual(['text', 'url', 'author_handle']);
		expect(Object.keys(headRows[0]).sort()).toEqual(POSTS_HEAD_COLUMNS.map((c) => c.name).sort());
	});

	it('give every page they are said to hold, worked out in JS, exactly as the full posts do in SQL, text included', async () => {
		const bounds = [null, ...[0, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13].map(at)];
		let served = 0;
		let acrossHours = 0;
		let inside = 0;
		for (const from of bounds)
			for (const to of bounds) {
				if (from !== null && to !== null && to <= from) continue;
				const filters = f({ from, to });
				const within = hours.filter((h) => (from === null || h.t >= from) && (to === null || h.t < to));
				for (const sort of ['newest', 'oldest'] as SortKey[])
					for (const offset of [0, 2, 4]) {
						const w = headWindow(within, sort, offset, LIMIT, filters, PER_END);
						if (!w) continue;
						served++;
						if (hoursWithin(within, w).length > 1) acrossHours++;
						if (w.offset > 0) inside++;
						const full = await db.rows(postsPageWithTextSql(filters, sort, offset, LIMIT));
						const head = headPage(headRows, w, sort, LIMIT);
						expect(head, `${sort} ${offset} [${from}, ${to})`).toEqual(full);
					}
			}
		// The comparison covered windows of several hours and pages that start inside an hour's head.
		expect(served).toBeGreaterThan(150);
		expect(acrossHours).toBeGreaterThan(10);
		expect(inside).toBeGreaterThan(10);
	});

	it('are not said to hold a page that reaches deeper into an hour than they go', () => {
		const busy = hours.find((h) => h.n > 2 * PER_END)!;
		const range = f({ from: busy.t, to: busy.t + HOUR });
		const one = [busy];
		expect(headWindow(one, 'newest', PER_END - LIMIT, LIMIT, range, PER_END)).not.toBeNull();
		expect(headWindow(one, 'newest', PER_END - LIMIT + 1, LIMIT, range, PER_END)).toBeNull();
		expect(headWindow(one, 'oldest', PER_END, LIMIT, range, PER_END)).toBeNull();
	});

	it.each([
		['a facet', f({ lang: ['ko'] }), 'newest'],
		['the no-claim facet', f({ claim: [NO_CLAIM] }), 'newest'],
		['a search', f({ q: 'synthetic' }), 'newest'],
		['a sort by likes', f({}), 'likes'],
		['a range not on whole hours', f({ from: at(1) + 1_000, to: at(4) }), 'oldest'],
		['an end not on a whole hour', f({ from: at(1), to: at(4) - 1 }), 'newest'],
		['heads smaller than a page', f({}), 'newest', LIMIT - 1],
		['a build without heads', f({}), 'newest', 0]
	] as const)('leave the page to the partitions with %s', (_, filters, sort, perEnd = PER_END) => {
		expect(headsCanServe(filters, sort, LIMIT, perEnd)).toBe(false);
		expect(headWindow(hours, sort, 0, LIMIT, filters, perEnd)).toBeNull();
	});

	it('serve a time-only, whole-hour view sorted by time', () => {
		expect(headsCanServe(f({ from: at(1), to: at(4) }), 'oldest', LIMIT, PER_END)).toBe(true);
		expect(headsCanServe(f({}), 'newest', LIMIT, PER_END)).toBe(true);
	});

	it('are not said to hold a page spread over more hours than MAX_HEAD_HOURS', () => {
		// One first copy an hour: a page of three spans three hours, within the cap; a page over five does not fit.
		const quiet = Array.from({ length: 8 }, (_, h) => ({ t: at(h), n: 1 }));
		const w = headWindow(quiet, 'newest', 0, LIMIT, f({}), PER_END);
		expect(w && hoursWithin(quiet, w)).toEqual([at(5), at(6), at(7)]);
		const five = Array.from({ length: MAX_HEAD_HOURS + 1 }, (_, h) => ({ t: at(h), n: 1 }));
		expect(headWindow(five, 'oldest', 0, MAX_HEAD_HOURS, f({}), PER_END)).not.toBeNull();
		expect(headWindow(five, 'oldest', 0, MAX_HEAD_HOURS + 1, f({}), MAX_HEAD_HOURS + 1)).toBeNull();
	});

	it('are read only for the hours of the window that hold a first copy', () => {
		const w = headWindow(hours, 'newest', 0, LIMIT, f({}), PER_END)!;
		const read = hoursWithin(hours, w);
		expect(read.length).toBeGreaterThan(0);
		for (const t of read) expect(hours.find((h) => h.t === t)!.n).toBeGreaterThan(0);
		expect(hoursWithin(hours, { from: 0, to: 0, offset: 0 })).toEqual([]);
	});
});

describe('compareCodePoints', () => {
	it('orders strings as DuckDB orders VARCHAR, where UTF-16 order would not', async () => {
		const words = ['a', 'ab', 'b', 'é', '한', '\uffef', '😀', '😀a', 'Z', ''];
		const sorted = await db.rows<{ w: string }>(
			`SELECT w FROM (VALUES ${words.map((w) => `('${w}')`).join(', ')}) t(w) ORDER BY w`
		);
		expect([...words].sort(compareCodePoints)).toEqual(sorted.map((r) => r.w));
		// UTF-16 units put the emoji's surrogates (U+D83D…) before U+FFEF; code points do not.
		expect([...words].sort()).not.toEqual(sorted.map((r) => r.w));
	});
});
