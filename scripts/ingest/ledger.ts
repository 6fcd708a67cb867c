import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Counts for one input file. Every record read ends in exactly one of kept, duplicates (merged into an
 * earlier copy with the same id) or rejected: `read = kept + duplicates + rejected`. Blank lines are not
 * records; they are counted in `blank_lines` only.
 */
export interface FileCounts {
	path: string;
	/** What the file is for this run: `records` (counted) or `body` (a Wayback capture body, read via its CDX row). */
	role: 'records' | 'body';
	bytes: number;
	sha256: string;
	lines: number;
	blank_lines: number;
	bom: boolean;
	crlf_lines: number;
	read: number;
	kept: number;
	duplicates: number;
	rejected: number;
	/** Rows handed to the output before the exact-duplicate merge (internal check: kept + duplicates). */
	staged: number;
	/** Rejects by reason. */
	reasons: Record<string, number>;
	/**
	 * Wayback only: the feed items inside kept captures (`read = kept + rejected`). An item that cannot be a
	 * row (no id, title or user) is rejected on its own; its capture is still kept.
	 */
	items?: { read: number; kept: number; rejected: number; reasons: Record<string, number> };
}

export interface RejectInfo {
	/** 1-based line of the record's first line (CSV records may span lines; JSON documents start at line 1). */
	line: number | null;
	/** Byte offset of the record's first line. */
	offset: number | null;
	/** Where inside the line, e.g. `data[3]` for a tweet of an API page, `includes.tweets[0]`. */
	index?: string;
	reason: string;
	detail?: string;
	/** The record as read: the text of the line, or bytes when the line is not valid UTF-8. */
	raw: string | Buffer;
	/** The raw line's true length when `raw` holds only its head (lines over `--max-line-bytes`). */
	rawBytes?: number;
}

export const DEFAULT_MAX_RAW_BYTES = 10 * 1024;

/** Cuts a UTF-8 buffer to at most `max` bytes without splitting a character. */
export function cutUtf8(buf: Buffer, max: number): Buffer {
	if (buf.length <= max) return buf;
	let cut = max;
	while (cut > 0 && (buf[cut] & 0xc0) === 0x80) cut--;
	return buf.subarray(0, cut);
}

/** Per-file counts plus the rejects file (`rejects.jsonl`, one JSON object per rejected record). */
export class Ledger {
	readonly files: FileCounts[] = [];
	private out: WriteStream | null = null;

	constructor(
		private readonly rejectsPath: string | null,
		private readonly maxRawBytes = DEFAULT_MAX_RAW_BYTES
	) {}

	addFile(path: string, role: FileCounts['role'] = 'records'): number {
		this.files.push({
			path,
			role,
			bytes: 0,
			sha256: '',
			lines: 0,
			blank_lines: 0,
			bom: false,
			crlf_lines: 0,
			read: 0,
			kept: 0,
			duplicates: 0,
			rejected: 0,
			staged: 0,
			reasons: {}
		});
		return this.files.length - 1;
	}

	read(file: number, n = 1): void {
		this.files[file].read += n;
	}

	kept(file: number, n = 1): void {
		this.files[file].kept += n;
	}

	staged(file: number, n = 1): void {
		this.files[file].staged += n;
	}

	duplicate(file: number, n = 1): void {
		this.files[file].duplicates += n;
	}

	/** Counts one rejected record and writes it to rejects.jsonl. */
	reject(file: number, info: RejectInfo): void {
		const f = this.files[file];
		f.rejected++;
		f.reasons[info.reason] = (f.reasons[info.reason] ?? 0) + 1;
		this.write(f, 'record', info);
	}

	/** Counts items read and kept inside a kept record (Wayback feed items). */
	items(file: number, read: number, kept: number): void {
		const f = this.files[file];
		f.items ??= { read: 0, kept: 0, rejected: 0, reasons: {} };
		f.items.read += read;
		f.items.kept += kept;
	}

	/** Counts one rejected item (not a record: its record is kept) and writes it to rejects.jsonl. */
	rejectItem(file: number, info: RejectInfo): void {
		const f = this.files[file];
		f.items ??= { read: 0, kept: 0, rejected: 0, reasons: {} };
		f.items.read++;
		f.items.rejected++;
		f.items.reasons[info.reason] = (f.items.reasons[info.reason] ?? 0) + 1;
		this.write(f, 'item', info);
	}

	private write(f: FileCounts, kind: 'record' | 'item', info: RejectInfo): void {
		if (!this.rejectsPath) return;
		this.out ??= createWriteStream(this.rejectsPath);
		const bytes = typeof info.raw === 'string' ? Buffer.from(info.raw, 'utf8') : info.raw;
		const head = cutUtf8(bytes, this.maxRawBytes);
		const total = info.rawBytes ?? bytes.length;
		const entry: Record<string, unknown> = {
			kind,
			file: f.path,
			line: info.line,
			offset: info.offset,
			...(info.index !== undefined ? { index: info.index } : {}),
			reason: info.reason,
			...(info.detail !== undefined ? { detail: info.detail } : {}),
			// Invalid UTF-8 is shown with replacement characters and kept exactly in raw_base64.
			raw: head.toString('utf8'),
			raw_bytes: total,
			raw_truncated: head.length < total
		};
		if (typeof info.raw !== 'string') entry.raw_base64 = head.toString('base64');
		this.out.write(JSON.stringify(entry) + '\n');
	}

	/** Writes an entry made elsewhere (a worker's rejects, already counted) to rejects.jsonl. */
	writeEntry(entry: object): void {
		if (!this.rejectsPath) return;
		this.out ??= createWriteStream(this.rejectsPath);
		this.out.write(JSON.stringify(entry) + '\n');
	}

	/** Waits for the rejects file to catch up when it is behind (call between records). */
	async drain(): Promise<void> {
		if (this.out?.writableNeedDrain) await once(this.out, 'drain');
	}

	async close(): Promise<void> {
		if (!this.out) return;
		const out = this.out;
		this.out = null;
		await new Promise<void>((resolve, reject) =>
			out.end((err?: Error | null) => (err ? reject(err) : resolve()))
		);
	}

	/** Whether `read = kept + duplicates + rejected` holds for every file. */
	balanced(): boolean {
		return this.files.every(
			(f) =>
				f.read === f.kept + f.duplicates + f.rejected &&
				(!f.items || f.items.read === f.items.kept + f.items.rejected)
		);
	}
}
