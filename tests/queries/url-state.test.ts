import { describe, expect, it } from 'vitest';
import {
	DEFAULT_STATE,
	filtersKey,
	parseState,
	parseUtc,
	serializeState,
	stateQuery,
	toggleFacet,
	type Known
} from '../../src/lib/explore/state';

const known: Known = {
	platform: ['mastodon', 'twitter'],
	lang: ['en', 'ko'],
	claim: ['mj-poisoned'],
	extent: { lo: Date.UTC(2022, 11, 10), hi: Date.UTC(2022, 11, 31, 23) }
};
const parse = (qs: string, k: Known = known) => parseState(new URLSearchParams(qs), k);

describe('parseState reads a good link exactly', () => {
	it('reads every parameter', () => {
		const { state, notices } = parse(
			'from=2022-12-14T03:00Z&to=2022-12-15T00:00Z&platform=twitter,mastodon&lang=ko&stance=claim&claim=none,mj-poisoned&prov=simulated&q=no%20to%20ai&sort=likes&page=3&bin=hour&tab=sql&sql=SELECT%201'
		);
		expect(notices).toEqual([]);
		expect(state).toEqual({
			filters: {
				from: Date.UTC(2022, 11, 14, 3),
				to: Date.UTC(2022, 11, 15),
				platform: ['mastodon', 'twitter'],
				lang: ['ko'],
				stance: ['claim'],
				claim: ['mj-poisoned', 'none'],
				provenance: ['simulated'],
				q: 'no to ai'
			},
			sort: 'likes',
			page: 3,
			bin: 'hour',
			tab: 'sql',
			sql: 'SELECT 1'
		});
	});

	it('gives the defaults for an empty link', () => {
		expect(parse('')).toEqual({ state: DEFAULT_STATE, notices: [] });
	});

	it('round-trips through serializeState', () => {
		const qs =
			'from=2022-12-14T03:00Z&to=2022-12-15T00:00Z&lang=en,ko&q=%EB%AF%B8%EB%93%9C%EC%A0%80%EB%8B%88&sort=oldest&page=2';
		const { state } = parse(qs);
		expect(parse(serializeState(state).toString()).state).toEqual(state);
		expect(stateQuery(state)).toBe(`?${qs}`);
	});

	it('writes nothing for the defaults', () => {
		expect(stateQuery(DEFAULT_STATE)).toBe('');
	});

	it('encodes what must be encoded', () => {
		const { state } = parse('q=a%26b%3Dc%23d%20e');
		expect(stateQuery(state)).toBe('?q=a%26b%3Dc%23d%20e');
	});

	it('snaps a time range outward to whole hours', () => {
		const { state } = parse('from=2022-12-14T03:25Z&to=2022-12-14T05:10Z');
		expect([state.filters.from, state.filters.to]).toEqual([
			Date.UTC(2022, 11, 14, 3),
			Date.UTC(2022, 11, 14, 6)
		]);
	});
});

describe('parseState falls back with a notice', () => {
	it.each([
		['an unreadable date', 'from=yesterday', 'bad-time', 'from'],
		['a rolled-over date', 'to=2022-02-31', 'bad-time', 'to'],
		['a reversed range', 'from=2022-12-15&to=2022-12-14', 'time-order', 'from'],
		['a range outside the data', 'from=2030-01-01', 'time-outside', 'from'],
		['an unknown platform', 'platform=myspace', 'unknown-value', 'platform'],
		['an unknown stance', 'stance=angry', 'unknown-value', 'stance'],
		['a value with markup', 'lang=%3Cscript%3E', 'unknown-value', 'lang'],
		['a page that is not a number', 'page=abc', 'bad-page', 'page'],
		['page zero', 'page=0', 'bad-page', 'page'],
		['an unknown sort', 'sort=random', 'bad-choice', 'sort'],
		['an unknown tab', 'tab=admin', 'bad-choice', 'tab'],
		['an unknown parameter', 'utm_source=x', 'unknown-param', 'utm_source']
	])('for %s', (_, qs, kind, param) => {
		const { state, notices } = parse(qs);
		expect(notices).toEqual([expect.objectContaining({ kind, param })]);
		expect(serializeState(state).toString()).toBe('');
	});

	it('keeps the good values next to a bad one', () => {
		const { state, notices } = parse('platform=twitter,myspace&sort=likes');
		expect(state.filters.platform).toEqual(['twitter']);
		expect(state.sort).toBe('likes');
		expect(notices).toHaveLength(1);
	});

	it('accepts any well-formed value while the data is not known yet', () => {
		expect(parse('platform=bluesky', {}).state.filters.platform).toEqual(['bluesky']);
	});

	it('cuts a long search and says so', () => {
		const { state, notices } = parse(`q=${'a'.repeat(500)}`);
		expect(state.filters.q).toHaveLength(200);
		expect(notices[0].kind).toBe('too-long');
		expect(notices[0].value.length).toBeLessThanOrEqual(60);
	});
});

describe('helpers', () => {
	it.each([
		['2022-12-14', Date.UTC(2022, 11, 14)],
		['2022-12-14T03', Date.UTC(2022, 11, 14, 3)],
		['2022-12-14T03:04:05Z', Date.UTC(2022, 11, 14, 3, 4, 5)],
		['2022-12-14 03:04', Date.UTC(2022, 11, 14, 3, 4)],
		['2022-13-01', null],
		['2022-12-14T25:00', null],
		['1670986800000', null]
	])('parseUtc(%j)', (v, expected) => {
		expect(parseUtc(v)).toBe(expected);
	});

	it('toggling a facet adds, removes and resets the page', () => {
		const s = { ...DEFAULT_STATE, page: 4 };
		const on = toggleFacet(s, 'lang', 'ko');
		expect([on.filters.lang, on.page]).toEqual([['ko'], 1]);
		expect(toggleFacet(on, 'lang', 'ko').filters.lang).toEqual([]);
	});

	it('filtersKey ignores the excluded dimension only', () => {
		const a = parse('from=2022-12-14&lang=ko').state.filters;
		const b = parse('from=2022-12-15&lang=ko').state.filters;
		expect(filtersKey(a, 'time')).toBe(filtersKey(b, 'time'));
		expect(filtersKey(a)).not.toBe(filtersKey(b));
		expect(filtersKey(a, 'lang')).not.toBe(filtersKey(b, 'lang'));
	});
});
