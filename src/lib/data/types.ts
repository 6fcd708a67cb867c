/** Shapes of the pre-aggregated JSON the data build writes to static/data/agg/ (see scripts/build/aggregates). */
export interface EventRow {
	event_id: string;
	occurred_on: string;
	occurred_at: string | null;
	kind: string;
	title_en: string;
	title_ko: string;
	summary_en: string;
	summary_ko: string;
	actors: string;
	source_urls: string;
	confidence: 'C2' | 'S1' | 'U';
	provenance: string;
}

export interface ClaimRow {
	claim_id: string;
	summary_en: string;
	summary_ko: string;
	verdict: string;
	first_seen_at: string | null;
	explanation_en: string;
	explanation_ko: string;
	source_urls: string;
	provenance: string;
}

export interface DocumentedAgg {
	events: EventRow[];
	claims: ClaimRow[];
}

export interface WaveCaptureAgg {
	snapshotId: string;
	at: number;
	dimension: string;
	provenance: string;
	itemCount: number;
	top20: number;
	top50: number;
	top100: number;
	archiveUrl: string | null;
}

export interface WaveMetricsAgg {
	firstProtestAt: number | null;
	minutesFirstTo50: number | null;
	minutesFirstTo90: number | null;
	hoursAtOrAbove50: number;
	peak: { share: number; at: number } | null;
}

export interface WaveAgg {
	dimension: string;
	provenance: string[];
	captures: WaveCaptureAgg[];
	metrics: Record<'top20' | 'top50' | 'top100', WaveMetricsAgg>;
}

export interface SpreadAgg {
	bins: { t: number; lang: string; platform: string; stance: string; n: number }[];
	provenance: { provenance: string; n: number }[];
}
