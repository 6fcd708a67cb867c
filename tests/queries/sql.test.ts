import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inList, sqlLiteral, tsLiteral } from '../../src/lib/queries/sql';
import { nodeRunner, type NodeRunner } from '../helpers/node-runner';

describe('sqlLiteral', () => {
	it.each([
		['a plain string', 'abc', "'abc'"],
		['a quote, doubled', "it's", "'it''s'"],
		['a backslash, left alone', 'a\\b', "'a\\b'"],
		['NUL, dropped', 'a\u0000b', "'ab'"],
		['an integer', 42, '42'],
		['a negative float', -1.5, '-1.5'],
		['true', true, 'TRUE'],
		['null', null, 'NULL'],
		['undefined as NULL', undefined, 'NULL'],
		['a date, in UTC', new Date(Date.UTC(2022, 11, 14, 3)), "TIMESTAMP '2022-12-14 03:00:00.000'"]
	])('renders %s', (_, value, expected) => {
		expect(sqlLiteral(value)).toBe(expected);
	});

	it.each([
		['NaN', NaN],
		['Infinity', Infinity],
		['an invalid date', new Date('nope')]
	])('refuses %s', (_, value) => {
		expect(() => sqlLiteral(value)).toThrow();
	});

	it('refuses objects that are not dates', () => {
		expect(() => sqlLiteral({} as unknown as string)).toThrow(TypeError);
	});

	it('refuses an empty IN list', () => {
		expect(() => inList([])).toThrow(RangeError);
	});
});

describe('literals on a real DuckDB', () => {
	let db: NodeRunner;
	beforeAll(async () => {
		db = await nodeRunner();
	});
	afterAll(() => db.close());

	const hostile = [
		"'; DROP TABLE posts; --",
		"it's",
		'"quoted"',
		'back\\slash',
		'미드저니 오염',
		'<img src=x onerror=alert(1)>',
		"$$ $tag$ ' '' '''",
		'line\nbreak'
	];
	it.each(hostile)('round-trips %j unchanged', async (s) => {
		const [row] = await db.rows<{ v: string }>(`SELECT ${sqlLiteral(s)} AS v`);
		expect(row.v).toBe(s);
	});

	it('inList matches exactly the values given', async () => {
		const rows = await db.rows<{ v: string }>(
			`SELECT v FROM (VALUES ('a'), ('it''s'), ('c')) t(v) WHERE v IN ${inList(["it's", 'a', 'zz'])} ORDER BY v`
		);
		expect(rows.map((r) => r.v)).toEqual(['a', "it's"]);
	});

	it('tsLiteral is the same instant as epoch ms', async () => {
		const ms = Date.UTC(2022, 11, 15, 14, 2, 11, 500);
		const [row] = await db.rows<{ e: number }>(`SELECT epoch_ms(${tsLiteral(ms)}) AS e`);
		expect(row.e).toBe(ms);
	});

	it('values come back plain: counts as numbers, huge ints as strings, times as epoch ms', async () => {
		const [row] = await db.rows(
			`SELECT count(*) AS n, 12345678901234567::BIGINT AS big, TIMESTAMP '2022-12-15 14:02:11' AS ts, [1, 2] AS l`
		);
		expect(row).toEqual({ n: 1, big: '12345678901234567', ts: Date.UTC(2022, 11, 15, 14, 2, 11), l: [1, 2] });
	});
});
