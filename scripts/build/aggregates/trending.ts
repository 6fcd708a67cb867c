import type { CaptureAgg, FirstProtestAgg, TrendingAgg } from '../../../src/lib/data/types';
import { captureAggName } from '../../../src/lib/story/aggNames';
import { lit, type Duck } from '../duck';

const TOPS = [20, 50, 100] as const;

/** Pages link to a capture's archive: only an http(s) URL may become a link (never javascript: or data:). */
const linkable = (url: string | null): string | null =>
	url !== null && /^https?:\/\/\S+$/i.test(url) ? url : null;

/**
 * Per-capture tiles for the trending browser and the wave drill-down: one `capture-<id>` file per capture
 * (fetched on demand) and `trending` with the peak capture inlined so /trending/ prerenders a real grid.
 * Uses the same dimension as the wave aggregate: `all` when captured, else the best-covered one.
 */
export async function trendingAggregates(duck: Duck): Promise<[string, unknown][]> {
	const dims = await duck.all<{ dimension: string }>(
		`SELECT dimension FROM snapshots WHERE feed = 'trending' GROUP BY dimension ORDER BY dimension <> 'all', count(*) DESC, dimension LIMIT 1`
	);
	const dimension = dims[0]?.dimension ?? 'all';
	const snaps = await duck.all<{
		snapshot_id: string;
		at: number;
		original_url: string;
		archive_url: string | null;
		provenance: string;
		item_count: number;
	}>(
		`SELECT snapshot_id, epoch_ms(captured_at)::DOUBLE AS at, original_url, archive_url, provenance, item_count
		FROM snapshots WHERE feed = 'trending' AND dimension = ${lit(dimension)} ORDER BY captured_at, snapshot_id`
	);
	const items = await duck.all<{
		snapshot_id: string;
		rank: number;
		project_id: string;
		hash_id: string | null;
		title: string;
		artist_username: string;
		artist_name: string | null;
		is_protest: boolean;
		protest_signal: string | null;
		provenance: string;
	}>(
		`SELECT t.snapshot_id, t.rank, t.project_id, t.hash_id, t.title, t.artist_username, t.artist_name, t.is_protest,
			t.protest_signal, t.provenance
		FROM trending_items t JOIN snapshots s USING (snapshot_id)
		WHERE s.feed = 'trending' AND s.dimension = ${lit(dimension)} ORDER BY s.captured_at, t.snapshot_id, t.rank`
	);
	const captures = new Map<string, CaptureAgg>();
	for (const s of snaps) {
		captures.set(s.snapshot_id, {
			snapshotId: s.snapshot_id,
			at: Number(s.at),
			dimension,
			originalUrl: s.original_url,
			archiveUrl: linkable(s.archive_url),
			provenance: s.provenance,
			itemCount: Number(s.item_count),
			items: {
				rank: [],
				projectId: [],
				hashId: [],
				title: [],
				artist: [],
				artistName: [],
				isProtest: [],
				protestSignal: [],
				provenance: []
			}
		});
	}
	for (const r of items) {
		const c = captures.get(r.snapshot_id)!.items;
		c.rank.push(Number(r.rank));
		c.projectId.push(r.project_id);
		c.hashId.push(r.hash_id);
		c.title.push(r.title);
		c.artist.push(r.artist_username);
		c.artistName.push(r.artist_name);
		c.isProtest.push(r.is_protest ? 1 : 0);
		c.protestSignal.push(r.protest_signal);
		c.provenance.push(r.provenance);
	}

	// Peak: highest protest share of the top 100, earliest capture on ties (as waveMetrics does).
	let peak: CaptureAgg | null = null;
	let peakShare = -1;
	const firstProtest: TrendingAgg['firstProtest'] = { top20: null, top50: null, top100: null };
	for (const c of captures.values()) {
		const total = Math.min(100, c.itemCount);
		const protest = c.items.isProtest.filter((p, i) => p && c.items.rank[i] <= 100).length;
		const share = total ? protest / total : 0;
		if (share > peakShare) {
			peak = c;
			peakShare = share;
		}
		for (const top of TOPS) {
			const key = `top${top}` as const;
			if (firstProtest[key]) continue;
			const i = c.items.rank.findIndex((rank, j) => rank <= top && c.items.isProtest[j] === 1);
			if (i < 0) continue;
			const first: FirstProtestAgg = {
				snapshotId: c.snapshotId,
				at: c.at,
				rank: c.items.rank[i],
				title: c.items.title[i],
				artist: c.items.artist[i],
				protestSignal: c.items.protestSignal[i]
			};
			firstProtest[key] = first;
		}
	}
	const index: TrendingAgg = { dimension, peakId: peak?.snapshotId ?? null, peak, firstProtest };
	return [
		['trending', index],
		...[...captures.values()].map((c): [string, unknown] => [captureAggName(c.snapshotId), c])
	];
}
