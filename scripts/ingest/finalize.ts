import { open, rename, type FileHandle } from 'node:fs/promises';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { markNearDuplicatesSql } from '../lib/dedup';
import { columnNames, posts as postsTable } from '../../src/lib/schema';
import type { InferredAttributionRule } from './attribution';
import { ROW_COLUMNS, STRUCT_COLUMNS, type StagePart } from './staging';
import type { StanceLabel } from './stance';

export interface FinalizeOptions {
	/** Staging parts in input order (empty ones are skipped). */
	parts: readonly StagePart[];
	outPath: string;
	workDir: string;
	files: number;
	labels: readonly StanceLabel[];
	inferredRules?: readonly InferredAttributionRule[];
	markNearDuplicates?: boolean;
	memoryLimit?: string;
	threads?: number;
	maxRecordBytes: number;
}

export interface FinalizeResult {
	/** Per input file: rows staged, and how many of them were merged into another copy of the same post_id. */
	staged: number[];
	duplicates: number[];
	posts: number;
	cascades: {
		count: number;
		max_depth: number;
		max_size: number;
		edges: Record<string, number>;
		/** Posts whose references all point outside the archive (they root their own cascade). */
		references_outside_archive: number;
		/** References to a post in the archive that is not earlier (dropped: a parent cannot come later). */
		references_not_earlier: number;
	};
	labels: { applied: number; unmatched: number };
	/** Reposts that took the stance of the post they repost instead of their own text's. */
	stance_inherited: number;
	stances: Record<string, number>;
	stance_rules: Record<string, number>;
	/** Rows with dup_of set by the build's near-duplicate SQL (only computed with markNearDuplicates). */
	near_duplicates: number | null;
}

const POST_COLUMNS = columnNames(postsTable);
// Columns DuckDB derives, in contract order after the reader's columns; then dup_of and provenance.
const DERIVED = ['stance', 'claim_id', 'cascade_id', 'parent_id', 'edge_kind', 'depth'];
const ASSEMBLED = [...ROW_COLUMNS, ...DERIVED, 'dup_of', 'provenance'];
if (ASSEMBLED.join() !== POST_COLUMNS.join()) {
	throw new Error(
		`posts.csv assembly (${ASSEMBLED.join()}) is out of step with the contract (${POST_COLUMNS.join()})`
	);
}

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const typesSql = (cols: Record<string, string>) =>
	`{${Object.entries(cols)
		.map(([k, v]) => `${lit(k)}: ${lit(v)}`)
		.join(', ')}}`;

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
	const r = await c.runAndReadAll(sql);
	return r.getRowObjectsJS() as Record<string, unknown>[];
}

async function scalar(c: DuckDBConnection, sql: string): Promise<number> {
	const [row] = await rows(c, sql);
	return Number(Object.values(row)[0] ?? 0);
}

/** Reads byte ranges of a file in increasing order, holding only the current window. */
class ForwardReader {
	private buf = Buffer.alloc(0);
	private start = 0;
	private eof = false;

	constructor(
		private readonly fh: FileHandle,
		private readonly chunk = 4 << 20
	) {}

	/** The bytes, when the window already holds them (the common case: no promise per record). */
	sliceNow(off: number, len: number): Buffer | null {
		const a = off - this.start;
		return a >= 0 && a + len <= this.buf.length ? this.buf.subarray(a, a + len) : null;
	}

	async slice(off: number, len: number): Promise<Buffer> {
		while (off + len > this.start + this.buf.length && !this.eof) {
			const keepFrom = Math.max(0, Math.min(off, this.start + this.buf.length) - this.start);
			const next = Buffer.allocUnsafe(Math.max(this.chunk, len));
			const { bytesRead } = await this.fh.read(next, 0, next.length, this.start + this.buf.length);
			if (bytesRead === 0) this.eof = true;
			// A new buffer each time: slices handed out earlier stay valid until written.
			this.buf = Buffer.concat([this.buf.subarray(keepFrom), next.subarray(0, bytesRead)]);
			this.start += keepFrom;
		}
		const got = this.sliceNow(off, len);
		if (!got) throw new Error(`staged row at ${off} (+${len}) is not in its rows file`);
		return got;
	}
}

/** Reads a non-negative decimal integer from bytes [from, to). */
function digits(b: Buffer, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) n = n * 10 + (b[i] - 48);
	return n;
}

/**
 * Writes posts.csv: for each kept post, in input order (part, then position), its record from the part's
 * rows file followed by the derived columns, `dup_of` empty and provenance `observed`. Every file is read
 * front to back: bounded memory.
 */
