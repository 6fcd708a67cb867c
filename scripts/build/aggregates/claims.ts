import type { ClaimGroup, ClaimPostsDayAgg, ClaimsHourlyAgg } from '../../../src/lib/data/types';
import { postsDayAggName } from '../../../src/lib/story/aggNames';
import type { Duck } from '../duck';

/** Drill-down files keep at most this many posts per hour and stance (the most engaged first). */
export const DRILL_CAP_PER_HOUR = 500;
/** Post text in drill-down files is cut to this many characters. */
export const DRILL_TEXT_CHARS = 280;

const HOUR = 3_600_000;

/**
 * Claim vs debunk over time. `claims-hourly`: dense hourly counts of claim, debunk and all posts per language
 * and platform (near-duplicate copies left out, as in `spread`), so the browser can switch between raw
 * counts, shares of all posts, cumulative sums, hourly or daily bins in UTC or KST without another request.
 * `posts-<YYYY-MM-DD>`: the claim and debunk posts of each UTC day, fetched when a reader drills into a bin.
 */
export async function claimsAggregates(duck: Duck): Promise<[string, unknown][]> {
	const bins = await duck.all<{ h: number; lang: string; platform: string; stance: string; n: number }>(
		`SELECT epoch_ms(date_trunc('hour', created_at))::DOUBLE AS h, lang, platform, stance, count(*)::INTEGER AS n
		FROM posts WHERE dup_of IS NULL GROUP BY ALL ORDER BY h, lang, platform, stance`
	);
	const out: [string, unknown][] = [];
	const provenance = (
		await duck.all<{ provenance: string }>(
			`SELECT DISTINCT provenance FROM posts WHERE dup_of IS NULL ORDER BY provenance`
		)
	).map((r) => r.provenance);
	const firsts = await duck.all<{
		lang: string;
		claimAt: number | null;
		debunkAt: number | null;
		debunkRootAt: number | null;
	}>(
		`SELECT lang,
			epoch_ms(min(created_at) FILTER (WHERE stance = 'claim'))::DOUBLE AS claimAt,
			epoch_ms(min(created_at) FILTER (WHERE stance = 'debunk'))::DOUBLE AS debunkAt,
			epoch_ms(min(created_at) FILTER (WHERE stance = 'debunk' AND parent_id IS NULL))::DOUBLE AS debunkRootAt
		FROM posts WHERE dup_of IS NULL GROUP BY lang ORDER BY lang`
	);
	const hourly = denseHourly(bins);
	out.push([
		'claims-hourly',
		{ ...hourly, provenance, firsts, drillCapPerHour: DRILL_CAP_PER_HOUR } satisfies ClaimsHourlyAgg
	]);

	const rows = await duck.all<{
		post_id: string;
		at: number;
		lang: string;
		platform: string;
		stance: string;
		author_handle: string;
		text: string;
		url: string | null;
		like_count: number;
		repost_count: number;
		cascade_id: string;
		provenance: string;
		kept: number;
		total: number;
		h: number;
	}>(
		`WITH ranked AS (
			SELECT *, epoch_ms(date_trunc('hour', created_at))::DOUBLE AS h,
				row_number() OVER (PARTITION BY date_trunc('hour', created_at), stance
					ORDER BY like_count + repost_count DESC, created_at, post_id) AS rn,
				count(*) OVER (PARTITION BY date_trunc('hour', created_at), stance) AS total
			FROM posts WHERE dup_of IS NULL AND stance IN ('claim', 'debunk')
		)
		SELECT post_id, epoch_ms(created_at)::DOUBLE AS at, lang, platform, stance, author_handle,
			left(text, ${DRILL_TEXT_CHARS}) AS text, url, like_count, repost_count, cascade_id, provenance,
			least(total, ${DRILL_CAP_PER_HOUR})::INTEGER AS kept, total::INTEGER AS total, h
		FROM ranked WHERE rn <= ${DRILL_CAP_PER_HOUR} ORDER BY created_at, post_id`
	);
	const days = new Map<string, ClaimPostsDayAgg>();
	for (const r of rows) {
		const day = new Date(r.at).toISOString().slice(0, 10);
		let d = days.get(day);
		if (!d) {
			d = {
				day,
				postId: [],
				at: [],
				lang: [],
				platform: [],
				stance: [],
				handle: [],
				text: [],
				url: [],
				likes: [],
				reposts: [],
				cascadeId: [],
				provenance: [],
				truncated: []
			};
			days.set(day, d);
		}
		d.postId.push(r.post_id);
		d.at.push(Number(r.at));
		d.lang.push(r.lang);
		d.platform.push(r.platform);
		d.stance.push(r.stance);
		d.handle.push(r.author_handle);
		d.text.push(r.text);
		d.url.push(r.url);
		d.likes.push(Number(r.like_count));
		d.reposts.push(Number(r.repost_count));
		d.cascadeId.push(r.cascade_id);
		d.provenance.push(r.provenance);
		const h = Number(r.h);
		if (r.total > r.kept && !d.truncated.some((x) => x.hour === h && x.stance === r.stance))
			d.truncated.push({ hour: h, stance: r.stance, kept: Number(r.kept), total: Number(r.total) });
	}
	for (const d of days.values()) out.push([postsDayAggName(d.day), d]);
	return out;
}

/** Sparse (hour, lang, platform, stance, n) rows → dense arrays per (lang, platform, group), from first to last hour. */
export function denseHourly(
	bins: readonly { h: number; lang: string; platform: string; stance: string; n: number }[]
): Pick<ClaimsHourlyAgg, 'start' | 'hours' | 'series'> {
	if (!bins.length) return { start: 0, hours: 0, series: [] };
	const hs = bins.map((b) => Number(b.h));
	const start = Math.min(...hs);
	const hours = (Math.max(...hs) - start) / HOUR + 1;
	const series = new Map<string, ClaimsHourlyAgg['series'][number]>();
	const get = (lang: string, platform: string, group: ClaimGroup) => {
		const key = `${lang}\t${platform}\t${group}`;
		let s = series.get(key);
		if (!s) {
			s = { lang, platform, group, counts: new Array<number>(hours).fill(0) };
			series.set(key, s);
		}
		return s;
	};
	for (const b of bins) {
		const i = (Number(b.h) - start) / HOUR;
		get(b.lang, b.platform, 'all').counts[i] += Number(b.n);
		if (b.stance === 'claim' || b.stance === 'debunk')
			get(b.lang, b.platform, b.stance).counts[i] += Number(b.n);
	}
	// Every (lang, platform) with posts gets all three groups, zeros included, so filters never miss a series.
	for (const s of [...series.values()]) {
		get(s.lang, s.platform, 'claim');
		get(s.lang, s.platform, 'debunk');
	}
	const order: Record<ClaimGroup, number> = { claim: 0, debunk: 1, all: 2 };
	return {
		start,
		hours,
		series: [...series.values()].sort(
			(a, b) =>
				a.lang.localeCompare(b.lang) ||
				a.platform.localeCompare(b.platform) ||
				order[a.group] - order[b.group]
		)
	};
}
