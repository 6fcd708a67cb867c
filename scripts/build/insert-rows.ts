import { ident, type TableDef } from '../../src/lib/schema';
import { lit, type Duck } from './duck';

type Value = string | number | boolean | null | undefined;

function sqlValue(value: Value, type: string): string {
	if (value === null || value === undefined || value === '') return 'NULL';
	if (type === 'TIMESTAMP') return `CAST(${lit(String(value).replace(/Z$/, ''))} AS TIMESTAMP)`;
	if (type === 'VARCHAR') return lit(String(value));
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return `CAST(${lit(String(value))} AS ${type})`;
}

/** Inserts small, already-validated row objects into a contract-shaped table, in batches. */
export async function insertRows(
	duck: Duck,
	table: TableDef,
	rows: readonly Record<string, Value>[],
	name = table.name
) {
	const cols = table.columns.map((c) => ident(c.name)).join(', ');
	for (let i = 0; i < rows.length; i += 500) {
		const values = rows
			.slice(i, i + 500)
			.map((row) => `(${table.columns.map((c) => sqlValue(row[c.name], c.type)).join(', ')})`);
		await duck.run(`INSERT INTO ${ident(name)} (${cols}) VALUES ${values.join(', ')}`);
	}
}
