import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { markNearDuplicatesSql } from '../lib/dedup';
import { columnNames, posts as postsTable } from '../../src/lib/schema';
import type { InferredAttributionRule } from './attribution';
import { STAGE_COLUMNS } from './staging';
import type { StanceLabel } from './stance';

export interface FinalizeOptions {
	stagePath: string;
	outPath: string;
	tempDir: string;
	files: number;
	labels: readonly StanceLabel[];
	inferredRules?: readonly InferredAttributionRule[];
	markNearDuplicates?: boolean;
	memoryLimit?: string;
	threads?: number;
	maxObjectBytes: number;
}

export interface FinalizeResult {
	/** Per input file: rows staged, kept (the copy of an id that was kept) and merged duplicates. */
	staged: number[];
	kept: number[];
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
	/** Reposts that took the stance of the post they repost (their own text matched no rule or another). */
	stance_inherited: number;
	stances: Record<string, number>;
	stance_rules: Record<string, number>;
	/** Rows with dup_of set by the build's near-duplicate SQL (only computed with markNearDuplicates). */
	near_duplicates: number | null;
}

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
	const r = await c.runAndReadAll(sql);
	return r.getRowObjectsJS() as Record<string, unknown>[];
}

async function scalar(c: DuckDBConnection, sql: string): Promise<number> {
	const [row] = await rows(c, sql);
	return Number(Object.values(row)[0] ?? 0);
}

const POST_COLUMNS = columnNames(postsTable);

/**
 * The run-wide passes over the staged posts, in DuckDB (so memory stays bounded by its memory limit, spilling
 * to `tempDir`): merge exact duplicates (same post_id: the first copy in input order is kept), attach each
 * post to its parent and cascade, apply manual labels and repost stance inheritance, and write posts.csv.
 */
