import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	EMPTY_FILTERS,
	FACETS,
	NO_CLAIM,
	allExploreQueries,
	copiesOfSql,
	COPY_WINDOW_MS,
	createSearchHitsSql,
	pageWindow,
	extentSql,
	crossfilterSql,
	crossfilterCubeSql,
	codedCubeSql,
	facetCountsSql,
	splitCrossfilter,
	hourCountsSql,
	postsCountSql,
	postsPageSql,
	postsPageWithTextSql,
	postsTextSql,
	SORT_KEYS,
	searchTerms,
	summarySql,
	timeHistogramSql,
	type FacetRow,
	type Filters,
	type CrossfilterRow,
	type CubeRow,
	type HistogramRow,
	type PostRow,
	type PostTextRow,
	type PostsCountRow,
	type SummaryRow
} from '../../src/lib/queries/explore';
import { CrossfilterCube, decodeCube, type CodedCube } from '../../src/lib/explore/cube';
import { FIXTURE_POSTS, XSS_TEXT, loadFixture, type Fixture } from './fixtures';

const f = (over: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...over });
const utc = (s: string) => Date.parse(`${s}Z`);

let fx: Fixture;
beforeAll(async () => {
	fx = await loadFixture();
});
afterAll(() => fx.cleanup());

describe('every explore builder binds on the real schema', () => {
	it.each(allExploreQueries())('%s', async (_, sql) => {
		const plan = await fx.db.rows(`EXPLAIN ${sql}`);
		expect(plan.length).toBeGreaterThan(0);
	});
});

describe('the engine layout', () => {
	it('holds every fixture post in posts_core, posts_text and the posts view', async () => {
		const [row] = await fx.db.rows<{ core: number; text: number; view: number; hourly: number }>(
			`SELECT (SELECT count(*) FROM posts_core) AS core, (SELECT count(*) FROM posts_text) AS text,
				(SELECT count(*) FROM posts WHERE "text" IS NOT NULL) AS view, (SELECT sum(n) FROM posts_hourly) AS hourly`
		);
		expect(row).toEqual({ core: 11, text: 11, view: 11, hourly: 11 });
	});

	it('knows the extent of the data', async () => {
		expect(await fx.db.rows(extentSql())).toEqual([
			{ lo: utc('2022-12-14T03:00:00'), hi: utc('2022-12-15T23:00:00'), n: 11 }
		]);
	});
});

describe('time histogram', () => {
	it('counts posts per day, copies left out', async () => {
		const rows = await fx.db.rows<HistogramRow>(timeHistogramSql(EMPTY_FILTERS, 'day'));
		expect(rows).toEqual([
			{ t: utc('2022-12-14T00:00:00'), n: 4 },
			{ t: utc('2022-12-15T00:00:00'), n: 5 }
		]);
	});

	it('counts posts per hour, the same from the pre-aggregate as from the posts', async () => {
		const hourly = await fx.db.rows<HistogramRow>(timeHistogramSql(EMPTY_FILTERS, 'hour'));
		const direct = await fx.db.rows<HistogramRow>(
			`SELECT epoch_ms(date_trunc('hour', created_at))::DOUBLE AS t, count(*)::INTEGER AS n FROM posts_core WHERE dup_of IS NULL GROUP BY 1 ORDER BY 1`
		);
		expect(hourly).toEqual(direct);
		expect(hourly[0]).toEqual({ t: utc('2022-12-14T03:00:00'), n: 1 });
	});

	it('ignores its own time filter but follows every other one', async () => {
		const rows = await fx.db.rows<HistogramRow>(
			timeHistogramSql(f({ from: utc('2022-12-15T00:00:00'), lang: ['ko'] }), 'day')
		);
		expect(rows).toEqual([
			{ t: utc('2022-12-14T00:00:00'), n: 2 },
			{ t: utc('2022-12-15T00:00:00'), n: 1 }
		]);
	});

	it('follows a text search (read from the posts, not the pre-aggregate)', async () => {
		const rows = await fx.db.rows<HistogramRow>(timeHistogramSql(f({ q: 'NO TO AI' }), 'day'));
		expect(rows).toEqual([
			{ t: utc('2022-12-14T00:00:00'), n: 1 },
			{ t: utc('2022-12-15T00:00:00'), n: 3 }
		]);
	});
});

