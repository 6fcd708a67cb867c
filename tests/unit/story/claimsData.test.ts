import { describe, expect, it } from 'vitest';
import { denseHourly } from '../../../scripts/build/aggregates/claims';
import type { ClaimPostsDayAgg, ClaimsHourlyAgg } from '$lib/data/types';
import {
	claimBins,
	claimSummary,
	daysCovering,
	daysWithPosts,
	platformsFor,
	postsInBin,
	seriesValues,
	windowRange,
	zoneDayStart,
	type ClaimFilter
} from '$lib/story/claimsData';

const H = 3_600_000;
const D = 24 * H;
const START = Date.UTC(2022, 11, 14, 0); // Dec 14 00:00 UTC

/** Hourly rows as the SQL returns them: (hour, lang, platform, stance, n). */
const sparse = [
	{ h: START + 3 * H, lang: 'en', platform: 'twitter', stance: 'other', n: 10 },
	{ h: START + 27 * H, lang: 'en', platform: 'twitter', stance: 'claim', n: 4 }, // Dec 15 03:00
	{ h: START + 27 * H, lang: 'en', platform: 'twitter', stance: 'other', n: 6 },
	{ h: START + 28 * H, lang: 'en', platform: 'reddit', stance: 'debunk', n: 2 }, // Dec 15 04:00
	{ h: START + 40 * H, lang: 'ko', platform: 'twitter', stance: 'claim', n: 3 }, // Dec 15 16:00 UTC = Dec 16 01:00 KST
	{ h: START + 47 * H, lang: 'ko', platform: 'twitter', stance: 'debunk', n: 1 } // Dec 15 23:00 UTC
];
const agg: ClaimsHourlyAgg = {
	...denseHourly(sparse),
	provenance: ['simulated'],
	firsts: [],
	drillCapPerHour: 500
};
const f = (over: Partial<ClaimFilter> = {}): ClaimFilter => ({
	lang: 'all',
	platform: 'all',
	bin: 'day',
	zone: 'UTC',
	window: 'all',
	...over
});

describe('denseHourly (the aggregate)', () => {
	it('spans first to last hour and gives every (lang, platform) all three groups', () => {
		expect(agg.start).toBe(START + 3 * H);
		expect(agg.hours).toBe(45);
		expect(agg.series.map((s) => `${s.lang}/${s.platform}/${s.group}`)).toEqual([
			'en/reddit/claim',
			'en/reddit/debunk',
			'en/reddit/all',
			'en/twitter/claim',
			'en/twitter/debunk',
			'en/twitter/all',
			'ko/twitter/claim',
			'ko/twitter/debunk',
			'ko/twitter/all'
		]);
		const all = agg.series.find((s) => s.lang === 'en' && s.platform === 'twitter' && s.group === 'all')!;
		expect(all.counts.reduce((a, b) => a + b, 0)).toBe(20);
		expect(all.counts[24]).toBe(10);
	});
});

describe('claimBins', () => {
	it('sums days in UTC', () => {
		const bins = claimBins(agg, f());
		expect(bins.map((b) => [new Date(b.start).toISOString().slice(0, 10), b.claim, b.debunk, b.all])).toEqual(
			[
				['2022-12-14', 0, 0, 10],
				['2022-12-15', 7, 3, 16]
			]
		);
	});
	it('shifts days to Korea time: a post at 16:00 UTC falls on the next KST day', () => {
		const bins = claimBins(agg, f({ zone: 'KST' }));
		const byDay = bins.map((b) => [new Date(b.start + 9 * H).toISOString().slice(0, 10), b.claim, b.debunk]);
		expect(byDay).toEqual([
			['2022-12-14', 0, 0],
			['2022-12-15', 4, 2],
			['2022-12-16', 3, 1]
		]);
	});
	it('filters by language and platform', () => {
		expect(claimSummary(claimBins(agg, f({ lang: 'ko' })))).toMatchObject({ claims: 3, debunks: 1, all: 4 });
		expect(claimSummary(claimBins(agg, f({ platform: 'reddit' })))).toMatchObject({ claims: 0, debunks: 2 });
	});
	it('keeps empty hours so the axis is continuous', () => {
		const bins = claimBins(agg, f({ bin: 'hour' }));
		expect(bins.length).toBe(48);
		expect(bins[27]).toMatchObject({ start: START + 27 * H, claim: 4, all: 10 });
	});
	it('windows start a day before the first claim post', () => {
		const [from, to] = windowRange(agg, '1w', 'UTC');
		expect(from).toBe(START);
		expect(to - from).toBe(8 * D);
		expect(windowRange(agg, '3w', 'UTC')[1] - from).toBe(22 * D);
	});
});

