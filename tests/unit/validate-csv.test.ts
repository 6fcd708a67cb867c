import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { events, type ColumnType, type TableDef } from '../../src/lib/schema';
import {
	checkCsv,
	CsvValidationError,
	normalizeTimestamp,
	parseCell,
	validateCsv,
	type CsvRow
} from '../../scripts/lib/validate-csv';

const FIXTURES = 'tests/fixtures/documented';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, 'utf8');

/** Runs `validateCsv` and returns the error lines it throws (or fails the test if it does not throw). */
function errorsOf(table: TableDef, text: string, file: string): readonly string[] {
	try {
		validateCsv(table, text, file);
	} catch (e) {
		expect(e).toBeInstanceOf(CsvValidationError);
		return (e as CsvValidationError).errors;
	}
	throw new Error(`expected ${file} to fail validation`);
}

/** A small table with one column of every contract type. */
const sample: TableDef = {
	name: 'snapshots',
	description: 'test table with every column type',
	key: 'id',
	sortBy: ['id'],
	columns: [
		{ name: 'id', type: 'VARCHAR', nullable: false, description: '', example: '' },
		{ name: 'n', type: 'INTEGER', nullable: true, description: '', example: '' },
		{ name: 'x', type: 'DOUBLE', nullable: true, description: '', example: '' },
		{ name: 'flag', type: 'BOOLEAN', nullable: true, description: '', example: '' },
		{ name: 'day', type: 'DATE', nullable: true, description: '', example: '' },
		{ name: 'at', type: 'TIMESTAMP', nullable: true, description: '', example: '' },
		{
			name: 'feed',
			type: 'VARCHAR',
			nullable: true,
			description: '',
			example: '',
			values: ['trending', 'latest']
		}
	]
};
const SAMPLE_HEADER = 'id,n,x,flag,day,at,feed';

describe('parseCell', () => {
	it.each<[string, ColumnType, string, unknown]>([
		['keeps a VARCHAR as written, spaces included', 'VARCHAR', ' a, b ', ' a, b '],
		['reads a signed INTEGER', 'INTEGER', '-42', -42],
		['reads the largest 32-bit INTEGER', 'INTEGER', '2147483647', 2147483647],
		['reads a DOUBLE with an exponent', 'DOUBLE', '2.5e3', 2500],
		['reads a DOUBLE written with a leading dot', 'DOUBLE', '.5', 0.5],
		['reads true as a BOOLEAN', 'BOOLEAN', 'true', true],
		['reads false as a BOOLEAN', 'BOOLEAN', 'false', false],
		['accepts Feb 29 of a leap year as a DATE', 'DATE', '2024-02-29', '2024-02-29'],
		['keeps a UTC TIMESTAMP as it is', 'TIMESTAMP', '2022-12-15T02:00:00Z', '2022-12-15T02:00:00Z'],
		['shifts a negative offset to UTC', 'TIMESTAMP', '2022-12-14T21:00:00-05:00', '2022-12-15T02:00:00Z'],
		[
			'shifts a KST offset back across midnight',
			'TIMESTAMP',
			'2022-12-27T08:06:00+09:00',
			'2022-12-26T23:06:00Z'
		],
		[
			'rolls a year over when shifting to UTC',
			'TIMESTAMP',
			'2022-12-31T23:30:00-01:00',
			'2023-01-01T00:30:00Z'
		],
		['adds the seconds a TIMESTAMP leaves out', 'TIMESTAMP', '2022-12-16T20:21Z', '2022-12-16T20:21:00Z'],
		[
			'drops an all-zero fraction of a second',
			'TIMESTAMP',
			'2022-12-15T14:02:11.000Z',
			'2022-12-15T14:02:11Z'
		]
	])('%s', (_, type, raw, want) => {
		expect(parseCell(type, raw)).toEqual({ ok: true, value: want });
	});

	it.each<[string, ColumnType, string, string]>([
		['rejects a decimal as an INTEGER', 'INTEGER', '1.5', '"1.5" is not an integer'],
		['rejects an INTEGER with a thousands separator', 'INTEGER', '1,800', '"1,800" is not an integer'],
		[
			'rejects an INTEGER beyond 32 bits',
			'INTEGER',
			'2147483648',
			'"2147483648" is out of range for INTEGER (32-bit)'
		],
		['rejects NaN as a DOUBLE', 'DOUBLE', 'NaN', '"NaN" is not a number'],
		['rejects Infinity as a DOUBLE', 'DOUBLE', 'Infinity', '"Infinity" is not a number'],
		['rejects a DOUBLE with a comma decimal', 'DOUBLE', '2,5', '"2,5" is not a number'],
		['rejects a capitalised BOOLEAN', 'BOOLEAN', 'True', '"True" is not a boolean (true or false)'],
		['rejects 1 as a BOOLEAN', 'BOOLEAN', '1', '"1" is not a boolean (true or false)'],
		['rejects month 13', 'DATE', '2022-13-01', '"2022-13-01" is not a valid date (YYYY-MM-DD)'],
		[
			'rejects Feb 29 of a common year',
			'DATE',
			'2022-02-29',
			'"2022-02-29" is not a valid date (YYYY-MM-DD)'
		],
		['rejects a US-style date', 'DATE', '12/14/2022', '"12/14/2022" is not a valid date (YYYY-MM-DD)'],
		[
			'rejects a date with a time',
			'DATE',
			'2022-12-14T00:00:00Z',
			'"2022-12-14T00:00:00Z" is not a valid date (YYYY-MM-DD)'
		]
	])('%s', (_, type, raw, message) => {
		expect(parseCell(type, raw)).toEqual({ ok: false, message });
	});
});

