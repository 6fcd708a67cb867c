import { describe, expect, it } from 'vitest';
import { DICTIONARY_KO } from '../../../src/lib/schema/dictionary.ko';
import { TABLES, TABLE_NAMES, columnDescription, tableDescription } from '../../../src/lib/schema';

const HANGUL = /[\uac00-\ud7a3]/;

describe('the Korean data dictionary', () => {
	it('describes every table and every column of the contract, and nothing else', () => {
		expect(Object.keys(DICTIONARY_KO).sort()).toEqual([...TABLE_NAMES].sort());
		for (const name of TABLE_NAMES)
			expect(Object.keys(DICTIONARY_KO[name].columns).sort(), name).toEqual(
				TABLES[name].columns.map((c) => c.name).sort()
			);
	});

	it('is written in Korean, and names the same codes and tables as the English text', () => {
		for (const name of TABLE_NAMES) {
			expect(HANGUL.test(DICTIONARY_KO[name].table), name).toBe(true);
			for (const c of TABLES[name].columns) {
				const ko = DICTIONARY_KO[name].columns[c.name];
				expect(HANGUL.test(ko), `${name}.${c.name}`).toBe(true);
				// A reference to another column (claims.claim_id, post_id…) or a formula survives translation.
				for (const ref of c.description.match(/\b[a-z]{2,}(?:[._][a-z]{2,})+\b/g) ?? [])
					expect(ko, `${name}.${c.name} keeps ${ref}`).toContain(ref);
			}
		}
	});

	it('gives the page the description in the reader language', () => {
		const stance = TABLES.posts.columns.find((c) => c.name === 'stance')!;
		expect(columnDescription('posts', stance, 'en')).toBe(stance.description);
		expect(columnDescription('posts', stance, 'ko')).toBe(DICTIONARY_KO.posts.columns.stance);
		expect(tableDescription('claims', 'en')).toBe(TABLES.claims.description);
		expect(tableDescription('claims', 'ko')).toMatch(HANGUL);
	});
});