describe('facet counts (cross-filtering)', () => {
	it('counts platforms with no filter', async () => {
		expect(await fx.db.rows<FacetRow>(facetCountsSql('platform', EMPTY_FILTERS))).toEqual([
			{ value: 'twitter', n: 6 },
			{ value: 'mastodon', n: 3 }
		]);
	});

	it('keeps its own selection visible while other facets filter it', async () => {
		const rows = await fx.db.rows<FacetRow>(
			facetCountsSql('platform', f({ platform: ['mastodon'], lang: ['en'] }))
		);
		expect(rows).toEqual([{ value: 'twitter', n: 6 }]);
	});

	it('counts languages inside a brushed time range', async () => {
		const rows = await fx.db.rows<FacetRow>(
			facetCountsSql('lang', f({ from: utc('2022-12-14T03:00:00'), to: utc('2022-12-14T06:00:00') }))
		);
		expect(rows).toEqual([
			{ value: 'en', n: 2 },
			{ value: 'ko', n: 1 }
		]);
	});

	it('names posts without a claim, and filters on them', async () => {
		expect(await fx.db.rows<FacetRow>(facetCountsSql('claim', EMPTY_FILTERS))).toEqual([
			{ value: NO_CLAIM, n: 5 },
			{ value: 'mj-poisoned', n: 4 }
		]);
		expect(await fx.db.rows<FacetRow>(facetCountsSql('stance', f({ claim: [NO_CLAIM] })))).toEqual([
			{ value: 'protest', n: 3 },
			{ value: 'other', n: 1 },
			{ value: 'pro_ai', n: 1 }
		]);
	});

	it('counts the same from text-filtered posts for every facet', async () => {
		for (const facet of FACETS) {
			const rows = await fx.db.rows<FacetRow>(facetCountsSql(facet, f({ q: '미드저니' })));
			expect(rows.reduce((s, r) => s + r.n, 0)).toBe(2);
		}
	});
});

describe('search', () => {
	it.each([
		['an English word (copies folded)', 'poisoned', 1],
		['a Korean word', '미드저니', 2],
		['every word, any case', 'no TO ai', 4],
		['a quote', "it's", 1],
		['markup, as plain text', '<img', 1],
		['a LIKE wildcard, literally', '%', 0],
		['a regex dot, literally', 'fine.', 0],
		['a comma where the dot would match', 'fine,', 1],
		['parentheses, literally', '(1)', 1],
		['a backslash, literally', '\\', 0],
		['a bracket, literally', '[', 0],
		['an underscore, literally', '_', 0],
		['nothing that matches', 'zzzz', 0]
	])('finds %s', async (_, q, expected) => {
		const [row] = await fx.db.rows<PostsCountRow>(postsCountSql(f({ q })));
		expect(row.shown).toBe(expected);
	});

	it('splits, lower-cases and de-duplicates words', () => {
		expect(searchTerms('  No  to AI no ')).toEqual(['no', 'to', 'ai']);
	});
});

