import { describe, expect, it } from 'vitest';
import { formatCount, formatMB } from '../../../src/lib/explore/format';

describe('formatCount', () => {
	it.each([
		[0, 'en', '0'],
		[999, 'en', '999'],
		[1234567, 'en', '1,234,567'],
		[1234567, 'ko', '1,234,567'],
		[-4200, 'en', '-4,200']
	] as const)('%d (%s) → %s', (n, lang, want) => expect(formatCount(n, lang)).toBe(want));

	it('keeps each language to its own formatter', () => {
		expect(formatCount(1.5, 'en')).toBe('1.5');
		expect(formatCount(1.5, 'ko')).toBe('1.5');
		expect(formatCount(2000, 'en')).toBe('2,000');
	});
});

describe('formatMB', () => {
	it('shows KB below a megabyte and MB with one decimal above', () => {
		expect(formatMB(512 * 1024)).toBe('512 KB');
		expect(formatMB(34_242_586)).toBe('32.7 MB');
	});
});
