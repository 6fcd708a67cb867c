import { Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { concatIpcStreams } from '../../../src/lib/engine/ipcConcat';

// Plain Utf8, as the build writes: tableFromArrays would dictionary-encode the strings.
const table = (ids: number[], names: string[], nameField = 'name') =>
	new Table({ id: vectorFromArray(ids, new Int32()), [nameField]: vectorFromArray(names, new Utf8()) });
const stream = (ids: number[], names: string[]) => tableToIPC(table(ids, names), 'stream');

describe('concatIpcStreams', () => {
	it('joins streams of one schema into one that reads as all their rows, in order', () => {
		const a = stream([1, 2], ['a', 'b']);
		const b = stream([3], ['c']);
		const c = stream([4, 5, 6], ['d', 'e', 'f']);
		const joined = concatIpcStreams([a, b, c])!;
		const t = tableFromIPC(joined);
		expect(t.numRows).toBe(6);
		expect(t.batches).toHaveLength(3);
		expect([...t.getChild('id')!]).toEqual([1, 2, 3, 4, 5, 6]);
		expect([...t.getChild('name')!]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
		// The schema once, one end marker: the join is no longer than its parts without their extra framing.
		const schemaLength = 8 + new DataView(b.buffer, b.byteOffset).getInt32(4, true);
		expect(joined.byteLength).toBe(a.byteLength + b.byteLength + c.byteLength - 2 * (schemaLength + 8));
	});

	it('leaves its inputs as they were', () => {
		const a = stream([1], ['a']);
		const b = stream([2], ['b']);
		const copies = [a.slice(), b.slice()];
		concatIpcStreams([a, b]);
		expect(a).toEqual(copies[0]);
		expect(b).toEqual(copies[1]);
	});

	it('joins nothing when there is nothing to join: none or one stream', () => {
		expect(concatIpcStreams([])).toBeNull();
		expect(concatIpcStreams([stream([1], ['a'])])).toBeNull();
	});

	it('refuses streams whose schemas differ', () => {
		const other = tableToIPC(table([1], ['x'], 'label'), 'stream');
		expect(concatIpcStreams([stream([1], ['a']), other])).toBeNull();
	});

	it('refuses streams with dictionary batches (a second one would replace the first)', () => {
		// One table written twice: the same schema, byte for byte, so only the dictionary batches stand in the way.
		const t = new Table({ name: vectorFromArray(['a', 'b']) });
		expect(String(t.schema.fields[0].type)).toMatch(/^Dictionary/);
		expect(concatIpcStreams([tableToIPC(t, 'stream'), tableToIPC(t, 'stream')])).toBeNull();
	});

	it('refuses what is not a complete IPC stream: the file format, a stream cut short, bytes', () => {
		const a = stream([1], ['a']);
		const file = tableToIPC(table([2], ['b']), 'file');
		expect(concatIpcStreams([a, file])).toBeNull();
		expect(concatIpcStreams([a, a.subarray(0, a.byteLength - 8)])).toBeNull();
		expect(concatIpcStreams([a, new Uint8Array(4)])).toBeNull();
		expect(concatIpcStreams([a, new Uint8Array(64)])).toBeNull();
	});
});
