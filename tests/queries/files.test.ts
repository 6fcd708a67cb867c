import { describe, expect, it } from 'vitest';
import { utcDay, validateIndex } from '../../src/lib/engine/files';

describe('utcDay', () => {
	it.each([
		[Date.UTC(2022, 11, 14, 23, 59), '2022-12-14'],
		[Date.UTC(2022, 11, 15, 0, 0), '2022-12-15']
	])('%d is on %s (UTC)', (ms, day) => {
		expect(utcDay(ms)).toBe(day);
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
