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

/** Columns of one capture's tiles in rank order (columnar keeps 100 tiles × many captures small). */
export interface CaptureItemsAgg {
	rank: number[];
	projectId: string[];
	hashId: (string | null)[];
	title: string[];
	artist: string[];
	artistName: (string | null)[];
	/** 1 = protest tile by the protest rules, 0 = not. */
	isProtest: number[];
	protestSignal: (string | null)[];
	provenance: string[];
}

/** One capture of the trending feed with its tiles: agg/capture-<snapshot_id>.json. */
export interface CaptureAgg {
	snapshotId: string;
	at: number;
	dimension: string;
	originalUrl: string;
	archiveUrl: string | null;
	provenance: string;
	itemCount: number;
	items: CaptureItemsAgg;
}

/** The first protest tile seen within the top N, for the wave's derived numbers. */
export interface FirstProtestAgg {
	snapshotId: string;
	at: number;
	rank: number;
	title: string;
	artist: string;
	protestSignal: string | null;
}

/** agg/trending.json: the peak capture inlined for prerender; every other capture is fetched on demand. */
export interface TrendingAgg {
	dimension: string;
	peakId: string | null;
	peak: CaptureAgg | null;
	firstProtest: Record<'top20' | 'top50' | 'top100', FirstProtestAgg | null>;
}

export type ClaimGroup = 'claim' | 'debunk' | 'all';

/** agg/claims-hourly.json: hourly counts of claim, debunk and all posts per language and platform (dense). */
export interface ClaimsHourlyAgg {
	/** Start of the first hour, epoch ms (UTC, on the hour). */
	start: number;
	hours: number;
	series: { lang: string; platform: string; group: ClaimGroup; counts: number[] }[];
	/** Distinct provenance of the posts counted. */
	provenance: string[];
	/** First claim and debunk post per language (epoch ms), e.g. when the Korean report reached the data. */
	firsts: { lang: string; claimAt: number | null; debunkAt: number | null; debunkRootAt: number | null }[];
	/** Most rows per hour and stance kept in the drill-down files (posts-<day>.json). */
	drillCapPerHour: number;
}

/** agg/posts-<YYYY-MM-DD>.json: the claim and debunk posts of one UTC day, for drill-down. */
export interface ClaimPostsDayAgg {
	day: string;
	postId: string[];
	at: number[];
	lang: string[];
	platform: string[];
	stance: string[];
	handle: string[];
	text: string[];
	url: (string | null)[];
	likes: number[];
	reposts: number[];
	cascadeId: string[];
	provenance: string[];
	/** Hours (epoch ms) where more posts existed than were kept, with the full count. */
	truncated: { hour: number; stance: string; kept: number; total: number }[];
}

/** correctionGap() of src/lib/metrics without its functions: plain JSON. */
export interface CorrectionGapAgg {
	claimFirstAt: number | null;
	claimPeakAt: number | null;
	debunkFirstAt: number | null;
	debunkPeakAt: number | null;
	lagFirstMinutes: number | null;
	lagPeakMinutes: number | null;
	reachRatio: Record<'24h' | '72h' | '7d' | 'all', number | null>;
	reachCounts: Record<'24h' | '72h' | '7d' | 'all', { claims: number; debunks: number } | null>;
}

/** agg/correction.json: the correction gap per language ('all', 'en', 'ko') and peak bin ('hour', 'day'). */
export interface CorrectionAgg {
	langs: string[];
	byLang: Record<
		string,
		{
			hour: CorrectionGapAgg;
			day: CorrectionGapAgg;
			/** First debunk that started its own cascade (not a reply inside a claim cascade). */
			debunkRootAt: number | null;
			claims: number;
			debunks: number;
		}
	>;
	provenance: string[];
}

export type EdgeKindCode = 'repost' | 'quote' | 'reply' | 'inferred';

/** One cascade's nodes, pruned to the earliest `shown` posts: agg/cascade-<id>.json. */
export interface CascadeTreeAgg {
	cascadeId: string;
	rootAt: number;
	/** Posts in the whole cascade (near-duplicates excluded). */
	size: number;
	/** Posts kept in the drawing: the earliest, in time order. */
	shown: number;
	nodes: {
		postId: string[];
		/** Index of the parent within these arrays; -1 for the root. */
		parent: number[];
		/** Seconds after the root post. */
		t: number[];
		depth: number[];
		edgeKind: (EdgeKindCode | null)[];
		stance: string[];
		lang: string[];
		platform: string[];
		handle: string[];
		text: string[];
		url: (string | null)[];
		likes: number[];
		provenance: string[];
	};
}

export interface CascadeSummaryAgg {
	cascadeId: string;
	file: string;
	stance: string;
	lang: string;
	platform: string;
	size: number;
	shown: number;
	depth: number;
	maxBreadth: number;
	structuralVirality: number | null;
	firstAt: number;
	lastAt: number;
	provenance: string;
}

/** agg/cascade-trees.json: the largest cascades per stance, the largest one inlined. */
export interface CascadeTreesAgg {
	maxNodes: number;
	cascades: CascadeSummaryAgg[];
	first: CascadeTreeAgg | null;
}

/** agg/cascade-metrics.json: claim and debunk cascades of two or more posts, with τ values (columnar). */
export interface CascadeMetricsAgg {
	depthsD: number[];
	sizesN: number[];
	/** Values of the dictionary-encoded columns: rows.stance[i] is an index into dict.stance, and so on. */
	dict: { stance: string[]; lang: string[]; platform: string[]; provenance: string[] };
	rows: {
		cascadeId: string[];
		stance: number[];
		lang: number[];
		platform: number[];
		size: number[];
		depth: number[];
		maxBreadth: number[];
		structuralVirality: (number | null)[];
		/** Minutes since the Unix epoch (UTC) of the root post. */
		firstAtMinutes: number[];
		/** minutesToDepth[k][i]: τ_depth(depthsD[k]) of row i, minutes; null if never that deep. */
		minutesToDepth: (number | null)[][];
		/** minutesToSize[k][i]: τ_users(sizesN[k]) of row i, minutes; null if never that large. */
		minutesToSize: (number | null)[][];
		provenance: number[];
	};
	/** Single-post cascades per stance (left out of the rows: they have no structure). */
	singles: Record<string, number>;
	/** Cascades found in posts but missing from the cascades table (should be 0). */
	missingFromTable: number;
}