describe('seriesValues', () => {
	const bins = [
		{ start: 0, end: 1, claim: 2, debunk: 0, all: 4 },
		{ start: 1, end: 2, claim: 0, debunk: 0, all: 0 },
		{ start: 2, end: 3, claim: 3, debunk: 1, all: 10 }
	];
	it.each([
		{ mode: 'raw' as const, claim: [2, 0, 3], debunk: [0, 0, 1] },
		{ mode: 'share' as const, claim: [0.5, null, 0.3], debunk: [0, null, 0.1] },
		{ mode: 'cumulative' as const, claim: [2, 2, 5], debunk: [0, 0, 1] }
	])('$mode', ({ mode, claim, debunk }) => {
		expect(seriesValues(bins, 'claim', mode)).toEqual(claim);
		expect(seriesValues(bins, 'debunk', mode)).toEqual(debunk);
	});
});

describe('helpers', () => {
	it('zoneDayStart: a KST day starts at 15:00 UTC the day before', () => {
		expect(zoneDayStart(Date.UTC(2022, 11, 15, 16), 'KST')).toBe(Date.UTC(2022, 11, 15, 15));
		expect(zoneDayStart(Date.UTC(2022, 11, 15, 14), 'KST')).toBe(Date.UTC(2022, 11, 14, 15));
		expect(zoneDayStart(Date.UTC(2022, 11, 15, 14), 'UTC')).toBe(Date.UTC(2022, 11, 15));
	});
	it('daysCovering lists the UTC day files a bin spans (a KST day spans two)', () => {
		expect(daysCovering(Date.UTC(2022, 11, 14, 15), Date.UTC(2022, 11, 15, 15))).toEqual([
			'2022-12-14',
			'2022-12-15'
		]);
		expect(daysCovering(Date.UTC(2022, 11, 15, 3), Date.UTC(2022, 11, 15, 4))).toEqual(['2022-12-15']);
	});
	it('daysWithPosts names the days that have a drill-down file', () => {
		expect([...daysWithPosts(agg)]).toEqual(['2022-12-15']);
	});
	it('platformsFor lists the platforms of a language', () => {
		expect(platformsFor(agg, 'ko')).toEqual(['twitter']);
		expect(platformsFor(agg, 'all')).toEqual(['reddit', 'twitter']);
	});
});

describe('postsInBin', () => {
	const day: ClaimPostsDayAgg = {
		day: '2022-12-15',
		postId: ['p1', 'p2', 'p3'],
		at: [Date.UTC(2022, 11, 15, 3, 5), Date.UTC(2022, 11, 15, 3, 1), Date.UTC(2022, 11, 15, 4)],
		lang: ['en', 'ko', 'en'],
		platform: ['twitter', 'twitter', 'reddit'],
		stance: ['claim', 'debunk', 'claim'],
		handle: ['a', 'b', 'c'],
		text: ['x', 'y', 'z'],
		url: [null, null, null],
		likes: [1, 2, 3],
		reposts: [0, 0, 0],
		cascadeId: ['p1', 'p2', 'p3'],
		provenance: ['simulated', 'simulated', 'simulated'],
		truncated: [{ hour: Date.UTC(2022, 11, 15, 3), stance: 'claim', kept: 500, total: 620 }]
	};
	it('returns the bin’s posts in time order, filtered like the chart, with the hours that were cut', () => {
		const bin = { start: Date.UTC(2022, 11, 15, 3), end: Date.UTC(2022, 11, 15, 4) };
		const all = postsInBin([day, null], bin, { lang: 'all', platform: 'all' });
		expect(all.rows.map((r) => r.postId)).toEqual(['p2', 'p1']);
		expect(all.truncated).toHaveLength(1);
		expect(postsInBin([day], bin, { lang: 'en', platform: 'all' }).rows.map((r) => r.postId)).toEqual(['p1']);
	});
});
