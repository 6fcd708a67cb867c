import { writeFileSync } from 'node:fs';
import { Table, tableToIPC } from 'apache-arrow';
import { ident, type ColumnDef } from '../../src/lib/schema';
import { columnVector } from './arrow-columns';
import type { Duck } from './duck';

// Times leave DuckDB as epoch milliseconds (doubles), so no BigInt or zone conversion happens in JS.
export const arrowSelectExpr = (c: ColumnDef): string => {
	if (c.type === 'TIMESTAMP' || c.type === 'DATE') return `epoch_ms(${ident(c.name)}::TIMESTAMP)::DOUBLE`;
	return ident(c.name);
};

/** Writes column arrays as an Arrow IPC stream: the format DuckDB-WASM reads without any extension. */
export function writeArrowColumns(
	columns: readonly ColumnDef[],
	values: readonly unknown[][],
	path: string
): void {
	const table = new Table(
		Object.fromEntries(columns.map((c, j) => [c.name, columnVector(c.type, values[j])]))
	);
	writeFileSync(path, tableToIPC(table, 'stream'));
}

/** Writes the result of `from` (a table name or a parenthesised, ordered subquery). Returns the row count. */
export async function writeArrow(
	duck: Duck,
	from: string,
	columns: readonly ColumnDef[],
	path: string
): Promise<number> {
	const values: unknown[][] = columns.map(() => []);
	await duck.each(`SELECT ${columns.map(arrowSelectExpr).join(', ')} FROM ${from}`, (cols, rowCount) => {
		for (let j = 0; j < columns.length; j++) {
			const target = values[j];
			const source = cols[j];
			for (let i = 0; i < rowCount; i++) target.push(source[i]);
		}
	});
	writeArrowColumns(columns, values, path);
	return values[0]?.length ?? 0;
}
