import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sha256Text } from './hash';
import { TABLES, ident, type ColumnDef, type TableDef, type TableName } from '../../src/lib/schema';
import { EMPTY_FILTERS, crossfilterSql } from '../../src/lib/queries/explore';
import {
	CROSSFILTER_DEFAULT_COLUMNS,
	HEAD_ROWS,
	POSTS_CORE_COLUMNS,
	POSTS_HEAD_COLUMNS,
	POSTS_TEXT_COLUMNS,
	postsCoreFromPostsSql,
	postsHeadFromPostsSql
} from '../../src/lib/queries/tables';
import { headPath, hourName } from '../../src/lib/engine/files';
import type { Vector } from 'apache-arrow';
import { ArrowRows, arrowRowsSelect, writeArrow, writeArrowVectors } from './arrow';
import { lit, type Duck } from './duck';

/** A browser table in the manifest: its files and columns. */
export interface BrowserEntry {
	files: FileEntry[];
	columns: string[];
	/** The hour heads: rows kept per end of each hour (`HEAD_ROWS`). */
	perEnd?: number;
}

export interface FileEntry {
	path: string;
	rows: number;
	/** Posts partitions: the hours they hold, epoch ms, `to` exclusive. */
	from?: number;
	to?: number;
}

const orderBy = (t: TableDef) => t.sortBy.map(ident).join(', ');

// Spreadsheets run a cell that starts with = + - @ (or tab, CR, NUL) as a formula: archived posts are
// attacker-controlled, so text cells get a leading apostrophe. Numbers and timestamps are left as they are.
const FORMULA_START = `'^[=+\\-@\\t\\r\\x00]'`;
const safeCsvExpr = (c: ColumnDef): string =>
	c.type === 'VARCHAR'
		? `CASE WHEN regexp_matches(${ident(c.name)}, ${FORMULA_START}) THEN '''' || ${ident(c.name)} ELSE ${ident(c.name)} END AS ${ident(c.name)}`
		: ident(c.name);

