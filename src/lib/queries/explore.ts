/**
 * Named query builders for the explorer. Counts are of posts with near-duplicate copies left out (as the posts
 * table folds them and the prerendered charts count them); the summary reports the copies separately. Each returns SQL text; values go through `sqlLiteral`/`inList` only.
 * Views without a text search read the hourly pre-aggregate (`posts_hourly`), so a brush never scans every
 * post; the posts table and any text search read `posts_core` (+ `posts_text` for the days loaded).
 */
import { DEDUP_WINDOW_HOURS } from '../schema';
import { ident, inList, sqlLiteral, tsLiteral } from './sql';

export const FACETS = ['platform', 'lang', 'stance', 'claim', 'provenance'] as const;
export type Facet = (typeof FACETS)[number];

export const FACET_COLUMN: Record<Facet, string> = {
	platform: 'platform',
	lang: 'lang',
	stance: 'stance',
	claim: 'claim_id',
	provenance: 'provenance'
};

/** The facet value that stands for "no claim" (claim_id IS NULL). */
export const NO_CLAIM = 'none';

export interface Filters {
	/** Start of the time range, epoch ms UTC, inclusive; null = open. */
	from: number | null;
	/** End of the time range, epoch ms UTC, exclusive; null = open. */
	to: number | null;
	platform: string[];
	lang: string[];
	stance: string[];
	claim: string[];
	provenance: string[];
	/** Full-text search; every word must appear (case-insensitive). */
	q: string;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
	from: null,
	to: null,
	platform: [],
	lang: [],
	stance: [],
	claim: [],
	provenance: [],
	q: ''
}) as Filters;

/** Sort orders of the posts table; ties always break by post_id so pages never overlap. */
export const SORTS = {
	newest: 'created_at DESC',
	oldest: 'created_at ASC',
	likes: 'like_count DESC',
	reposts: 'repost_count DESC',
	replies: 'reply_count DESC',
	copies: 'copies DESC'
} as const;
export type SortKey = keyof typeof SORTS;
export const SORT_KEYS = Object.keys(SORTS) as SortKey[];

export type Bin = 'hour' | 'day';
export const BINS: readonly Bin[] = ['hour', 'day'];

export const MAX_SEARCH_TERMS = 6;

