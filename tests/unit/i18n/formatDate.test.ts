import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatDayTime } from '../../../src/lib/i18n/formatDate';

const AT = Date.UTC(2022, 11, 14, 3, 5);

describe('dates written by hand (the same in Node, which prerenders, and in the browser)', () => {
	it('writes a day for axes in either language', () => {
		expect(formatDay(AT, 'en')).toBe('Dec 14');
		expect(formatDay(AT, 'ko')).toBe('12월 14일');
	});

	it('adds the time, with minutes, for axes that span hours', () => {
		expect(formatDayTime(AT, 'en')).toBe('Dec 14 03:05');
		expect(formatDayTime(AT, 'ko')).toBe('12월 14일 03:05');
		// KST is nine hours ahead: the day turns at 15:00 UTC.
		expect(formatDayTime(Date.UTC(2022, 11, 14, 15), 'en', 'KST')).toBe('Dec 15 00:00');
	});

	it('names the zone when it shows a time', () => {
		expect(formatDate(AT, 'en', 'UTC', true)).toBe('Dec 14, 2022 03:05 UTC');
		expect(formatDate(AT, 'ko', 'KST')).toBe('2022년 12월 14일');
	});
});
