import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, ident, type ColumnDef, type TableDef, type TableName } from '../../src/lib/schema';
import { arrowSelectExpr, writeArrow, writeArrowColumns } from './arrow';
import { lit, type Duck } from './duck';

export interface FileEntry {
	path: string;
	rows: number;
	day?: string;
}

/** Columns that stay out of the browser's main posts partitions: heavy text, loaded only for table views. */
export const POSTS_TEXT_COLUMNS = ['post_id', 'author_handle', 'text', 'url'] as const;

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
 * Arrow IPC files for DuckDB-WASM: one per small table; posts split by UTC day and into a light part and a
 * text part, so a view downloads only the days and columns it shows.
 */
export async function writeBrowserFiles(
	duck: Duck,
	outDir: string
): Promise<Record<string, { files: FileEntry[]; columns: string[] }>> {
	const dir = join(outDir, 'arrow');
	mkdirSync(join(dir, 'posts'), { recursive: true });
	mkdirSync(join(dir, 'posts_text'), { recursive: true });
	const index: Record<string, { files: FileEntry[]; columns: string[] }> = {};

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

	const posts = TABLES.posts;
	const light = posts.columns.filter(
		(c) => !(POSTS_TEXT_COLUMNS as readonly string[]).includes(c.name) || c.name === 'post_id'
	);
	const text = POSTS_TEXT_COLUMNS.map((n) => posts.columns.find((c) => c.name === n)!);
	const all = posts.columns;
	const pick = (cols: readonly ColumnDef[], values: unknown[][]) => cols.map((c) => values[all.indexOf(c)]);
	index.posts = { files: [], columns: light.map((c) => c.name) };
	index.posts_text = { files: [], columns: text.map((c) => c.name) };

	// One ordered pass over all posts, cut into UTC days as it goes.
	let day: string | null = null;
	let values: unknown[][] = all.map(() => []);
	const flush = () => {
		if (day === null) return;
		const lightPath = `arrow/posts/${day}.arrow`;
		const textPath = `arrow/posts_text/${day}.arrow`;
		writeArrowColumns(light, pick(light, values), join(outDir, lightPath));
		writeArrowColumns(text, pick(text, values), join(outDir, textPath));
		const rows = values[0].length;
		index.posts.files.push({ path: lightPath, rows, day });
		index.posts_text.files.push({ path: textPath, rows, day });
		values = all.map(() => []);
	};
	await duck.each(
		`SELECT strftime(created_at, '%Y-%m-%d'), ${all.map(arrowSelectExpr).join(', ')} FROM posts ORDER BY created_at, post_id`,
		(cols, rowCount) => {
			const days = cols[0] as string[];
			for (let i = 0; i < rowCount; i++) {
				if (days[i] !== day) {
					flush();
					day = days[i];
				}
				for (let j = 0; j < all.length; j++) values[j].push(cols[j + 1][i]);
			}
		}
	);
	flush();

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
	return index;
}
