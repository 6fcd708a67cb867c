/**
 * CSV for researchers, built with papaparse `unparse`. Two flavours:
 * - spreadsheet-safe (the default): a text cell that starts with = + - @, a tab, CR or NUL gets a leading `'`,
 *   so Excel, LibreOffice and Sheets show it instead of running it as a formula. Only text columns are
 *   touched: numbers stay numbers (`-5` is not prefixed), and the check is anchored at the start of the cell
 *   with no `.*$`, so a multi-line cell like "=1+1\nnote" is caught too (papaparse's own default regex misses
 *   it, PapaParse PR #1149). See research/perf-security.md §A1.
 * - raw: the same file without the guard, for code.
 * Text cells are always quoted, so a 19-digit id or a "0012" code stays a string when read back.
 */
import Papa from 'papaparse';
import { BOM } from './download';

/** Cell values a chart or query hands to the exporter. */
export type CellValue = string | number | bigint | boolean | null | undefined | Date;
export type ExportRow = Readonly<Record<string, CellValue>>;

/** Column types the exporter distinguishes (the contract's DuckDB types, see src/lib/schema). */
export type ExportColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP' | 'DATE';
export interface ExportColumn {
	name: string;
	type: ExportColumnType;
}

export interface CsvOptions {
	/** Column order and types. Inferred from the rows when absent (strings → text, numbers → numeric). */
	columns?: readonly ExportColumn[];
	/** Prefix formula-like text cells with `'` (default true). false gives the raw variant. */
	guard?: boolean;
	/** Start the file with a UTF-8 byte-order mark, so Excel reads Korean text as UTF-8 (default false). */
	bom?: boolean;
}

/** Cells that start with one of these run as formulas in spreadsheets (OWASP CSV Injection, ASVS 1.2.10). */
export const FORMULA_START = /^[=+\-@\t\r\0]/;

export { BOM };

/** The spreadsheet guard for one text cell. Anchored, no `.*$`: multi-line cells are caught. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const isNumeric = (t: ExportColumnType) => t === 'INTEGER' || t === 'DOUBLE';

/** Column types from the values: a column is text unless every non-empty value is a number (or boolean). */
export function inferColumns(rows: readonly ExportRow[]): ExportColumn[] {
	const names: string[] = [];
	const seen = new Set<string>();
	for (const row of rows)
		for (const k of Object.keys(row))
			if (!seen.has(k)) {
				seen.add(k);
				names.push(k);
			}
	return names.map((name) => {
		let type: ExportColumnType | null = null;
		for (const row of rows) {
			const v = row[name];
			if (v === null || v === undefined) continue;
			const t: ExportColumnType =
				typeof v === 'number'
					? 'DOUBLE'
					: typeof v === 'bigint'
						? 'INTEGER'
						: typeof v === 'boolean'
							? 'BOOLEAN'
							: v instanceof Date
								? 'TIMESTAMP'
								: 'VARCHAR';
			if (type === null) type = t;
			else if (type !== t) {
				type =
					(type === 'DOUBLE' || type === 'INTEGER') && (t === 'DOUBLE' || t === 'INTEGER')
						? 'DOUBLE'
						: 'VARCHAR';
			}
			if (type === 'VARCHAR') break;
		}
		return { name, type: type ?? 'VARCHAR' };
	});
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The same timestamp format the full-table CSVs use (scripts/build/outputs.ts). */
function isoSeconds(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/**
 * One cell as papaparse should write it: text as a string (guarded when asked), numbers as numbers. A value
 * in a text column is text whatever its JS type, so a numeric-looking id is written as a quoted string.
 */
function cell(v: CellValue, type: ExportColumnType, guard: boolean): string | number | boolean | null {
	if (v === null || v === undefined) return null;
	if (type === 'TIMESTAMP' && (typeof v === 'number' || v instanceof Date)) {
		const ms = typeof v === 'number' ? v : v.getTime();
		return Number.isFinite(ms) ? isoSeconds(ms) : null;
	}
	if (type === 'DATE' && typeof v === 'number') return Number.isFinite(v) ? isoSeconds(v).slice(0, 10) : null;
	if (isNumeric(type) && (typeof v === 'number' || typeof v === 'bigint')) {
		if (typeof v === 'number' && !Number.isFinite(v)) return null;
		// bigint stays exact: written as its digits, never through a double.
		return typeof v === 'bigint' ? v.toString() : v;
	}
	if (type === 'BOOLEAN' && typeof v === 'boolean') return v;
	if (isNumeric(type) || type === 'BOOLEAN') {
		// A string in a numeric column (e.g. parsed from a CSV): written as is when it is really a number.
		const s = String(v);
		if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || s === 'true' || s === 'false') return s;
		return guard ? guardFormula(s) : s;
	}
	const s = v instanceof Date ? isoSeconds(v.getTime()) : String(v);
	return guard ? guardFormula(s) : s;
}

/** Marker so the quote callback knows which cells are text (papaparse passes the value, not the type). */
class Text {
	constructor(readonly s: string) {}
	toString() {
		return this.s;
	}
}

function unparseRows(
	rows: readonly ExportRow[],
	columns: readonly ExportColumn[],
	guard: boolean,
	header: boolean
): string {
	const textCols = columns.map((c) => c.type === 'VARCHAR');
	const data = rows.map((row) =>
		columns.map((c, i) => {
			const v = cell(row[c.name], c.type, guard);
			// Strings in text columns are always quoted; numbers (even inside a text column) are not.
			return typeof v === 'string' && textCols[i] ? new Text(v) : v;
		})
	);
	if (header) data.unshift(columns.map((c) => (guard ? guardFormula(c.name) : c.name)));
	// Arrays, not objects: papaparse then writes exactly these cells, header included, with no extra line.
	return Papa.unparse(data as unknown[][], {
		header: false,
		newline: '\r\n',
		quotes: (value: unknown) => value instanceof Text
	});
}

/** The whole CSV as one string (small exports, tests). */
export function toCsv(rows: readonly ExportRow[], options: CsvOptions = {}): string {
	let out = '';
	for (const chunk of csvChunks(rows, options)) out += chunk.text;
	return out;
}

/**
 * The CSV in pieces of `chunkRows` rows, so a worker can report progress and the main thread never builds
 * one huge string at once. Pieces joined in order are exactly `toCsv`.
 */
export function* csvChunks(
	rows: readonly ExportRow[],
	options: CsvOptions = {},
	chunkRows = 5000
): Generator<{ text: string; done: number; total: number }> {
	const columns = options.columns ?? inferColumns(rows);
	const guard = options.guard ?? true;
	const head = (options.bom ? BOM : '') + unparseRows([], columns, guard, true);
	if (!columns.length) throw new Error('CSV export needs at least one column');
	if (!rows.length) {
		yield { text: head + '\r\n', done: 0, total: 0 };
		return;
	}
	for (let i = 0; i < rows.length; i += chunkRows) {
		const body = unparseRows(rows.slice(i, i + chunkRows), columns, guard, false);
		const done = Math.min(rows.length, i + chunkRows);
		yield { text: (i === 0 ? head + '\r\n' : '') + body + '\r\n', done, total: rows.length };
	}
}
