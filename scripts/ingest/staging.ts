import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Stance } from '../../src/lib/schema';

/** A post as a format reader hands it on, before the run-wide passes (exact-duplicate merge, cascades, labels). */
export interface StagedPost {
	post_id: string;
	platform: string;
	author_id: string;
	author_handle: string;
	/** UTC, `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (from `toUtcIso`). */
	created_at: string;
	/** The same instant in microseconds since the epoch (from `toUtcIso`), for ordering in DuckDB. */
	created_us: number;
	lang: string;
	/** Plain text; may be empty (e.g. an image-only toot) but never null. */
	text: string;
	url: string | null;
	reply_to_id: string | null;
	quote_of_id: string | null;
	repost_of_id: string | null;
	like_count: number;
	repost_count: number;
	reply_count: number;
	/** From the keyword rules (labels and repost inheritance are applied later, in DuckDB). */
	stance: Stance;
	claim_id: string | null;
	stance_rule: string | null;
	/**
	 * How complete the copy is (higher is better); of several copies of one post_id the best is kept, ties going
	 * to the first in input order. Twitter: 0 when the author's handle was not in the record or its page.
	 */
	quality?: number;
}

/**
 * Columns of `struct.csv`, the part of each staged post the run-wide passes need (no text), for DuckDB's
 * read_csv. `off`/`len` locate the post's already-encoded CSV columns in `rows.csv`.
 */
export const STRUCT_COLUMNS: Record<string, string> = {
	part: 'INTEGER',
	lseq: 'BIGINT',
	file: 'INTEGER',
	post_id: 'VARCHAR',
	platform: 'VARCHAR',
	author_id: 'VARCHAR',
	ts: 'BIGINT',
	repost_of_id: 'VARCHAR',
	quote_of_id: 'VARCHAR',
	reply_to_id: 'VARCHAR',
	stance: 'VARCHAR',
	claim_id: 'VARCHAR',
	stance_rule: 'VARCHAR',
	quality: 'INTEGER',
	off: 'BIGINT',
	len: 'INTEGER'
};

/** Contract columns of posts.csv that come straight from the reader, in order, as written to `rows.csv`. */
export const ROW_COLUMNS = [
	'post_id',
	'platform',
	'author_id',
	'author_handle',
	'created_at',
	'lang',
	'text',
	'url',
	'reply_to_id',
	'quote_of_id',
	'repost_of_id',
	'like_count',
	'repost_count',
	'reply_count'
] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: null is an empty field, an empty string is `""`, so the two stay apart. */
export function csvField(v: string | number | boolean | null | undefined): string {
	if (v === null || v === undefined) return '';
	if (typeof v !== 'string') return String(v);
	if (v === '') return '""';
	return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Encodes strings straight into a byte buffer (no intermediate joins) and hands full buffers to a file stream;
 * `write` returns the bytes written, which locates records without a separate byte count.
 */
class ByteSink {
	private readonly out: WriteStream;
	private buf = Buffer.allocUnsafe(CHUNK_BYTES);
	private pos = 0;
	private full: Buffer[] = [];

	constructor(path: string) {
		this.out = createWriteStream(path);
	}

	write(s: string): number {
		// UTF-16 code units encode to at most 3 bytes each.
		if (this.pos + s.length * 3 > this.buf.length) {
			if (this.pos > 0) this.full.push(this.buf.subarray(0, this.pos));
			this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, s.length * 3));
			this.pos = 0;
		}
		const n = this.buf.write(s, this.pos);
		this.pos += n;
		return n;
	}

	get pending(): number {
		return this.full.length;
	}

	async flush(all = false): Promise<void> {
		if (all && this.pos > 0) {
			this.full.push(this.buf.subarray(0, this.pos));
			this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
			this.pos = 0;
		}
		let ok = true;
		for (const b of this.full) ok = this.out.write(b);
		this.full = [];
		if (!ok) await once(this.out, 'drain');
	}

	async close(): Promise<void> {
		await this.flush(true);
		await new Promise<void>((resolve, reject) =>
			this.out.end((err?: Error | null) => (err ? reject(err) : resolve()))
		);
	}
}

/** Where one part of the staging lives: parts are numbered in input order, rows in a part in input order. */
export interface StagePart {
	index: number;
	rowsPath: string;
	structPath: string;
}

export const partPaths = (dir: string, index: number): StagePart => ({
	index,
	rowsPath: join(dir, `rows-${index}.csv`),
	structPath: join(dir, `struct-${index}.csv`)
});

/**
 * Stages posts in two files per part, so that no pass needs every post in a JS structure:
 * - `rows-<part>.csv`: each post's contract columns (text included), CSV-encoded, one record per post;
 * - `struct-<part>.csv`: the small part DuckDB needs for the run-wide passes (ids, references, time, stance),
 *   plus where the post's record sits in the rows file (`off`, `len` in bytes).
 * A part is one input file, or one byte range of a large one read by a worker. Rows are numbered in input
 * order (part, then `lseq`); posts.csv is later assembled by copying the records of the kept posts and
 * appending the derived columns.
 */
export class PostStage {
	readonly rowsPath: string;
	readonly structPath: string;
	private readonly rows: ByteSink;
	private readonly struct: ByteSink;
	private seq = 0;
	private offset = 0;
	private closed = false;
	/** Rows staged so far. */
	count = 0;

	/** `file`, when given, is written for every row (a worker's ledger numbers its one file 0). */
	constructor(
		readonly part: StagePart,
		private readonly file?: number
	) {
		this.rowsPath = part.rowsPath;
		this.structPath = part.structPath;
		this.rows = new ByteSink(this.rowsPath);
		this.struct = new ByteSink(this.structPath);
	}

	add(file: number, p: StagedPost): void {
		const row =
			`${csvField(p.post_id)},${csvField(p.platform)},${csvField(p.author_id)},${csvField(p.author_handle)},` +
			`${p.created_at},${csvField(p.lang)},${csvField(p.text)},${csvField(p.url)},${csvField(p.reply_to_id)},` +
			`${csvField(p.quote_of_id)},${csvField(p.repost_of_id)},${p.like_count},${p.repost_count},${p.reply_count}`;
		const len = this.rows.write(row + '\n') - 1;
		this.struct.write(
			`${this.part.index},${this.seq++},${this.file ?? file},${csvField(p.post_id)},${csvField(p.platform)},` +
				`${csvField(p.author_id)},${p.created_us},${csvField(p.repost_of_id)},${csvField(p.quote_of_id)},` +
				`${csvField(p.reply_to_id)},${p.stance},${csvField(p.claim_id)},${csvField(p.stance_rule)},` +
				`${p.quality ?? 1},${this.offset},${len}\n`
		);
		this.offset += len + 1;
		this.count++;
	}

	/** Hands full buffers to the files, waiting when they fall behind. */
	async maybeFlush(): Promise<void> {
		if (this.rows.pending > 0 || this.struct.pending > 0) {
			await this.rows.flush();
			await this.struct.flush();
		}
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await this.rows.close();
		await this.struct.close();
	}
}
