import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvWriter, csvField } from '../../../scripts/simulate/csv';
import {
	authoredText,
	FAMILIES,
	sentenceCase,
	TextFamily,
	textFamily
} from '../../../scripts/simulate/texts';
import { formatIso, parseIsoSeconds } from '../../../scripts/simulate/time';

const normalize = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

describe('CSV fields (RFC 4180)', () => {
	it.each([
		['plain', 'plain'],
		['', ''],
		[null, ''],
		[12, '12'],
		['a,b', '"a,b"'],
		['say "no"', '"say ""no"""'],
		['two\nlines', '"two\nlines"'],
		['cr\r', '"cr\r"'],
		['AI 반대', 'AI 반대']
	])('writes %j as %j', (value, expected) => {
		expect(csvField(value)).toBe(expected);
	});

	it('streams rows that a CSV parser reads back unchanged', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'sim-csv-')), 'x.csv');
		const w = new CsvWriter(path, ['a', 'b']);
		const rows = Array.from({ length: 5000 }, (_, i) => [`r${i}, "q"`, i % 7 ? String(i) : '']);
		for (const r of rows) await w.write(r);
		const bytes = await w.close();
		const text = readFileSync(path, 'utf8');
		expect(bytes).toBe(Buffer.byteLength(text));
		expect(w.rows).toBe(5000);
		const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data).toEqual([['a', 'b'], ...rows]);
	});
});

describe('UTC timestamps', () => {
	it.each([
		['2022-12-14T03:15:00Z', true],
		['2022-12-14T03:15:00', false],
		['2022-12-14 03:15:00Z', false],
		['2022-02-30T00:00:00Z', false],
		['2022-12-14T03:15:00.000Z', false]
	])('parses %j strictly (valid: %s)', (text, valid) => {
		const t = parseIsoSeconds(text);
		expect(t !== null).toBe(valid);
		if (t !== null) expect(formatIso(t)).toBe(text);
	});
});

describe('post text families', () => {
	const keys = Object.keys(FAMILIES) as (keyof typeof FAMILIES)[];

	it('cover every stance × language × role', () => {
		expect(keys).toHaveLength(5 * 2 * 2);
	});

	it.each(keys)('%s has ≥ 1000 texts, all distinct after the dedup normalization', (key) => {
		const family = new TextFamily(key, FAMILIES[key]);
		expect(family.size).toBeGreaterThanOrEqual(1000);
		const seen = new Set<string>();
		for (let i = 0; i < family.size; i++) seen.add(normalize(family.text(i)));
		expect(seen.size).toBe(family.size);
	});

	it.each(keys)('%s renders without leftover slots or doubled spaces', (key) => {
		const family = new TextFamily(key, FAMILIES[key]);
		for (let i = 0; i < family.size; i += 7) {
			const t = family.text(i);
			expect(t).not.toMatch(/[{}]|\s{2}|^\s|\s$/);
		}
	});

	it.each([
		['claim', 'en', /Midjourney/],
		['claim', 'ko', /미드저니|러다이트/],
		['debunk', 'en', /retrain|trained|model|prompt|joke|satire/i],
		['debunk', 'ko', /학습|모델|농담|프롬프트/]
	] as const)('every %s/%s root text says what the stance is about', (stance, lang, pattern) => {
		const family = textFamily(stance, lang, 'root');
		for (let i = 0; i < family.size; i += 3) expect(family.text(i)).toMatch(pattern);
	});

	it('the Korean claim family uses the "second Luddite" framing of the Korean report', () => {
		const family = textFamily('claim', 'ko', 'root');
		const all = Array.from({ length: family.size }, (_, i) => family.text(i));
		expect(all.some((t) => t.includes('제2의 러다이트'))).toBe(true);
	});

	it('never lets one author repeat a text: k-th texts differ for k < family size', () => {
		const family = textFamily('pro_ai', 'ko', 'response');
		const texts = new Set<string>();
		for (let k = 0; k < family.size; k++) texts.add(authoredText(family, 123456789, k));
		expect(texts.size).toBe(family.size);
	});

	it.each([
		['wait. the protest', 'Wait. The protest'],
		['okay, so the model', 'Okay, so the model'],
		['헐 미드저니', '헐 미드저니']
	])('sentence-cases %j as %j', (input, output) => {
		expect(sentenceCase(input)).toBe(output);
	});
});
