/**
 * How the contract's tables are laid out inside the browser engine. The build splits `posts` into a light part
 * (`posts_core`, one Arrow file per UTC day) and a text part (`posts_text`), plus the hourly pre-aggregate
 * `posts_hourly`; the engine creates these tables with contract types and a `posts` view that joins them back,
 * so SQL written against the contract works in the console.
 */
import { TABLES, createTableSql, ident, type ColumnDef, type TableDef } from '../schema';
import { PAGE_SIZE, SORTS } from './explore';

/** Columns kept out of the light posts partitions (heavy, only needed where a table shows text). */
export const POSTS_TEXT_ONLY = ['text', 'url', 'author_handle'] as const;

/**
 * The light posts columns, plus `copies`: how many near-duplicate copies of the post exist in the whole dataset
 * (0 for a copy). The build counts them once, so the posts table shows complete counts without loading the
 * partitions a copy sits in, and sorts by them without a join.
 */
export const POSTS_CORE_COLUMNS: readonly ColumnDef[] = [
	...TABLES.posts.columns.filter((c) => !(POSTS_TEXT_ONLY as readonly string[]).includes(c.name)),
	{
		name: 'copies',
		type: 'INTEGER',
		nullable: false,
		description: 'Near-duplicate copies of this post in the whole dataset (0 for a copy).',
		example: '2'
	}
];

/**
 * The text part keeps `created_at` beside `post_id`: looking up a page's text then reads only the rows of the
 * page's hours. With every partition loaded (1M posts), matching 25 ids against all of `post_id` took 70–85 ms
 * in the browser; DuckDB skips the row groups whose `created_at` range misses the page.
 */
export const POSTS_TEXT_COLUMNS: readonly ColumnDef[] = ['post_id', 'created_at', ...POSTS_TEXT_ONLY].map(
	(n) => TABLES.posts.columns.find((c) => c.name === n)!
);

/**
 * The hour heads: per UTC hour, the first copies that open its page in either time order (the newest and the
 * oldest `HEAD_ROWS` each), light columns and text together, in one small file per hour. The first page of a
 * time-sorted table under a brush lies in the heads of its last (or first) hours, so the explorer reads it from
 * a file or two of ~10 kB rather than from the whole partitions that hold those hours (hundreds of kB at 1M
 * posts) while they are not loaded yet. The engine reads them on the main thread (`headPage`): they never go
 * into DuckDB, so they are no table of its own.
 */
export const POSTS_HEAD_COLUMNS: readonly ColumnDef[] = [
	...POSTS_CORE_COLUMNS,
	...POSTS_TEXT_ONLY.map((n) => TABLES.posts.columns.find((c) => c.name === n)!)
];
/** Rows kept per end of each hour: one page. */
export const HEAD_ROWS = PAGE_SIZE;

/**
 * The build's hour heads (one row per kept post; the build cuts the result into a file per hour). Ties order
 * as the posts table orders them (`SORTS`, then `post_id`), so a head holds exactly the rows a page would list.
 */
export function postsHeadFromPostsSql(source = 'posts', perEnd = HEAD_ROWS): string {
	const hour = `date_trunc('hour', created_at)`;
	return `SELECT ${POSTS_HEAD_COLUMNS.map((c) => ident(c.name)).join(', ')} FROM (
		SELECT *, row_number() OVER (PARTITION BY ${hour} ORDER BY ${SORTS.newest}, post_id) AS from_end,
			row_number() OVER (PARTITION BY ${hour} ORDER BY ${SORTS.oldest}, post_id) AS from_start
		FROM (${postsCoreFromPostsSql(source)}) WHERE dup_of IS NULL)
	WHERE from_end <= ${Math.trunc(perEnd)} OR from_start <= ${Math.trunc(perEnd)}`;
}

/** Mirrors the build's `posts_hourly` (scripts/build/outputs.ts): one row per hour and facet combination. */
export const POSTS_HOURLY_COLUMNS: readonly ColumnDef[] = [
	{ name: 'hour', type: 'TIMESTAMP', nullable: false, description: 'Hour (UTC).', example: '' },
	{ name: 'platform', type: 'VARCHAR', nullable: false, description: 'Platform.', example: 'twitter' },
	{ name: 'lang', type: 'VARCHAR', nullable: false, description: 'Language.', example: 'en' },
	{ name: 'stance', type: 'VARCHAR', nullable: false, description: 'Stance.', example: 'claim' },
	{ name: 'claim_id', type: 'VARCHAR', nullable: true, description: 'Claim.', example: 'mj-poisoned' },
	{ name: 'provenance', type: 'VARCHAR', nullable: false, description: 'Provenance.', example: 'simulated' },
	{
		name: 'is_dup',
		type: 'BOOLEAN',
		nullable: false,
		description: 'Near-duplicate copies.',
		example: 'false'
	},
	{ name: 'n', type: 'INTEGER', nullable: false, description: 'Posts.', example: '12' }
];