describe('posts table', () => {
	it('folds near-duplicate copies under their first copy, with a count', async () => {
		const rows = await fx.db.rows<PostRow>(postsPageSql(EMPTY_FILTERS, 'likes', 0, 3));
		expect(rows.map((r) => [r.post_id, r.like_count, r.copies])).toEqual([
			['twitter:3', 50, 0],
			['twitter:6', 30, 0],
			['twitter:1', 10, 2]
		]);
		expect(await fx.db.rows(postsCountSql(EMPTY_FILTERS))).toEqual([{ shown: 9 }]);
	});

	it('pages without overlap and in a stable order', async () => {
		const all = await fx.db.rows<PostRow>(postsPageSql(EMPTY_FILTERS, 'newest', 0, 100));
		const pages = [0, 3, 6].map((o) => fx.db.rows<PostRow>(postsPageSql(EMPTY_FILTERS, 'newest', o, 3)));
		const joined = (await Promise.all(pages)).flat();
		expect(joined.map((r) => r.post_id)).toEqual(all.map((r) => r.post_id));
		expect(all[0].post_id).toBe('twitter:11');
		expect(all[0].created_ms).toBe(utc('2022-12-15T23:59:59'));
	});

	it('lists first copies only, as many as the summary counts', async () => {
		const cases: Partial<Filters>[] = [
			{},
			{ from: utc('2022-12-14T03:30:00'), to: utc('2022-12-15T00:00:00') },
			{ lang: ['ko'] },
			{ q: 'poisoned' },
			{ claim: [NO_CLAIM], provenance: ['simulated'] }
		];
		for (const c of cases) {
			const [count] = await fx.db.rows<PostsCountRow>(postsCountSql(f(c)));
			const [summary] = await fx.db.rows<SummaryRow>(summarySql(f(c)));
			expect(count.shown).toBe(summary.total);
		}
		const copiesInRange = f({ from: utc('2022-12-14T03:30:00'), to: utc('2022-12-15T00:00:00') });
		expect(await fx.db.rows(postsCountSql(copiesInRange))).toEqual([{ shown: 3 }]);
	});

	it('counts per hour for the page window (first copies only)', async () => {
		const hour = (d: number, h: number) => Date.UTC(2022, 11, d, h);
		expect(await fx.db.rows<HistogramRow>(hourCountsSql(EMPTY_FILTERS))).toEqual([
			{ t: hour(14, 3), n: 1 },
			{ t: hour(14, 5), n: 2 },
			{ t: hour(14, 23), n: 1 },
			{ t: hour(15, 1), n: 2 },
			{ t: hour(15, 2), n: 1 },
			{ t: hour(15, 9), n: 1 },
			{ t: hour(15, 23), n: 1 }
		]);
		const searched = await fx.db.rows<HistogramRow>(hourCountsSql(f({ q: 'no to ai' })));
		expect(searched.reduce((n, r) => n + r.n, 0)).toBe(4);
	});

	it('finds the same page through its hour window as over all time', async () => {
		// Brushes are whole hours (the URL state snaps them), as the hourly counts are.
		const brushed = f({ from: utc('2022-12-14T05:00:00'), to: utc('2022-12-15T02:00:00') });
		for (const filters of [EMPTY_FILTERS, brushed]) {
			const hours = await fx.db.rows<HistogramRow>(hourCountsSql(filters));
			for (const sort of ['newest', 'oldest'] as const) {
				for (const offset of [0, 2, 4, 5, 8]) {
					const full = await fx.db.rows<PostRow>(postsPageSql(filters, sort, offset, 3));
					const w = pageWindow(hours, sort, offset, 3, filters)!;
					const narrowed = await fx.db.rows<PostRow>(
						postsPageSql({ ...filters, from: w.from, to: w.to }, sort, w.offset, 3)
					);
					expect(narrowed.map((r) => r.post_id)).toEqual(full.map((r) => r.post_id));
				}
			}
		}
	});

	it('applies every facet and the brush together', async () => {
		const filters = f({
			from: utc('2022-12-14T00:00:00'),
			to: utc('2022-12-15T00:00:00'),
			platform: ['twitter'],
			stance: ['claim', 'debunk'],
			provenance: ['simulated']
		});
		const rows = await fx.db.rows<PostRow>(postsPageSql(filters, 'oldest'));
		expect(rows.map((r) => r.post_id)).toEqual(['twitter:1']);
		expect(rows[0].created_ms).toBe(utc('2022-12-14T03:10:00'));
		expect(rows[0].copies).toBe(2);
	});

	it.each(SORT_KEYS)(
		'gives a page with its text in one statement, as the page and text queries do (%s)',
		async (sort) => {
			const brushed = f({ from: utc('2022-12-14T03:10:00'), to: utc('2022-12-15T02:00:00') });
			for (const filters of [EMPTY_FILTERS, f({ lang: ['en'], q: 'poisoned' }), brushed]) {
				for (const offset of [0, 4]) {
					const page = await fx.db.rows<PostRow>(postsPageSql(filters, sort, offset, 4));
					const texts = await fx.db.rows<PostTextRow>(postsTextSql(page.map((r) => r.post_id)));
					const byId = new Map(texts.map(({ post_id, ...x }) => [post_id, x]));
					const joined = await fx.db.rows(postsPageWithTextSql(filters, sort, offset, 4));
					expect(joined).toEqual(page.map((r) => ({ ...r, ...byId.get(r.post_id) })));
				}
			}
		}
	);

	it('returns text, handle and link for a page, exactly as stored', async () => {
		const rows = await fx.db.rows<PostTextRow>(
			postsTextSql(['twitter:11', 'mastodon:4', "x'); DROP TABLE posts; --"])
		);
		const byId = Object.fromEntries(rows.map((r) => [r.post_id, r]));
		expect(byId['twitter:11']).toEqual({
			post_id: 'twitter:11',
			author_handle: 'sim_a11',
			text: XSS_TEXT,
			url: 'https://example.org/11'
		});
		expect(byId['mastodon:4'].text).toBe(FIXTURE_POSTS.find((p) => p.id === 4)!.text);
		expect(rows).toHaveLength(2);
	});

	it('bounds the text lookup of a page by the time of its first and last post, both ends included', async () => {
		const page = await fx.db.rows<PostRow>(postsPageSql(EMPTY_FILTERS, 'oldest', 0, 6));
		const ids = page.map((r) => r.post_id);
		const ms = page.map((r) => r.created_ms);
		const span = { first: Math.min(...ms), last: Math.max(...ms) };
		const ofSpan = async (sp: typeof span) =>
			(await fx.db.rows<PostTextRow>(postsTextSql(ids, sp))).map((r) => r.post_id).sort();
		expect(await ofSpan(span)).toEqual([...ids].sort());
		// A bound that misses the oldest post by a millisecond leaves it out: the bound is applied.
		const oldest = page.find((r) => r.created_ms === span.first)!.post_id;
		expect(await ofSpan({ ...span, first: span.first + 1 })).not.toContain(oldest);
	});

	it('lists the copies of a post, with or without its time to bound the lookup', async () => {
		const expected = ['twitter:2', 'twitter:9'];
		expect((await fx.db.rows(copiesOfSql('twitter:1'))).map((r) => r.post_id)).toEqual(expected);
		const [{ ms }] = await fx.db.rows<{ ms: number }>(
			`SELECT epoch_ms(created_at)::DOUBLE AS ms FROM posts WHERE post_id = 'twitter:1'`
		);
		const bounded = await fx.db.rows(copiesOfSql('twitter:1', ms));
		expect(bounded).toEqual(await fx.db.rows(copiesOfSql('twitter:1')));
		// Given a later time, the window misses the copies: the bound is applied.
		expect(await fx.db.rows(copiesOfSql('twitter:1', ms + 2 * COPY_WINDOW_MS))).toEqual([]);
	});
});

