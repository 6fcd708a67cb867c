import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { NAMED_VALUES, STRINGS, valueName } from '../../../src/lib/i18n';

describe('valueName', () => {
	it('names the codes the data uses, in both languages', () => {
		expect(valueName('en', 'platform', 'naver_blog')).toBe('Naver Blog');
		expect(valueName('ko', 'platform', 'naver_blog')).toBe('네이버 블로그');
		expect(valueName('en', 'lang', 'ko')).toBe('Korean');
		expect(valueName('ko', 'lang', 'en')).toBe('영어');
		expect(valueName('en', 'provenance', 'simulated')).toBe('Simulated');
		expect(valueName('ko', 'stance', 'debunk')).toBe('반박');
		expect(valueName('en', 'claim', 'mj-poisoned')).toBe('Poisoned-Midjourney rumour');
		expect(valueName('ko', 'claim', 'mj-poisoned')).toBe('미드저니 오염설');
	});

	it('names every documented claim, and no claim that is not documented', () => {
		const csv = readFileSync('data/documented/claims.csv', 'utf8');
		const rows = Papa.parse<{ claim_id: string }>(csv, { header: true, skipEmptyLines: true }).data;
		expect(rows.length).toBeGreaterThan(0);
		expect([...NAMED_VALUES.claim].sort()).toEqual(rows.map((r) => r.claim_id).sort());
	});

	it("shows a code it has no name for as it is (a platform from a reader's own archive)", () => {
		expect(valueName('en', 'platform', 'bluesky')).toBe('bluesky');
		expect(valueName('ko', 'lang', 'ja')).toBe('ja');
		expect(valueName('ko', 'claim', 'ai-steals-styles')).toBe('ai-steals-styles');
	});

	it('never takes a UI string or a prototype member for a name', () => {
		// 'lang.switch' and 'lang.all' are interface strings, not names of language codes.
		expect(valueName('en', 'lang', 'switch')).toBe('switch');
		expect(valueName('en', 'lang', 'all')).toBe('all');
		expect(valueName('en', 'platform', 'constructor')).toBe('constructor');
		expect(valueName('en', 'platform', '__proto__')).toBe('__proto__');
	});

	it('has a name in both languages for every code it lists', () => {
		for (const [kind, codes] of Object.entries(NAMED_VALUES))
			for (const code of codes)
				for (const lang of ['en', 'ko'] as const) {
					const key = `${kind}.${code}`;
					expect(Object.hasOwn(STRINGS[lang], key), `${lang} ${key}`).toBe(true);
				}
	});
});
