import type { CascadeMetricsAgg } from '../../../src/lib/data/types';
import { cascadeMetrics } from '../../../src/lib/metrics';
import type { Duck } from '../duck';

/** τ_depth(d) and τ_users(N) are precomputed for these d and N. */
export const METRIC_DEPTHS = [2, 3, 5] as const;
export const METRIC_SIZES = [10, 50, 100] as const;

const round = (v: number | null, digits: number) =>
	v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Claim and debunk cascades of two or more posts for the metric-vs-size comparison. Size, depth, breadth
 * and structural virality come from the `cascades` table; the times to depth d and to N posts, which that
 * table does not hold (only minutes_to_100), are computed here from `posts` with the same shared functions
 * (near-duplicate copies left out; a reply to a copy hangs from the first copy, as in scripts/build/cascades.ts).
 */
export async function cascadeMetricsAggregate(duck: Duck): Promise<CascadeMetricsAgg> {
	const table = await duck.all<{
		cascade_id: string;
		stance: string;
		lang: string;
		platform: string;
		size: number;
		depth: number;
		max_breadth: number;
		structural_virality: number | null;
		first_at: number;
		provenance: string;
	}>(
		`SELECT cascade_id, stance, lang, platform, size, depth, max_breadth, structural_virality,
			epoch_ms(first_at)::DOUBLE AS first_at, provenance
		FROM cascades WHERE stance IN ('claim', 'debunk') AND size >= 2 ORDER BY size DESC, first_at, cascade_id`
	);
	const singles = Object.fromEntries(
		(
			await duck.all<{ stance: string; n: number }>(
				`SELECT stance, count(*)::INTEGER AS n FROM cascades WHERE stance IN ('claim', 'debunk') AND size = 1
				GROUP BY stance ORDER BY stance`
			)
		).map((r) => [r.stance, Number(r.n)])
	);
	const tau = new Map<string, { d: (number | null)[]; n: (number | null)[]; size: number }>();
	let current: { id: string; ids: string[]; parents: (string | null)[]; times: number[] } | null = null;
	const finish = () => {
		if (!current) return;
		const m = cascadeMetrics(current, { depths: [...METRIC_DEPTHS], sizes: [...METRIC_SIZES] });
		tau.set(current.id, {
			d: METRIC_DEPTHS.map((d) => round(m.minutesToDepths[d], 1)),
			n: METRIC_SIZES.map((n) => round(m.minutesToSizes[n], 1)),
			size: m.size
		});
	};
	// Only computation inside the callback: running another statement on this connection would end the stream.
	await duck.each(
		`WITH roots AS (
			SELECT cascade_id FROM posts WHERE parent_id IS NULL AND dup_of IS NULL AND stance IN ('claim', 'debunk')
		)
		SELECT p.cascade_id, p.post_id,
			CASE WHEN p.parent_id IS NULL THEN NULL ELSE coalesce(parent.dup_of, p.parent_id) END,
			epoch_ms(p.created_at)::DOUBLE
		FROM posts p JOIN roots USING (cascade_id) LEFT JOIN posts parent ON parent.post_id = p.parent_id
		WHERE p.dup_of IS NULL ORDER BY p.cascade_id, p.created_at, p.post_id`,
		(cols, n) => {
			const [cids, pids, parents, times] = cols as [string[], string[], (string | null)[], number[]];
			for (let i = 0; i < n; i++) {
				if (!current || current.id !== cids[i]) {
					finish();
					current = { id: cids[i], ids: [], parents: [], times: [] };
				}
				current.ids.push(pids[i]);
				current.parents.push(parents[i]);
				current.times.push(times[i]);
			}
		}
	);
	finish();

	const inTable = new Set(table.map((r) => r.cascade_id));
	let missingFromTable = 0;
	for (const [id, v] of tau) if (v.size >= 2 && !inTable.has(id)) missingFromTable++;
	if (missingFromTable)
		console.warn(
			`cascade-metrics: ${missingFromTable} claim/debunk cascades of 2+ posts are in posts but not in the cascades table`
		);

	const dict: CascadeMetricsAgg['dict'] = { stance: [], lang: [], platform: [], provenance: [] };
	const code = (key: keyof CascadeMetricsAgg['dict'], value: string) => {
		let i = dict[key].indexOf(value);
		if (i < 0) i = dict[key].push(value) - 1;
		return i;
	};
	const rows: CascadeMetricsAgg['rows'] = {
		cascadeId: [],
		stance: [],
		lang: [],
		platform: [],
		size: [],
		depth: [],
		maxBreadth: [],
		structuralVirality: [],
		firstAtMinutes: [],
		minutesToDepth: METRIC_DEPTHS.map(() => []),
		minutesToSize: METRIC_SIZES.map(() => []),
		provenance: []
	};
	for (const r of table) {
		const t = tau.get(r.cascade_id);
		rows.cascadeId.push(r.cascade_id);
		rows.stance.push(code('stance', r.stance));
		rows.lang.push(code('lang', r.lang));
		rows.platform.push(code('platform', r.platform));
		rows.size.push(Number(r.size));
		rows.depth.push(Number(r.depth));
		rows.maxBreadth.push(Number(r.max_breadth));
		rows.structuralVirality.push(round(r.structural_virality, 3));
		rows.firstAtMinutes.push(Math.floor(Number(r.first_at) / 60_000));
		METRIC_DEPTHS.forEach((_, k) => rows.minutesToDepth[k].push(t?.d[k] ?? null));
		METRIC_SIZES.forEach((_, k) => rows.minutesToSize[k].push(t?.n[k] ?? null));
		rows.provenance.push(code('provenance', r.provenance));
	}
	return {
		depthsD: [...METRIC_DEPTHS],
		sizesN: [...METRIC_SIZES],
		dict,
		rows,
		singles,
		missingFromTable
	};
}
