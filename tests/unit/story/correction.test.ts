import { describe, expect, it } from 'vitest';
import {
	correctionInputs,
	correctionSummary,
	type StanceTime
} from '../../../scripts/build/aggregates/correction';
import {
	correctionSummaries,
	describeCorrection,
	formatLag,
	lagRows,
	reachRows
} from '$lib/story/correctionData';

const M = 60_000;
const H = 60 * M;
const T0 = Date.UTC(2022, 11, 15, 3);

// Claims at 0, 10 min, 2 h (en) and 5 h (ko); debunks at 30 min (a reply, en), 3 h (a standalone post, en),
// 26 h (en) and 4 h (ko, before the Korean claim). Rows arrive out of order, as a query could return them.
const rows: StanceTime[] = [
	{ lang: 'en', stance: 'debunk', at: T0 + 26 * H, root: true },
	{ lang: 'en', stance: 'claim', at: T0 + 10 * M, root: false },
	{ lang: 'en', stance: 'claim', at: T0, root: true },
	{ lang: 'en', stance: 'debunk', at: T0 + 30 * M, root: false },
	{ lang: 'en', stance: 'claim', at: T0 + 2 * H, root: false },
	{ lang: 'en', stance: 'debunk', at: T0 + 3 * H, root: true },
	{ lang: 'ko', stance: 'claim', at: T0 + 5 * H, root: true },
	{ lang: 'ko', stance: 'debunk', at: T0 + 4 * H, root: false }
];

describe('correctionInputs', () => {
	const { langs, byLang } = correctionInputs(rows);
	it('groups times per language and for all languages, ascending', () => {
		expect(langs).toEqual(['all', 'en', 'ko']);
		expect(byLang.get('en')!.claims).toEqual([T0, T0 + 10 * M, T0 + 2 * H]);
		expect(byLang.get('all')!.debunks).toEqual([T0 + 30 * M, T0 + 3 * H, T0 + 4 * H, T0 + 26 * H]);
	});
	it('remembers the first debunk that started its own cascade', () => {
		expect(byLang.get('en')!.debunkRootAt).toBe(T0 + 3 * H);
		expect(byLang.get('ko')!.debunkRootAt).toBeNull();
	});
});

describe('correctionSummary (hand-computed)', () => {
	const s = correctionSummary(rows, ['simulated']);
	it('lags from first post to first post, and peak hour to peak hour', () => {
		const en = s.byLang.en.hour;
		expect(en.lagFirstMinutes).toBe(30);
		// Claim peak: the 03:00 hour (2 posts); debunk hours each hold one post, so the earliest, 03:00, wins.
		expect(en.claimPeakAt).toBe(T0);
		expect(en.debunkPeakAt).toBe(T0);
		expect(en.lagPeakMinutes).toBe(0);
		expect(s.byLang.ko.hour.lagFirstMinutes).toBe(-60);
	});
	it('reach ratios count debunks in windows that start at the claim’s first post', () => {
		const en = s.byLang.en.hour;
		// 24 h window: claims 3, debunks 2 (30 min, 3 h); the one at 26 h falls outside.
		expect(en.reachCounts['24h']).toEqual({ claims: 3, debunks: 2 });
		expect(en.reachRatio['24h']).toBeCloseTo(2 / 3);
		expect(en.reachCounts['72h']).toEqual({ claims: 3, debunks: 3 });
		// Korean: the debunk came before the claim, so it falls outside every window.
		expect(s.byLang.ko.hour.reachCounts.all).toEqual({ claims: 1, debunks: 0 });
	});
	it('becomes chart rows and a description', () => {
		expect(
			lagRows(s, 'hour')
				.filter((r) => r.lang === 'en')
				.map((r) => r.minutes)
		).toEqual([30, 0]);
		expect(reachRows(s).find((r) => r.lang === 'all' && r.window === '24h')).toMatchObject({
			claims: 4,
			debunks: 3
		});
		expect(describeCorrection(s, 'hour', 'UTC', 'en')).toContain(
			'English: the claim first appeared at Dec 15, 2022 03:00 UTC; the first debunk came 30 min later'
		);
		// The home page lists the same summaries one per language, each under its name.
		const list = correctionSummaries(s, 'hour', 'UTC', 'ko');
		expect(list.map((p) => [p.lang, p.name])).toEqual([
			['all', '전체 언어'],
			['en', '영어'],
			['ko', '한국어']
		]);
		expect(list[2].text).toMatch(/^주장은 2022/);
		expect(describeCorrection(s, 'hour', 'UTC', 'ko')).toBe(
			list.map((p) => `${p.name}: ${p.text}`).join('\n')
		);
	});
});

describe('formatLag', () => {
	it.each([
		{ minutes: 30, en: '30 min later', ko: '30분 늦게' },
		{ minutes: -60, en: '1 h earlier', ko: '1시간 먼저' },
		{ minutes: null, en: '–', ko: '–' }
	])('$minutes', ({ minutes, en, ko }) => {
		expect(formatLag(minutes, 'en')).toBe(en);
		expect(formatLag(minutes, 'ko')).toBe(ko);
	});
});