/** Words of a search box: split on spaces, lower-cased, de-duplicated, at most six. */
export function searchTerms(q: string): string[] {
	const words = q
		.normalize('NFC')
		.split(/\s+/u)
		.map((w) => w.trim().toLowerCase())
		.filter((w) => w.length > 0)
		.map((w) => w.slice(0, 100));
	return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** A word as a regular expression that matches it literally. */
const literalRegex = (word: string) => word.replace(/[\\^$.|?*+()[\]{}]/gu, '\\$&');

/**
 * `posts_text` rows whose text holds every word, case-insensitively (EN and KO alike: Hangul has no case).
 * RE2 with the `i` flag scans about twice as fast as `contains(lower(text), …)` and four times as fast as ILIKE.
 */
export function textMatchSql(q: string): string | null {
	const terms = searchTerms(q);
	if (terms.length === 0) return null;
	const conds = terms.map((t) => `regexp_matches("text", ${sqlLiteral(literalRegex(t))}, 'i')`);
	return `SELECT post_id FROM posts_text WHERE ${conds.join(' AND ')}`;
}

/**
 * Materialises the posts (light columns) matching a search once, so every view of that search reads those
 * rows instead of scanning all text and all posts again. Pass the table name to the builders as `{ hits }`.
 */
export function createSearchHitsSql(q: string, name: string): string {
	const match = textMatchSql(q);
	if (!match) throw new RangeError('createSearchHitsSql needs a search with at least one word');
	return `CREATE OR REPLACE TEMP TABLE ${ident(name)} AS SELECT * FROM posts_core WHERE post_id IN (${match})`;
}

/** Options shared by the builders. */
export interface BuildOptions {
	/** A table made by `createSearchHitsSql(f.q, …)`: read it instead of searching the text again. Ignored without a search. */
	hits?: string;
}

interface Source {
	/** Time column to filter and bin. */
	time: string;
	/** Expression counting posts. */
	count: string;
	/** Whether a row is a near-duplicate copy. */
	isDup: string;
}

const HOURLY: Source = { time: 'hour', count: 'sum(n)', isDup: 'is_dup' };
const POSTS: Source = { time: 'created_at', count: 'count(*)', isDup: 'dup_of IS NOT NULL' };

const firstCopies = (src: Source) => `NOT (${src.isDup})`;

/** The posts table a query reads: the search's hit table when one is given, else `posts_core`. */
const postsTable = (f: Filters, opts: BuildOptions) =>
	opts.hits && searchTerms(f.q).length > 0 ? ident(opts.hits) : 'posts_core';

/** Where does a query over these filters read from: the pre-aggregate unless text must be searched. */
const sourceFor = (f: Filters, opts: BuildOptions) =>
	searchTerms(f.q).length > 0
		? { src: POSTS, table: postsTable(f, opts) }
		: { src: HOURLY, table: 'posts_hourly' };

type Dimension = Facet | 'time';

/** WHERE conditions for the filters, leaving out some dimensions (the view's own, for cross-filtering). */
export function filterConditions(
	f: Filters,
	src: Source,
	except?: Dimension | readonly Dimension[],
	opts: BuildOptions = {}
): string[] {
	const left = new Set<Dimension>(except === undefined ? [] : typeof except === 'string' ? [except] : except);
	const conds: string[] = [];
	if (!left.has('time')) {
		if (f.from !== null) conds.push(`${src.time} >= ${tsLiteral(f.from)}`);
		if (f.to !== null) conds.push(`${src.time} < ${tsLiteral(f.to)}`);
	}
	for (const facet of FACETS) {
		if (left.has(facet)) continue;
		const values = f[facet];
		if (values.length === 0) continue;
		const col = ident(FACET_COLUMN[facet]);
		if (facet === 'claim' && values.includes(NO_CLAIM)) {
			const named = values.filter((v) => v !== NO_CLAIM);
			conds.push(named.length ? `(${col} IN ${inList(named)} OR ${col} IS NULL)` : `${col} IS NULL`);
		} else {
			conds.push(`${col} IN ${inList(values)}`);
		}
	}
	if (src === POSTS) {
		const text = textMatchSql(f.q);
		// A hit table already holds only the matching posts.
		if (text && !opts.hits) conds.push(`post_id IN (${text})`);
	}
	return conds;
}

const where = (conds: string[]) => (conds.length ? `WHERE ${conds.join(' AND ')}` : '');

/** Posts per hour or day under every filter except time (the histogram is what one brushes). */
export function timeHistogramSql(f: Filters, bin: Bin = 'hour', opts: BuildOptions = {}): string {
	const { src, table } = sourceFor(f, opts);
	const unit = bin === 'day' ? "'day'" : "'hour'";
	return `SELECT epoch_ms(date_trunc(${unit}, ${src.time}))::DOUBLE AS t, ${src.count}::INTEGER AS n
FROM ${table} ${where([firstCopies(src), ...filterConditions(f, src, 'time', opts)])}
GROUP BY 1 ORDER BY 1`;
}
export interface HistogramRow {
	t: number;
	n: number;
}

/** Counts per value of one facet under every other filter (its own selection stays visible). */
export function facetCountsSql(facet: Facet, f: Filters, opts: BuildOptions = {}): string {
	return facetCounts(facet, f, opts, false);
}

/** A facet's counts; `byHour` also groups by hour and ignores the time range (for the cube). */
function facetCounts(facet: Facet, f: Filters, opts: BuildOptions, byHour: boolean): string {
	const { src, table } = sourceFor(f, opts);
	const col = ident(FACET_COLUMN[facet]);
	const value = `coalesce(${col}, ${sqlLiteral(NO_CLAIM)}) AS value, ${src.count}::INTEGER AS n`;
	if (!byHour)
		return `SELECT ${value}
FROM ${table} ${where([firstCopies(src), ...filterConditions(f, src, facet, opts)])}
GROUP BY 1 ORDER BY n DESC, value`;
	return `SELECT epoch_ms(date_trunc('hour', ${src.time}))::DOUBLE AS t, ${value}
FROM ${table} ${where([firstCopies(src), ...filterConditions(f, src, [facet, 'time'], opts)])}
GROUP BY 1, 2`;
}
export interface FacetRow {
	value: string;
	n: number;
}

/** Posts matching every filter (copies left out), how many are simulated, how many copies were left out. */
export function summarySql(f: Filters, opts: BuildOptions = {}): string {
	const { src, table } = sourceFor(f, opts);
	const first = firstCopies(src);
	return `SELECT coalesce(${src.count} FILTER (WHERE ${first}), 0)::INTEGER AS total,
	coalesce(${src.count} FILTER (WHERE ${first} AND provenance = 'simulated'), 0)::INTEGER AS simulated,
	coalesce(${src.count} FILTER (WHERE ${src.isDup}), 0)::INTEGER AS copies
FROM ${table} ${where(filterConditions(f, src, undefined, opts))}`;
}
export interface SummaryRow {
	total: number;
	simulated: number;
	copies: number;
}

/**
 * Every facet's counts and the summary in one statement: a brush changes all of them, and one statement costs
 * the browser engine one parse, plan and scan instead of six. Facets with no selection share the same filters,
 * so one GROUPING SETS pass counts them all with the summary; a facet with a selection leaves its own filter
 * out (cross-filtering) and gets its own subquery. Rows: (facet, value, n); the summary's are facet '' with
 * values total / simulated / copies. `splitCrossfilter` turns them back into the views' rows.
 */
export function crossfilterSql(f: Filters, opts: BuildOptions = {}): string {
	return crossfilterStatement(f, opts, false);
}

/**
 * The crossfilter cube (Mosaic's "data cube index", cut at the histogram's finest bin): what `crossfilterSql`
 * gives, per hour and for all time, under every filter but the time range. Rows (t, facet, value, n), t the
 * hour's start in epoch ms, in no order (`CrossfilterCube` sorts them: a sort in the engine cost more, cold).
 * Summing the rows of the hours in a range gives `crossfilterSql` for that range, so a brush needs no query at
 * all. Its size is hours × facet values, whatever the number of posts.
 */
export function crossfilterCubeSql(f: Filters, opts: BuildOptions = {}): string {
	return crossfilterStatement(f, opts, true);
}

/** `n` of the dictionary rows in `codedCubeSql` (a count is never negative). */
export const CUBE_DICTIONARY_ROW = -1;

/**
 * The cube of `crossfilterCubeSql` with each (facet, value) pair as a number `k`: rows (t, k, n), then one
 * dictionary row per pair (n = -1, t = 0) that names its facet and value. The browser reads t, k and n as typed
 * arrays and decodes a few dozen strings instead of two per row (tens of thousands at a million posts).
 * `decodeCube` (explore/cube.ts) turns it back into the cube's rows.
 */
export function codedCubeSql(f: Filters, opts: BuildOptions = {}): string {
	return `WITH c AS (${crossfilterCubeSql(f, opts)}),
d AS (SELECT facet, value, (row_number() OVER (ORDER BY facet, value) - 1)::INTEGER AS k
	FROM (SELECT DISTINCT facet, value FROM c))
SELECT c.t, d.k, c.n, NULL::VARCHAR AS facet, NULL::VARCHAR AS value FROM c JOIN d USING (facet, value)
UNION ALL
SELECT 0::DOUBLE AS t, k, ${CUBE_DICTIONARY_ROW}::INTEGER AS n, facet, value FROM d`;
}

function crossfilterStatement(f: Filters, opts: BuildOptions, byHour: boolean): string {
	const { src, table } = sourceFor(f, opts);
	const open = FACETS.filter((facet) => f[facet].length === 0);
	const selected = FACETS.filter((facet) => f[facet].length > 0);
	const col = (facet: Facet) => ident(FACET_COLUMN[facet]);
	const first = firstCopies(src);
	const whichFacet = open.map((facet) => `WHEN grouping(${col(facet)}) = 0 THEN ${sqlLiteral(facet)}`);
	const valueOf = open.map(
		(facet) => `WHEN grouping(${col(facet)}) = 0 THEN coalesce(${col(facet)}, ${sqlLiteral(NO_CLAIM)})`
	);
	const key = (cols: string[]) => `(${(byHour ? ['_h', ...cols] : cols).join(', ')})`;
	const sets = [...open.map((facet) => key([col(facet)])), key([])].join(', ');
	const conds = filterConditions(f, src, byHour ? 'time' : undefined, opts);
	const from = byHour
		? `(SELECT *, date_trunc('hour', ${src.time}) AS _h FROM ${table} ${where(conds)})`
		: `${table} ${where(conds)}`;
	const grouped = `SELECT ${byHour ? 'epoch_ms(_h)::DOUBLE AS t, ' : ''}${whichFacet.length ? `CASE ${whichFacet.join(' ')} ELSE '' END` : "''"} AS facet,
	${valueOf.length ? `CASE ${valueOf.join(' ')} END` : 'NULL'} AS value,
	coalesce(${src.count} FILTER (WHERE ${first}), 0)::INTEGER AS n,
	coalesce(${src.count} FILTER (WHERE ${first} AND provenance = 'simulated'), 0)::INTEGER AS simulated,
	coalesce(${src.count} FILTER (WHERE ${src.isDup}), 0)::INTEGER AS copies
FROM ${from}
GROUP BY GROUPING SETS (${sets})`;
	const t = byHour ? 't, ' : '';
	const parts = [
		`SELECT ${t}facet, value, n FROM g WHERE facet <> '' AND n > 0`,
		`SELECT ${t}'' AS facet, unnest(['total', 'simulated', 'copies']) AS value, unnest([n, simulated, copies]) AS n
FROM g WHERE facet = ''`,
		...selected.map(
			(facet) =>
				`SELECT ${t}${sqlLiteral(facet)} AS facet, value, n FROM (${facetCounts(facet, f, opts, byHour)})`
		)
	];
	return `WITH g AS (${grouped})\n${parts.join('\nUNION ALL\n')}`;
}
/** `crossfilterSql` with no filter, as the build stored it (`crossfilter_default`: queries/tables.ts). */
export function crossfilterDefaultSql(): string {
	return 'SELECT facet, value, n FROM crossfilter_default';
}

export interface CrossfilterRow {
	facet: Facet | '';
	value: string;
	n: number;
}
export interface CubeRow extends CrossfilterRow {
	/** Start of the hour, epoch ms. */
	t: number;
}
export interface Crossfilter {
	facets: Record<Facet, FacetRow[]>;
	summary: SummaryRow;
}

/** The rows of `crossfilterSql` per view, each facet ordered as `facetCountsSql` orders it. */
export function splitCrossfilter(rows: readonly CrossfilterRow[]): Crossfilter {
	const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetRow[]])) as Record<Facet, FacetRow[]>;
	const summary: SummaryRow = { total: 0, simulated: 0, copies: 0 };
	for (const r of rows) {
		if (r.facet === '') summary[r.value as keyof SummaryRow] = r.n;
		else facets[r.facet]?.push({ value: r.value, n: r.n });
	}
	for (const list of Object.values(facets))
		list.sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
	return { facets, summary };
}

