import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, ident, type ColumnDef, type TableDef, type TableName } from '../../src/lib/schema';
import { lit, type Duck } from './duck';
import { MAX_SOURCE_LINE_BYTES } from '../lib/limits';

export class SourceDataError extends Error {}

/** Tables a source directory may provide (events and claims are documented, cascades derived). */
export const SOURCE_TABLES: TableName[] = ['snapshots', 'trending_items', 'posts'];

// Timestamps must say they are UTC: DuckDB's TIMESTAMP cast would silently drop a "+09:00" offset.
const ISO_UTC = `'^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z$'`;

/** Columns a source may leave empty because the build fills them (classification, dedup). */
export const FILLED_BY_BUILD: Partial<Record<TableName, readonly string[]>> = {
	trending_items: ['is_protest', 'protest_signal'],
	posts: ['dup_of']
};

/** SQL that is true when a raw text value does not fit the column (null checks apart). */
function badValueSql(c: ColumnDef, v: string): string {
	const checks: string[] = [];
	if (c.type === 'TIMESTAMP')
		checks.push(`NOT regexp_full_match(${v}, ${ISO_UTC})`, `try_cast(rtrim(${v}, 'Z') AS TIMESTAMP) IS NULL`);
	if (c.type === 'DATE')
		checks.push(`NOT regexp_full_match(${v}, '^\\d{4}-\\d{2}-\\d{2}$')`, `try_cast(${v} AS DATE) IS NULL`);
	if (c.type === 'INTEGER') checks.push(`try_cast(${v} AS INTEGER) IS NULL`);
	if (c.type === 'DOUBLE') checks.push(`try_cast(${v} AS DOUBLE) IS NULL`);
	if (c.type === 'BOOLEAN') checks.push(`${v} NOT IN ('true', 'false')`);
	if (c.values) checks.push(`${v} NOT IN (${c.values.map(lit).join(', ')})`);
	return checks.length ? `(${v} IS NOT NULL AND (${checks.join(' OR ')}))` : 'false';
}

function castSql(c: ColumnDef, v: string): string {
	if (c.type === 'TIMESTAMP') return `CAST(rtrim(${v}, 'Z') AS TIMESTAMP)`;
	if (c.type === 'VARCHAR') return v;
	return `CAST(${v} AS ${c.type})`;
}

/**
 * Loads one CSV of a source directory into a typed contract table. Every value is checked first (type,
 * enum, nullability, UTC timestamps); a bad value stops the build with file, row and column, so nothing is
 * silently dropped or guessed. Columns the table allows to be empty may be missing from the file.
 */
export async function loadSourceTable(duck: Duck, dir: string, table: TableDef): Promise<number> {
	const file = join(dir, `${table.name}.csv`);
	const raw = `raw_${table.name}`;
	if (!existsSync(file)) {
		await duck.run(`CREATE TABLE ${table.name} AS SELECT * FROM (${emptySelect(table)}) WHERE false`);
		return 0;
	}
	// A view, not a table: the file is scanned twice (check, then typed load) instead of being copied as
	// text, which at 10M posts spilled gigabytes to disk.
	await duck.run(
		`CREATE OR REPLACE TEMP VIEW ${raw} AS SELECT row_number() OVER () AS _row, * FROM read_csv(${lit(file)},
			header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = true,
			max_line_size = ${MAX_SOURCE_LINE_BYTES}, buffer_size = ${2 * MAX_SOURCE_LINE_BYTES})`
	);
	const present = new Set(
		(await duck.all<{ column_name: string }>(`DESCRIBE ${raw}`)).map((r) => r.column_name)
	);
	const filled = FILLED_BY_BUILD[table.name] ?? [];
	const missing = table.columns
		.filter((c) => !present.has(c.name) && !c.nullable && !filled.includes(c.name))
		.map((c) => c.name);
	if (missing.length) throw new SourceDataError(`${file}: missing column(s) ${missing.join(', ')}`);
	const unknown = [...present].filter((n) => n !== '_row' && !table.columns.some((c) => c.name === n));
	if (unknown.length) throw new SourceDataError(`${file}: unknown column(s) ${unknown.join(', ')}`);

	const optional = (c: ColumnDef) => c.nullable || filled.includes(c.name);
	const value = (c: ColumnDef) => (present.has(c.name) ? `nullif(${ident(c.name)}, '')` : 'NULL');
	const checked = table.columns.filter((c) => present.has(c.name) || !optional(c));
	const why = checked.map((c) => {
		const v = value(c);
		const empty = optional(c) ? 'false' : `${v} IS NULL`;
		const kind = c.values ? `value (${c.values.join('|')})` : c.type;
		return {
			c,
			empty,
			sql: `CASE WHEN ${empty} THEN 'is empty' WHEN ${badValueSql(c, v)} THEN 'is not a valid ${kind}' END`
		};
	});
	// One streaming pass; the first rows with a problem, in file order.
	const bad = await duck.all<Record<string, string | null>>(
		`SELECT _row::VARCHAR AS _row, ${why.map((w, i) => `${w.sql} AS why_${i}, ${present.has(w.c.name) ? ident(w.c.name) : 'NULL'}::VARCHAR AS val_${i}`).join(', ')}
		FROM ${raw} WHERE ${why.map((w) => `(${w.empty} OR ${badValueSql(w.c, value(w.c))})`).join(' OR ')} LIMIT 20`
	);
	if (bad.length) {
		const lines = bad.flatMap((b) =>
			why.flatMap((w, i) =>
				b[`why_${i}`] === null
					? []
					: [`  ${file} row ${b._row}, column ${w.c.name}: ${JSON.stringify(b[`val_${i}`])} ${b[`why_${i}`]}`]
			)
		);
		throw new SourceDataError(`Invalid values in ${file} (first ${lines.length}):\n${lines.join('\n')}`);
	}
	const select = table.columns.map((c) => `${castSql(c, value(c))} AS ${ident(c.name)}`).join(', ');
	await duck.run(`CREATE TABLE ${table.name} AS SELECT ${select} FROM ${raw}`);
	await duck.run(`DROP VIEW ${raw}`);
	const [{ n }] = await duck.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table.name}`);
	return n;
}

function emptySelect(table: TableDef): string {
	return `SELECT ${table.columns.map((c) => `NULL::${c.type} AS ${ident(c.name)}`).join(', ')}`;
}

export async function loadSource(duck: Duck, dir: string): Promise<Record<string, number>> {
	if (!existsSync(dir)) throw new SourceDataError(`source directory ${dir} does not exist`);
	const counts: Record<string, number> = {};
	for (const name of SOURCE_TABLES) counts[name] = await loadSourceTable(duck, dir, TABLES[name]);
	return counts;
}
