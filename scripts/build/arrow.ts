import { writeFileSync } from 'node:fs';
import {
	Bool,
	DateDay,
	Float64,
	Int32,
	Table,
	TimestampMillisecond,
	Utf8,
	tableToIPC,
	vectorFromArray,
	type DataType
} from 'apache-arrow';
import { ident, type ColumnDef } from '../../src/lib/schema';
import type { Duck } from './duck';

const arrowType = (c: ColumnDef): DataType => {
	switch (c.type) {
		case 'VARCHAR':
			return new Utf8();
		case 'INTEGER':
			return new Int32();
		case 'DOUBLE':
			return new Float64();
		case 'BOOLEAN':
			return new Bool();
		case 'TIMESTAMP':
			return new TimestampMillisecond();
		case 'DATE':
			return new DateDay();
	}
};

// Times leave DuckDB as epoch milliseconds (doubles), so no BigInt or zone conversion happens in JS.
const selectExpr = (c: ColumnDef): string => {
	if (c.type === 'TIMESTAMP' || c.type === 'DATE') return `epoch_ms(${ident(c.name)}::TIMESTAMP)::DOUBLE`;
	return ident(c.name);
};

/**
 * Writes the result of `from` (a table name or a parenthesised subquery, already ordered) as an Arrow IPC
 * stream — the format DuckDB-WASM reads without any extension. Returns the row count.
 */
export async function writeArrow(
	duck: Duck,
	from: string,
	columns: readonly ColumnDef[],
	path: string
): Promise<number> {
	const values: unknown[][] = columns.map(() => []);
	await duck.each(`SELECT ${columns.map(selectExpr).join(', ')} FROM ${from}`, (cols, rowCount) => {
		for (let j = 0; j < columns.length; j++) {
			const target = values[j];
			const source = cols[j];
			const isDate = columns[j].type === 'DATE';
			for (let i = 0; i < rowCount; i++) {
				const v = source[i];
				target.push(isDate && v !== null ? new Date(v as number) : v);
			}
		}
	});
	const table = new Table(
		Object.fromEntries(columns.map((c, j) => [c.name, vectorFromArray(values[j], arrowType(c))]))
	);
	writeFileSync(path, tableToIPC(table, 'stream'));
	return values[0]?.length ?? 0;
}