/** Earliest and latest hour of the loaded posts. */
export function extentSql(): string {
	return `SELECT epoch_ms(min(hour))::DOUBLE AS lo, epoch_ms(max(hour))::DOUBLE AS hi, coalesce(sum(n), 0)::INTEGER AS n FROM posts_hourly`;
}
export interface ExtentRow {
	lo: number | null;
	hi: number | null;
	n: number;
}

export const PAGE_SIZE = 25;

/** The posts table's columns (`PostRow`), light ones only. */
export const PAGE_COLUMNS = `post_id, platform, lang, stance, claim_id, provenance, epoch_ms(created_at)::DOUBLE AS created_ms,
	like_count, repost_count, reply_count, depth, cascade_id, copies`;

/**
 * One page of the posts table (light columns; text comes from `postsTextSql`). Near-duplicate copies are folded
 * under their first copy: only first copies are listed, each with the number of its copies in the whole dataset
 * (`copies`, counted by the build, so it is complete whichever partitions are loaded).
 */
export function postsPageSql(
	f: Filters,
	sort: SortKey = 'newest',
	offset = 0,
	limit = PAGE_SIZE,
	opts: BuildOptions = {}
): string {
	const order = SORTS[sort] ?? SORTS.newest;
	return `SELECT ${PAGE_COLUMNS}
FROM ${postsTable(f, opts)} ${where([firstCopies(POSTS), ...filterConditions(f, POSTS, undefined, opts)])}
ORDER BY ${order}, post_id LIMIT ${sqlLiteral(Math.max(1, Math.trunc(limit)))} OFFSET ${sqlLiteral(Math.max(0, Math.trunc(offset)))}`;
}
export interface PostRow {
	post_id: string;
	platform: string;
	lang: string;
	stance: string;
	claim_id: string | null;
	provenance: string;
	created_ms: number;
	like_count: number;
	repost_count: number;
	reply_count: number;
	depth: number;
	cascade_id: string;
	copies: number;
}

