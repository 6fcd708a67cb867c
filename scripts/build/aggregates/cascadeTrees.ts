import type {
	CascadeSummaryAgg,
	CascadeTreeAgg,
	CascadeTreesAgg,
	EdgeKindCode
} from '../../../src/lib/data/types';
import { cascadeMetrics } from '../../../src/lib/metrics';
import { cascadeAggName } from '../../../src/lib/story/aggNames';
import type { Duck } from '../duck';

/** Posts drawn per cascade: the earliest ones, so replaying growth stays faithful up to the cut. */
export const MAX_TREE_NODES = 300;
/** Largest cascades kept per root stance. */
export const TREES_PER_STANCE = 5;
const STANCES = ['claim', 'debunk', 'protest', 'pro_ai'] as const;
const TEXT_CHARS = 280;

export interface TreeRow {
	postId: string;
	parentId: string | null;
	at: number;
	edgeKind: string | null;
	stance: string;
	lang: string;
	platform: string;
	handle: string;
	text: string;
	url: string | null;
	likes: number;
	provenance: string;
}

/**
 * Keeps the `max` earliest posts (time, then id) plus any ancestor they need, and orders them parents first
 * (breadth-first, siblings by time) so parent indices always point backwards. Depth is recomputed from
 * the kept links. Rows whose ancestry is missing are dropped rather than drawn floating.
 */
export function pruneTree(rows: readonly TreeRow[], max: number) {
	const byId = new Map(rows.map((r) => [r.postId, r]));
	const sorted = [...rows].sort(
		(a, b) => a.at - b.at || (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0)
	);
	const keep = new Set<string>();
	for (const r of sorted.slice(0, max)) {
		const chain: string[] = [];
		let cur: TreeRow | undefined = r;
		let ok = true;
		while (cur && !keep.has(cur.postId)) {
			chain.push(cur.postId);
			if (cur.parentId === null) break;
			cur = byId.get(cur.parentId);
			// A missing ancestor or a cycle: this branch cannot be drawn from the root.
			if (!cur || chain.length > rows.length) {
				ok = false;
				break;
			}
		}
		if (ok) for (const id of chain) keep.add(id);
	}
	const children = new Map<string, TreeRow[]>();
	let root: TreeRow | undefined;
	for (const r of sorted) {
		if (!keep.has(r.postId)) continue;
		if (r.parentId === null) root = r;
		else {
			const list = children.get(r.parentId) ?? [];
			list.push(r);
			children.set(r.parentId, list);
		}
	}
	if (!root) return { order: [] as TreeRow[], parent: [] as number[], depth: [] as number[] };
	const order: TreeRow[] = [root];
	const parent = [-1];
	const depth = [0];
	for (let i = 0; i < order.length; i++) {
		for (const c of children.get(order[i].postId) ?? []) {
			order.push(c);
			parent.push(i);
			depth.push(depth[i] + 1);
		}
	}
	return { order, parent, depth };
}

/**
 * The largest cascades per root stance for the cascade explorer, built from `posts` with near-duplicate
 * copies left out and a reply to a copy hung from the first copy (as scripts/build/cascades.ts does).
 */
