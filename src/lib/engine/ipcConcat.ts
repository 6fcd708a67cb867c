/**
 * Joins Arrow IPC streams of one table into one stream, so the engine inserts several data files in one call.
 * DuckDB-wasm's `insertArrowFromIPCStream` costs about as much per call as for a file's rows (it plans and runs
 * an INSERT each time): 30 posts partitions of 2,500 rows took about 8 ms each one by one, 2–5 ms each joined.
 *
 * A stream is a sequence of messages, each `0xFFFFFFFF`, a little-endian int32 metadata length, that many bytes
 * of metadata (a flatbuffer `Message`), then the message body; it starts with its schema message (no body) and
 * ends with the 8-byte end-of-stream marker. The joined stream is the first stream without its end marker,
 * then every other stream's messages after its schema, then one end marker. Streams are only joined when they
 * carry the same schema, byte for byte, and nothing but record batches after it (the build writes every
 * partition of a table so): a second dictionary batch with the same id would replace the first, which readers
 * need not support. Anything else gives `null` and the caller inserts one by one, as it also does when a
 * joined insert fails.
 */

const CONTINUATION = 0xffffffff;
const EOS_BYTES = 8;
/** `MessageHeader` union tags of Arrow's Message.fbs. */
const SCHEMA = 1;
const RECORD_BATCH = 3;

/**
 * The header type and body length of the flatbuffer `Message` whose root is at `at` (Message.fbs: field 1 is
 * `header_type`, a ubyte; field 3 `bodyLength`, a long; an absent field has its default, 0).
 */
function messageHeader(v: DataView, at: number): { type: number; body: number } {
	const table = at + v.getUint32(at, true);
	const vtable = table - v.getInt32(table, true);
	const vtableSize = v.getUint16(vtable, true);
	const field = (id: number) => (4 + 2 * id < vtableSize ? v.getUint16(vtable + 4 + 2 * id, true) : 0);
	const typeAt = field(1);
	const bodyAt = field(3);
	return {
		type: typeAt ? v.getUint8(table + typeAt) : 0,
		body: bodyAt ? Number(v.getBigInt64(table + bodyAt, true)) : 0
	};
}

/**
 * Where a stream's schema message ends, or -1 unless the bytes are exactly one IPC stream: a schema, record
 * batches only, the end marker. A misread (a stream cut short) also gives -1.
 */
function schemaEnd(b: Uint8Array): number {
	const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
	let end = -1;
	try {
		for (let at = 0; ;) {
			if (at + 8 > b.byteLength || v.getUint32(at, true) !== CONTINUATION) return -1;
			const length = v.getInt32(at + 4, true);
			if (length === 0) return at + EOS_BYTES === b.byteLength ? end : -1;
			if (length < 0 || length % 8 !== 0) return -1;
			const { type, body } = messageHeader(v, at + 8);
			if (type !== (end < 0 ? SCHEMA : RECORD_BATCH) || body < 0) return -1;
			at += 8 + length + body;
			if (end < 0) end = at;
		}
	} catch {
		return -1;
	}
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.byteLength !== b.byteLength) return false;
	for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * One stream holding every record batch of `streams`, in order; `null` when they cannot be joined (fewer than
 * two, not all complete IPC streams of record batches, or schemas that differ). The inputs are left as they are.
 */
export function concatIpcStreams(streams: readonly Uint8Array[]): Uint8Array | null {
	if (streams.length < 2) return null;
	const ends = streams.map(schemaEnd);
	if (ends.some((e) => e < 0)) return null;
	const schema = streams[0].subarray(0, ends[0]);
	if (!streams.every((s, i) => sameBytes(s.subarray(0, ends[i]), schema))) return null;
	const parts = streams.map((s, i) => s.subarray(i === 0 ? 0 : ends[i], s.byteLength - EOS_BYTES));
	const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0) + EOS_BYTES);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.byteLength;
	}
	new DataView(out.buffer).setUint32(at, CONTINUATION, true);
	return out;
}
