import { correctionGap, MS_PER_DAY, MS_PER_HOUR, type CorrectionGap } from '../../../src/lib/metrics';
import type { CorrectionAgg, CorrectionGapAgg } from '../../../src/lib/data/types';
import type { Duck } from '../duck';

export interface StanceTime {
	lang: string;
	stance: string;
	at: number;
	/** True when the post started its own cascade. */
	root: boolean;
}

/** Groups claim and debunk post times by language (plus 'all'), each list ascending, as correctionGap expects. */
export function correctionInputs(rows: readonly StanceTime[]) {
	const byLang = new Map<string, { claims: number[]; debunks: number[]; debunkRootAt: number | null }>();
	const get = (lang: string) => {
		let v = byLang.get(lang);
		if (!v) byLang.set(lang, (v = { claims: [], debunks: [], debunkRootAt: null }));
		return v;
	};
	for (const r of rows) {
		for (const lang of ['all', r.lang]) {
			const v = get(lang);
			if (r.stance === 'claim') v.claims.push(r.at);
			else if (r.stance === 'debunk') {
				v.debunks.push(r.at);
				if (r.root && (v.debunkRootAt === null || r.at < v.debunkRootAt)) v.debunkRootAt = r.at;
			}
		}
	}
	const cmp = (a: number, b: number) => a - b;
	for (const v of byLang.values()) {
		v.claims.sort(cmp);
		v.debunks.sort(cmp);
	}
	const langs = ['all', ...[...byLang.keys()].filter((l) => l !== 'all').sort()];
	if (!byLang.has('all')) get('all');
	return { langs, byLang };
}

const plain = (g: CorrectionGap): CorrectionGapAgg => ({
	claimFirstAt: g.claimFirstAt,
	claimPeakAt: g.claimPeakAt,
	debunkFirstAt: g.debunkFirstAt,
	debunkPeakAt: g.debunkPeakAt,
	lagFirstMinutes: g.lagFirstMinutes,
	lagPeakMinutes: g.lagPeakMinutes,
	reachRatio: g.reachRatio,
	reachCounts: g.reachCounts
});

/** The correction gap (src/lib/metrics) per language, with hourly and daily (UTC) peak bins. */
export function correctionSummary(rows: readonly StanceTime[], provenance: string[]): CorrectionAgg {
	const { langs, byLang } = correctionInputs(rows);
	const out: CorrectionAgg = { langs, byLang: {}, provenance };
	for (const lang of langs) {
		const v = byLang.get(lang)!;
		out.byLang[lang] = {
			hour: plain(correctionGap(v.claims, v.debunks, { binMs: MS_PER_HOUR })),
			day: plain(correctionGap(v.claims, v.debunks, { binMs: MS_PER_DAY })),
			debunkRootAt: v.debunkRootAt,
			claims: v.claims.length,
			debunks: v.debunks.length
		};
	}
	return out;
}

/** agg/correction.json from the claim and debunk posts (near-duplicate copies left out). */
export async function correctionAggregate(duck: Duck): Promise<CorrectionAgg> {
	const rows: StanceTime[] = [];
	await duck.each(
		`SELECT lang, stance, epoch_ms(created_at)::DOUBLE, parent_id IS NULL FROM posts
		WHERE dup_of IS NULL AND stance IN ('claim', 'debunk') ORDER BY created_at, post_id`,
		(cols, n) => {
			const [langs, stances, ats, roots] = cols as [string[], string[], number[], boolean[]];
			for (let i = 0; i < n; i++)
				rows.push({ lang: langs[i], stance: stances[i], at: ats[i], root: roots[i] });
		}
	);
	const provenance = (
		await duck.all<{ provenance: string }>(
			`SELECT DISTINCT provenance FROM posts WHERE dup_of IS NULL AND stance IN ('claim', 'debunk') ORDER BY 1`
		)
	).map((r) => r.provenance);
	return correctionSummary(rows, provenance);
}
