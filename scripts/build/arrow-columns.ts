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

const DAY = 86_400_000;

type Typed = Uint8Array | Int32Array | Float64Array | BigInt64Array;

/** `a`, or a copy twice as large (at least `need` elements, new space zeroed) when it is too small. */
function grow<T extends Typed>(a: T, need: number, make: (length: number) => T): T {
	if (need <= a.length) return a;
	const next = make(Math.max(need, a.length * 2));
	new Uint8Array(next.buffer).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
	return next;
}

const newBytes = (n: number) => new Uint8Array(n);
const newInt32 = (n: number) => new Int32Array(n);

/** A growable LSB-first bitmap, as Arrow lays out validity and booleans. */
class Bits {
	private bytes = new Uint8Array(256);
	set(i: number) {
		if (i >> 3 >= this.bytes.length) this.bytes = grow(this.bytes, (i >> 3) + 1, newBytes);
		this.bytes[i >> 3] |= 1 << (i & 7);
	}
	/** The first `length` bits, whole bytes. */
	view(length: number): Uint8Array {
		const n = (length + 7) >> 3;
		this.bytes = grow(this.bytes, n, newBytes);
		return this.bytes.subarray(0, n);
	}
}

/**
 * Fills one Arrow vector's buffers (validity bitmap, offsets, UTF-8 bytes, typed values) value by value, growing
 * them as rows arrive, so a column streamed from DuckDB never sits in a JS array. Arrow's generic
 * `vectorFromArray` builder is about ten times slower, which at millions of posts was most of the data build.
 * Temporal values arrive as epoch milliseconds.
 */
export abstract class ColumnBuilder {
	length = 0;
	protected nullCount = 0;
	private readonly validity = new Bits();

	/** Appends a JS value: null and undefined are NULL. */
	abstract push(value: unknown): void;
	abstract finish(): Vector;

	protected pushValid(): number {
		this.validity.set(this.length);
		return this.length++;
	}
	protected pushNull(): number {
		this.nullCount++;
		return this.length++;
	}
	protected base() {
		const { length, nullCount } = this;
		return { length, nullCount, nullBitmap: nullCount ? this.validity.view(length) : undefined };
	}
}

const isNull = (v: unknown) => v === null || v === undefined;

export class Utf8Builder extends ColumnBuilder {
	private offsets = new Int32Array(1024);
	private bytes = new Uint8Array(1 << 16);
	private end = 0;
	private static readonly encoder = new TextEncoder();

	push(value: unknown) {
		if (isNull(value)) return this.pushEnd(this.pushNull());
		if (typeof value === 'string') {
			this.reserve(Buffer.byteLength(value, 'utf8'));
			this.end += Utf8Builder.encoder.encodeInto(value, this.bytes.subarray(this.end)).written;
		}
		this.pushEnd(this.pushValid());
	}

	/**
	 * Appends one string of each of rows `from` to `to` (exclusive): `lengths` gives each row's byte length
	 * (-1 for NULL), the bytes are those of `rows[i - from]` from `cursor[i - from]`, which moves past them.
	 * A leading byte order mark is dropped, as the string decoding the build used to go through (TextDecoder)
	 * dropped it, so the files stay as they were.
	 */
	pushRows(
		lengths: { getItem(i: number): unknown },
		rows: readonly Uint8Array[],
		cursor: Int32Array,
		from: number,
		to: number
	) {
		for (let i = from; i < to; i++) {
			const len = lengths.getItem(i) as number;
			if (len < 0) {
				this.pushEnd(this.pushNull());
				continue;
			}
			const src = rows[i - from];
			const at = cursor[i - from];
			cursor[i - from] = at + len;
			const bom = len >= 3 && src[at] === 0xef && src[at + 1] === 0xbb && src[at + 2] === 0xbf ? 3 : 0;
			this.copy(src, at + bom, len - bom);
			this.pushEnd(this.pushValid());
		}
	}

	finish(): Vector {
		return makeVector(
			makeData({
				type: new Utf8(),
				...this.base(),
				valueOffsets: this.offsets.subarray(0, this.length + 1),
				data: this.bytes.subarray(0, this.end)
			})
		);
	}

	private reserve(len: number) {
		if (this.end + len > this.bytes.length) this.bytes = grow(this.bytes, this.end + len, newBytes);
	}
	private copy(src: Uint8Array, start: number, len: number) {
		this.reserve(len);
		const { bytes, end } = this;
		// A loop beats `set(subarray(...))` for the short ids most values are.
		if (len < 32) for (let k = 0; k < len; k++) bytes[end + k] = src[start + k];
		else bytes.set(src.subarray(start, start + len), end);
		this.end = end + len;
	}
	private pushEnd(i: number) {
		if (i + 2 > this.offsets.length) this.offsets = grow(this.offsets, i + 2, newInt32);
		this.offsets[i + 1] = this.end;
	}
}

/** A column of typed values: INTEGER, DOUBLE, DATE (days since the epoch), TIMESTAMP (epoch ms). */
class TypedBuilder<A extends Int32Array | Float64Array | BigInt64Array> extends ColumnBuilder {
	private data: A;
	constructor(
		private readonly make: (length: number) => A,
		private readonly type: DateDay | Int32 | Float64 | TimestampMillisecond,
		/** A value as the array stores it (values arrive as numbers; temporal ones as epoch ms). */
		private readonly convert: (value: number) => A[number]
	) {
		super();
		this.data = make(1024);
	}
	push(value: unknown) {
		if (isNull(value)) return void this.pushNull();
		const i = this.pushValid();
		if (i >= this.data.length) this.data = grow(this.data, i + 1, this.make);
		this.data[i] = this.convert(value as number);
	}
	finish(): Vector {
		const data = grow(this.data, this.length, this.make).subarray(0, this.length);
		return makeVector(makeData({ type: this.type, ...this.base(), data } as Parameters<typeof makeData>[0]));
	}
}

class BoolBuilder extends ColumnBuilder {
	private readonly data = new Bits();
	push(value: unknown) {
		if (isNull(value)) return void this.pushNull();
		const i = this.pushValid();
		if (value === true) this.data.set(i);
	}
	finish(): Vector {
		return makeVector(makeData({ type: new Bool(), ...this.base(), data: this.data.view(this.length) }));
	}
}

export function columnBuilder(type: ColumnType): ColumnBuilder {
	switch (type) {
		case 'VARCHAR':
			return new Utf8Builder();
		case 'INTEGER':
			return new TypedBuilder(newInt32, new Int32(), (v) => v);
		case 'DATE':
			return new TypedBuilder(newInt32, new DateDay(), (ms) => Math.floor(ms / DAY));
		case 'DOUBLE':
			return new TypedBuilder(
				(n) => new Float64Array(n),
				new Float64(),
				(v) => v
			);
		case 'BOOLEAN':
			return new BoolBuilder();
		case 'TIMESTAMP':
			return new TypedBuilder(
				(n) => new BigInt64Array(n),
				new TimestampMillisecond(),
				(ms) => BigInt(Math.round(ms))
			);
	}
}

/** Builds one Arrow vector from a JS array. */
export function columnVector(type: ColumnType, values: readonly unknown[]): Vector {
	const builder = columnBuilder(type);
	for (const v of values) builder.push(v);
	return builder.finish();
}