async function assemble(parts: readonly StagePart[], derivedPath: string, outPath: string): Promise<void> {
	const out = createWriteStream(outPath);
	const byIndex = new Map(parts.map((p) => [p.index, p]));
	let fh: FileHandle | null = null;
	let reader: ForwardReader | null = null;
	let current = -1;
	let pieces: Buffer[] = [Buffer.from(POST_COLUMNS.join(',') + '\n')];
	let size = 0;
	const tail = Buffer.from(',,observed\n');
	let carry: Buffer | null = null;
	try {
		for await (const chunk of createReadStream(derivedPath, {
			highWaterMark: 1 << 20
		}) as AsyncIterable<Buffer>) {
			const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
			let pos = 0;
			for (let nl = data.indexOf(10); nl !== -1; pos = nl + 1, nl = data.indexOf(10, pos)) {
				// part,off,len,<derived columns as DuckDB wrote them>
				const c1 = data.indexOf(44, pos);
				const c2 = data.indexOf(44, c1 + 1);
				const c3 = data.indexOf(44, c2 + 1);
				const part = digits(data, pos, c1);
				const off = digits(data, c1 + 1, c2);
				const len = digits(data, c2 + 1, c3);
				if (part !== current) {
					await fh?.close();
					const p = byIndex.get(part);
					if (!p) throw new Error(`derived row of unknown staging part ${part}`);
					fh = await open(p.rowsPath, 'r');
					reader = new ForwardReader(fh);
					current = part;
				}
				const r = reader as ForwardReader;
				const record = r.sliceNow(off, len) ?? (await r.slice(off, len));
				const derived = data.subarray(c3, nl);
				pieces.push(record, derived, tail);
				size += record.length + derived.length + tail.length;
				if (size > 1 << 20) {
					const ok = out.write(Buffer.concat(pieces));
					pieces = [];
					size = 0;
					if (!ok) await once(out, 'drain');
				}
			}
			carry = pos < data.length ? Buffer.from(data.subarray(pos)) : null;
		}
		if (carry) throw new Error('derived.csv ends without a newline');
		out.write(Buffer.concat(pieces));
	} finally {
		await new Promise<void>((resolve, reject) =>
			out.end((err?: Error | null) => (err ? reject(err) : resolve()))
		);
		await (fh as FileHandle | null)?.close();
	}
}

/**
 * The run-wide passes over the staged posts, in DuckDB (memory bounded by its limit, spilling to `workDir`):
 * merge exact duplicates (same post_id: the most complete copy is kept, then the first in input order),
 * attach each post to its parent and cascade, apply manual labels and repost stance inheritance; then
 * assemble posts.csv from the staged records.
 */