export async function cascadeTreeAggregates(duck: Duck): Promise<[string, unknown][]> {
	const stanceList = STANCES.map((s) => `'${s}'`).join(', ');
	const rows = await duck.all<{
		cascade_id: string;
		size: number;
		post_id: string;
		parent_id: string | null;
		at: number;
		edge_kind: string | null;
		stance: string;
		lang: string;
		platform: string;
		author_handle: string;
		text: string;
		url: string | null;
		like_count: number;
		provenance: string;
	}>(
		`WITH p AS (
			SELECT p.cascade_id, p.post_id,
				CASE WHEN p.parent_id IS NULL THEN NULL ELSE coalesce(parent.dup_of, p.parent_id) END AS parent_id,
				p.created_at, p.edge_kind, p.stance, p.lang, p.platform, p.author_handle, p.text, p.url, p.like_count,
				p.provenance
			FROM posts p LEFT JOIN posts parent ON parent.post_id = p.parent_id
			WHERE p.dup_of IS NULL
		), sizes AS (
			SELECT cascade_id, count(*) AS size FROM p GROUP BY cascade_id
		), chosen AS (
			SELECT r.cascade_id, s.size,
				row_number() OVER (PARTITION BY r.stance ORDER BY s.size DESC, r.created_at, r.cascade_id) AS k
			FROM p r JOIN sizes s USING (cascade_id)
			WHERE r.parent_id IS NULL AND r.stance IN (${stanceList}) AND s.size >= 3
		), ranked AS (
			SELECT p.*, c.size, row_number() OVER (PARTITION BY p.cascade_id ORDER BY p.created_at, p.post_id) AS rn
			FROM p JOIN chosen c USING (cascade_id) WHERE c.k <= ${TREES_PER_STANCE}
		)
		SELECT cascade_id, size::INTEGER AS size, post_id, parent_id, epoch_ms(created_at)::DOUBLE AS at, edge_kind,
			stance, lang, platform, author_handle, left(text, ${TEXT_CHARS}) AS text, url, like_count, provenance
		FROM ranked WHERE rn <= ${MAX_TREE_NODES + 50}
		ORDER BY cascade_id, created_at, post_id`
	);
	const groups = new Map<string, { size: number; rows: TreeRow[] }>();
	for (const r of rows) {
		let g = groups.get(r.cascade_id);
		if (!g) groups.set(r.cascade_id, (g = { size: Number(r.size), rows: [] }));
		g.rows.push({
			postId: r.post_id,
			parentId: r.parent_id,
			at: Number(r.at),
			edgeKind: r.edge_kind,
			stance: r.stance,
			lang: r.lang,
			platform: r.platform,
			handle: r.author_handle,
			text: r.text,
			url: r.url,
			likes: Number(r.like_count),
			provenance: r.provenance
		});
	}
	// Metrics of the whole cascade (not the pruned drawing) come from the shared functions, over all its posts.
	const full = await duck.all<{ cascade_id: string; post_id: string; parent_id: string | null; at: number }>(
		`SELECT p.cascade_id, p.post_id,
			CASE WHEN p.parent_id IS NULL THEN NULL ELSE coalesce(parent.dup_of, p.parent_id) END AS parent_id,
			epoch_ms(p.created_at)::DOUBLE AS at
		FROM posts p LEFT JOIN posts parent ON parent.post_id = p.parent_id
		WHERE p.dup_of IS NULL AND p.cascade_id IN (${[...groups.keys()].map((k) => `'${k.replaceAll("'", "''")}'`).join(', ') || "''"})
		ORDER BY p.cascade_id, p.created_at, p.post_id`
	);
	const fullBy = new Map<string, { ids: string[]; parents: (string | null)[]; times: number[] }>();
	for (const r of full) {
		let f = fullBy.get(r.cascade_id);
		if (!f) fullBy.set(r.cascade_id, (f = { ids: [], parents: [], times: [] }));
		f.ids.push(r.post_id);
		f.parents.push(r.parent_id);
		f.times.push(Number(r.at));
	}

	const summaries: CascadeSummaryAgg[] = [];
	const trees = new Map<string, CascadeTreeAgg>();
	for (const [id, g] of groups) {
		const { order, parent, depth } = pruneTree(g.rows, MAX_TREE_NODES);
		if (!order.length) continue;
		const root = order[0];
		const m = cascadeMetrics(fullBy.get(id)!);
		const tree: CascadeTreeAgg = {
			cascadeId: id,
			rootAt: root.at,
			size: g.size,
			shown: order.length,
			nodes: {
				postId: order.map((r) => r.postId),
				parent,
				t: order.map((r) => Math.round((r.at - root.at) / 1000)),
				depth,
				edgeKind: order.map((r) => (r.edgeKind as EdgeKindCode | null) ?? null),
				stance: order.map((r) => r.stance),
				lang: order.map((r) => r.lang),
				platform: order.map((r) => r.platform),
				handle: order.map((r) => r.handle),
				text: order.map((r) => r.text),
				url: order.map((r) => r.url),
				likes: order.map((r) => r.likes),
				provenance: order.map((r) => r.provenance)
			}
		};
		trees.set(id, tree);
		summaries.push({
			cascadeId: id,
			file: cascadeAggName(id),
			stance: root.stance,
			lang: root.lang,
			platform: root.platform,
			size: g.size,
			shown: order.length,
			depth: m.depth,
			maxBreadth: m.maxBreadth,
			structuralVirality: m.structuralVirality === null ? null : Math.round(m.structuralVirality * 1e4) / 1e4,
			firstAt: m.firstAt,
			lastAt: m.lastAt,
			provenance: root.provenance
		});
	}
	summaries.sort((a, b) => b.size - a.size || a.firstAt - b.firstAt || (a.cascadeId < b.cascadeId ? -1 : 1));
	const index: CascadeTreesAgg = {
		maxNodes: MAX_TREE_NODES,
		cascades: summaries,
		first: summaries.length ? trees.get(summaries[0].cascadeId)! : null
	};
	return [
		['cascade-trees', index],
		...summaries.map((s): [string, unknown] => [s.file, trees.get(s.cascadeId)!])
	];
}
