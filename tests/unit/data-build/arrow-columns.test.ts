import { tableFromIPC, tableToIPC, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnVector } from '../../../scripts/build/arrow-columns';
import type { ColumnType } from '../../../src/lib/schema';

function roundTrip(type: ColumnType, values: unknown[]): unknown[] {
	const v = tableFromIPC(tableToIPC(new Table({ v: columnVector(type, values) }), 'stream')).getChild('v')!;
	// get(i) honours the validity bitmap; toArray() of a typed column would turn nulls into 0.
	return Array.from({ length: v.length }, (_, i) => v.get(i));
}

describe('columnVector writes Arrow buffers that read back unchanged', () => {
	it.each([
		[
			'VARCHAR',
			['a', null, '한국어 😀', '', 'twitter:1603456789012345678'],
			['a', null, '한국어 😀', '', 'twitter:1603456789012345678']
		],
		['INTEGER', [1, null, -3, 2147483647], [1, null, -3, 2147483647]],
		['DOUBLE', [1.5, null, -0.25], [1.5, null, -0.25]],
		[
			'BOOLEAN',
			[true, false, null, true, false, false, false, false, true],
			[true, false, null, true, false, false, false, false, true]
		],
		['TIMESTAMP', [1670987700000, null, 0], [1670987700000, null, 0]],
		['DATE', [1670976000000, null, 86400000], [1670976000000, null, 86400000]]
	] as [ColumnType, unknown[], unknown[]][])('%s keeps values and nulls', (type, input, expected) => {
		const out = [...roundTrip(type, input)].map((v) => (typeof v === 'bigint' ? Number(v) : v));
		expect(out).toEqual(expected);
	});

	it('counts nulls so DuckDB-WASM sees them as NULL', () => {
		expect(columnVector('VARCHAR', ['x', null, null]).nullCount).toBe(2);
		expect(columnVector('INTEGER', [1, 2]).nullCount).toBe(0);
	});
});
