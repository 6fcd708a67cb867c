import {
	Bool,
	DateDay,
	Float64,
	Int32,
	makeData,
	makeVector,
	TimestampMillisecond,
	Utf8,
	type Vector
} from 'apache-arrow';
import type { ColumnType } from '../../src/lib/schema';

/**
 * Builds one Arrow vector straight from a JS array by filling its buffers (validity bitmap, offsets, UTF-8
 * bytes, typed values). Arrow's generic `vectorFromArray` builder is about ten times slower, which at
 * millions of posts was most of the data build. Temporal values arrive as epoch milliseconds.
 */
export function columnVector(type: ColumnType, values: readonly unknown[]): Vector {
	const length = values.length;
	const nullBitmap = new Uint8Array((length + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		if (values[i] === null || values[i] === undefined) nullCount++;
		else nullBitmap[i >> 3] |= 1 << (i & 7);
	}
	const base = { length, nullCount, nullBitmap: nullCount ? nullBitmap : undefined };

	switch (type) {
		case 'VARCHAR': {
			const valueOffsets = new Int32Array(length + 1);
			let bytes = 0;
			for (let i = 0; i < length; i++) {
				const v = values[i];
				if (typeof v === 'string') bytes += Buffer.byteLength(v, 'utf8');
				valueOffsets[i + 1] = bytes;
			}
			const data = Buffer.allocUnsafe(bytes);
			for (let i = 0; i < length; i++) {
				const v = values[i];
				if (typeof v === 'string') data.write(v, valueOffsets[i], 'utf8');
			}
			return makeVector(
				makeData({
					type: new Utf8(),
					...base,
					valueOffsets,
					data: new Uint8Array(data.buffer, data.byteOffset, bytes)
				})
			);
		}
		case 'INTEGER': {
			const data = new Int32Array(length);
			for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
			return makeVector(makeData({ type: new Int32(), ...base, data }));
		}
		case 'DOUBLE': {
			const data = new Float64Array(length);
			for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
			return makeVector(makeData({ type: new Float64(), ...base, data }));
		}
		case 'BOOLEAN': {
			const data = new Uint8Array((length + 7) >> 3);
			for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
			return makeVector(makeData({ type: new Bool(), ...base, data }));
		}
		case 'TIMESTAMP': {
			const data = new BigInt64Array(length);
			for (let i = 0; i < length; i++) data[i] = BigInt(Math.round((values[i] as number | null) ?? 0));
			return makeVector(makeData({ type: new TimestampMillisecond(), ...base, data }));
		}
		case 'DATE': {
			const data = new Int32Array(length);
			for (let i = 0; i < length; i++) data[i] = Math.floor(((values[i] as number | null) ?? 0) / 86_400_000);
			return makeVector(makeData({ type: new DateDay(), ...base, data }));
		}
	}
}