const CROSSFILTER_CASES = [
	['no filter', {}],
	['a brush', { from: utc('2022-12-14T05:00:00'), to: utc('2022-12-15T02:00:00') }],
	['facets selected', { platform: ['twitter'], lang: ['en', 'ko'], claim: [NO_CLAIM] }],
	['a search', { q: 'poisoned' }],
	[
		'a search with a facet and a brush',
		{ q: 'no to ai', stance: ['claim'], from: utc('2022-12-14T00:00:00'), to: null }
	],
	[
		'every facet selected',
		{
			platform: ['twitter'],
			lang: ['en'],
			stance: ['claim'],
			claim: ['mj-poisoned'],
			provenance: ['simulated']
		}
	],
	['nothing matches', { platform: ['nowhere'] }],
	['copies only in range', { from: utc('2022-12-14T03:00:00'), to: utc('2022-12-14T04:00:00'), lang: ['en'] }]
] as [string, Partial<Filters>][];

describe('crossfilter: every facet and the summary in one statement', () => {
	it.each(CROSSFILTER_CASES)('gives what the separate builders give: %s', async (_, c) => {
		const filters = f(c);
		const { facets, summary } = splitCrossfilter(await fx.db.rows<CrossfilterRow>(crossfilterSql(filters)));
		for (const facet of FACETS)
			expect(facets[facet], facet).toEqual(await fx.db.rows<FacetRow>(facetCountsSql(facet, filters)));
		expect([summary]).toEqual(await fx.db.rows<SummaryRow>(summarySql(filters)));
	});
});

