import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claims as claimsTable, columnNames, events as eventsTable } from '../../src/lib/schema';
import { loadDocumented, type EventRow } from '../../scripts/lib/documented';
import { CsvValidationError } from '../../scripts/lib/validate-csv';

const DIR = 'data/documented';
const { events, claims } = loadDocumented(DIR);
const event = (id: string): EventRow => {
	const found = events.find((e) => e.event_id === id);
	if (!found) throw new Error(`no event ${id}`);
	return found;
};
const allRows = [...events, ...claims];
const urlsOf = (row: { source_urls: string }) => row.source_urls.split(' ');

describe('the documented files', () => {
	it.each([
		['events', eventsTable],
		['claims', claimsTable]
	])('%s.csv has exactly the contract columns, in contract order', (name, table) => {
		const header = readFileSync(`${DIR}/${name}.csv`, 'utf8').split('\n')[0];
		expect(header).toBe(columnNames(table).join(','));
	});

	it('are sorted by day, then id, as the contract sorts events', () => {
		const keys = events.map((e) => `${e.occurred_on} ${e.event_id}`);
		expect(keys).toEqual([...keys].sort());
	});

	it.each([
		['midjourney-v4-alpha', '2022-11-05', 'context', 'S1'],
		['nanitchkov-logo', '2022-12-05', 'protest', 'S1'],
		['eder-tweet', '2022-12-09', 'protest', 'C2'],
		['chayes-post', '2022-12-12', 'protest', 'S1'],
		['kole-solidarity-post', '2022-12-13', 'protest', 'C2'],
		['zakuga-thread', '2022-12-13', 'protest', 'C2'],
		['preshaw-trending-screenshot', '2022-12-13', 'protest', 'S1'],
		['kotaku-first-report', '2022-12-13', 'press', 'C2'],
		['trending-dominated', '2022-12-14', 'protest', 'C2'],
		['artstation-faq', '2022-12-14', 'platform', 'C2'],
		['ars-technica-report', '2022-12-14', 'press', 'U'],
		['poisoning-aspiration', '2022-12-14', 'context', 'C2'],
		['moderators-remove-images', '2022-12-14', 'platform', 'S1'],
		['mj-poison-joke-post', '2022-12-15', 'claim', 'U'],
		['korean-report-mj-poisoned', '2022-12-16', 'claim', 'S1'],
		['noai-tag-tos', '2022-12-16', 'platform', 'C2'],
		['artnet-report', '2022-12-16', 'press', 'S1'],
		['petapixel-report', '2022-12-19', 'press', 'S1'],
		['kotaku-follow-up', '2022-12-20', 'press', 'U'],
		['midjourney-training-admission', '2022-12-21', 'context', 'S1'],
		['artstation-hides-protest-posts', '2022-12-23', 'platform', 'S1'],
		['sweeney-tweet', '2022-12-25', 'platform', 'S1'],
		['thisisgame-recap', '2022-12-27', 'press', 'S1'],
		['alook-debunk', '2022-12-31', 'debunk', 'U'],
		['artstation-ai-filters', '2023-01-01', 'platform', 'S1'],
		['midjourney-v5-alpha', '2023-03-15', 'context', 'S1']
	])('include %s on %s as a %s event labelled %s', (id, day, kind, confidence) => {
		expect(event(id)).toMatchObject({ occurred_on: day, kind, confidence, provenance: 'documented' });
	});

	it('give an exact time only where a source gives one', () => {
		const timed = Object.fromEntries(
			events.filter((e) => e.occurred_at).map((e) => [e.event_id, e.occurred_at])
		);
		expect(timed).toEqual({
			'artstation-faq': '2022-12-15T02:00:00Z',
			'kym-entry': '2022-12-16T20:21:00Z',
			'thisisgame-recap': '2022-12-27T03:06:00Z'
		});
	});

	it.each([
		['eder-tweet', ['1,800', '14,600', 'Dec 16', 'S1']],
		['chayes-post', ['200 likes', 'Dec 16', 'Imogene']],
		['kole-solidarity-post', ['4,200', 'Dec 16']],
		['preshaw-trending-screenshot', ['9,700', '99,500', 'Dec 16']],
		['trending-dominated', ['2,099']],
		['artnet-report', ['43,000']],
		['midjourney-training-admission', ['hundred million']]
	])('give the documented numbers in the summary of %s', (id, needles) => {
		for (const needle of needles) expect(event(id).summary_en).toContain(needle);
	});

	it.each([
		['ars-technica-report', 'Dec 15'],
		['zakuga-thread', 'Zekuga'],
		['artstation-faq', '9:00 pm ET'],
		['thisisgame-recap', 'assume'],
		['mj-poison-joke-post', 'date is not documented'],
		['mj-poison-joke-post', 'author is not confirmed'],
		['korean-report-mj-poisoned', 'was not found'],
		['korean-report-mj-poisoned', 'placeholder'],
		['alook-debunk', 'placeholder'],
		['kotaku-follow-up', 'date was not found'],
		['artstation-ai-filters', 'no primary ArtStation page']
	])('say in the summary of %s where the sources conflict or fall short (%s)', (id, needle) => {
		expect(event(id).summary_en).toContain(needle);
	});

	it.each([
		['mj-poison-joke-post', '확인되지 않'],
		['korean-report-mj-poisoned', '찾지 못했'],
		['ars-technica-report', '엇갈린다']
	])('carry the same caveat in Korean for %s', (id, needle) => {
		expect(event(id).summary_ko).toContain(needle);
	});

	it('name the reported author of the joke post only as "reportedly", with confidence U', () => {
		const naming = events.filter((e) => /Rainisto/.test(Object.values(e).join(' ')));
		expect(naming.map((e) => e.event_id)).toEqual(['mj-poison-joke-post']);
		for (const e of naming) {
			expect(e.confidence).toBe('U');
			expect(e.actors).toContain('reportedly');
			expect(e.summary_en).toMatch(/reportedly[^.]*Roope Rainisto/);
		}
		expect(claims.some((c) => /Rainisto/.test(Object.values(c).join(' ')))).toBe(false);
	});

	it('use none of the sources the research notes flag as unreliable', () => {
		const text = allRows.map((r) => Object.values(r).join(' ')).join('\n');
		for (const bad of ['nuketree', 'mpost.io', 'snakeappletree', 'Shahan Panth'])
			expect(text).not.toContain(bad);
	});

	it('place no Midjourney release between V4 and V5, with the protest in between', () => {
		const releases = events.filter((e) => e.event_id.startsWith('midjourney-v'));
		expect(releases.map((e) => e.occurred_on)).toEqual(['2022-11-05', '2023-03-15']);
		for (const id of ['trending-dominated', 'mj-poison-joke-post', 'korean-report-mj-poisoned']) {
			expect(event(id).occurred_on > '2022-11-05' && event(id).occurred_on < '2023-03-15').toBe(true);
		}
	});

	it('cite only sources listed in the README source table', () => {
		const readme = readFileSync(`${DIR}/README.md`, 'utf8');
		const missing = [...new Set(allRows.flatMap(urlsOf))].filter((url) => !readme.includes(url));
		expect(missing).toEqual([]);
	});

	it('split actors on "; " without empty names', () => {
		for (const e of events) {
			expect(
				e.actors.split('; ').every((a) => a.trim() === a && a !== ''),
				e.event_id
			).toBe(true);
		}
	});
});

