import type { TableDef } from './types';

/** Double-quotes a SQL identifier. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** `CREATE TABLE` for a contract table, so every engine gets the same column types. */
export function createTableSql(table: TableDef, name: string = table.name): string {
	const cols = table.columns.map((c) => `${ident(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`);
	return `CREATE TABLE ${ident(name)} (${cols.join(', ')})`;
}

/** DuckDB `read_csv` column-type map for a contract table, e.g. `{'post_id': 'VARCHAR', …}`. */
export function csvColumnsSql(table: TableDef): string {
	const pairs = table.columns.map((c) => `'${c.name}': '${c.type}'`);
	return `{${pairs.join(', ')}}`;
}

export const columnNames = (table: TableDef): string[] => table.columns.map((c) => c.name);
