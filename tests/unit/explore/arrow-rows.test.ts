import {
	Field,
	List,
	Table,
	Utf8,
	tableFromArrays,
	tableFromIPC,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { plainColumns, plainRows } from '../../../src/lib/engine/arrowRows';
import { plainRow } from '../../../src/lib/queries/runner';

/** What the runner returned before: a row proxy per row, made plain. */
const viaRowProxies = (table: Table) =>
	table.toArray().map((r) => plainRow<Record<string, unknown>>(r.toJSON() as Record<string, unknown>));

describe('plainRows', () => {
	it('gives what row.toJSON() gives: numbers, strings, nulls, 64-bit counts and ids, times, lists', () => {
		const table = tableFromIPC(
			tableToIPC(
				new Table({
					t: vectorFromArray([1670986800000, 1670990400000, null]),
					value: vectorFromArray(['twitter', null, '미드저니']),
					n: vectorFromArray(new Int32Array([3, 0, -1])),
					big: vectorFromArray([1n, 9007199254740993n, null]),
					when: vectorFromArray([new Date(Date.UTC(2022, 11, 14)), null, new Date(0)]),
					words: vectorFromArray([['a', 'b'], [], null], new List(new Field('item', new Utf8(), true)))
				})
			)
		);
		const rows = plainRows(table);
		expect(rows).toEqual(viaRowProxies(table));
		expect(rows[1]).toMatchObject({ value: null, n: 0, big: '9007199254740993' });
		expect(rows[0]).toMatchObject({ big: 1, when: Date.UTC(2022, 11, 14), words: ['a', 'b'] });
	});

	it('reads a result of many batches in order, and an empty one', () => {
		const parts = [0, 1, 2].map((k) =>
			tableFromArrays({ i: Int32Array.from({ length: 1000 }, (_, j) => k * 1000 + j) })
		);
		const table = parts[0].concat(parts[1], parts[2]);
		expect(table.batches.length).toBe(3);
		expect(plainRows(table).map((r) => r.i)).toEqual(Array.from({ length: 3000 }, (_, j) => j));
		expect(plainRows(tableFromArrays({ i: new Int32Array(0) }))).toEqual([]);
	});
});

describe('plainColumns', () => {
	it('hands numbers over as typed arrays and strings as values, by column name', () => {
		const table = tableFromIPC(
			tableToIPC(
				new Table({
					t: vectorFromArray(new Float64Array([1.5, 2.5])),
					n: vectorFromArray(new Int32Array([3, -1])),
					value: vectorFromArray([null, 'total'])
				})
			)
		);
		const c = plainColumns(table);
		expect(c.t).toBeInstanceOf(Float64Array);
		expect(Array.from(c.t)).toEqual([1.5, 2.5]);
		expect(c.n).toBeInstanceOf(Int32Array);
		expect(Array.from(c.n)).toEqual([3, -1]);
		expect(Array.from(c.value)).toEqual([null, 'total']);
	});
});
