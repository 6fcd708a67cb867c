import { describe, expect, it } from 'vitest';
import type { CascadeMetricsAgg } from '$lib/data/types';
import {
	describeMetrics,
	groupMarks,
	matchedBySize,
	median,
	metricKeys,
	metricPoints,
	referenceVirality
} from '$lib/story/metricsData';

const agg: CascadeMetricsAgg = {
	depthsD: [2],
	sizesN: [10],
	dict: { stance: ['claim', 'debunk'], lang: ['en'], platform: ['twitter'], provenance: ['simulated'] },
	rows: {
		cascadeId: ['c1', 'c2', 'c3', 'd1', 'd2', 'd3'],
		stance: [0, 0, 0, 1, 1, 1],
		lang: [0, 0, 0, 0, 0, 0],
		platform: [0, 0, 0, 0, 0, 0],
		size: [2, 2, 12, 2, 5, 12],
		depth: [1, 1, 4, 1, 2, 2],
		maxBreadth: [1, 1, 5, 1, 3, 8],
		structuralVirality: [1, 1, 3.2, 1, 1.9, 2.1],
		firstAtMinutes: [27856800, 27856801, 27856802, 27856803, 27856804, 27856805],
		minutesToDepth: [[null, null, 12, null, 30, 45]],
		minutesToSize: [[null, null, 60, null, null, 20]],
		provenance: [0, 0, 0, 0, 0, 0]
	},
	singles: { claim: 5, debunk: 7 },
	missingFromTable: 0
};

describe('metricPoints', () => {
	it('decodes the dictionary columns and picks the metric', () => {
		const pts = metricPoints(agg, 'tDepth2');
		expect(pts[2]).toMatchObject({
			cascadeId: 'c3',
			stance: 'claim',
			platform: 'twitter',
			value: 12,
			size: 12
		});
		expect(pts[0].value).toBeNull();
		expect(pts[0].firstAt).toBe(27856800 * 60_000);
		expect(metricPoints(agg, 'virality')[4].value).toBe(1.9);
	});
	it('lists plain metrics, then the times to depth and size', () => {
		expect(metricKeys(agg)).toEqual(['depth', 'maxBreadth', 'virality', 'tDepth2', 'tSize10']);
	});
});

describe('groupMarks', () => {
	it('merges cascades with the same stance, size and value, largest size first', () => {
		const marks = groupMarks(metricPoints(agg, 'depth'));
		expect(marks.map((m) => [m.key, m.count])).toEqual([
			['debunk|12|2', 1],
			['claim|12|4', 1],
			['debunk|5|2', 1],
			['claim|2|1', 2],
			['debunk|2|1', 1]
		]);
		expect(marks.find((m) => m.key === 'claim|2|1')!.ids).toEqual(['c1', 'c2']);
	});
	it('leaves out cascades whose metric is undefined', () => {
		expect(groupMarks(metricPoints(agg, 'tSize10')).map((m) => m.key)).toEqual([
			'debunk|12|20',
			'claim|12|60'
		]);
	});
});

describe('matchedBySize (hand-computed)', () => {
	it('compares medians within size classes, counting every cascade', () => {
		const rows = matchedBySize(metricPoints(agg, 'depth'));
		expect(rows).toEqual([
			{ from: 2, to: 2, claim: { n: 2, median: 1 }, debunk: { n: 1, median: 1 } },
			{ from: 5, to: 8, claim: { n: 0, median: null }, debunk: { n: 1, median: 2 } },
			{ from: 9, to: 16, claim: { n: 1, median: 4 }, debunk: { n: 1, median: 2 } }
		]);
	});
	it('median of an even list is the mean of the middle two', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('referenceVirality', () => {
	it.each([
		// Star: 2(n−1)/n; chain: (n+1)/3 (research/anchors-features.md §3).
		{ n: 2, star: 1, chain: 1 },
		{ n: 7, star: 12 / 7, chain: 8 / 3 },
		{ n: 30, star: 58 / 30, chain: 31 / 3 }
	])('n = $n', ({ n, star, chain }) => {
		const v = referenceVirality(n);
		expect(v.star).toBeCloseTo(star, 10);
		expect(v.chain).toBeCloseTo(chain, 10);
	});
});

describe('describeMetrics', () => {
	it('is computed from the points and the matched-size rows', () => {
		const pts = metricPoints(agg, 'depth');
		expect(describeMetrics(pts, matchedBySize(pts), 'depth', 'en')).toBe(
			'3 claim and 3 debunk cascades of two or more posts; the largest claim cascade has 12 posts, the largest debunk cascade 12. Within 2 size classes that have both, claims have the higher median depth in 1.'
		);
	});
});
