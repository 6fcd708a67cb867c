import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { MAX_SOURCE_LINE_BYTES } from '../lib/limits';

/** One physical line of an input file, as bytes and (when valid UTF-8) as text. */
export interface Line {
	/** 1-based physical line number. */
	lineNo: number;
	/** Byte offset of the line's first byte in the file. */
	offset: number;
	/** The line's bytes without the line break (`\n` or `\r\n`) and, on line 1, without a UTF-8 BOM. */
	bytes: Buffer;
	/** The bytes decoded as UTF-8, or null when they are not valid UTF-8 (TextDecoder with `fatal`). */
	text: string | null;
	/** Length of the whole line in bytes; larger than `bytes.length` only when `tooLong`. */
	byteLength: number;
	/** The file ended after this line without a final newline (possibly a truncated write). */
	unterminated: boolean;
	/** Longer than `maxLineBytes`: `bytes` holds only the first `maxLineBytes` and `text` is null. */
	tooLong: boolean;
	/** Empty or only spaces and tabs: not a record. */
	blank: boolean;
}

export interface ReadLinesOptions {
	/** A longer line is reported with `tooLong` and only its head kept, so memory stays bounded. */
	maxLineBytes?: number;
	/** Read-chunk size; the reader never holds more than one chunk plus one line. */
	chunkBytes?: number;
	/** Decode each line as UTF-8 into `text` (default true); off for byte-only consumers. */
	decode?: boolean;
	/**
	 * Read only bytes [start, end) (a range cut right after a newline, see ranges.ts). Offsets stay absolute;
	 * line numbers count from 1 at `start`; a BOM is only looked for at byte 0.
	 */
	start?: number;
	end?: number;
}

export interface FileReadStats {
	bytes: number;
	sha256: string;
	lines: number;
	blankLines: number;
	bom: boolean;
	crlf: number;
	/** True when the read stopped early because the callback returned `false`. */
	stopped: boolean;
}

export const DEFAULT_MAX_LINE_BYTES = MAX_SOURCE_LINE_BYTES;

const CR = 13;
const LF = 10;

/** Whether a line holds only spaces and tabs. */
function isBlank(bytes: Buffer): boolean {
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b !== 32 && b !== 9) return false;
	}
	return true;
}

/**
 * Streams a file line by line with byte offsets, hashing it on the way (sha256 of every byte read).
 * Lines are split on `\n`; a trailing `\r` is dropped (CRLF files), a UTF-8 BOM at the very start is
 * dropped, each line is checked as UTF-8 on its own bytes, and a last line without `\n` is still
 * delivered (flagged `unterminated`). The callback may return a promise (awaited: backpressure) or
 * `false` to stop reading.
 */
export async function readLines(
	path: string,
	onLine: (line: Line) => void | boolean | Promise<void | boolean>,
	options: ReadLinesOptions = {}
): Promise<FileReadStats> {
	const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	const decode = options.decode ?? true;
	const hash: Hash = createHash('sha256');
	const stats: FileReadStats = {
		bytes: 0,
		sha256: '',
		lines: 0,
		blankLines: 0,
		bom: false,
		crlf: 0,
		stopped: false
	};

	// Bytes of the current partial line are kept up to `cap` (one more than the limit, for a `\r`).
	const cap = maxLineBytes + 1;
	let pending: Buffer[] = [];
	let pendingLen = 0;
	let lineLen = 0; // true length of the current partial line, kept or not
	const first = options.start ?? 0;
	let lineStart = first;
	let lineNo = 0;
	let stop = false;

	const emit = async (piece: Buffer, unterminated: boolean): Promise<void> => {
		lineNo++;
		const total = lineLen + piece.length;
		let bytes: Buffer;
		if (pending.length === 0) bytes = piece.length > cap ? piece.subarray(0, cap) : piece;
		else {
			const room = cap - pendingLen;
			if (room > 0 && piece.length > 0) pending.push(piece.length > room ? piece.subarray(0, room) : piece);
			bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending);
		}
		const offset = lineStart;
		lineStart += total + (unterminated ? 0 : 1);
		pending = [];
		pendingLen = 0;
		lineLen = 0;
		let byteLength = total;
		if (total <= cap && bytes.length > 0 && bytes[bytes.length - 1] === CR) {
			bytes = bytes.subarray(0, bytes.length - 1);
			byteLength--;
			stats.crlf++;
		}
		const tooLong = byteLength > maxLineBytes;
		if (tooLong) bytes = bytes.subarray(0, maxLineBytes);
		if (
			lineNo === 1 &&
			first === 0 &&
			bytes.length >= 3 &&
			bytes[0] === 0xef &&
			bytes[1] === 0xbb &&
			bytes[2] === 0xbf
		) {
			bytes = bytes.subarray(3);
			stats.bom = true;
		}
		// A line cut at the limit may end inside a character: never decode it.
		let text: string | null = null;
		if (!tooLong && decode) {
			try {
				text = decoder.decode(bytes);
			} catch {
				text = null;
			}
		}
		const blank = !tooLong && isBlank(bytes);
		stats.lines++;
		if (blank) stats.blankLines++;
		const r = onLine({ lineNo, offset, bytes, text, byteLength, unterminated, tooLong, blank });
		const v = r instanceof Promise ? await r : r;
		if (v === false) stop = true;
	};

	if (options.end !== undefined && options.end <= first) {
		stats.sha256 = hash.digest('hex');
		return stats;
	}
	const stream = createReadStream(path, {
		highWaterMark: options.chunkBytes ?? 1 << 20,
		start: first,
		end: options.end === undefined ? undefined : options.end - 1
	});
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			hash.update(chunk);
			stats.bytes += chunk.length;
			let pos = 0;
			while (!stop) {
				const nl = chunk.indexOf(LF, pos);
				if (nl === -1) break;
				await emit(chunk.subarray(pos, nl), false);
				pos = nl + 1;
			}
			if (stop) break;
			if (pos < chunk.length) {
				const rest = chunk.subarray(pos);
				const room = cap - pendingLen;
				if (room > 0) {
					// Copied: the partial line outlives this chunk.
					const keep = Buffer.from(rest.length > room ? rest.subarray(0, room) : rest);
					pending.push(keep);
					pendingLen += keep.length;
				}
				lineLen += rest.length;
			}
		}
		if (!stop && lineLen > 0) await emit(Buffer.alloc(0), true);
	} finally {
		stream.destroy();
	}
	stats.stopped = stop;
	stats.sha256 = stop ? '' : hash.digest('hex');
	return stats;
}