describe('the documented claims', () => {
	it.each([
		[
			'mj-poisoned',
			'false',
			null,
			[
				'https://alook.so/posts/6Mter6D',
				'https://wikiblah.com/wiki/midjourney',
				'https://stealthoptional.com/'
			]
		],
		['protest-poisoning-intent', 'unproven', '2022-12-14', ['https://stealthoptional.com/']]
	])('rate %s as %s, first seen %s, citing the key sources', (id, verdict, firstSeen, urls) => {
		const claim = claims.find((c) => c.claim_id === id);
		expect(claim).toMatchObject({ verdict, first_seen_at: firstSeen, provenance: 'documented' });
		for (const url of urls) expect(claim?.source_urls).toContain(url);
	});

	it.each([
		['real time', 'no live retraining'],
		['Nov 5, 2022', 'the V4 date'],
		['Mar 15, 2023', 'the V5 date'],
		['joke post', 'the joke'],
		['first_seen_at is empty', 'why no date']
	])('explain mj-poisoned with "%s" (%s)', (needle) => {
		expect(claims.find((c) => c.claim_id === 'mj-poisoned')?.explanation_en).toContain(needle);
	});
});

describe('loadDocumented on fixtures', () => {
	it('reads a valid pair, normalizing the offset time to UTC and keeping a quoted newline', () => {
		const data = loadDocumented('tests/fixtures/documented/valid');
		expect(data.events.map((e) => [e.event_id, e.occurred_at])).toEqual([
			['fixture-logo', null],
			['fixture-recap', '2022-12-27T03:06:00Z']
		]);
		expect(data.events[1].summary_en).toBe('Line one.\nLine two, after a quoted newline.');
		expect(data.claims).toEqual([
			{
				claim_id: 'fixture-claim',
				summary_en: 'A fixture claim.',
				summary_ko: '예시 주장.',
				verdict: 'false',
				first_seen_at: null,
				explanation_en: 'No source dates it.',
				explanation_ko: '날짜를 밝힌 출처가 없다.',
				source_urls: 'https://example.org/claim',
				provenance: 'documented'
			}
		]);
	});

	it('reports every documented-specific problem of both files in one error', () => {
		const dir = 'tests/fixtures/documented/invalid';
		let error: unknown;
		try {
			loadDocumented(dir);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(CsvValidationError);
		expect((error as CsvValidationError).errors).toEqual([
			`${dir}/events.csv:2:provenance: "simulated" must be "documented"`,
			`${dir}/events.csv:3:event_id: "Fixture_Two" is not kebab-case (a-z, 0-9, single hyphens)`,
			`${dir}/events.csv:3:source_urls: URLs must be separated by single spaces, with none before or after`,
			`${dir}/events.csv:4:event_id: duplicate id "fixture-logo" (first on line 2)`,
			`${dir}/events.csv:4:source_urls: "ftp://example.org/c" is not an http(s) URL`,
			`${dir}/events.csv:4:source_urls: "notaurl" is not an http(s) URL`,
			`${dir}/events.csv:4:title_ko: has no Korean (Hangul) text`,
			`${dir}/events.csv:4:summary_ko: text is blank`,
			`${dir}/events.csv:5:occurred_at: is more than a day away from occurred_on 2022-12-07`,
			`${dir}/claims.csv:2:source_urls: "www.example.org/claim" is not an http(s) URL`
		]);
	});
});
