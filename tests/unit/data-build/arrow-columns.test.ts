import { tableFromIPC, tableToIPC, Table, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ArrowRows, arrowRowsSelect, arrowSelectExpr } from '../../../scripts/build/arrow';
import { columnVector } from '../../../scripts/build/arrow-columns';
import { openDuck } from '../../../scripts/build/duck';
import type { ColumnDef, ColumnType } from '../../../src/lib/schema';

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

describe('ArrowRows reads DuckDB rows into the same vectors as columnVector over decoded values', () => {
	const columns: ColumnDef[] = [
		{ name: 'id', type: 'VARCHAR', nullable: false, description: '', example: '' },
		{ name: 'n', type: 'INTEGER', nullable: true, description: '', example: '' },
		{ name: 'note', type: 'VARCHAR', nullable: true, description: '', example: '' },
		{ name: 'made_at', type: 'TIMESTAMP', nullable: true, description: '', example: '' },
		{ name: 'ok', type: 'BOOLEAN', nullable: true, description: '', example: '' }
	];
	const rows = `(VALUES
		('twitter:1603456789012345678', 1, 'short', TIMESTAMP '2022-12-14 05:06:07.123', true),
		('b', NULL, NULL, NULL, NULL),
		('c', -3, '', TIMESTAMP '1970-01-01', false),
		('한국어 😀 ' || repeat('x', 100), 7, chr(65279) || 'after a byte order mark', NULL, true)
	) t(id, n, note, made_at, ok)`;

	it('keeps values, NULLs, empty strings and multi-byte text, and drops a leading BOM as decoding did', async () => {
		const duck = await openDuck();
		try {
			const got = new ArrowRows(columns);
			// Split a chunk in two, as a posts partition boundary does.
			await duck.chunks(`SELECT ${arrowRowsSelect(columns)} FROM ${rows}`, (chunk) => {
				got.append(chunk, 0, 0, 1);
				got.append(chunk, 0, 1, chunk.rowCount);
			});
			const values: unknown[][] = columns.map(() => []);
			await duck.each(`SELECT ${columns.map(arrowSelectExpr).join(', ')} FROM ${rows}`, (cols, n) => {
				for (let j = 0; j < columns.length; j++) for (let i = 0; i < n; i++) values[j].push(cols[j][i]);
			});
			const vectors = got.finish();
			const ipc = (vs: (name: string, j: number) => Vector) =>
				tableToIPC(new Table(Object.fromEntries(columns.map((c, j) => [c.name, vs(c.name, j)]))), 'stream');
			expect(ipc((name) => vectors.get(name)!)).toEqual(
				ipc((_, j) => columnVector(columns[j].type, values[j]))
			);
			expect(vectors.get('note')!.get(3)).toBe('after a byte order mark');
		} finally {
			duck.close();
		}
	});
});
