import type { ClaimPostsDayAgg, ClaimsHourlyAgg } from '$lib/data/types';
import { ZONES, formatDate, formatPercent, translate, type Lang, type Zone } from '$lib/i18n';
import { formatCount } from './format';

export const CLAIM_MODES = ['raw', 'share', 'cumulative'] as const;
export type ClaimMode = (typeof CLAIM_MODES)[number];
export const CLAIM_BINS = ['hour', 'day'] as const;
export type ClaimBinSize = (typeof CLAIM_BINS)[number];
export const CLAIM_LANGS = ['all', 'en', 'ko'] as const;
export type ClaimLang = (typeof CLAIM_LANGS)[number];
export const CLAIM_WINDOWS = ['3w', '1w', 'all'] as const;
export type ClaimWindow = (typeof CLAIM_WINDOWS)[number];
export const ZONE_CHOICES = ['UTC', 'KST'] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ClaimFilter {
	lang: ClaimLang;
	/** 'all' or one platform. */
	platform: string;
	bin: ClaimBinSize;
	zone: Zone;
	window: ClaimWindow;
}

/** One time bin: [start, end) with its claim, debunk and all-post counts. */
export interface ClaimBin {
	start: number;
	end: number;
	claim: number;
	debunk: number;
	all: number;
}

/** Platforms that have posts in the chosen language, for the platform selector. */
export function platformsFor(agg: ClaimsHourlyAgg, lang: ClaimLang): string[] {
	return [
		...new Set(agg.series.filter((s) => lang === 'all' || s.lang === lang).map((s) => s.platform))
	].sort();
}

/** Start of the day containing `ms` in `zone` (KST days start at 15:00 UTC the day before). */
export const zoneDayStart = (ms: number, zone: Zone): number => {
	const off = ZONES[zone] * HOUR;
	return Math.floor((ms + off) / DAY) * DAY - off;
};

/** The time window [from, to) a window choice covers: around the first claim post, or everything. */
export function windowRange(agg: ClaimsHourlyAgg, window: ClaimWindow, zone: Zone): [number, number] {
	const end = agg.start + agg.hours * HOUR;
	if (window === 'all' || !agg.hours)
		return [zoneDayStart(agg.start, zone), zoneDayStart(end - 1, zone) + DAY];
	let first = -1;
	for (const s of agg.series) {
		if (s.group !== 'claim') continue;
		const i = s.counts.findIndex((n) => n > 0);
		if (i >= 0 && (first < 0 || i < first)) first = i;
	}
	if (first < 0) return [zoneDayStart(agg.start, zone), zoneDayStart(end - 1, zone) + DAY];
	const from = zoneDayStart(agg.start + first * HOUR, zone) - DAY;
	return [from, from + (window === '1w' ? 8 : 22) * DAY];
}

/**
 * Bins for the chart: hourly counts of the matching series summed, then grouped into hours or days (days in
 * the chosen zone), inside the window. Empty bins are kept as zeros so the x axis is continuous.
 */
export function claimBins(agg: ClaimsHourlyAgg, f: ClaimFilter): ClaimBin[] {
	const [from, to] = windowRange(agg, f.window, f.zone);
	const size = f.bin === 'hour' ? HOUR : DAY;
	const bins: ClaimBin[] = [];
	for (let t = from; t < to; t += size) bins.push({ start: t, end: t + size, claim: 0, debunk: 0, all: 0 });
	for (const s of agg.series) {
		if (f.lang !== 'all' && s.lang !== f.lang) continue;
		if (f.platform !== 'all' && s.platform !== f.platform) continue;
		for (let i = 0; i < s.counts.length; i++) {
			const n = s.counts[i];
			if (!n) continue;
			const t = agg.start + i * HOUR;
			if (t < from || t >= to) continue;
			bins[Math.floor((t - from) / size)][s.group] += n;
		}
	}
	return bins;
}

/** The plotted values of one series: counts, shares of all posts (null when a bin has no posts), or running sums. */
export function seriesValues(
	bins: readonly ClaimBin[],
	key: 'claim' | 'debunk',
	mode: ClaimMode
): (number | null)[] {
	if (mode === 'share') return bins.map((b) => (b.all ? b[key] / b.all : null));
	if (mode === 'raw') return bins.map((b) => b[key]);
	let sum = 0;
	return bins.map((b) => (sum += b[key]));
}

