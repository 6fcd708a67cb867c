import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	BOM,
	csvChunks,
	guardFormula,
	inferColumns,
	toCsv,
	type ExportColumn,
	type ExportRow
} from '../../../src/lib/export/csv';

/** The single data cell of a one-column CSV, as written (quotes included). */
const written = (value: ExportRow[string], type?: ExportColumn['type'], guard = true) => {
	const csv = toCsv([{ v: value }], { columns: type ? [{ name: 'v', type }] : undefined, guard });
	return csv.slice('v\r\n'.length, -2);
};

/** The cell as a spreadsheet or CSV reader gets it back. */
const readBack = (csv: string): string[][] => Papa.parse<string[]>(csv.replace(/\r\n$/, '')).data;

describe('guardFormula (spreadsheet-safe text cells)', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+1', "'+1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['-abc', "'-abc"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"],
		['\0=1', "'\0=1"],
		['=1+1\nnote', "'=1+1\nnote"],
		['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
		['plain title', 'plain title'],
		['note\n=1+1', 'note\n=1+1'],
		['a=1', 'a=1'],
		['', '']
	])('%j becomes %j', (input, expected) => {
		expect(guardFormula(input)).toBe(expected);
	});
});

describe('toCsv: text columns are guarded and quoted, numbers stay numbers', () => {
	it.each<[string, ExportRow[string], ExportColumn['type'] | undefined, string]>([
		['a formula in a text cell gets a leading apostrophe', '=1+1', undefined, `"'=1+1"`],
		['a leading plus is guarded', '+1', undefined, `"'+1"`],
		['a leading at sign is guarded', '@SUM(A1)', undefined, `"'@SUM(A1)"`],
		['a tab before a formula is guarded', '\t=1', undefined, `"'\t=1"`],
		['a carriage return before a formula is guarded', '\r=1', undefined, `"'\r=1"`],
		['a multi-line formula cell is guarded', '=1+1\nnote', undefined, `"'=1+1\nnote"`],
		['-5 in a numeric column stays -5', -5, 'INTEGER', '-5'],
		['-5 as a JS number (inferred numeric) stays -5', -5, undefined, '-5'],
		['-2.5 in a DOUBLE column stays -2.5', -2.5, 'DOUBLE', '-2.5'],
		['-abc in a text column is prefixed', '-abc', 'VARCHAR', `"'-abc"`],
		['"-5" as text in a text column is prefixed (it is text, not a number)', '-5', 'VARCHAR', `"'-5"`],
		['a quote-and-comma injection stays inside one quoted cell', 'a","=1+1', undefined, `"a"",""=1+1"`],
		['a 19-digit id stays a quoted string', '1603456789012345678', undefined, '"1603456789012345678"'],
		[
			'a 19-digit bigint id in a text column stays exact',
			1603456789012345678n,
			'VARCHAR',
			'"1603456789012345678"'
		],
		[
			'a bigint count in a numeric column is written exactly, unquoted',
			9007199254740993n,
			'INTEGER',
			'9007199254740993'
		],
		['a numeric-looking id in a text column is quoted', 1000007, 'VARCHAR', '"1000007"'],
		['null is an empty unquoted cell', null, 'VARCHAR', ''],
		['the empty string is an empty quoted cell', '', 'VARCHAR', '""'],
		['booleans are unquoted', true, undefined, 'true'],
		[
			'epoch ms in a TIMESTAMP column become ISO UTC',
			Date.UTC(2022, 11, 14, 6),
			'TIMESTAMP',
			'2022-12-14T06:00:00Z'
		]
	])('%s', (_name, value, type, expected) => {
		expect(written(value, type)).toBe(expected);
	});

	it('the raw variant writes formula-like text untouched (still quoted)', () => {
		expect(written('=1+1', undefined, false)).toBe('"=1+1"');
		expect(written('-abc', 'VARCHAR', false)).toBe('"-abc"');
	});

	it('reads back as the original text plus the apostrophe, one cell per value', () => {
		const rows: ExportRow[] = [
			{ id: '1603456789012345678', title: 'a","=1+1', n: -5 },
			{ id: '2', title: '=1+1\nnote', n: 3 }
		];
		expect(readBack(toCsv(rows))).toEqual([
			['id', 'title', 'n'],
			['1603456789012345678', 'a","=1+1', '-5'],
			['2', "'=1+1\nnote", '3']
		]);
	});

	it('guards header names too (uploaded or query-made columns can be hostile)', () => {
		expect(toCsv([{ '=cmd': 'x' }]).split('\r\n')[0]).toBe("'=cmd");
	});

	it('writes a UTF-8 byte-order mark only when asked', () => {
		expect(toCsv([{ t: '한국어' }], { bom: true }).startsWith(BOM + 't\r\n')).toBe(true);
		expect(toCsv([{ t: '한국어' }]).startsWith(BOM)).toBe(false);
	});

	it('uses CRLF line ends and the given column order', () => {
		const cols: ExportColumn[] = [
			{ name: 'b', type: 'INTEGER' },
			{ name: 'a', type: 'VARCHAR' }
		];
		expect(toCsv([{ a: 'x', b: 1 }], { columns: cols })).toBe('b,a\r\n1,"x"\r\n');
	});

	it('writes only the header for no rows', () => {
		expect(toCsv([], { columns: [{ name: 'a', type: 'VARCHAR' }] })).toBe('a\r\n');
	});
});

describe('inferColumns', () => {
	it('types a column numeric only when every value is a number', () => {
		expect(
			inferColumns([
				{ a: 1, b: '1', c: null, d: 1 },
				{ a: 2.5, b: 2, c: 3, d: 'x' }
			])
		).toEqual([
			{ name: 'a', type: 'DOUBLE' },
			{ name: 'b', type: 'VARCHAR' },
			{ name: 'c', type: 'DOUBLE' },
			{ name: 'd', type: 'VARCHAR' }
		]);
	});

	it('keeps columns that first appear in later rows', () => {
		expect(inferColumns([{ a: 1 }, { b: 'x' }]).map((c) => c.name)).toEqual(['a', 'b']);
	});
});

describe('csvChunks', () => {
	it('joins to exactly toCsv and reports progress per chunk', () => {
		const rows = Array.from({ length: 12 }, (_, i) => ({ i, s: i % 3 ? `t${i}` : `=x${i}` }));
		const chunks = [...csvChunks(rows, {}, 5)];
		expect(chunks.map((c) => c.done)).toEqual([5, 10, 12]);
		expect(chunks.every((c) => c.total === 12)).toBe(true);
		expect(chunks.map((c) => c.text).join('')).toBe(toCsv(rows));
	});
});