describe('normalizeTimestamp', () => {
	it.each([
		['a timestamp without a zone', '2022-12-15T02:00:00'],
		['a space instead of T', '2022-12-15 02:00:00Z'],
		['a lowercase z', '2022-12-15T02:00:00z'],
		['an offset without a colon', '2022-12-15T02:00:00+0900'],
		['hour 24', '2022-12-15T24:00:00Z'],
		['a leap second', '2022-12-31T23:59:60Z'],
		['an impossible day', '2022-11-31T02:00:00Z'],
		['an offset beyond 23 hours', '2022-12-15T02:00:00+24:00'],
		['a non-zero fraction of a second', '2022-12-15T02:00:00.5Z'],
		['a date alone', '2022-12-15'],
		['a Unix time', '1671069600']
	])('rejects %s', (_, raw) => {
		expect(normalizeTimestamp(raw)).toBeNull();
	});
});

describe('validateCsv on inline text', () => {
	it('returns typed rows in contract column order whatever the header order', () => {
		const text = 'feed,at,day,flag,x,n,id\nlatest,2022-12-14T21:00:00-05:00,2022-12-14,true,0.25,7,a\n';
		const rows = validateCsv(sample, text, 'inline.csv');
		expect(rows).toEqual<CsvRow[]>([
			{ id: 'a', n: 7, x: 0.25, flag: true, day: '2022-12-14', at: '2022-12-15T02:00:00Z', feed: 'latest' }
		]);
		expect(Object.keys(rows[0])).toEqual(sample.columns.map((c) => c.name));
	});

	it('turns empty cells of nullable columns into null', () => {
		const rows = validateCsv(sample, `${SAMPLE_HEADER}\na,,,,,,\n`, 'inline.csv');
		expect(rows).toEqual([{ id: 'a', n: null, x: null, flag: null, day: null, at: null, feed: null }]);
	});

	it('strips a byte-order mark, reads CRLF and keeps a quoted comma and quote', () => {
		const text = `\uFEFF${SAMPLE_HEADER}\r\n"a, ""quoted""",1,,,,,\r\n`;
		expect(validateCsv(sample, text, 'inline.csv')[0].id).toBe('a, "quoted"');
	});

	it('normalizes a quoted CRLF newline inside a field to LF', () => {
		const text = `${SAMPLE_HEADER}\r\n"line one\r\nline two",,,,,,\r\n`;
		expect(validateCsv(sample, text, 'inline.csv')[0].id).toBe('line one\nline two');
	});

	it('skips blank lines but still counts them in line numbers', () => {
		const text = `${SAMPLE_HEADER}\n\na,,,,,,\n\nb,x,,,,,\n\n`;
		expect(errorsOf(sample, text, 'inline.csv')).toEqual(['inline.csv:5:n: "x" is not an integer']);
	});

	it.each([
		['a required VARCHAR is empty', ',,,,,,', 'inline.csv:2:id: value is required'],
		[
			'a value is not in the allowed list',
			'a,,,,,,Trending',
			'inline.csv:2:feed: "Trending" is not one of trending, latest'
		],
		['a row has too few fields', 'a,1,2', 'inline.csv:2: expected 7 fields, found 3'],
		['a row has too many fields', 'a,,,,,,,extra', 'inline.csv:2: expected 7 fields, found 8'],
		['a quoted field is never closed', '"a,,,,,,', 'inline.csv:2: malformed CSV: Quoted field unterminated']
	])('reports the line when %s', (_, row, message) => {
		expect(errorsOf(sample, `${SAMPLE_HEADER}\n${row}\n`, 'inline.csv')).toEqual([message]);
	});

	it.each([
		['an empty file', '', ['inline.csv:1: no header row (the file is empty)']],
		['a repeated column', `${SAMPLE_HEADER},id\n`, ['inline.csv:1: duplicate column "id"']],
		[
			'a header with a stray space',
			`id ,n,x,flag,day,at,feed\n`,
			['inline.csv:1: unknown column "id " (not in table snapshots)', 'inline.csv:1: missing column "id"']
		]
	])('reports %s on line 1', (_, text, want) => {
		expect(errorsOf(sample, text, 'inline.csv')).toEqual(want);
	});

	it('lists every error, capped at 50, and counts the rest', () => {
		const rows = Array.from({ length: 60 }, (_, i) => `r${i},one,,,,,`);
		const text = [SAMPLE_HEADER, ...rows].join('\n');
		let error: CsvValidationError | undefined;
		try {
			validateCsv(sample, text, 'inline.csv');
		} catch (e) {
			error = e as CsvValidationError;
		}
		expect(error?.errorCount).toBe(60);
		expect(error?.errors).toHaveLength(50);
		expect(error?.errors[49]).toBe('inline.csv:51:n: "one" is not an integer');
		expect(error?.message.split('\n')[0]).toBe('CSV validation failed with 60 errors:');
		expect(error?.message.split('\n').at(-1)).toBe('  … and 10 more');
	});

	it('runs a caller row check with the physical start line and reports its issues', () => {
		const text = `${SAMPLE_HEADER}\n"two\nlines",,,,,,\nb,,,,,,\n`;
		const seen: number[] = [];
		const result = checkCsv(sample, text, 'inline.csv', {
			checkRow: (row, line) => {
				seen.push(line);
				return row.id === 'b' ? [{ column: 'id', message: 'is not allowed here' }] : [];
			}
		});
		expect(seen).toEqual([2, 4]);
		expect(result.errors).toEqual(['inline.csv:4:id: is not allowed here']);
		expect(result.rows.map((r) => r.id)).toEqual(['two\nlines']);
		expect(result.lines).toEqual([2]);
	});
});

