import { waveMetrics, type WaveMetrics } from '../../../src/lib/metrics';
import type { Duck } from '../duck';

export const WAVE_TOPS = [20, 50, 100] as const;

/** Pages link to a capture's archive: only an http(s) URL may become a link (never javascript: or data:). */
const linkable = (url: string | number | null): string | null =>
	url !== null && /^https?:\/\/\S+$/i.test(String(url)) ? String(url) : null;

export interface WaveCapture {
	snapshotId: string;
	/** Capture time, epoch ms (UTC). */
	at: number;
	dimension: string;
	provenance: string;
	itemCount: number;
	/** Protest tiles among the top 20 / 50 / 100. */
	top20: number;
	top50: number;
	top100: number;
	archiveUrl: string | null;
}

export interface WaveAggregate {
	dimension: string;
	provenance: string[];
	captures: WaveCapture[];
	metrics: Record<string, Omit<WaveMetrics, 'shares'>>;
}

/** Protest share of the trending grid per capture, for the prerendered wave chart and its derived numbers. */
export async function waveAggregate(duck: Duck): Promise<WaveAggregate> {
	// One dimension per chart: `all` when captured, else the best-covered one.
	const dims = await duck.all<{ dimension: string }>(
		`SELECT dimension FROM snapshots WHERE feed = 'trending' GROUP BY dimension ORDER BY dimension <> 'all', count(*) DESC, dimension LIMIT 1`
	);
	const dimension = dims[0]?.dimension ?? 'all';
	const rows = await duck.all<Record<string, string | number | null>>(
		`SELECT s.snapshot_id, epoch_ms(s.captured_at)::DOUBLE AS at_ms, s.dimension, s.provenance, s.item_count, s.archive_url,
			count(*) FILTER (WHERE t.is_protest AND t.rank <= 20)::INTEGER AS top20,
			count(*) FILTER (WHERE t.is_protest AND t.rank <= 50)::INTEGER AS top50,
			count(*) FILTER (WHERE t.is_protest AND t.rank <= 100)::INTEGER AS top100
		FROM snapshots s LEFT JOIN trending_items t USING (snapshot_id)
		WHERE s.feed = 'trending' AND s.dimension = '${dimension.replaceAll("'", "''")}'
		GROUP BY ALL ORDER BY at_ms, s.snapshot_id`
	);
	const captures: WaveCapture[] = rows.map((r) => ({
		snapshotId: String(r.snapshot_id),
		at: Number(r.at_ms),
		dimension: String(r.dimension),
		provenance: String(r.provenance),
		itemCount: Number(r.item_count),
		top20: Number(r.top20),
		top50: Number(r.top50),
		top100: Number(r.top100),
		archiveUrl: linkable(r.archive_url)
	}));
	const metrics: WaveAggregate['metrics'] = {};
	for (const top of WAVE_TOPS) {
		const key = `top${top}` as 'top20' | 'top50' | 'top100';
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { shares, ...rest } = waveMetrics(
			captures.map((c) => ({ at: c.at, protest: c[key], total: Math.min(top, c.itemCount) }))
		);
		metrics[key] = rest;
	}
	return { dimension, provenance: [...new Set(captures.map((c) => c.provenance))].sort(), captures, metrics };
}