describe('crossfilter cube: a brush rolls up what the statements give', () => {
	it.each(CROSSFILTER_CASES)('%s', async (_, c) => {
		const filters = f(c);
		const cube = new CrossfilterCube(await fx.db.rows<CubeRow>(crossfilterCubeSql(filters)));
		expect(cube.crossfilter(filters.from, filters.to)).toEqual(
			splitCrossfilter(await fx.db.rows<CrossfilterRow>(crossfilterSql(filters)))
		);
		expect(cube.hours(filters.from, filters.to)).toEqual(
			await fx.db.rows<HistogramRow>(hourCountsSql(filters))
		);
		for (const bin of ['hour', 'day'] as const)
			expect(cube.histogram(bin), bin).toEqual(
				await fx.db.rows<HistogramRow>(timeHistogramSql(filters, bin))
			);
	});

	it.each(CROSSFILTER_CASES)('comes coded and decodes to the same rows: %s', async (_, c) => {
		const key = (r: CubeRow) => `${r.t}|${r.facet}|${r.value}|${r.n}`;
		const coded = await fx.db.rows<Record<string, unknown>>(codedCubeSql(f(c)));
		const columns = Object.fromEntries(
			['t', 'k', 'n', 'facet', 'value'].map((name) => [name, coded.map((r) => r[name])])
		) as unknown as CodedCube;
		const plain = await fx.db.rows<CubeRow>(crossfilterCubeSql(f(c)));
		expect(decodeCube(columns).map(key).sort()).toEqual(plain.map(key).sort());
	});

	it('holds one row per hour and facet value, not per post', async () => {
		const rows = await fx.db.rows<CubeRow>(crossfilterCubeSql(EMPTY_FILTERS));
		const keys = rows.map((r) => `${r.t}|${r.facet}|${r.value}`);
		expect(new Set(keys).size).toBe(keys.length);
		// 03:00 on the 14th holds post 1 and its copy 2: one first copy, one copy.
		const at3 = rows.filter((r) => r.t === utc('2022-12-14T03:00:00') && r.facet === '');
		expect(Object.fromEntries(at3.map((r) => [r.value, r.n]))).toEqual({ total: 1, simulated: 1, copies: 1 });
	});

	it('ignores the time range it is built with', async () => {
		const brushed = f({ from: utc('2022-12-14T05:00:00'), to: utc('2022-12-15T02:00:00') });
		const sorted = async (filters: Filters) =>
			(await fx.db.rows<CubeRow>(crossfilterCubeSql(filters)))
				.map((r) => `${r.t}|${r.facet}|${r.value}|${r.n}`)
				.sort();
		expect(await sorted(brushed)).toEqual(await sorted(EMPTY_FILTERS));
	});
});

