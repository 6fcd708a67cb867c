import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Stance } from '../../src/lib/schema';

/** A post as a format reader hands it on, before the run-wide passes (exact-duplicate merge, cascades, labels). */
export interface StagedPost {
	post_id: string;
	platform: string;
	author_id: string;
	author_handle: string;
	/** UTC, `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (from `toUtcIso`). */
	created_at: string;
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

/** Column types of the staging file, for DuckDB's read_json. */
export const STAGE_COLUMNS: Record<string, string> = {
	seq: 'BIGINT',
	file: 'INTEGER',
	post_id: 'VARCHAR',
	platform: 'VARCHAR',
	author_id: 'VARCHAR',
	author_handle: 'VARCHAR',
	created_at: 'VARCHAR',
	lang: 'VARCHAR',
	text: 'VARCHAR',
	url: 'VARCHAR',
	reply_to_id: 'VARCHAR',
	quote_of_id: 'VARCHAR',
	repost_of_id: 'VARCHAR',
	like_count: 'INTEGER',
	repost_count: 'INTEGER',
	reply_count: 'INTEGER',
	stance: 'VARCHAR',
	claim_id: 'VARCHAR',
	stance_rule: 'VARCHAR',
	quality: 'INTEGER'
};

const FLUSH_BYTES = 1 << 20;

/**
 * Appends staged posts to a newline-delimited JSON file that DuckDB reads for the run-wide passes, so no
 * pass needs every post in a JS structure. Rows are numbered (`seq`) in input order: of several copies of a
 * post id the most complete is kept, then the first.
 */
export class PostStage {
	private readonly out: WriteStream;
	private buf: string[] = [];
	private bufBytes = 0;
	private seq = 0;
	/** Rows written so far. */
	count = 0;
	private closed = false;

	constructor(readonly path: string) {
		this.out = createWriteStream(path);
	}

	add(file: number, p: StagedPost): void {
		const s = JSON.stringify({
			seq: this.seq++,
			file,
			post_id: p.post_id,
			platform: p.platform,
			author_id: p.author_id,
			author_handle: p.author_handle,
			created_at: p.created_at,
			lang: p.lang,
			text: p.text,
			url: p.url,
			reply_to_id: p.reply_to_id,
			quote_of_id: p.quote_of_id,
			repost_of_id: p.repost_of_id,
			like_count: p.like_count,
			repost_count: p.repost_count,
			reply_count: p.reply_count,
			stance: p.stance,
			claim_id: p.claim_id,
			stance_rule: p.stance_rule,
			quality: p.quality ?? 1
		});
		this.buf.push(s);
		this.bufBytes += s.length + 1;
		this.count++;
	}

	/** Writes buffered rows once enough have gathered, waiting when the file falls behind. */
	async maybeFlush(): Promise<void> {
		if (this.bufBytes >= FLUSH_BYTES) await this.flush();
	}

	async flush(): Promise<void> {
		if (this.buf.length === 0) return;
		const ok = this.out.write(this.buf.join('\n') + '\n');
		this.buf = [];
		this.bufBytes = 0;
		if (!ok) await once(this.out, 'drain');
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await this.flush();
		await new Promise<void>((resolve, reject) =>
			this.out.end((err?: Error | null) => (err ? reject(err) : resolve()))
		);
	}
}
