import type { CorrectionAgg, CorrectionGapAgg } from '$lib/data/types';
import { formatDate, translate, type Lang, type Zone } from '$lib/i18n';
import { formatDuration } from './format';

export const REACH_WINDOW_NAMES = ['24h', '72h', '7d', 'all'] as const;
export type ReachWindowName = (typeof REACH_WINDOW_NAMES)[number];

/** One language's lags as chart rows: the claim's and the debunk's first post and peak bin. */
export interface LagRow {
	lang: string;
	what: 'first' | 'peak';
	claimAt: number | null;
	debunkAt: number | null;
	minutes: number | null;
}

export function lagRows(agg: CorrectionAgg, bin: 'hour' | 'day'): LagRow[] {
	return agg.langs.flatMap((lang) => {
		const g: CorrectionGapAgg = agg.byLang[lang][bin];
		return [
			{
				lang,
				what: 'first' as const,
				claimAt: g.claimFirstAt,
				debunkAt: g.debunkFirstAt,
				minutes: g.lagFirstMinutes
			},
			{
				lang,
				what: 'peak' as const,
				claimAt: g.claimPeakAt,
				debunkAt: g.debunkPeakAt,
				minutes: g.lagPeakMinutes
			}
		];
	});
}

/** Reach ratios per language and window, with the counts behind them. */
export interface ReachRow {
	lang: string;
	window: ReachWindowName;
	ratio: number | null;
	claims: number;
	debunks: number;
}

export function reachRows(agg: CorrectionAgg): ReachRow[] {
	return agg.langs.flatMap((lang) =>
		REACH_WINDOW_NAMES.map((window) => {
			const g = agg.byLang[lang].hour;
			const c = g.reachCounts[window];
			return { lang, window, ratio: g.reachRatio[window], claims: c?.claims ?? 0, debunks: c?.debunks ?? 0 };
		})
	);
}

/** A signed lag in words: "2 h 10 min later" / "5 min earlier". */
export function formatLag(minutes: number | null, lang: Lang): string {
	if (minutes === null) return '–';
	const text = formatDuration(Math.abs(minutes), lang);
	return translate(lang, minutes < 0 ? 'correction.earlier' : 'correction.later', { d: text });
}

/** The correction gap of one language (or of all), in words. */
export interface CorrectionSummary {
	/** Language code, or 'all'. */
	lang: string;
	/** Its name: 'All languages', 'Korean'… */
	name: string;
	text: string;
}

/** The written correction gap, one summary per language that has claim posts. */
export function correctionSummaries(
	agg: CorrectionAgg,
	bin: 'hour' | 'day',
	zone: Zone,
	lang: Lang
): CorrectionSummary[] {
	const out: CorrectionSummary[] = [];
	for (const l of agg.langs) {
		const v = agg.byLang[l];
		const g = v[bin];
		if (g.claimFirstAt === null) continue;
		out.push({
			lang: l,
			name: translate(lang, `lang.${l}` as 'lang.all'),
			text: translate(lang, 'correction.describe.lang', {
				first: formatDate(g.claimFirstAt, lang, zone, true),
				lagFirst: formatLag(g.lagFirstMinutes, lang),
				lagRoot: v.debunkRootAt === null ? '–' : formatLag((v.debunkRootAt - g.claimFirstAt) / 60_000, lang),
				lagPeak: formatLag(g.lagPeakMinutes, lang),
				ratio24: g.reachRatio['24h'] === null ? '–' : g.reachRatio['24h'].toFixed(2),
				ratioAll: g.reachRatio.all === null ? '–' : g.reachRatio.all.toFixed(2)
			})
		});
	}
	return out;
}

/** The written description of the correction gap as one text (a chart's description), a line per language. */
export function describeCorrection(agg: CorrectionAgg, bin: 'hour' | 'day', zone: Zone, lang: Lang): string {
	const parts = correctionSummaries(agg, bin, zone, lang);
	return parts.length
		? parts.map((p) => `${p.name}: ${p.text}`).join('\n')
		: translate(lang, 'correction.describe.none');
}