describe('summary (simulated badge)', () => {
	it('counts posts and simulated posts (copies left out), and the copies', async () => {
		expect(await fx.db.rows<SummaryRow>(summarySql(EMPTY_FILTERS))).toEqual([
			{ total: 9, simulated: 7, copies: 2 }
		]);
		expect(await fx.db.rows<SummaryRow>(summarySql(f({ provenance: ['observed'] })))).toEqual([
			{ total: 2, simulated: 0, copies: 0 }
		]);
	});

	it('agrees between the pre-aggregate and the text path', async () => {
		const viaText = await fx.db.rows<SummaryRow>(summarySql(f({ q: 'poisoned' })));
		expect(viaText).toEqual([{ total: 1, simulated: 1, copies: 2 }]);
	});

	it('is zero, not empty, when nothing matches', async () => {
		expect(await fx.db.rows(summarySql(f({ platform: ['nowhere'] })))).toEqual([
			{ total: 0, simulated: 0, copies: 0 }
		]);
	});
});

describe('pageWindow', () => {
	const at = (d: number, h: number) => Date.UTC(2022, 11, d, h);
	const HOUR = 3_600_000;
	const hours = [
		{ t: at(13, 0), n: 0 },
		{ t: at(14, 3), n: 4 },
		{ t: at(15, 7), n: 5 },
		{ t: at(16, 1), n: 2 }
	];
	const open = { from: null, to: null };
	it.each([
		['the first newest page', 'newest', 0, 3, [at(15, 7), at(16, 1) + HOUR], 0],
		['a newest page inside one hour', 'newest', 2, 3, [at(15, 7), at(15, 7) + HOUR], 0],
		['a newest page across two hours', 'newest', 6, 3, [at(14, 3), at(15, 7) + HOUR], 4],
		['the first oldest page', 'oldest', 0, 3, [at(14, 3), at(14, 3) + HOUR], 0],
		['an oldest page across hours', 'oldest', 3, 3, [at(14, 3), at(15, 7) + HOUR], 3],
		['a page past the end', 'newest', 50, 3, [0, 0], 0]
	] as const)('%s', (_, sort, offset, limit, range, expectedOffset) => {
		const w = pageWindow(hours, sort, offset, limit, open)!;
		expect([w.from, w.to]).toEqual(range);
		expect(w.offset).toBe(expectedOffset);
	});

	it('intersects the window with a brushed range', () => {
		const w = pageWindow(hours, 'oldest', 0, 3, { from: at(14, 3) + 1_000, to: null })!;
		expect([w.from, w.to]).toEqual([at(14, 3) + 1_000, at(14, 3) + HOUR]);
	});

	it('needs the whole range for other sorts', () => {
		expect(pageWindow(hours, 'likes', 0, 3, open)).toBeNull();
	});
});

describe('materialised search hits', () => {
	it.each(['poisoned', 'no to ai', '미드저니', '(1)'])(
		'give the same results as searching inline for %j',
		async (q) => {
			const filters = f({ q });
			await fx.db.exec(createSearchHitsSql(q, 'hits_test'));
			const opts = { hits: 'hits_test' };
			const pairs: [string, string][] = [
				[timeHistogramSql(filters, 'day'), timeHistogramSql(filters, 'day', opts)],
				[summarySql(filters), summarySql(filters, opts)],
				[hourCountsSql(filters), hourCountsSql(filters, opts)],
				[postsCountSql(filters), postsCountSql(filters, opts)],
				[postsPageSql(filters, 'likes'), postsPageSql(filters, 'likes', 0, 25, opts)],
				...FACETS.map((facet): [string, string] => [
					facetCountsSql(facet, filters),
					facetCountsSql(facet, filters, opts)
				])
			];
			for (const [inline, viaHits] of pairs) {
				expect(await fx.db.rows(viaHits)).toEqual(await fx.db.rows(inline));
				expect(viaHits).toContain('hits_test');
			}
		}
	);

	it('refuses an empty search', () => {
		expect(() => createSearchHitsSql('   ', 'h')).toThrow(RangeError);
	});
});
