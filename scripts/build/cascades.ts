import { cascadeMetrics } from '../../src/lib/metrics';
import { createTableSql, TABLES } from '../../src/lib/schema';
import { lit, type Duck } from './duck';

interface Group {
	id: string;
	ids: string[];
	parents: (string | null)[];
	times: number[];
	root: { stance: string; claim: string | null; platform: string; lang: string; provenance: string } | null;
}

const newGroup = (id: string): Group => ({ id, ids: [], parents: [], times: [], root: null });

/**
 * Derives the `cascades` table from `posts` with the shared metric functions (src/lib/metrics), streaming
 * one cascade at a time. Near-duplicate copies are left out (they are the same post again); a post whose
 * parent was such a copy hangs from the first copy instead.
 */
export async function buildCascades(duck: Duck): Promise<number> {
	await duck.run(`CREATE TABLE cascade_stage (cascade_id VARCHAR, claim_id VARCHAR, stance VARCHAR,
		root_post_id VARCHAR, platform VARCHAR, lang VARCHAR, size INTEGER, depth INTEGER, max_breadth INTEGER,
		structural_virality DOUBLE, first_ms DOUBLE, last_ms DOUBLE, minutes_to_100 DOUBLE, provenance VARCHAR)`);
	const staged: string[] = [];
	const flushStaged = async () => {
		if (!staged.length) return;
		await duck.side.run(`INSERT INTO cascade_stage VALUES ${staged.join(', ')}`);
		staged.length = 0;
	};
	const num = (v: number | null) => (v === null || !Number.isFinite(v) ? 'NULL' : String(v));
	const str = (v: string | null) => (v === null ? 'NULL' : lit(v));

	const finish = (g: Group) => {
		if (!g.root)
			throw new Error(
				`cascade ${g.id}: no root post (a post with an empty parent_id) among ${g.ids.length} posts`
			);
		let m;
		try {
			m = cascadeMetrics({ ids: g.ids, parents: g.parents, times: g.times }, { sizes: [100] });
		} catch (e) {
			throw new Error(`cascade ${g.id}: ${(e as Error).message}`, { cause: e });
		}
		const r = g.root;
		staged.push(
			`(${str(g.id)}, ${str(r.claim)}, ${str(r.stance)}, ${str(g.ids[g.parents.indexOf(null)])}, ${str(r.platform)}, ` +
				`${str(r.lang)}, ${m.size}, ${m.depth}, ${m.maxBreadth}, ${num(m.structuralVirality)}, ${m.firstAt}, ` +
				`${m.lastAt}, ${num(m.minutesToSizes[100])}, ${str(r.provenance)})`
		);
	};

	let current: Group | null = null;
	await duck.each(
		`SELECT p.cascade_id, p.post_id, CASE WHEN p.parent_id IS NULL THEN NULL ELSE coalesce(parent.dup_of, p.parent_id) END,
			epoch_ms(p.created_at)::DOUBLE, p.stance, p.claim_id, p.platform, p.lang, p.provenance
		FROM posts p LEFT JOIN posts parent ON parent.post_id = p.parent_id
		WHERE p.dup_of IS NULL
		ORDER BY p.cascade_id, p.created_at, p.post_id`,
		async (cols, rowCount) => {
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
				if (!current || current.id !== cascadeIds[i]) {
					if (current) finish(current);
					current = newGroup(cascadeIds[i]);
				}
				current.ids.push(postIds[i]);
				current.parents.push(parentIds[i]);
				current.times.push(times[i]);
				if (parentIds[i] === null) {
					current.root = {
						stance: stances[i],
						claim: claims[i],
						platform: platforms[i],
						lang: langs[i],
						provenance: provs[i]
					};
				}
			}
			if (staged.length >= 2000) await flushStaged();
		}
	);
	if (current) finish(current);
	await flushStaged();

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