/** Parquet (zstd, time-sorted) and spreadsheet-safe CSV of one contract table, for researchers. */
export async function writeDownloads(duck: Duck, table: TableDef, outDir: string): Promise<FileEntry[]> {
	const parquet = join(outDir, `${table.name}.parquet`);
	const csv = join(outDir, `${table.name}.csv`);
	await duck.run(
		`COPY (SELECT * FROM ${table.name} ORDER BY ${orderBy(table)}) TO ${lit(parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`
	);
	await duck.run(
		`COPY (SELECT ${table.columns.map(safeCsvExpr).join(', ')} FROM ${table.name} ORDER BY ${orderBy(table)})
		TO ${lit(csv)} (FORMAT csv, HEADER, DELIMITER ',', QUOTE '"', TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%SZ', DATEFORMAT '%Y-%m-%d')`
	);
	const [{ n }] = await duck.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table.name}`);
	return [
		{ path: `${table.name}.parquet`, rows: n },
		{ path: `${table.name}.csv`, rows: n }
	];
}

/** The hourly pre-aggregate the explorer brushes over (Mosaic-style), so a brush never scans every post. */
export const POSTS_HOURLY_COLUMNS: ColumnDef[] = [
	{
		name: 'hour',
		type: 'TIMESTAMP',
		nullable: false,
		description: 'Hour (UTC) the posts were made in.',
		example: ''
	},
	{ name: 'platform', type: 'VARCHAR', nullable: false, description: 'Platform.', example: 'twitter' },
	{ name: 'lang', type: 'VARCHAR', nullable: false, description: 'Language.', example: 'en' },
	{ name: 'stance', type: 'VARCHAR', nullable: false, description: 'Stance.', example: 'claim' },
	{ name: 'claim_id', type: 'VARCHAR', nullable: true, description: 'Claim.', example: 'mj-poisoned' },
	{ name: 'provenance', type: 'VARCHAR', nullable: false, description: 'Provenance.', example: 'simulated' },
	{
		name: 'is_dup',
		type: 'BOOLEAN',
		nullable: false,
		description: 'Whether these rows are near-duplicate copies.',
		example: 'false'
	},
	{ name: 'n', type: 'INTEGER', nullable: false, description: 'Posts.', example: '12' }
];

/**
 * Rows per posts partition: at least this many, cut at the next hour boundary. Small enough that a page of the
 * posts table downloads a few hundred KB; the cap on files (see `partitionRows`) keeps big datasets from
 * becoming thousands of tiny requests when a view needs everything.
 */
export const PARTITION_MIN_ROWS = 2000;
const MAX_PARTITIONS = 1000;
const HOUR = 3_600_000;

/** Rows per posts partition for a dataset of `total` posts. */
export const partitionRows = (total: number) =>
	Math.max(PARTITION_MIN_ROWS, Math.ceil(total / MAX_PARTITIONS));

/**
 * Arrow IPC files for DuckDB-WASM: one per small table; posts in time order, cut into partitions of whole hours
 * (`from`/`to` in the index, epoch ms, end exclusive) and into a light part and a text part, so a view
 * downloads only the hours and columns it shows.
 */
export async function writeBrowserFiles(
	duck: Duck,
	outDir: string,
	minRowsOverride?: number
): Promise<Record<string, BrowserEntry>> {
	const dir = join(outDir, 'arrow');
	for (const sub of ['posts', 'posts_text', 'posts_head']) mkdirSync(join(dir, sub), { recursive: true });
	const index: Record<string, BrowserEntry> = {};

	for (const name of ['snapshots', 'trending_items', 'events', 'claims', 'cascades'] as TableName[]) {
		const t = TABLES[name];
		const path = `arrow/${name}.arrow`;
		const rows = await writeArrow(
			duck,
			`(SELECT * FROM ${name} ORDER BY ${orderBy(t)})`,
			t.columns,
			join(outDir, path)
		);
		index[name] = { files: [{ path, rows }], columns: t.columns.map((c) => c.name) };
	}

	const light = POSTS_CORE_COLUMNS;
	const text = POSTS_TEXT_COLUMNS;
	const all = [...light, ...text.filter((c) => !light.some((l) => l.name === c.name))];
	index.posts = { files: [], columns: light.map((c) => c.name) };
	index.posts_text = { files: [], columns: text.map((c) => c.name) };
	const [{ total }] = await duck.all<{ total: number }>(`SELECT count(*)::INTEGER AS total FROM posts`);
	const minRows = minRowsOverride ?? partitionRows(total);

	// One ordered pass over all posts, cut at an hour boundary once a partition has enough rows.
	await cutByHour(
		duck,
		`(${postsCoreFromPostsSql('posts')})`,
		all,
		(n) => n >= minRows,
		(g) => {
			const name = hourName(g.first);
			const entry = { rows: g.rows, from: g.first, to: g.last + HOUR };
			for (const [table, columns] of [
				['posts', light],
				['posts_text', text]
			] as const) {
				const path = `arrow/${table}/${name}.arrow`;
				writeArrowVectors(columns, g.vectors, join(outDir, path));
				index[table].files.push({ path, ...entry });
			}
		}
	);

	index.posts_head = await writeHourHeads(duck, outDir);

	await duck.run(`CREATE TEMP TABLE posts_hourly AS SELECT date_trunc('hour', created_at) AS hour, platform, lang, stance,
		claim_id, provenance, dup_of IS NOT NULL AS is_dup, count(*)::INTEGER AS n FROM posts
		GROUP BY ALL ORDER BY hour, platform, lang, stance, claim_id NULLS FIRST, provenance, is_dup`);
	const hourlyRows = await writeArrow(
		duck,
		'posts_hourly',
		POSTS_HOURLY_COLUMNS,
		join(dir, 'posts_hourly.arrow')
	);
	index.posts_hourly = {
		files: [{ path: 'arrow/posts_hourly.arrow', rows: hourlyRows }],
		columns: POSTS_HOURLY_COLUMNS.map((c) => c.name)
	};
	// The explorer's first counts for a reader who opens it with no filter, by the explorer's own query, run once
	// here: that view then waits for a few dozen rows, not for posts_hourly's insert and a grouping over it.
	const defaultRows = await writeArrow(
		duck,
		`(${crossfilterSql(EMPTY_FILTERS)} ORDER BY facet, value)`,
		CROSSFILTER_DEFAULT_COLUMNS,
		join(dir, 'crossfilter_default.arrow')
	);
	index.crossfilter_default = {
		files: [{ path: 'arrow/crossfilter_default.arrow', rows: defaultRows }],
		columns: CROSSFILTER_DEFAULT_COLUMNS.map((c) => c.name)
	};
	return index;
}

/** Rows of whole hours, as `cutByHour` hands them on. */
interface HourGroup {
	vectors: Map<string, Vector>;
	rows: number;
	/** First and last hour held, epoch ms. */
	first: number;
	last: number;
}

/**
 * One pass over `from` (a table or a parenthesised query) in time order, cut into groups of whole hours: at
 * each new hour the group so far is handed to `emit` if `cut` says its row count is enough.
 */
async function cutByHour(
	duck: Duck,
	from: string,
	columns: readonly ColumnDef[],
	cut: (rows: number) => boolean,
	emit: (group: HourGroup) => void
): Promise<void> {
	const rows = new ArrowRows(columns);
	let first: number | null = null;
	let last = 0;
	const flush = () => {
		if (first === null) return;
		emit({ rows: rows.length, first, last, vectors: rows.finish() });
		first = null;
	};
	await duck.chunks(
		`SELECT epoch_ms(date_trunc('hour', created_at))::DOUBLE, ${arrowRowsSelect(columns)}
		FROM ${from} ORDER BY created_at, post_id`,
		(chunk) => {
			const hours = chunk.getColumnVector(0);
			let start = 0;
			for (let i = 0; i < chunk.rowCount; i++) {
				const hour = hours.getItem(i) as number;
				if (first !== null && hour !== last && cut(rows.length + i - start)) {
					rows.append(chunk, 1, start, i);
					flush();
					start = i;
				}
				first ??= hour;
				last = hour;
			}
			rows.append(chunk, 1, start, chunk.rowCount);
		}
	);
	flush();
}

/** Where the hour heads' checksums go, one line per file in `sha256sum` format. */
export const HEAD_SUMS = 'arrow/posts_head/SHA256SUMS';

/**
 * The hour heads (`postsHeadFromPostsSql`): one file per hour holding any first copy, named by the hour. The
 * manifest lists one file for them, their checksums (its `rows`: how many files it lists), not a thousand
 * entries: the data and about pages carry the manifest in their HTML.
 */
async function writeHourHeads(duck: Duck, outDir: string): Promise<BrowserEntry> {
	const sums: string[] = [];
	await cutByHour(
		duck,
		`(${postsHeadFromPostsSql('posts')})`,
		POSTS_HEAD_COLUMNS,
		() => true,
		(g) => {
			const path = headPath(g.first);
			writeArrowVectors(POSTS_HEAD_COLUMNS, g.vectors, join(outDir, path));
			sums.push(`${sha256Text(readFileSync(join(outDir, path)))}  ${basename(path)}\n`);
		}
	);
	writeFileSync(join(outDir, HEAD_SUMS), sums.join(''));
	return {
		files: [{ path: HEAD_SUMS, rows: sums.length }],
		columns: POSTS_HEAD_COLUMNS.map((c) => c.name),
		perEnd: HEAD_ROWS
	};
}

/**
 * `arrow/index.json`'s tables: the manifest's browser entries without the hour heads' checksum file. The engine
 * names a head's file from its hour (`headPath`): listing a thousand of them would add a few hundred kB to the
 * index every explorer visit downloads first.
 */
export function browserIndex(browser: Record<string, BrowserEntry>): Record<string, BrowserEntry> {
	return Object.fromEntries(
		Object.entries(browser).map(([name, e]) => [name, e.perEnd === undefined ? e : { ...e, files: [] }])
	);
}
