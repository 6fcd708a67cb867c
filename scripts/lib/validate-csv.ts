import Papa from 'papaparse';
import type { ColumnDef, ColumnType, TableDef } from '../../src/lib/schema';

/** A normalized cell: `null` for an empty cell, a number for INTEGER/DOUBLE, a boolean for BOOLEAN, else a string. */
export type CsvValue = string | number | boolean | null;
/** A validated row, keyed by column name, in the contract's column order. */
export type CsvRow = Record<string, CsvValue>;

/** A problem found by a caller's own row check; `column` is named in the message when given. */
export interface RowIssue {
	column?: string;
	message: string;
}

export interface ValidateCsvOptions {
	/**
	 * Extra checks on every row that passed the schema checks. `line` is the physical line the row starts on.
	 * Runs in file order, so a closure can keep state across rows (e.g. to find duplicate ids).
	 */
	checkRow?: (row: CsvRow, line: number) => RowIssue[];
	/** How many error messages to keep; the rest are only counted. Default 50. */
	maxErrors?: number;
}

/** What `checkCsv` found: the rows that passed, and the errors (capped) with their full count. */
export interface CsvCheckResult {
	rows: CsvRow[];
	/** Physical line on which each of `rows` starts (1 = header). */
	lines: number[];
	errors: string[];
	errorCount: number;
}

export const DEFAULT_MAX_ERRORS = 50;

/** Thrown by `validateCsv`; the message lists every kept error, one per line, as `file:line[:column]: …`. */
export class CsvValidationError extends Error {
	readonly errors: readonly string[];
	readonly errorCount: number;

	constructor(errors: readonly string[], errorCount: number = errors.length) {
		const head = `CSV validation failed with ${errorCount} error${errorCount === 1 ? '' : 's'}:`;
		const more = errorCount > errors.length ? [`  … and ${errorCount - errors.length} more`] : [];
		super([head, ...errors.map((e) => `  ${e}`), ...more].join('\n'));
		this.name = 'CsvValidationError';
		this.errors = errors;
		this.errorCount = errorCount;
	}
}

export type CellResult = { ok: true; value: Exclude<CsvValue, null> } | { ok: false; message: string };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INTEGER_RE = /^[+-]?\d+$/;
const DOUBLE_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/;

const show = (raw: string): string => JSON.stringify(raw.length > 80 ? `${raw.slice(0, 77)}...` : raw);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isCalendarDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return d <= days[m - 1];
}

/** `YYYY-MM-DD` that names a real calendar day, else `null`. */
export function parseDate(raw: string): string | null {
	const m = DATE_RE.exec(raw);
	if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) return null;
	return raw;
}

/**
 * An ISO 8601 date-time with `Z` or a `±hh:mm` offset, normalized to UTC `YYYY-MM-DDTHH:MM:SSZ`; else `null`.
 * Seconds may be omitted; a fraction is accepted only when it is zero (the contract stores whole seconds).
 * Anything without an explicit zone is rejected rather than guessed.
 */