/** Totals and peaks over the bins, for the description and the derived numbers. */
export function claimSummary(bins: readonly ClaimBin[]) {
	const peak = (key: 'claim' | 'debunk') => {
		let best: ClaimBin | null = null;
		for (const b of bins) if (b[key] > 0 && (!best || b[key] > best[key])) best = b;
		return best;
	};
	const total = (key: 'claim' | 'debunk' | 'all') => bins.reduce((s, b) => s + b[key], 0);
	return {
		claims: total('claim'),
		debunks: total('debunk'),
		all: total('all'),
		claimPeak: peak('claim'),
		debunkPeak: peak('debunk')
	};
}

/** The chart's written description, computed from the bins. */
export function describeClaims(
	bins: readonly ClaimBin[],
	f: ClaimFilter,
	koReportAt: number | null,
	lang: Lang
): string {
	const s = claimSummary(bins);
	if (!s.claims && !s.debunks) return translate(lang, 'claims.describe.none');
	const unit = translate(lang, f.bin === 'hour' ? 'claims.perHour' : 'claims.perDay');
	const when = (b: ClaimBin | null) => (b ? formatDate(b.start, lang, f.zone, f.bin === 'hour') : '–');
	let text = translate(lang, 'claims.describe', {
		claims: formatCount(s.claims),
		debunks: formatCount(s.debunks),
		claimPeak: s.claimPeak?.claim ?? 0,
		claimPeakAt: when(s.claimPeak),
		debunkPeak: s.debunkPeak?.debunk ?? 0,
		debunkPeakAt: when(s.debunkPeak),
		unit,
		ratio: s.claims ? formatPercent(s.debunks / s.claims) : '–'
	});
	if (koReportAt !== null && f.lang !== 'en')
		text += ' ' + translate(lang, 'claims.describe.ko', { at: formatDate(koReportAt, lang, f.zone, true) });
	return text;
}

/** One post behind a bin, for the drill-down table. */
export interface ClaimPostRow {
	postId: string;
	at: number;
	lang: string;
	platform: string;
	stance: string;
	handle: string;
	text: string;
	url: string | null;
	likes: number;
	reposts: number;
	cascadeId: string;
	provenance: string;
}

/** UTC days (YYYY-MM-DD) whose drill-down files cover [from, to). */
export function daysCovering(from: number, to: number): string[] {
	const days: string[] = [];
	for (let t = Math.floor(from / DAY) * DAY; t < to; t += DAY)
		days.push(new Date(t).toISOString().slice(0, 10));
	return days;
}

/** UTC days (YYYY-MM-DD) that have claim or debunk posts, i.e. a drill-down file: others are never requested. */
export function daysWithPosts(agg: ClaimsHourlyAgg): Set<string> {
	const days = new Set<string>();
	for (const s of agg.series) {
		if (s.group === 'all') continue;
		s.counts.forEach((n, i) => {
			if (n) days.add(new Date(agg.start + i * HOUR).toISOString().slice(0, 10));
		});
	}
	return days;
}

/** The posts of a bin from the day files, filtered like the chart, in time order. */
export function postsInBin(
	days: readonly (ClaimPostsDayAgg | null)[],
	bin: { start: number; end: number },
	f: Pick<ClaimFilter, 'lang' | 'platform'>
): { rows: ClaimPostRow[]; truncated: { hour: number; stance: string; kept: number; total: number }[] } {
	const rows: ClaimPostRow[] = [];
	const truncated: { hour: number; stance: string; kept: number; total: number }[] = [];
	for (const d of days) {
		if (!d) continue;
		for (let i = 0; i < d.postId.length; i++) {
			const at = d.at[i];
			if (at < bin.start || at >= bin.end) continue;
			if (f.lang !== 'all' && d.lang[i] !== f.lang) continue;
			if (f.platform !== 'all' && d.platform[i] !== f.platform) continue;
			rows.push({
				postId: d.postId[i],
				at,
				lang: d.lang[i],
				platform: d.platform[i],
				stance: d.stance[i],
				handle: d.handle[i],
				text: d.text[i],
				url: d.url[i],
				likes: d.likes[i],
				reposts: d.reposts[i],
				cascadeId: d.cascadeId[i],
				provenance: d.provenance[i]
			});
		}
		for (const tr of d.truncated) if (tr.hour >= bin.start && tr.hour < bin.end) truncated.push(tr);
	}
	rows.sort((a, b) => a.at - b.at || (a.postId < b.postId ? -1 : 1));
	return { rows, truncated };
}
