import { describe, expect, it } from 'vitest';
import { formatCount, formatMB } from '../../../src/lib/explore/format';

describe('formatCount', () => {
	it.each([
		[0, '0'],
		[999, '999'],
		[1234567, '1,234,567'],
		[-4200, '-4,200'],
		[2.5, '3']
	] as const)('%d → %s', (n, want) => expect(formatCount(n)).toBe(want));
});

describe('formatMB', () => {
	it('shows KB below a megabyte and MB with one decimal above', () => {
		expect(formatMB(512 * 1024)).toBe('512 KB');
		expect(formatMB(34_242_586)).toBe('32.7 MB');
	});
});
