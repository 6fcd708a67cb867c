import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, ident, type ColumnDef, type TableDef, type TableName } from '../../src/lib/schema';
import { lit, type Duck } from './duck';

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
	await duck.run(
		`CREATE TEMP TABLE ${raw} AS SELECT row_number() OVER () AS _row, * FROM read_csv(${lit(file)}, header = true,
			all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = true, max_line_size = 8388608, buffer_size = 33554432,
			sample_size = -1)`
	);
	const present = new Set(
		(await duck.all<{ column_name: string }>(`DESCRIBE ${raw}`)).map((r) => r.column_name)
	);
	const missing = table.columns
		.filter(
			(c) => !present.has(c.name) && !c.nullable && !(FILLED_BY_BUILD[table.name] ?? []).includes(c.name)
		)
		.map((c) => c.name);
	if (missing.length) throw new SourceDataError(`${file}: missing column(s) ${missing.join(', ')}`);
	const unknown = [...present].filter((n) => n !== '_row' && !table.columns.some((c) => c.name === n));
	if (unknown.length) throw new SourceDataError(`${file}: unknown column(s) ${unknown.join(', ')}`);

	const optional = (c: ColumnDef) => c.nullable || (FILLED_BY_BUILD[table.name] ?? []).includes(c.name);
	const value = (c: ColumnDef) => (present.has(c.name) ? `nullif(${ident(c.name)}, '')` : 'NULL');
	const problems = table.columns.map((c) => {
		const v = value(c);
		const nullCheck = optional(c) ? 'false' : `${v} IS NULL`;
		return `SELECT _row, ${lit(c.name)} AS col, ${ident(c.name)}::VARCHAR AS val,
			CASE WHEN ${nullCheck} THEN 'is empty' ELSE 'is not a valid ${c.values ? `value (${c.values.join('|')})` : c.type}' END AS why
			FROM ${raw} WHERE ${nullCheck} OR ${badValueSql(c, v)}`;
	});
	const presentChecks = problems.filter(
		(_, i) => present.has(table.columns[i].name) || !optional(table.columns[i])
	);
	const bad = await duck.all<{ _row: string; col: string; val: string | null; why: string }>(
		`SELECT * FROM (${presentChecks.join(' UNION ALL ')}) ORDER BY _row, col LIMIT 20`
	);
	if (bad.length) {
		const lines = bad.map(
			(b) => `  ${file} row ${b._row}, column ${b.col}: ${JSON.stringify(b.val)} ${b.why}`
		);
		throw new SourceDataError(`Invalid values in ${file} (first ${bad.length}):\n${lines.join('\n')}`);
	}
	const select = table.columns.map((c) => `${castSql(c, value(c))} AS ${ident(c.name)}`).join(', ');
	await duck.run(`CREATE TABLE ${table.name} AS SELECT ${select} FROM ${raw} ORDER BY _row`);
	await duck.run(`DROP TABLE ${raw}`);
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
