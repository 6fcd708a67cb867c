import type { WaveAnnotation, WavePoint } from '$lib/charts/WaveChart/types';
import type { EventRow, WaveAgg } from '$lib/data/types';
import { formatCalendarDate, formatDate, formatPercent, translate, type Lang } from '$lib/i18n';
import { sourceLinks } from '$lib/data/loadAgg';
import { formatDuration } from './format';

export const WAVE_TOPS = [20, 50, 100] as const;
export type WaveTop = (typeof WAVE_TOPS)[number];

/** Capture rows → chart points for the top-N view. */
export function wavePoints(agg: WaveAgg, top: WaveTop): WavePoint[] {
	const key = `top${top}` as const;
	return agg.captures.map((c) => {
		const total = Math.min(top, c.itemCount);
		return {
			id: c.snapshotId,
			at: c.at,
			protest: c[key],
			total,
			share: total ? c[key] / total : 0,
			provenance: c.provenance
		};
	});
}

/** Documented events drawn on the wave: protest, platform and press milestones (other charts pass their kinds). */
export function waveAnnotations(
	events: readonly EventRow[],
	lang: Lang,
	kinds: readonly string[] = ['protest', 'platform', 'press']
): WaveAnnotation[] {
	return events
		.filter((e) => kinds.includes(e.kind))
		.map((e) => {
			const at = e.occurred_at ? Date.parse(e.occurred_at) : Date.parse(`${e.occurred_on}T12:00:00Z`);
			const source = sourceLinks(e.source_urls)[0];
			const detail = `${formatCalendarDate(e.occurred_on, lang)} · ${e.confidence}${source ? ` · ${source.label}` : ''}`;
			return {
				id: e.event_id,
				at,
				label: lang === 'ko' ? e.title_ko : e.title_en,
				detail,
				href: source?.href
			};
		});
}

/** The chart's written description, computed from the data. */
export function describeWave(agg: WaveAgg, top: WaveTop, lang: Lang): string {
	const m = agg.metrics[`top${top}`];
	const caps = agg.captures;
	if (!caps.length || !m.peak || m.peak.share === 0) return translate(lang, 'wave.describe.none');
	return translate(lang, 'wave.describe', {
		count: caps.length,
		first: formatDate(caps[0].at, lang),
		last: formatDate(caps[caps.length - 1].at, lang),
		peak: formatPercent(m.peak.share),
		peakAt: formatDate(m.peak.at, lang, 'UTC', true),
		// In the same words as the number beside the chart (waveStats' above50).
		duration: formatDuration(m.hoursAtOrAbove50 * 60, lang)
	});
}

/** One derived number beside the wave chart: a label, the value in words and an optional detail. */
export interface WaveStat {
	key: 'first' | 'to50' | 'to90' | 'above50' | 'peak';
	label: string;
	value: string;
	detail?: string;
}

/**
 * The wave's derived numbers for the top-N view (from agg/wave.json's metrics, computed with
 * src/lib/metrics waveMetrics), with the first protest tile itself when the trending aggregate names it.
 */
export function waveStats(
	agg: WaveAgg,
	top: WaveTop,
	first: { rank: number; title: string; artist: string } | null,
	lang: Lang
): WaveStat[] {
	const m = agg.metrics[`top${top}`];
	const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
		translate(lang, key, vars);
	const dur = (minutes: number | null) =>
		minutes === null ? t('wave.stat.never') : formatDuration(minutes, lang);
	return [
		{
			key: 'first',
			label: t('wave.stat.first'),
			value:
				m.firstProtestAt === null ? t('wave.stat.never') : formatDate(m.firstProtestAt, lang, 'UTC', true),
			detail: first
				? t('wave.stat.firstDetail', { rank: first.rank, title: first.title, artist: first.artist })
				: undefined
		},
		{ key: 'to50', label: t('wave.stat.to50'), value: dur(m.minutesFirstTo50) },
		{ key: 'to90', label: t('wave.stat.to90'), value: dur(m.minutesFirstTo90) },
		{ key: 'above50', label: t('wave.stat.above50'), value: formatDuration(m.hoursAtOrAbove50 * 60, lang) },
		{
			key: 'peak',
			label: t('wave.stat.peak'),
			value: m.peak ? formatPercent(m.peak.share) : '–',
			detail: m.peak ? formatDate(m.peak.at, lang, 'UTC', true) : undefined
		}
	];
}