/**
 * Mirrors the build's `crossfilter_default` (scripts/build/outputs.ts): the rows of `crossfilterSql` with no
 * filter, computed once at build time over `posts_hourly` (a materialized view, as Mosaic keeps them). The
 * explorer opened with no filter reads its first counts from it, without waiting for `posts_hourly` to load.
 */
export const CROSSFILTER_DEFAULT_COLUMNS: readonly ColumnDef[] = [
	{
		name: 'facet',
		type: 'VARCHAR',
		nullable: false,
		description: 'Facet (platform, lang, stance, claim, provenance), or empty for the summary.',
		example: 'lang'
	},
	{
		name: 'value',
		type: 'VARCHAR',
		nullable: false,
		description: 'Facet value, or total / simulated / copies for the summary.',
		example: 'ko'
	},
	{ name: 'n', type: 'INTEGER', nullable: false, description: 'Posts, copies left out.', example: '12' }
];

/** Every table the browser engine holds, by the name it has in SQL. */
export const ENGINE_TABLES = {
	snapshots: TABLES.snapshots.columns,
	trending_items: TABLES.trending_items.columns,
	events: TABLES.events.columns,
	claims: TABLES.claims.columns,
	cascades: TABLES.cascades.columns,
	posts_core: POSTS_CORE_COLUMNS,
	posts_text: POSTS_TEXT_COLUMNS,
	posts_hourly: POSTS_HOURLY_COLUMNS,
	crossfilter_default: CROSSFILTER_DEFAULT_COLUMNS
} as const satisfies Record<string, readonly ColumnDef[]>;

export type EngineTable = keyof typeof ENGINE_TABLES;

/** Which `index.json` entry feeds which engine table (the build names the light posts part `posts`). */
export const INDEX_NAME: Record<EngineTable, string> = {
	snapshots: 'snapshots',
	trending_items: 'trending_items',
	events: 'events',
	claims: 'claims',
	cascades: 'cascades',
	posts_core: 'posts',
	posts_text: 'posts_text',
	posts_hourly: 'posts_hourly',
	crossfilter_default: 'crossfilter_default'
};

/** `CREATE TABLE` with the contract's column types, named `as` (the table's own name unless a test says otherwise). */
export function createEngineTableSql(name: EngineTable, as: string = name): string {
	const def = { ...TABLES.posts, columns: ENGINE_TABLES[name] } as TableDef;
	return createTableSql(def, as);
}

/** The contract's `posts`, joined back from its two parts; text is NULL for days whose text is not loaded. */
export function createPostsViewSql(): string {
	const cols = TABLES.posts.columns.map((c) =>
		(POSTS_TEXT_ONLY as readonly string[]).includes(c.name) ? `x.${ident(c.name)}` : `p.${ident(c.name)}`
	);
	return `CREATE VIEW posts AS SELECT ${cols.join(', ')} FROM posts_core p LEFT JOIN posts_text x USING (post_id, created_at)`;
}

/** The light posts rows with their `copies` count, as the build writes them (and tests derive them). */
export function postsCoreFromPostsSql(source = 'posts'): string {
	return `SELECT p.*, coalesce(d.copies, 0)::INTEGER AS copies FROM ${source} p
		LEFT JOIN (SELECT dup_of, count(*) AS copies FROM ${source} WHERE dup_of IS NOT NULL GROUP BY dup_of) d
		ON d.dup_of = p.post_id`;
}

/** The build's definition of the hourly pre-aggregate, for tests that derive it from fixture posts. */
export function postsHourlyFromPostsSql(source = 'posts'): string {
	return `SELECT date_trunc('hour', created_at) AS hour, platform, lang, stance, claim_id, provenance,
		dup_of IS NOT NULL AS is_dup, count(*)::INTEGER AS n FROM ${source} GROUP BY ALL`;
}

/**
 * The engine tables a statement may read, judged by the table names among its words (the `posts` view reads
 * both posts parts). Quoted names count too, lower-cased. Unknown words are ignored.
 */
export function tablesReferenced(words: ReadonlySet<string>): EngineTable[] {
	const out = new Set<EngineTable>();
	for (const name of Object.keys(ENGINE_TABLES) as EngineTable[]) if (words.has(name)) out.add(name);
	if (words.has('posts')) {
		out.add('posts_core');
		out.add('posts_text');
	}
	return [...out];
}
