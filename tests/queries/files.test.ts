import { describe, expect, it } from 'vitest';
import { daysInRange, utcDay, validateIndex } from '../../src/lib/engine/files';

const days = ['2022-12-13', '2022-12-14', '2022-12-15', '2022-12-16'];

describe('daysInRange', () => {
	it.each([
		['every day when open', null, null, days],
		['days from a start', Date.UTC(2022, 11, 15, 12), null, ['2022-12-15', '2022-12-16']],
		['days before an exclusive end at midnight', null, Date.UTC(2022, 11, 15), ['2022-12-13', '2022-12-14']],
		['one day for an hour', Date.UTC(2022, 11, 14, 3), Date.UTC(2022, 11, 14, 4), ['2022-12-14']],
		[
			'two days across midnight',
			Date.UTC(2022, 11, 14, 23),
			Date.UTC(2022, 11, 15, 1),
			['2022-12-14', '2022-12-15']
		],
		['nothing outside the data', Date.UTC(2023, 0, 1), null, []]
	])('%s', (_, from, to, expected) => {
		expect(daysInRange(days, from, to)).toEqual(expected);
	});

	it('utcDay is the UTC calendar day', () => {
		expect(utcDay(Date.UTC(2022, 11, 14, 23, 59))).toBe('2022-12-14');
	});
});

describe('validateIndex', () => {
	it('accepts the build index', () => {
		const index = {
			schemaVersion: '1.0.0',
			tables: {
				posts: { files: [{ path: 'arrow/posts/2022-12-14.arrow', rows: 3, day: '2022-12-14' }], columns: [] }
			}
		};
		expect(validateIndex(index)).toBe(index);
	});
	it.each([
		['not an object', null],
		['no tables', { schemaVersion: '1' }],
		['a file outside arrow/', { tables: { posts: { files: [{ path: '../secret.arrow', rows: 1 }] } } }],
		[
			'an off-origin file',
			{ tables: { posts: { files: [{ path: 'https://evil.example/x.arrow', rows: 1 }] } } }
		],
		['a path that climbs', { tables: { posts: { files: [{ path: 'arrow/../../x.arrow', rows: 1 }] } } }]
	])('refuses %s', (_, index) => {
		expect(() => validateIndex(index)).toThrow();
	});
});
