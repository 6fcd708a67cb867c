import { writeFileSync } from 'node:fs';
import type { DuckDBBlobVector, DuckDBDataChunk } from '@duckdb/node-api';
import { Table, tableToIPC, type Vector } from 'apache-arrow';
import { ident, type ColumnDef } from '../../src/lib/schema';
import { columnBuilder, Utf8Builder, type ColumnBuilder } from './arrow-columns';
import type { Duck } from './duck';

// Times leave DuckDB as epoch milliseconds (doubles), so no BigInt or zone conversion happens in JS.
export const arrowSelectExpr = (c: ColumnDef): string => {
	if (c.type === 'TIMESTAMP' || c.type === 'DATE') return `epoch_ms(${ident(c.name)}::TIMESTAMP)::DOUBLE`;
	return ident(c.name);
};

/**
 * What a query selects for `ArrowRows`: each column in order (a VARCHAR as its byte length, -1 for NULL), then
 * the row's strings concatenated into one BLOB. Reading a long string out of DuckDB is a native call, so one
 * per row instead of one per string was most of the time the Arrow files took; the bytes also arrive as the
 * UTF-8 Arrow stores, with no decoding and re-encoding on the way.
 */
export function arrowRowsSelect(columns: readonly ColumnDef[]): string {
	const text = columns.filter((c) => c.type === 'VARCHAR').map((c) => ident(c.name));
	const exprs = columns.map((c) =>
		c.type === 'VARCHAR' ? `coalesce(strlen(${ident(c.name)}), -1)::INTEGER` : arrowSelectExpr(c)
	);
	if (text.length) exprs.push(`encode(concat(${text.join(', ')}))`);
	return exprs.join(', ');
}

/** Collects rows selected with `arrowRowsSelect(columns)` into Arrow vectors. */
export class ArrowRows {
	private builders: ColumnBuilder[] = [];
	constructor(private readonly columns: readonly ColumnDef[]) {
		this.reset();
	}

	get length(): number {
		return this.builders[0]?.length ?? 0;
	}

	/** Appends rows `from` to `to` (exclusive) of `chunk`, whose selected columns start at vector `first`. */
	append(chunk: DuckDBDataChunk, first: number, from: number, to: number) {
		const { columns, builders } = this;
		const strings = this.rowStrings(chunk, first + columns.length, from, to);
		// Where each row's next string starts in its BLOB: the VARCHAR columns take their bytes in order.
		const cursor = new Int32Array(to - from);
		for (let j = 0; j < columns.length; j++) {
			const vector = chunk.getColumnVector(first + j);
			const builder = builders[j];
			if (builder instanceof Utf8Builder) builder.pushRows(vector, strings, cursor, from, to);
			else for (let i = from; i < to; i++) builder.push(vector.getItem(i));
		}
	}

	/** The vectors of the rows appended since the last call, by column name. */
	finish(): Map<string, Vector> {
		const out = new Map(this.columns.map((c, j) => [c.name, this.builders[j].finish()]));
		this.reset();
		return out;
	}

	private reset() {
		this.builders = this.columns.map((c) => columnBuilder(c.type));
	}

	private rowStrings(chunk: DuckDBDataChunk, index: number, from: number, to: number): Uint8Array[] {
		if (!this.columns.some((c) => c.type === 'VARCHAR')) return [];
		const blobs = chunk.getColumnVector(index) as DuckDBBlobVector;
		const out: Uint8Array[] = new Array(to - from);
		for (let i = from; i < to; i++) out[i - from] = blobs.getItemBytes(i)!;
		return out;
	}
}

/** Writes vectors as an Arrow IPC stream: the format DuckDB-WASM reads without any extension. */
export function writeArrowVectors(
	columns: readonly ColumnDef[],
	vectors: ReadonlyMap<string, Vector>,
	path: string
): void {
	const table = new Table(Object.fromEntries(columns.map((c) => [c.name, vectors.get(c.name)!])));
	writeFileSync(path, tableToIPC(table, 'stream'));
}

/** Writes the result of `from` (a table name or a parenthesised, ordered subquery). Returns the row count. */
export async function writeArrow(
	duck: Duck,
	from: string,
	columns: readonly ColumnDef[],
	path: string
): Promise<number> {
	const rows = new ArrowRows(columns);
	await duck.chunks(`SELECT ${arrowRowsSelect(columns)} FROM ${from}`, (chunk) =>
		rows.append(chunk, 0, 0, chunk.rowCount)
	);
	const n = rows.length;
	writeArrowVectors(columns, rows.finish(), path);
	return n;
}