export async function finalizePosts(o: FinalizeOptions): Promise<FinalizeResult> {
	const db = await DuckDBInstance.create(':memory:', {
		memory_limit: o.memoryLimit ?? '1GB',
		threads: String(o.threads ?? 2),
		temp_directory: o.tempDir,
		preserve_insertion_order: 'false'
	});
	const c = await db.connect();
	try {
		const columns = Object.entries(STAGE_COLUMNS)
			.map(([k, v]) => `${lit(k)}: ${lit(v)}`)
			.join(', ');
		await c.run(`CREATE TABLE stage AS SELECT * FROM read_json(${lit(o.stagePath)}, format = 'newline_delimited',
			columns = {${columns}}, maximum_object_size = ${Math.max(16 << 20, o.maxObjectBytes)})`);

		// Exact duplicates: of the copies of a post_id the most complete is kept, then the first in input order.
		await c.run(`CREATE TABLE k AS
			SELECT seq, file, post_id, created_at::TIMESTAMP AS ts, repost_of_id, quote_of_id, reply_to_id, stance, claim_id
			FROM stage QUALIFY row_number() OVER (PARTITION BY post_id ORDER BY quality DESC, seq) = 1`);
		const perFile = await rows(
			c,
			`SELECT s.file, count(*) AS staged, count(k.seq) AS kept FROM stage s LEFT JOIN k USING (seq) GROUP BY s.file`
		);
		const staged = Array(o.files).fill(0);
		const kept = Array(o.files).fill(0);
		for (const r of perFile) {
			staged[Number(r.file)] = Number(r.staged);
			kept[Number(r.file)] = Number(r.kept);
		}

		// Candidate parents: observed references (repost, then quote, then reply), then inferred rules.
		await c.run(`CREATE VIEW posts_kept AS SELECT s.*, k.ts FROM stage s JOIN k USING (seq)`);
		const inferred = (o.inferredRules ?? []).map(
			(r, i) => `SELECT post_id, parent_id, 'inferred' AS kind, ${10 + i} AS prio FROM (${r.sql})`
		);
		await c.run(`CREATE TABLE cand AS
			SELECT post_id, repost_of_id AS parent_id, 'repost' AS kind, 1 AS prio FROM k WHERE repost_of_id IS NOT NULL
			UNION ALL SELECT post_id, quote_of_id, 'quote', 2 FROM k WHERE quote_of_id IS NOT NULL
			UNION ALL SELECT post_id, reply_to_id, 'reply', 3 FROM k WHERE reply_to_id IS NOT NULL
			${inferred.map((s) => `UNION ALL ${s}`).join('\n')}`);
		await c.run(`CREATE TABLE valid AS
			SELECT cand.post_id, cand.parent_id, cand.kind, cand.prio, p.ts AS parent_ts,
				(p.ts < ch.ts OR (p.ts = ch.ts AND p.post_id < ch.post_id)) AS earlier
			FROM cand JOIN k ch ON ch.post_id = cand.post_id JOIN k p ON p.post_id = cand.parent_id`);
		await c.run(`CREATE TABLE edges AS
			SELECT k.post_id, v.parent_id, v.kind AS edge_kind
			FROM k LEFT JOIN (
				SELECT * FROM valid WHERE earlier
				QUALIFY row_number() OVER (PARTITION BY post_id ORDER BY prio, parent_ts DESC, parent_id) = 1
			) v USING (post_id)`);
		await c.run(`CREATE TABLE tree AS
			WITH RECURSIVE t(post_id, cascade_id, depth) AS (
				SELECT post_id, post_id, 0 FROM edges WHERE parent_id IS NULL
				UNION ALL
				SELECT e.post_id, t.cascade_id, t.depth + 1 FROM edges e JOIN t ON e.parent_id = t.post_id
			) SELECT * FROM t`);
		const inTree = await scalar(c, `SELECT count(*) FROM tree`);
		const keptTotal = await scalar(c, `SELECT count(*) FROM k`);
		if (inTree !== keptTotal) throw new Error(`cascade pass placed ${inTree} of ${keptTotal} posts`);

		// Manual labels beat everything; a repost otherwise carries the stance of what it reposts.
		await c.run(`CREATE TABLE labels (post_id VARCHAR PRIMARY KEY, stance VARCHAR, claim_id VARCHAR)`);
		if (o.labels.length) {
			const values = o.labels
				.map((l) => `(${lit(l.postId)}, ${lit(l.stance)}, ${l.claimId === null ? 'NULL' : lit(l.claimId)})`)
				.join(', ');
			await c.run(`INSERT INTO labels VALUES ${values}`);
		}
		await c.run(`CREATE TABLE final AS
			SELECT s.post_id, s.platform, s.author_id, s.author_handle, k.ts AS created_at, s.created_at AS created_iso,
				s.lang, s.text, s.url, s.reply_to_id, s.quote_of_id, s.repost_of_id,
				s.like_count, s.repost_count, s.reply_count,
				CASE WHEN l.post_id IS NOT NULL THEN l.stance
					WHEN e.edge_kind = 'repost' AND p.stance <> 'other' THEN p.stance ELSE s.stance END AS stance,
				CASE WHEN l.post_id IS NOT NULL THEN l.claim_id
					WHEN e.edge_kind = 'repost' AND p.stance <> 'other' THEN p.claim_id ELSE s.claim_id END AS claim_id,
				(l.post_id IS NULL AND e.edge_kind = 'repost' AND p.stance <> 'other'
					AND (p.stance, coalesce(p.claim_id, '')) <> (s.stance, coalesce(s.claim_id, ''))) AS _inherited,
				s.stance_rule AS _rule,
				t.cascade_id, e.parent_id, e.edge_kind, t.depth,
				NULL::VARCHAR AS dup_of, 'observed' AS provenance
			FROM k JOIN stage s USING (seq) JOIN edges e ON e.post_id = k.post_id JOIN tree t ON t.post_id = k.post_id
			LEFT JOIN k p ON p.post_id = e.parent_id
			LEFT JOIN labels l ON l.post_id = k.post_id`);

		let source = 'final';
		let nearDuplicates: number | null = null;
		if (o.markNearDuplicates) {
			const cols = [...POST_COLUMNS, 'created_iso'];
			await c.run(`CREATE TABLE marked AS ${markNearDuplicatesSql('final', cols)}`);
			source = 'marked';
			nearDuplicates = await scalar(c, `SELECT count(*) FROM marked WHERE dup_of IS NOT NULL`);
		}
		const select = POST_COLUMNS.map((col) =>
			col === 'created_at' ? 'created_iso AS created_at' : `"${col}"`
		).join(', ');
		await c.run(
			`COPY (SELECT ${select} FROM ${source} ORDER BY ${source}.created_at, post_id) TO ${lit(o.outPath)} (HEADER, DELIMITER ',')`
		);

		const cascades = (
			await rows(
				c,
				`SELECT count(*) AS n, max(size) AS max_size, max(d) AS max_depth FROM (
					SELECT cascade_id, count(*) AS size, max(depth) AS d FROM tree GROUP BY cascade_id)`
			)
		)[0];
		const edges: Record<string, number> = {};
		for (const r of await rows(
			c,
			`SELECT edge_kind, count(*) AS n FROM edges WHERE edge_kind IS NOT NULL GROUP BY 1 ORDER BY 1`
		)) {
			edges[String(r.edge_kind)] = Number(r.n);
		}
		const outside = await scalar(
			c,
			`SELECT count(*) FROM k WHERE (repost_of_id IS NOT NULL OR quote_of_id IS NOT NULL OR reply_to_id IS NOT NULL)
				AND post_id NOT IN (SELECT post_id FROM valid)`
		);
		const notEarlier = await scalar(c, `SELECT count(DISTINCT post_id) FROM valid WHERE NOT earlier`);
		const tally = async (sql: string) => {
			const out: Record<string, number> = {};
			for (const r of await rows(c, sql)) out[String(r.k)] = Number(r.n);
			return out;
		};
		return {
			staged,
			kept,
			duplicates: staged.map((s, i) => s - kept[i]),
			posts: keptTotal,
			cascades: {
				count: Number(cascades.n ?? 0),
				max_depth: Number(cascades.max_depth ?? 0),
				max_size: Number(cascades.max_size ?? 0),
				edges,
				references_outside_archive: outside,
				references_not_earlier: notEarlier
			},
			labels: {
				applied: await scalar(c, `SELECT count(*) FROM labels JOIN k USING (post_id)`),
				unmatched: await scalar(c, `SELECT count(*) FROM labels ANTI JOIN k USING (post_id)`)
			},
			stance_inherited: await scalar(c, `SELECT count(*) FROM final WHERE _inherited`),
			stances: await tally(`SELECT stance AS k, count(*) AS n FROM final GROUP BY 1 ORDER BY 1`),
			stance_rules: await tally(
				`SELECT _rule AS k, count(*) AS n FROM final WHERE _rule IS NOT NULL GROUP BY 1 ORDER BY 1`
			),
			near_duplicates: nearDuplicates
		};
	} finally {
		c.closeSync();
		db.closeSync();
	}
}
