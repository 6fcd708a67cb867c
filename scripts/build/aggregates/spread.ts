import type { Duck } from '../duck';

export interface SpreadBin {
	/** Start of the day (epoch ms, UTC). */
	t: number;
	lang: string;
	platform: string;
	stance: string;
	n: number;
}

/**
 * Daily posts by stance, language and platform (near-duplicate copies left out), plus all-post totals per day
 * so charts can show shares with their denominator.
 */
export async function spreadAggregate(duck: Duck) {
	const bins = await duck.all<SpreadBin>(
		`SELECT epoch_ms(date_trunc('day', created_at))::DOUBLE AS t, lang, platform, stance, count(*)::INTEGER AS n
		FROM posts WHERE dup_of IS NULL GROUP BY ALL ORDER BY t, lang, platform, stance`
	);
	const provenance = await duck.all<{ provenance: string; n: number }>(
		`SELECT provenance, count(*)::INTEGER AS n FROM posts GROUP BY ALL ORDER BY provenance`
	);
	return { bins, provenance };
}