describe('validateCsv on malformed event fixtures', () => {
	const file = (name: string) => `${FIXTURES}/${name}`;

	it.each([
		[
			'a missing column',
			'events-missing-column.csv',
			[`${file('events-missing-column.csv')}:1: missing column "confidence"`]
		],
		[
			'an unknown column',
			'events-unknown-column.csv',
			[`${file('events-unknown-column.csv')}:1: unknown column "notes" (not in table events)`]
		],
		[
			'a bad date',
			'events-bad-date.csv',
			[
				`${file('events-bad-date.csv')}:3:occurred_on: "2022-13-01" is not a valid date (YYYY-MM-DD)`,
				`${file('events-bad-date.csv')}:4:occurred_on: "12/14/2022" is not a valid date (YYYY-MM-DD)`
			]
		],
		[
			'an unknown confidence label',
			'events-unknown-confidence.csv',
			[
				`${file('events-unknown-confidence.csv')}:3:confidence: "C3" is not one of C2, S1, U`,
				`${file('events-unknown-confidence.csv')}:4:confidence: "c2" is not one of C2, S1, U`
			]
		],
		[
			'bad timestamps',
			'events-bad-timestamp.csv',
			[
				`${file('events-bad-timestamp.csv')}:2:occurred_at: "2022-12-15 02:00:00Z" is not a valid timestamp (ISO 8601 with Z or ±hh:mm, e.g. 2022-12-15T02:00:00Z)`,
				`${file('events-bad-timestamp.csv')}:3:occurred_at: "2022-12-15T02:00:00" is not a valid timestamp (ISO 8601 with Z or ±hh:mm, e.g. 2022-12-15T02:00:00Z)`,
				`${file('events-bad-timestamp.csv')}:4:occurred_at: "2022-12-15T25:00:00Z" is not a valid timestamp (ISO 8601 with Z or ±hh:mm, e.g. 2022-12-15T02:00:00Z)`
			]
		],
		[
			'a bad date after two multi-line quoted fields (physical line 7, not record 4)',
			'events-quoted-newline.csv',
			[`${file('events-quoted-newline.csv')}:7:occurred_on: "2022-02-30" is not a valid date (YYYY-MM-DD)`]
		]
	])('reports %s with its exact message', (_, name, want) => {
		expect(errorsOf(events, fixture(name), file(name))).toEqual(want);
	});

	it('gives the same physical line for the multi-line fixture saved with a BOM and CRLF', () => {
		const text = `\uFEFF${fixture('events-quoted-newline.csv').replaceAll('\n', '\r\n')}`;
		expect(errorsOf(events, text, 'crlf.csv')).toEqual([
			'crlf.csv:7:occurred_on: "2022-02-30" is not a valid date (YYYY-MM-DD)'
		]);
	});

	it('puts the error list in the thrown message, one error per line', () => {
		const name = 'events-unknown-confidence.csv';
		expect(() => validateCsv(events, fixture(name), file(name))).toThrow(
			[
				'CSV validation failed with 2 errors:',
				`  ${file(name)}:3:confidence: "C3" is not one of C2, S1, U`,
				`  ${file(name)}:4:confidence: "c2" is not one of C2, S1, U`
			].join('\n')
		);
	});
});
