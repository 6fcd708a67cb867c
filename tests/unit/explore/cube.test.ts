import { describe, expect, it } from 'vitest';
import { CrossfilterCube, decodeCube } from '../../../src/lib/explore/cube';
import type { CubeRow } from '../../../src/lib/queries/explore';

const H = 3_600_000;
const day = (d: number, h = 0) => Date.UTC(2022, 11, d, h);
const row = (t: number, facet: CubeRow['facet'], value: string, n: number): CubeRow => ({
	t,
	facet,
	value,
	n
});
const hourRows = (t: number, twitter: number, mastodon: number): CubeRow[] => [
	row(t, '', 'total', twitter + mastodon),
	row(t, '', 'simulated', twitter),
	row(t, '', 'copies', 0),
	...(twitter ? [row(t, 'platform', 'twitter', twitter)] : []),
	...(mastodon ? [row(t, 'platform', 'mastodon', mastodon)] : [])
];
// 14 Dec 23:00, 15 Dec 00:00 and 15 Dec 05:00, given out of order as a cube never is.
const rows = [...hourRows(day(15, 5), 0, 4), ...hourRows(day(14, 23), 2, 1), ...hourRows(day(15), 3, 0)];
const cube = new CrossfilterCube(rows);

describe('CrossfilterCube', () => {
	it.each([
		['all time', null, null, { twitter: 5, mastodon: 5 }, { total: 10, simulated: 5, copies: 0 }],
		['from inclusive', day(15), null, { twitter: 3, mastodon: 4 }, { total: 7, simulated: 3, copies: 0 }],
		['to exclusive', null, day(15), { twitter: 2, mastodon: 1 }, { total: 3, simulated: 2, copies: 0 }],
		['one hour', day(15, 5), day(15, 6), { mastodon: 4 }, { total: 4, simulated: 0, copies: 0 }],
		['an empty range', day(15, 1), day(15, 5), {}, { total: 0, simulated: 0, copies: 0 }],
		['a range past the data', day(20), day(21), {}, { total: 0, simulated: 0, copies: 0 }]
	])('sums the hours of %s', (_, from, to, platforms, summary) => {
		const x = cube.crossfilter(from, to);
		expect(Object.fromEntries(x.facets.platform.map((r) => [r.value, r.n]))).toEqual(platforms);
		expect(x.summary).toEqual(summary);
		expect(x.facets.lang).toEqual([]);
	});

	it('orders a facet by count, then value, as the statement does', () => {
		expect(cube.crossfilter(null, null).facets.platform).toEqual([
			{ value: 'mastodon', n: 5 },
			{ value: 'twitter', n: 5 }
		]);
		expect(cube.crossfilter(day(15), null).facets.platform.map((r) => r.value)).toEqual([
			'mastodon',
			'twitter'
		]);
	});

	it('gives the same answer twice for the same range, and a new one for another', () => {
		const a = cube.crossfilter(day(15), null);
		expect(cube.crossfilter(day(15), null)).toBe(a);
		expect(cube.crossfilter(null, day(15)).summary.total).toBe(3);
	});

	it('leaves out a value whose hours in range count no post', () => {
		const withZero = new CrossfilterCube([...hourRows(day(14), 1, 0), row(day(14), 'lang', 'ko', 0)]);
		expect(withZero.crossfilter(null, null).facets.lang).toEqual([]);
	});

	it('lists posts per hour in a range, hours without posts left out', () => {
		expect(cube.hours(null, null)).toEqual([
			{ t: day(14, 23), n: 3 },
			{ t: day(15), n: 3 },
			{ t: day(15, 5), n: 4 }
		]);
		expect(cube.hours(day(15), day(15) + H)).toEqual([{ t: day(15), n: 3 }]);
	});

	it('bins the histogram by UTC hour or day, whatever the range', () => {
		expect(cube.histogram('hour')).toEqual(cube.hours(null, null));
		expect(cube.histogram('day')).toEqual([
			{ t: day(14), n: 3 },
			{ t: day(15), n: 7 }
		]);
	});

	it('is empty but answers when the filters match nothing', () => {
		const none = new CrossfilterCube([]);
		expect(none.size).toBe(0);
		expect(none.crossfilter(null, null).summary).toEqual({ total: 0, simulated: 0, copies: 0 });
		expect(none.histogram('day')).toEqual([]);
	});
});

describe('decodeCube', () => {
	it('names each row by its dictionary row, wherever that row stands', () => {
		const coded = {
			t: new Float64Array([day(14), 0, day(15), 0]),
			k: new Int32Array([1, 1, 0, 0]),
			n: new Int32Array([3, -1, 2, -1]),
			facet: [null, 'platform', null, ''],
			value: [null, 'twitter', null, 'total']
		};
		expect(decodeCube(coded)).toEqual([row(day(14), 'platform', 'twitter', 3), row(day(15), '', 'total', 2)]);
	});

	it('refuses a row whose pair the dictionary does not name', () => {
		const coded = { t: [day(14)], k: [7], n: [1], facet: [null], value: [null] };
		expect(() => decodeCube(coded)).toThrow(/pair 7/);
	});
});
