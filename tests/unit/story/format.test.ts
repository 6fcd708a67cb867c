import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatShare } from '$lib/story/format';

describe('formatCount', () => {
	it.each([
		[0, '0'],
		[999, '999'],
		[1000, '1,000'],
		[1234567, '1,234,567'],
		[12.6, '13']
	])('%d → %s', (n, want) => expect(formatCount(n)).toBe(want));
});

describe('formatShare', () => {
	it.each([
		[0, '0%'],
		[0.035, '3.5%'],
		[0.01, '1%'],
		[0.1, '10%'],
		[0.966, '97%']
	])('%d → %s', (v, want) => expect(formatShare(v)).toBe(want));
});

describe('formatDuration', () => {
	it.each([
		{ minutes: 0.5667, en: '34 s', ko: '34초' },
		{ minutes: 45, en: '45 min', ko: '45분' },
		{ minutes: 120, en: '2 h', ko: '2시간' },
		{ minutes: 284, en: '4 h 44 min', ko: '4시간 44분' },
		{ minutes: 47 * 60 + 59, en: '47 h 59 min', ko: '47시간 59분' },
		{ minutes: 48 * 60, en: '2 d', ko: '2일' },
		{ minutes: 4122, en: '2 d 21 h', ko: '2일 21시간' },
		{ minutes: -90, en: '1 h 30 min', ko: '1시간 30분' }
	])('$minutes min', ({ minutes, en, ko }) => {
		expect(formatDuration(minutes, 'en')).toBe(en);
		expect(formatDuration(minutes, 'ko')).toBe(ko);
	});
});
