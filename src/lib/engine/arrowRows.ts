/**
 * Rows of an Arrow result as plain objects (`plainValue` per cell), read column by column: the same values as
 * `row.toJSON()` for each row, without a row proxy per row, which made a 20,000-row result cost tens of ms.
 */
import { plainValue } from '../queries/runner';

/** The parts of an Arrow table this reads (apache-arrow's Table, as DuckDB-WASM returns it). */
export interface ArrowTableLike {
	readonly numRows: number;
	readonly schema: { readonly fields: readonly { readonly name: string }[] };
	getChildAt(index: number): { get(row: number): unknown; toArray(): ArrayLike<unknown> } | null;
}

export function plainRows(table: ArrowTableLike): Record<string, unknown>[] {
	const names = table.schema.fields.map((f) => f.name);
	const columns = names.map((_, i) => table.getChildAt(i));
	const rows: Record<string, unknown>[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < names.length; c++) row[names[c]] = plainValue(columns[c]?.get(r));
		rows[r] = row;
	}
	return rows;
}

/**
 * Columns of an Arrow result by name, as Arrow reads them out: a typed array for a number column (zero-copy for
 * one batch; a null reads as 0, so use it for columns without nulls), an array of values for the others.
 */
export function plainColumns(table: ArrowTableLike): Record<string, ArrayLike<unknown>> {
	const out: Record<string, ArrayLike<unknown>> = {};
	table.schema.fields.forEach((f, i) => (out[f.name] = table.getChildAt(i)?.toArray() ?? []));
	return out;
}
