import type { DuckDBAppender } from '@duckdb/node-api';
import { cascadeMetrics } from '../../src/lib/metrics';
import { createTableSql, TABLES } from '../../src/lib/schema';
import type { Duck } from './duck';

interface Root {
	id: string;
	stance: string;
	claim: string | null;
	platform: string;
	lang: string;
	provenance: string;
}

class CascadeGroup {
	ids: string[] = [];
	parents: (string | null)[] = [];
	times: number[] = [];
	root: Root | null = null;
	constructor(readonly id: string) {}
}

const appendText = (a: DuckDBAppender, v: string | null) =>
	v === null ? a.appendNull() : a.appendVarchar(v);
const appendNumber = (a: DuckDBAppender, v: number | null) =>
	v === null || !Number.isFinite(v) ? a.appendNull() : a.appendDouble(v);

/** Metrics of one cascade as a staging row. Single posts, most cascades, need no tree walk. */
function stage(a: DuckDBAppender, g: CascadeGroup) {
	const r = g.root;
	if (!r)
		throw new Error(
			`cascade ${g.id}: no root post (a post with an empty parent_id) among ${g.ids.length} posts`
		);
	let size = 1;
	let depth = 0;
	let maxBreadth = 1;
	let sv: number | null = null;
	let firstAt = g.times[0];
	let lastAt = g.times[0];
	let to100: number | null = null;
	if (g.ids.length > 1) {
		let m;
		try {
			m = cascadeMetrics({ ids: g.ids, parents: g.parents, times: g.times }, { sizes: [100] });
		} catch (e) {
			throw new Error(`cascade ${g.id}: ${(e as Error).message}`, { cause: e });
		}
		({ size, depth, maxBreadth, firstAt, lastAt } = m);
		sv = m.structuralVirality;
		to100 = m.minutesToSizes[100];
	}
	for (const v of [g.id, r.claim, r.stance, r.id, r.platform, r.lang]) appendText(a, v);
	a.appendInteger(size);
	a.appendInteger(depth);
	a.appendInteger(maxBreadth);
	appendNumber(a, sv);
	a.appendDouble(firstAt);
	a.appendDouble(lastAt);
	appendNumber(a, to100);
	appendText(a, r.provenance);
	a.endRow();
}

/**
 * Derives the `cascades` table from `posts` with the shared metric functions (src/lib/metrics), streaming
 * one cascade at a time. Near-duplicate copies are left out (they are the same post again); a post whose
 * parent was such a copy hangs from the first copy instead.
 */
export async function buildCascades(duck: Duck): Promise<number> {
	await duck.run(`CREATE TABLE cascade_stage (cascade_id VARCHAR, claim_id VARCHAR, stance VARCHAR,
		root_post_id VARCHAR, platform VARCHAR, lang VARCHAR, size INTEGER, depth INTEGER, max_breadth INTEGER,
		structural_virality DOUBLE, first_ms DOUBLE, last_ms DOUBLE, minutes_to_100 DOUBLE, provenance VARCHAR)`);
	// Rows are appended through the side connection: a query on the streaming one would end the stream.
	const appender = await duck.side.appender('cascade_stage');

	let current: CascadeGroup | null = null;
	await duck.each(
		`SELECT p.cascade_id, p.post_id, CASE WHEN p.parent_id IS NULL THEN NULL ELSE coalesce(copy.dup_of, p.parent_id) END,
			epoch_ms(p.created_at)::DOUBLE, p.stance, p.claim_id, p.platform, p.lang, p.provenance
		FROM posts p LEFT JOIN (SELECT post_id, dup_of FROM posts WHERE dup_of IS NOT NULL) copy ON copy.post_id = p.parent_id
		WHERE p.dup_of IS NULL
		ORDER BY p.cascade_id, p.created_at, p.post_id`,
		(cols, rowCount) => {
			const [cascadeIds, postIds, parentIds, times, stances, claims, platforms, langs, provs] = cols as [
				string[],
				string[],
				(string | null)[],
				number[],
				string[],
				(string | null)[],
				string[],
				string[],
				string[]
			];
			for (let i = 0; i < rowCount; i++) {
				if (current?.id !== cascadeIds[i]) {
					if (current) stage(appender, current);
					current = new CascadeGroup(cascadeIds[i]);
				}
				const g: CascadeGroup = current;
				g.ids.push(postIds[i]);
				g.parents.push(parentIds[i]);
				g.times.push(times[i]);
				if (parentIds[i] === null) {
					g.root = {
						id: postIds[i],
						stance: stances[i],
						claim: claims[i],
						platform: platforms[i],
						lang: langs[i],
						provenance: provs[i]
					};
				}
			}
		}
	);
	if (current) stage(appender, current);
	appender.closeSync();

	await duck.run(createTableSql(TABLES.cascades));
	await duck.run(`INSERT INTO cascades SELECT cascade_id, claim_id, stance, root_post_id, platform, lang, size, depth,
		max_breadth, structural_virality, make_timestamp((first_ms * 1000)::BIGINT), make_timestamp((last_ms * 1000)::BIGINT),
		minutes_to_100, provenance FROM cascade_stage ORDER BY first_ms, cascade_id`);
	await duck.run(`DROP TABLE cascade_stage`);
	const [{ n, expected }] = await duck.all<{ n: number; expected: number }>(
		`SELECT (SELECT count(*) FROM cascades)::INTEGER AS n,
			(SELECT count(DISTINCT cascade_id) FROM posts WHERE dup_of IS NULL)::INTEGER AS expected`
	);
	if (n !== expected)
		throw new Error(`cascades: derived ${n} cascades but posts name ${expected}; none may be lost`);
	return n;
}