export function normalizeTimestamp(raw: string): string | null {
	const m = TIMESTAMP_RE.exec(raw);
	if (!m) return null;
	const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
	if (!isCalendarDate(+y, +mo, +d) || +h > 23 || +mi > 59 || +s > 59) return null;
	if (/[1-9]/.test(frac)) return null;
	let offsetMinutes = 0;
	if (zone !== 'Z') {
		const [oh, om] = zone.slice(1).split(':').map(Number);
		if (oh > 23 || om > 59) return null;
		offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
	}
	const t = new Date(0);
	t.setUTCFullYear(+y, +mo - 1, +d);
	t.setUTCHours(+h, +mi - offsetMinutes, +s, 0);
	const year = t.getUTCFullYear();
	if (year < 0 || year > 9999) return null;
	return (
		`${pad(year, 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
		`T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}Z`
	);
}

/** Parses one non-empty cell as a contract type. Never guesses: anything outside the accepted forms fails. */
export function parseCell(type: ColumnType, raw: string): CellResult {
	switch (type) {
		case 'VARCHAR':
			return { ok: true, value: raw };
		case 'INTEGER': {
			if (!INTEGER_RE.test(raw)) return { ok: false, message: `${show(raw)} is not an integer` };
			const n = Number(raw);
			if (n < INT32_MIN || n > INT32_MAX) {
				return { ok: false, message: `${show(raw)} is out of range for INTEGER (32-bit)` };
			}
			return { ok: true, value: n };
		}
		case 'DOUBLE': {
			const n = Number(raw);
			if (!DOUBLE_RE.test(raw) || !Number.isFinite(n)) {
				return { ok: false, message: `${show(raw)} is not a number` };
			}
			return { ok: true, value: n };
		}
		case 'BOOLEAN':
			if (raw === 'true') return { ok: true, value: true };
			if (raw === 'false') return { ok: true, value: false };
			return { ok: false, message: `${show(raw)} is not a boolean (true or false)` };
		case 'DATE': {
			const date = parseDate(raw);
			return date === null
				? { ok: false, message: `${show(raw)} is not a valid date (YYYY-MM-DD)` }
				: { ok: true, value: date };
		}
		case 'TIMESTAMP': {
			const ts = normalizeTimestamp(raw);
			return ts === null
				? {
						ok: false,
						message: `${show(raw)} is not a valid timestamp (ISO 8601 with Z or ±hh:mm, e.g. 2022-12-15T02:00:00Z)`
					}
				: { ok: true, value: ts };
		}
	}
}

function checkValue(column: ColumnDef, raw: string): { value: CsvValue } | { message: string } {
	if (raw === '') return column.nullable ? { value: null } : { message: 'value is required' };
	const cell = parseCell(column.type, raw);
	if (!cell.ok) return { message: cell.message };
	if (column.values && !column.values.includes(raw)) {
		return { message: `${show(raw)} is not one of ${column.values.join(', ')}` };
	}
	return { value: cell.value };
}

const countNewlines = (text: string, from: number, to: number): number => {
	let n = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
	return n;
};

/**
 * Checks CSV text against a contract table without throwing. The header may list the columns in any order;
 * missing, unknown and repeated columns are errors. Blank lines are skipped. Line numbers are physical lines
 * of the file (a quoted field spanning lines counts every line), so they match what an editor shows.
 */
export function checkCsv(
	table: TableDef,
	text: string,
	file: string,
	options: ValidateCsvOptions = {}
): CsvCheckResult {
	const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
	const errors: string[] = [];
	let errorCount = 0;
	const report = (line: number, column: string | undefined, message: string) => {
		errorCount++;
		if (errors.length < maxErrors) errors.push(`${file}:${line}${column ? `:${column}` : ''}: ${message}`);
	};

	// Normalizing line breaks also normalizes quoted newlines to \n, and keeps one break = one physical line.
	const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const rows: CsvRow[] = [];
	const lines: number[] = [];
	let header: string[] | undefined;
	let positions: (ColumnDef | undefined)[] = [];
	let cursor = 0;
	let line = 1;

	Papa.parse<string[]>(body, {
		delimiter: ',',
		newline: '\n',
		quoteChar: '"',
		skipEmptyLines: false,
		step: (step) => {
			const start = line;
			line += countNewlines(body, cursor, step.meta.cursor);
			cursor = step.meta.cursor;
			const fields = step.data;
			if (fields.length === 1 && fields[0] === '') return;
			for (const e of step.errors) report(start, undefined, `malformed CSV: ${e.message}`);
			if (!header) {
				header = fields;
				positions = checkHeader(table, fields, (message) => report(start, undefined, message));
				return;
			}
			if (step.errors.length) return;
			if (fields.length !== header.length) {
				report(start, undefined, `expected ${header.length} fields, found ${fields.length}`);
				return;
			}
			const values = new Map<string, CsvValue>();
			let ok = true;
			positions.forEach((column, i) => {
				if (!column) return;
				const checked = checkValue(column, fields[i]);
				if ('message' in checked) {
					ok = false;
					report(start, column.name, checked.message);
				} else values.set(column.name, checked.value);
			});
			if (!ok) return;
			const row: CsvRow = {};
			for (const column of table.columns) row[column.name] = values.get(column.name) ?? null;
			const issues = options.checkRow?.(row, start) ?? [];
			for (const issue of issues) report(start, issue.column, issue.message);
			if (issues.length) return;
			rows.push(row);
			lines.push(start);
		}
	});

	if (!header) report(1, undefined, 'no header row (the file is empty)');
	return { rows, lines, errors, errorCount };
}

/** Maps header positions to contract columns (undefined for unknown or repeated names) and reports problems. */
function checkHeader(
	table: TableDef,
	names: readonly string[],
	report: (message: string) => void
): (ColumnDef | undefined)[] {
	const byName = new Map(table.columns.map((c) => [c.name, c]));
	const seen = new Set<string>();
	const positions = names.map((name) => {
		const column = byName.get(name);
		if (!column) {
			report(`unknown column ${show(name)} (not in table ${table.name})`);
			return undefined;
		}
		if (seen.has(name)) {
			report(`duplicate column ${show(name)}`);
			return undefined;
		}
		seen.add(name);
		return column;
	});
	for (const column of table.columns) {
		if (!seen.has(column.name)) report(`missing column ${show(column.name)}`);
	}
	return positions;
}

/**
 * Validates CSV text against a contract table and returns its rows with values normalized (empty → null,
 * numbers, booleans, timestamps as UTC `YYYY-MM-DDTHH:MM:SSZ`). Handles a BOM, CRLF and quoted newlines.
 * Throws one `CsvValidationError` listing every problem (up to `maxErrors`) as `file:line[:column]: …`.
 */
export function validateCsv(
	table: TableDef,
	text: string,
	file: string,
	options: ValidateCsvOptions = {}
): CsvRow[] {
	const result = checkCsv(table, text, file, options);
	if (result.errorCount) throw new CsvValidationError(result.errors, result.errorCount);
	return result.rows;
}
