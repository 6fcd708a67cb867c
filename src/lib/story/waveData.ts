import type { WaveAnnotation, WavePoint } from '$lib/charts/WaveChart/types';
import type { EventRow, WaveAgg } from '$lib/data/types';
import { formatCalendarDate, formatDate, formatPercent, translate, type Lang } from '$lib/i18n';
import { sourceLinks } from '$lib/data/loadAgg';

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

/** Documented events drawn on the wave: protest, platform and press milestones. */
export function waveAnnotations(events: readonly EventRow[], lang: Lang): WaveAnnotation[] {
	return events
		.filter((e) => ['protest', 'platform', 'press'].includes(e.kind))
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
		hours: Math.round(m.hoursAtOrAbove50)
	});
}