/** How many rows the posts table lists (first copies matching every filter) among the loaded partitions. */
export function postsCountSql(f: Filters, opts: BuildOptions = {}): string {
	return `SELECT count(*)::INTEGER AS shown FROM ${postsTable(f, opts)} ${where([firstCopies(POSTS), ...filterConditions(f, POSTS, undefined, opts)])}`;
}
export interface PostsCountRow {
	shown: number;
}

/** Posts per UTC hour under every filter (copies left out): which hours, so which partitions, a page needs. */
export function hourCountsSql(f: Filters, opts: BuildOptions = {}): string {
	const { src, table } = sourceFor(f, opts);
	return `SELECT epoch_ms(date_trunc('hour', ${src.time}))::DOUBLE AS t, ${src.count}::INTEGER AS n
FROM ${table} ${where([firstCopies(src), ...filterConditions(f, src, undefined, opts)])}
GROUP BY 1 ORDER BY 1`;
}

export interface PageWindow {
	/** The page's time range (whole hours, intersected with the filter's range); end exclusive. */
	from: number | null;
	to: number | null;
	/** Offset of the page within that range. */
	offset: number;
}

const HOUR = 3_600_000;

/**
 * For a time-sorted table: the hours a page falls on, so only the partitions holding them are loaded and the
 * page query reads only them. Takes the per-hour counts of `hourCountsSql`. Other sorts need every hour in
 * range (returns null). A page past the end gets an empty range.
 */
