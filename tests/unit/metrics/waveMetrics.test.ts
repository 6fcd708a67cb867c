import { describe, expect, it } from 'vitest';
import { captureShares, msAtOrAbove, waveMetrics, type Capture, type WaveMetrics } from '$lib/metrics';

const T0 = Date.UTC(2022, 11, 13, 18, 0);
const MINUTE = 60_000;

/** Captures from [minutes after T0, protest tiles, total tiles] rows. */
const series = (rows: readonly (readonly [number, number, number])[]): Capture[] =>
	rows.map(([minutes, protest, total]) => ({ at: T0 + minutes * MINUTE, protest, total }));

/*
 * A hand-made wave:
 *   min   0   30   60   120  180  240  300  420  480  600
 *   share 0   0*   .1   .4   .5   .4   .9   1    1    .6     (* total 0: a failed capture counts as 0)
 * first protest at 60; first ≥ .5 at 180 (120 min later; the dip at 240 does not reset it); first ≥ .9 at 300
 * (240 min). Time at ≥ .5 under the step rule: 180→240 (60) + 300→420 (120) + 420→480 (60) + 480→600 (120)
 * = 360 min = 6 h; the last capture (600, share .6) adds nothing. Peak 1.0 first reached at 420, not 480.
 */
const wave = series([
	[0, 0, 50],
	[30, 0, 0],
	[60, 5, 50],
	[120, 20, 50],
	[180, 25, 50],
	[240, 20, 50],
	[300, 45, 50],
	[420, 50, 50],
	[480, 50, 50],
	[600, 30, 50]
]);

describe('waveMetrics on a hand-made wave', () => {
	const m = waveMetrics(wave);
	it.each<[keyof WaveMetrics, unknown]>([
		['shares', [0, 0, 0.1, 0.4, 0.5, 0.4, 0.9, 1, 1, 0.6]],
		['firstProtestAt', T0 + 60 * MINUTE],
		['minutesFirstTo50', 120],
		['minutesFirstTo90', 240],
		['hoursAtOrAbove50', 6],
		['peak', { share: 1, at: T0 + 420 * MINUTE }]
	])('%s', (field, expected) => {
		expect(m[field]).toEqual(expected);
	});
});

describe('waveMetrics edge cases', () => {
	it.each<[string, Capture[], Partial<WaveMetrics>]>([
		[
			'no captures gives nulls and zero hours',
			[],
			{
				shares: [],
				firstProtestAt: null,
				minutesFirstTo50: null,
				minutesFirstTo90: null,
				hoursAtOrAbove50: 0,
				peak: null
			}
		],
		[
			'a wave that never reaches 50% has null crossing times',
			series([
				[0, 0, 50],
				[60, 10, 50],
				[120, 15, 50],
				[180, 5, 50]
			]),
			{
				firstProtestAt: T0 + 60 * MINUTE,
				minutesFirstTo50: null,
				minutesFirstTo90: null,
				hoursAtOrAbove50: 0,
				peak: { share: 0.3, at: T0 + 120 * MINUTE }
			}
		],
		[
			'reaching 50% but never 90% leaves only the 90% time null',
			series([
				[0, 1, 10],
				[90, 6, 10],
				[150, 8, 10]
			]),
			{ minutesFirstTo50: 90, minutesFirstTo90: null, hoursAtOrAbove50: 1 }
		],
		[
			'no protest tile at all: no first capture, peak is the first zero',
			series([
				[0, 0, 50],
				[60, 0, 0]
			]),
			{ firstProtestAt: null, minutesFirstTo50: null, peak: { share: 0, at: T0 } }
		],
		[
			'a single capture above 50% holds for no time, since the last capture contributes nothing',
			series([[0, 48, 50]]),
			{ firstProtestAt: T0, minutesFirstTo50: 0, minutesFirstTo90: 0, hoursAtOrAbove50: 0 }
		]
	])('%s', (_name, captures, expected) => {
		expect(waveMetrics(captures)).toMatchObject(expected);
	});

	it.each<[string, Capture[], RegExp]>([
		[
			'captures out of time order',
			series([
				[60, 1, 10],
				[0, 1, 10]
			]),
			/sorted ascending/
		],
		['more protest tiles than tiles', series([[0, 11, 10]]), /within 0\.\.total/],
		['a negative protest count', series([[0, -1, 10]]), /within 0\.\.total/],
		['a missing time', [{ at: NaN, protest: 0, total: 1 }], /captures\.at\[0\] is NaN/]
	])('throws on %s', (_name, captures, message) => {
		expect(() => waveMetrics(captures)).toThrow(message);
	});
});

describe('wave helpers', () => {
	it.each<[string, number[], number[], number, number]>([
		// times, shares, threshold, expected ms
		['counts intervals that start at or above the threshold', [0, 10, 30, 60], [0.5, 0.2, 0.7, 0.9], 0.5, 40],
		['ignores the last capture', [0, 10], [0, 1], 0.5, 0],
		['a share exactly at the threshold counts', [0, 5, 6], [0.9, 0.89, 1], 0.9, 5]
	])('msAtOrAbove %s', (_name, at, shares, threshold, expected) => {
		expect(msAtOrAbove(at, shares, threshold)).toBe(expected);
	});

	it('captureShares treats a zero-tile capture as share 0', () => {
		expect(captureShares(series([[0, 0, 0]]))).toEqual([0]);
	});
});