export async function finalizePosts(o: FinalizeOptions): Promise<FinalizeResult> {
	const db = await DuckDBInstance.create(':memory:', {
		memory_limit: o.memoryLimit ?? '1GB',
		threads: String(o.threads ?? 2),
		temp_directory: join(o.workDir, 'duckdb'),
		preserve_insertion_order: 'false'
	});
	const c = await db.connect();
	const profile = process.env.INGEST_PROFILE === '1';
	const run = async (sql: string) => {
		const t = performance.now();
		await c.run(sql);
		if (profile)
			console.error(`${Math.round(performance.now() - t)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`);
	};
	const csvOpts = `delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false`;
	// Whole records (text included) may be long; DuckDB's reader needs room for the longest line.
	const lineSize = Math.max(2 << 20, o.maxRecordBytes + (1 << 20));
	const longLines = `max_line_size = ${lineSize}, buffer_size = ${lineSize}`;
	try {
		const parts = o.parts.filter((p) => statSync(p.structPath).size > 0);
		const list = (paths: string[]) => `[${paths.map(lit).join(', ')}]`;
		await run(`CREATE TABLE s AS
			SELECT part::BIGINT * 4294967296 + lseq AS seq, * EXCLUDE (lseq)
			FROM read_csv(${list(parts.map((p) => p.structPath))}, header = false, columns = ${typesSql(STRUCT_COLUMNS)}, ${csvOpts})`);
		// The posts' full records, for inferred-attribution rules that need text (read only if one does).
		const rowTypes = Object.fromEntries(
			ROW_COLUMNS.map((k) => [k, k.endsWith('_count') ? 'INTEGER' : 'VARCHAR'])
		);
		await run(
			`CREATE VIEW posts_text AS SELECT * FROM read_csv(${list(parts.map((p) => p.rowsPath))}, header = false, columns = ${typesSql(rowTypes)}, ${csvOpts}, ${longLines})`
		);

		// Exact duplicates: of the copies of a post_id the most complete is kept, then the first in input order.
		await run(`CREATE TABLE losers AS
			SELECT seq FROM s WHERE post_id IN (SELECT post_id FROM s GROUP BY post_id HAVING count(*) > 1)
			QUALIFY row_number() OVER (PARTITION BY post_id ORDER BY quality DESC, seq) > 1`);
		const staged = Array(o.files).fill(0);
		const duplicates = Array(o.files).fill(0);
		for (const r of await rows(
			c,
			`SELECT s.file, count(*) AS staged, count(l.seq) AS dups FROM s LEFT JOIN losers l USING (seq) GROUP BY 1`
		)) {
			staged[Number(r.file)] = Number(r.staged);
			duplicates[Number(r.file)] = Number(r.dups);
		}
		// The kept posts: the staged ones less the merged copies (deleted in place: no copy of the table).
		await run(`DELETE FROM s WHERE seq IN (SELECT seq FROM losers)`);
		await run(`ALTER TABLE s RENAME TO k`);

		// Candidate parents: observed references (repost, then quote, then reply), then inferred rules. The graph
		// is then walked on the integer seq of each kept post rather than on id strings.
		await run(`CREATE VIEW posts_kept AS SELECT * EXCLUDE (ts, quality), make_timestamp(ts) AS ts FROM k`);
		const inferred = (o.inferredRules ?? []).map(
			(r, i) =>
				`UNION ALL SELECT k.seq, k.ts, k.post_id, x.parent_id, 'inferred', ${10 + i} FROM (${r.sql}) x JOIN k USING (post_id)`
		);
		await run(`CREATE TABLE cand AS
			SELECT seq, ts, post_id, repost_of_id AS parent_id, 'repost' AS kind, 1 AS prio FROM k WHERE repost_of_id IS NOT NULL
			UNION ALL SELECT seq, ts, post_id, quote_of_id, 'quote', 2 FROM k WHERE quote_of_id IS NOT NULL
			UNION ALL SELECT seq, ts, post_id, reply_to_id, 'reply', 3 FROM k WHERE reply_to_id IS NOT NULL
			${inferred.join('\n')}`);
		// A parent must be in the archive and strictly earlier (time, then id): every cascade stays a tree.
		await run(`CREATE TABLE valid AS
			SELECT cand.seq, p.seq AS pseq, cand.kind, cand.prio, p.ts AS parent_ts, p.post_id AS parent_id,
				(p.ts < cand.ts OR (p.ts = cand.ts AND p.post_id < cand.post_id)) AS earlier
			FROM cand JOIN k p ON p.post_id = cand.parent_id`);
		await run(`CREATE TABLE edges AS
			SELECT seq, pseq, parent_id, kind AS edge_kind FROM valid WHERE earlier
			QUALIFY row_number() OVER (PARTITION BY seq ORDER BY prio, parent_ts DESC, parent_id) = 1`);
		const tally = async (sql: string) => {
			const out: Record<string, number> = {};
			for (const r of await rows(c, sql)) out[String(r.k)] = Number(r.n);
			return out;
		};
		const referencesOutside = await scalar(
			c,
			`SELECT count(*) FROM k WHERE (repost_of_id IS NOT NULL OR quote_of_id IS NOT NULL OR reply_to_id IS NOT NULL)
				AND seq NOT IN (SELECT seq FROM valid)`
		);
		const referencesNotEarlier = await scalar(c, `SELECT count(DISTINCT seq) FROM valid WHERE NOT earlier`);
		const edgeKinds = await tally(`SELECT edge_kind AS k, count(*) AS n FROM edges GROUP BY 1 ORDER BY 1`);
		await run(`DROP TABLE cand`);
		await run(`DROP TABLE valid`);
		await run(`CREATE TABLE tree AS
			WITH RECURSIVE t(seq, root, cascade_id, depth) AS (
				SELECT seq, seq, post_id, 0 FROM k ANTI JOIN edges USING (seq)
				UNION ALL
				SELECT e.seq, t.root, t.cascade_id, t.depth + 1 FROM edges e JOIN t ON e.pseq = t.seq
			) SELECT * FROM t`);
		const keptTotal = await scalar(c, `SELECT count(*) FROM k`);
		const inTree = await scalar(c, `SELECT count(*) FROM tree`);
		if (inTree !== keptTotal) throw new Error(`cascade pass placed ${inTree} of ${keptTotal} posts`);
		const cascades = (
			await rows(
				c,
				`SELECT count(*) AS n, max(size) AS max_size, max(d) AS max_depth FROM (
					SELECT root, count(*) AS size, max(depth) AS d FROM tree GROUP BY root)`
			)
		)[0];

		// Manual labels beat everything; a repost otherwise carries the stance of what it reposts.
		await run(`CREATE TABLE labels (post_id VARCHAR PRIMARY KEY, stance VARCHAR, claim_id VARCHAR)`);
		if (o.labels.length) {
			const values = o.labels
				.map((l) => `(${lit(l.postId)}, ${lit(l.stance)}, ${l.claimId === null ? 'NULL' : lit(l.claimId)})`)
				.join(', ');
			await run(`INSERT INTO labels VALUES ${values}`);
		}
		await run(`CREATE TABLE d AS
			SELECT k.part, k.off, k.len, k.stance_rule,
				CASE WHEN l.post_id IS NOT NULL THEN l.stance
					WHEN e.edge_kind = 'repost' AND p.stance <> 'other' THEN p.stance ELSE k.stance END AS stance,
				CASE WHEN l.post_id IS NOT NULL THEN l.claim_id
					WHEN e.edge_kind = 'repost' AND p.stance <> 'other' THEN p.claim_id ELSE k.claim_id END AS claim_id,
				(l.post_id IS NULL AND e.edge_kind = 'repost' AND p.stance <> 'other'
					AND (p.stance, coalesce(p.claim_id, '')) <> (k.stance, coalesce(k.claim_id, ''))) AS inherited,
				t.cascade_id, e.parent_id, e.edge_kind, t.depth
			FROM k JOIN tree t USING (seq)
			LEFT JOIN edges e ON e.seq = k.seq
			LEFT JOIN k p ON p.seq = e.pseq
			LEFT JOIN labels l ON l.post_id = k.post_id`);
		await run(`DROP TABLE tree`);
		await run(`DROP TABLE edges`);
		const derivedPath = join(o.workDir, 'derived.csv');
		await run(
			`COPY (SELECT part, off, len, ${DERIVED.join(', ')} FROM d ORDER BY part, off) TO ${lit(derivedPath)} (HEADER false, DELIMITER ',')`
		);
		const t = performance.now();
		await assemble(parts, derivedPath, o.outPath);
		if (profile) console.error(`${Math.round(performance.now() - t)} ms  assemble posts.csv`);

		let nearDuplicates: number | null = null;
		if (o.markNearDuplicates) {
			// Same SQL as the build, over the assembled file; rows stay in their order.
			await run(`SET preserve_insertion_order = true`);
			const types = {
				...Object.fromEntries(postsTable.columns.map((col) => [col.name, col.type])),
				created_at: 'VARCHAR'
			};
			await run(`CREATE TABLE p AS
				SELECT * REPLACE (created_at::TIMESTAMP AS created_at), created_at AS created_iso, row_number() OVER () AS _rn
				FROM read_csv(${lit(o.outPath)}, header = true, columns = ${typesSql(types)}, ${csvOpts}, ${longLines})`);
			await run(
				`CREATE TABLE marked AS ${markNearDuplicatesSql('p', [...POST_COLUMNS, 'created_iso', '_rn'])}`
			);
			nearDuplicates = await scalar(c, `SELECT count(*) FROM marked WHERE dup_of IS NOT NULL`);
			const select = POST_COLUMNS.map((col) =>
				col === 'created_at' ? 'created_iso AS created_at' : `"${col}"`
			).join(', ');
			const tmp = o.outPath + '.marked';
			await run(`COPY (SELECT ${select} FROM marked ORDER BY _rn) TO ${lit(tmp)} (HEADER, DELIMITER ',')`);
			await rename(tmp, o.outPath);
		}

		return {
			staged,
			duplicates,
			posts: keptTotal,
			cascades: {
				count: Number(cascades.n ?? 0),
				max_depth: Number(cascades.max_depth ?? 0),
				max_size: Number(cascades.max_size ?? 0),
				edges: edgeKinds,
				references_outside_archive: referencesOutside,
				references_not_earlier: referencesNotEarlier
			},
			labels: {
				applied: await scalar(c, `SELECT count(*) FROM labels JOIN k USING (post_id)`),
				unmatched: await scalar(c, `SELECT count(*) FROM labels ANTI JOIN k USING (post_id)`)
			},
			stance_inherited: await scalar(c, `SELECT count(*) FROM d WHERE inherited`),
			stances: await tally(`SELECT stance AS k, count(*) AS n FROM d GROUP BY 1 ORDER BY 1`),
			stance_rules: await tally(
				`SELECT stance_rule AS k, count(*) AS n FROM d WHERE stance_rule IS NOT NULL GROUP BY 1 ORDER BY 1`
			),
			near_duplicates: nearDuplicates
		};
	} finally {
		c.closeSync();
		db.closeSync();
	}
}