export function pageWindow(
	hourCounts: readonly HistogramRow[],
	sort: SortKey,
	offset: number,
	limit: number,
	f: Pick<Filters, 'from' | 'to'>
): PageWindow | null {
	if (sort !== 'newest' && sort !== 'oldest') return null;
	const ordered = sort === 'newest' ? [...hourCounts].reverse() : hourCounts;
	let before = 0;
	let lo = Infinity;
	let hi = -Infinity;
	let pageOffset = 0;
	for (const h of ordered) {
		if (h.n <= 0) continue;
		const end = before + h.n;
		if (end > offset && before < offset + limit) {
			if (lo === Infinity) pageOffset = offset - before;
			lo = Math.min(lo, h.t);
			hi = Math.max(hi, h.t + HOUR);
		}
		before = end;
		if (before >= offset + limit) break;
	}
	if (lo === Infinity) return { from: 0, to: 0, offset: 0 };
	return {
		from: f.from === null ? lo : Math.max(lo, f.from),
		to: f.to === null ? hi : Math.min(hi, f.to),
		offset: pageOffset
	};
}

/**
 * The window of a page that the hour heads hold (the build's `posts_head`: per hour, the first and last
 * `perEnd` first copies in time order), or null when the page needs the whole partitions. It does when the
 * table is not time-sorted, when any filter but time is set (the heads keep the hour's edges, not the edges of
 * what a facet or a search leaves), when the range does not start and end on whole hours (the hourly counts
 * place the page by whole hours), when the page reaches deeper into its first hour than the heads go, or when
 * it spans more than `MAX_HEAD_HOURS` hours.
 */
export function headWindow(
	hourCounts: readonly HistogramRow[],
	sort: SortKey,
	offset: number,
	limit: number,
	f: Filters,
	perEnd: number
): PageWindow | null {
	if (!headsCanServe(f, sort, limit, perEnd)) return null;
	const w = pageWindow(hourCounts, sort, offset, limit, f);
	if (!w || w.offset + limit > perEnd) return null;
	return hoursWithin(hourCounts, w).length <= MAX_HEAD_HOURS ? w : null;
}

/**
 * The most hour heads one page reads. A page spread over more hours lies in quiet hours, where one partition
 * holds them all: two downloads beat a dozen.
 */
export const MAX_HEAD_HOURS = 4;

/** The hours of a window that hold a first copy: the hour heads it reads (the build writes no others). */
export function hoursWithin(hourCounts: readonly HistogramRow[], w: PageWindow): number[] {
	return hourCounts
		.filter((h) => h.n > 0 && (w.from === null || h.t + HOUR > w.from) && (w.to === null || h.t < w.to))
		.map((h) => h.t);
}

