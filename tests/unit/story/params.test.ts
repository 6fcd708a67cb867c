import { describe, expect, it } from 'vitest';
import { choiceParam, flagParam, idParam, intParam, rejected, withParams } from '$lib/story/params';

const q = (s: string) => new URLSearchParams(s);

describe('choiceParam', () => {
	const cases = [
		{ name: 'absent gives the fallback without a notice', query: '', want: { value: '100', invalid: null } },
		{
			name: 'empty gives the fallback without a notice',
			query: 'top=',
			want: { value: '100', invalid: null }
		},
		{ name: 'an allowed value is taken', query: 'top=20', want: { value: '20', invalid: null } },
		{
			name: 'an unknown value falls back and is reported',
			query: 'top=30',
			want: { value: '100', invalid: '30' }
		},
		{
			name: 'matching is exact (no case folding)',
			query: 'top=Top20',
			want: { value: '100', invalid: 'Top20' }
		}
	];
	it.each(cases)('$name', ({ query, want }) => {
		expect(choiceParam(q(query), 'top', ['20', '50', '100'] as const, '100')).toEqual(want);
	});
});

describe('idParam', () => {
	it.each([
		{
			name: 'a known id is taken from an array',
			ids: ['a', 'b'],
			query: 'c=b',
			want: { value: 'b', invalid: null }
		},
		{
			name: 'a known id is taken from a set',
			ids: new Set(['a', 'b']),
			query: 'c=a',
			want: { value: 'a', invalid: null }
		},
		{
			name: 'an unknown id falls back',
			ids: ['a'],
			query: 'c=../../etc',
			want: { value: 'z', invalid: '../../etc' }
		},
		{ name: 'absent falls back quietly', ids: ['a'], query: '', want: { value: 'z', invalid: null } }
	])('$name', ({ ids, query, want }) => {
		expect(idParam(q(query), 'c', ids, 'z')).toEqual(want);
	});
});

describe('intParam', () => {
	it.each([
		{ name: 'a whole number in range', query: 'at=60', want: { value: 60, invalid: null } },
		{ name: 'the bounds are inclusive', query: 'at=100', want: { value: 100, invalid: null } },
		{ name: 'out of range falls back', query: 'at=101', want: { value: null, invalid: '101' } },
		{ name: 'a fraction is rejected', query: 'at=1.5', want: { value: null, invalid: '1.5' } },
		{ name: 'text is rejected', query: 'at=abc', want: { value: null, invalid: 'abc' } }
	])('$name', ({ query, want }) => {
		expect(intParam(q(query), 'at', 0, 100, null)).toEqual(want);
	});
});

describe('flagParam', () => {
	it.each([
		{ query: 'log=1', want: { value: true, invalid: null } },
		{ query: 'log=true', want: { value: true, invalid: null } },
		{ query: 'log=0', want: { value: false, invalid: null } },
		{ query: 'log=yes', want: { value: false, invalid: 'yes' } }
	])('log $query', ({ query, want }) => {
		expect(flagParam(q(query), 'log', false)).toEqual(want);
	});
});

describe('rejected', () => {
	it('lists only the parameters that fell back, with what was asked for', () => {
		expect(rejected({ top: { value: '100', invalid: '30' }, mode: { value: 'raw', invalid: null } })).toEqual(
			[{ name: 'top', raw: '30' }]
		);
	});
});

describe('withParams', () => {
	it.each<{ name: string; cur: string; up: Record<string, string | null>; want: string }>([
		{ name: 'sets a value', cur: '', up: { top: '20' }, want: '?top=20' },
		{ name: 'drops a value equal to its default', cur: 'top=20', up: { top: '100' }, want: '' },
		{ name: 'null removes a key', cur: 'capture=a&top=20', up: { capture: null }, want: '?top=20' },
		{ name: 'keeps other keys and sorts them', cur: 'z=1&a=2', up: { m: '3' }, want: '?a=2&m=3&z=1' }
	])('$name', ({ cur, up, want }) => {
		expect(withParams(q(cur), up, { top: '100' })).toBe(want);
	});
});
