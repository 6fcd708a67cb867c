import { describe, expect, it } from 'vitest';
import { correctionGap, countInRange, lowerBound, peakBinStart, type CorrectionGap } from '$lib/metrics';

// An hour boundary, so the default epoch-anchored hourly bins start at T0 + k hours.
const T0 = Date.UTC(2022, 11, 14, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (minutes: number[]) => minutes.map((m) => T0 + m * MINUTE);

/*
 * Claim posts (minutes after T0): 10, 50 | 65, 80, 100 | 150 | 1560 (26 h) | 4800 (80 h) | 12000 (200 h)
 *   hourly bins: h0 = 2, h1 = 3, h2 = 1, ... → peak h1 (T0 + 60 min); first at T0 + 10.
 * Debunk posts: 40 | 130, 140 | 190, 200 | 1505 | 6000 (100 h) | 12960 (9 d)
 *   hourly bins: h0 = 1, h2 = 2, h3 = 2 (tie, the earlier h2 wins) → peak T0 + 120; first at T0 + 40.
 * Lags: first 40 − 10 = 30 min; peak 120 − 60 = 60 min.
 * Windows start at the claim's first post (minute 10), half-open:
 *   24h → [10, 1450): claims 6 (1560 is out), debunks 5 (1505 is out)  → 5/6
 *   72h → [10, 4330): claims 7, debunks 6                             → 6/7
 *   7d  → [10, 10090): claims 8, debunks 7                            → 7/8
 *   all → claims 9, debunks 8                                          → 8/9
 */
const claims = at([10, 50, 65, 80, 100, 150, 1560, 4800, 12000]);
const debunks = at([40, 130, 140, 190, 200, 1505, 6000, 12960]);

describe('correctionGap on a hand-made rumour', () => {
	const gap = correctionGap(claims, debunks);
	it.each<[keyof CorrectionGap, unknown]>([
		['claimFirstAt', T0 + 10 * MINUTE],
		['claimPeakAt', T0 + HOUR],
		['debunkFirstAt', T0 + 40 * MINUTE],
		['debunkPeakAt', T0 + 2 * HOUR],
		['lagFirstMinutes', 30],
		['lagPeakMinutes', 60],
		['reachRatio', { '24h': 5 / 6, '72h': 6 / 7, '7d': 7 / 8, all: 8 / 9 }],
		[
			'reachCounts',
			{
				'24h': { claims: 6, debunks: 5 },
				'72h': { claims: 7, debunks: 6 },
				'7d': { claims: 8, debunks: 7 },
				all: { claims: 9, debunks: 8 }
			}
		]
	])('%s', (field, expected) => {
		expect(gap[field]).toEqual(expected);
	});
});

const allNull = { '24h': null, '72h': null, '7d': null, all: null };

describe('correctionGap edge cases', () => {
	it.each<[string, number[], number[], Partial<CorrectionGap>]>([
		[
			'no claim posts: claim side, lags and every ratio are null',
			[],
			at([5]),
			{
				claimFirstAt: null,
				claimPeakAt: null,
				debunkFirstAt: T0 + 5 * MINUTE,
				debunkPeakAt: T0,
				lagFirstMinutes: null,
				lagPeakMinutes: null,
				reachRatio: allNull,
				reachCounts: allNull
			}
		],
		[
			'no debunk posts: debunk side and lags are null, ratios are 0',
			at([5]),
			[],
			{
				debunkFirstAt: null,
				debunkPeakAt: null,
				lagFirstMinutes: null,
				lagPeakMinutes: null,
				reachRatio: { '24h': 0, '72h': 0, '7d': 0, all: 0 }
			}
		],
		[
			'both sides empty: everything is null',
			[],
			[],
			{ claimFirstAt: null, debunkFirstAt: null, lagFirstMinutes: null, reachRatio: allNull }
		],
		[
			'a tie between two claim bins picks the earlier one',
			at([0, 10, 70, 80]),
			at([0]),
			{ claimPeakAt: T0, lagPeakMinutes: 0 }
		],
		[
			'a debunk before the claim gives a negative lag and is outside every window',
			at([60]),
			at([0, 90]),
			{ lagFirstMinutes: -60, lagPeakMinutes: -60, reachRatio: { '24h': 1, '72h': 1, '7d': 1, all: 1 } }
		],
		[
			'windows are half-open: a post exactly 24 h after the first claim falls in 72h, not 24h',
			at([0]),
			at([0, 24 * 60]),
			{ reachRatio: { '24h': 1, '72h': 2, '7d': 2, all: 2 } }
		],
		[
			'posts at the same instant count once each',
			at([0, 0]),
			at([0, 0, 0]),
			{ lagFirstMinutes: 0, reachRatio: { '24h': 1.5, '72h': 1.5, '7d': 1.5, all: 1.5 } }
		]
	])('%s', (_name, claimTimes, debunkTimes, expected) => {
		expect(correctionGap(claimTimes, debunkTimes)).toMatchObject(expected);
	});

	it.each<[string, Parameters<typeof correctionGap>[2], number, number]>([
		// options, expected claimPeakAt, expected lagPeakMinutes
		['daily bins put both peaks on the same UTC day', { binMs: 24 * HOUR }, T0, 0],
		[
			'bins anchored at T0 + 30 min move the claim peak to 00:30',
			{ binOriginMs: T0 + 30 * MINUTE },
			T0 + 30 * MINUTE,
			60
		]
	])('%s', (_name, opts, claimPeakAt, lagPeakMinutes) => {
		expect(correctionGap(claims, debunks, opts)).toMatchObject({ claimPeakAt, lagPeakMinutes });
	});

	it.each<[string, () => unknown, RegExp]>([
		['a zero bin', () => correctionGap(claims, debunks, { binMs: 0 }), /binMs must be > 0/],
		['a negative bin', () => correctionGap(claims, debunks, { binMs: -HOUR }), /binMs must be > 0/],
		['unsorted claims', () => correctionGap(at([5, 1]), debunks), /claimTimes must be sorted/],
		['unsorted debunks', () => correctionGap(claims, at([5, 1])), /debunkTimes must be sorted/]
	])('throws on %s', (_name, run, message) => {
		expect(run).toThrow(message);
	});
});

describe('sorted-array helpers', () => {
	const sorted = [1, 3, 3, 7];
	it.each<[string, () => number | null, number | null]>([
		['lowerBound finds the first equal value', () => lowerBound(sorted, 3), 1],
		['lowerBound past the end', () => lowerBound(sorted, 8), 4],
		['lowerBound before the start', () => lowerBound(sorted, 0), 0],
		['countInRange is half-open', () => countInRange(sorted, 3, 7), 2],
		['countInRange of an inverted range is 0', () => countInRange(sorted, 7, 3), 0],
		['peakBinStart of nothing is null', () => peakBinStart([], 10), null],
		['peakBinStart keeps the first of tied bins', () => peakBinStart([1, 2, 11, 12], 10), 0],
		['peakBinStart finds the last bin when it is fullest', () => peakBinStart([1, 11, 12], 10), 10],
		['peakBinStart floors negative times into their bin', () => peakBinStart([-5, -4, 3], 10), -10]
	])('%s', (_name, run, expected) => {
		expect(run()).toBe(expected);
	});
});