/** Whether the hour heads can hold some pages of this view at all (`headWindow` without the page's place). */
export function headsCanServe(f: Filters, sort: SortKey, limit: number, perEnd: number): boolean {
	const timeOnly = searchTerms(f.q).length === 0 && FACETS.every((facet) => f[facet].length === 0);
	const wholeHours = [f.from, f.to].every((t) => t === null || t % HOUR === 0);
	return (sort === 'newest' || sort === 'oldest') && timeOnly && wholeHours && limit <= perEnd;
}

/** A row of an hour head as the engine reads it: the columns of `POSTS_HEAD_COLUMNS`, times in epoch ms. */
export interface HeadRow extends Omit<PostRow, 'created_ms'>, Omit<PostTextRow, 'post_id'> {
	created_at: number;
}

/** A page row with its text, as `postsPageWithTextSql` gives it. */
export type PageRowWithText = PostRow & Omit<PostTextRow, 'post_id'>;

/**
 * How DuckDB orders VARCHAR (by UTF-8 bytes, so by code point). JavaScript's `<` compares UTF-16 units, which
 * differs where a character beyond U+FFFF (a surrogate pair) meets one from U+E000 to U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x === y) continue;
		const sx = x >= 0xd800 && x <= 0xdfff;
		const sy = y >= 0xd800 && y <= 0xdfff;
		return sx === sy ? x - y : sx ? 1 : -1;
	}
	return a.length - b.length;
}

/**
 * The page `postsPageWithTextSql` gives for a window the hour heads hold (`headWindow`), from the heads' rows:
 * worked out here, so such a page waits for no insert or query in the engine's worker, which the background
 * load keeps busy.
 */
export function headPage(
	rows: readonly HeadRow[],
	w: PageWindow,
	sort: SortKey,
	limit = PAGE_SIZE
): PageRowWithText[] {
	const dir = sort === 'oldest' ? 1 : -1;
	const inRange = rows.filter(
		(r) => (w.from === null || r.created_at >= w.from) && (w.to === null || r.created_at < w.to)
	);
	inRange.sort((a, b) => dir * (a.created_at - b.created_at) || compareCodePoints(a.post_id, b.post_id));
	return inRange.slice(w.offset, w.offset + limit).map((r) => ({
		post_id: r.post_id,
		platform: r.platform,
		lang: r.lang,
		stance: r.stance,
		claim_id: r.claim_id,
		provenance: r.provenance,
		created_ms: r.created_at,
		like_count: r.like_count,
		repost_count: r.repost_count,
		reply_count: r.reply_count,
		depth: r.depth,
		cascade_id: r.cascade_id,
		copies: r.copies,
		author_handle: r.author_handle,
		text: r.text,
		url: r.url
	}));
}

/**
 * A page of the posts table with its text in one statement, for a page whose text partitions are loaded (a
 * time-sorted page loads them with its light columns). Posts whose text is not loaded have NULL text.
 */
export function postsPageWithTextSql(
	f: Filters,
	sort: SortKey = 'newest',
	offset = 0,
	limit = PAGE_SIZE,
	opts: BuildOptions = {}
): string {
	// The page's own columns order it again after the join; created_ms orders as created_at does, to the ms.
	const order = (SORTS[sort] ?? SORTS.newest).replace('created_at', 'created_ms');
	return `SELECT p.*, x.author_handle, x."text", x.url
FROM (${postsPageSql(f, sort, offset, limit, opts)}) p LEFT JOIN (${textOf(timeBounds(f.from, f.to))}) x USING (post_id)
ORDER BY p.${order}, p.post_id`;
}

/** `created_at` within [from, to) as conditions; either end may be open. */
function timeBounds(from: number | null, to: number | null): string[] {
	return [
		...(from === null ? [] : [`created_at >= ${tsLiteral(from)}`]),
		...(to === null ? [] : [`created_at < ${tsLiteral(to)}`])
	];
}

/** The text columns of `posts_text` rows meeting `conds`; time conditions let DuckDB skip row groups. */
const textOf = (conds: string[]) =>
	`SELECT post_id, author_handle, "text", url FROM posts_text ${where(conds)}`;

/**
 * Text, handle and link of the given posts (the table's current page). `span`, the first and last post's time
 * (ms, both inclusive), bounds the lookup so it does not read every loaded post's id.
 */
export function postsTextSql(ids: readonly string[], span?: { first: number; last: number }): string {
	if (ids.length === 0) return `${textOf([])} WHERE FALSE`;
	const time = span ? timeBounds(span.first, span.last + 1) : [];
	return textOf([...time, `post_id IN ${inList(ids)}`]);
}
export interface PostTextRow {
	post_id: string;
	author_handle: string;
	text: string;
	url: string | null;
}

/**
 * The near-duplicate copies of one post, oldest first, with their text. The build marks copies within 24 h of
 * the first, so the partitions from the post to `COPY_WINDOW_MS` later must be loaded. Given the post's time,
 * both tables are read for that window only.
 */
export function copiesOfSql(postId: string, createdMs?: number): string {
	const time = createdMs === undefined ? [] : timeBounds(createdMs, createdMs + COPY_WINDOW_MS + 1);
	const onCore = time.map((c) => `c.${c}`);
	return `SELECT c.post_id, c.platform, epoch_ms(c.created_at)::DOUBLE AS created_ms, x.author_handle, x."text", x.url
FROM posts_core c LEFT JOIN (${textOf(time)}) x USING (post_id)
${where([`c.dup_of = ${sqlLiteral(postId)}`, ...onCore])} ORDER BY c.created_at, c.post_id`;
}
/** How long after a post its copies can be, end inclusive. */
export const COPY_WINDOW_MS = DEDUP_WINDOW_HOURS * HOUR;
export interface CopyRow {
	post_id: string;
	platform: string;
	created_ms: number;
	author_handle: string | null;
	text: string | null;
	url: string | null;
}

/** Every builder with representative arguments, so tests can EXPLAIN each one. */
export function allExploreQueries(): [string, string][] {
	const busy: Filters = {
		from: Date.UTC(2022, 11, 14),
		to: Date.UTC(2022, 11, 16),
		platform: ['twitter'],
		lang: ['en', 'ko'],
		stance: ['claim'],
		claim: ['mj-poisoned', NO_CLAIM],
		provenance: ['simulated'],
		q: "poisoned it's"
	};
	const out: [string, string][] = [
		['timeHistogram hourly', timeHistogramSql(EMPTY_FILTERS)],
		['timeHistogram day filtered', timeHistogramSql({ ...busy, q: '' }, 'day')],
		['timeHistogram text', timeHistogramSql(busy)],
		['summary', summarySql(busy)],
		['summary hourly', summarySql({ ...busy, q: '' })],
		['crossfilter', crossfilterSql({ ...busy, q: '' })],
		['crossfilter text', crossfilterSql(busy)],
		['crossfilter cube', crossfilterCubeSql({ ...busy, q: '' })],
		['crossfilter cube text', crossfilterCubeSql(busy)],
		['crossfilter cube, no filter', crossfilterCubeSql(EMPTY_FILTERS)],
		['coded cube', codedCubeSql({ ...busy, q: '' })],
		['coded cube, no filter', codedCubeSql(EMPTY_FILTERS)],
		['extent', extentSql()],
		['postsPage', postsPageSql(busy, 'likes', 25)],
		['hourCounts', hourCountsSql({ ...busy, q: '' })],
		['hourCounts text', hourCountsSql(busy)],
		['postsPage empty filters', postsPageSql(EMPTY_FILTERS)],
		['postsCount', postsCountSql(busy)],
		['postsText', postsTextSql(['twitter:1', "x'y"])],
		['postsPageWithText', postsPageWithTextSql(busy, 'newest', 25)],
		['postsText empty', postsTextSql([])],
		['copiesOf', copiesOfSql('twitter:1')],
		['createSearchHits', createSearchHitsSql(busy.q, 'search_hits_test')]
	];
	for (const facet of FACETS) {
		out.push([`facetCounts ${facet}`, facetCountsSql(facet, { ...busy, q: '' })]);
		out.push([`facetCounts ${facet} text`, facetCountsSql(facet, busy)]);
	}
	for (const sort of SORT_KEYS) out.push([`postsPage sort ${sort}`, postsPageSql(EMPTY_FILTERS, sort)]);
	return out;
}
