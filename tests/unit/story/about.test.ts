import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { ko } from '$lib/i18n/ko';
import { calibrationParams, shortValue } from '$lib/story/calibration';

describe('calibrationParams', () => {
	const config = {
		about: 'not a parameter',
		postsWindow: {
			start: { value: '2022-12-05T00:00:00Z', reflects: 'The logo was tweeted Dec 5 (ARS, S1).' }
		},
		trending: {
			capturesPerDay: {
				value: [
					['2022-12-01T00:00:00Z', 0.6],
					['2022-12-14T00:00:00Z', 10]
				],
				reflects: 'GAP 4/9: capture density is unknown.'
			}
		},
		posts: {
			streams: [{ id: 'claim-en', share: { value: 0.09, reflects: 'GAP: no volume is documented.' } }]
		}
	};
	const params = calibrationParams(config);
	it('finds every { value, reflects } leaf, named by its path (streams by id)', () => {
		expect(params.map((p) => p.path)).toEqual([
			'postsWindow.start',
			'trending.capturesPerDay',
			'posts.streams[claim-en].share'
		]);
	});
	it('flags assumptions: reflects starting with GAP', () => {
		expect(params.map((p) => p.gap)).toEqual([false, true, true]);
	});
	it('summarises curves instead of printing them', () => {
		expect(params[1].value).toBe('curve, 2 points (0.6 → 10)');
		expect(shortValue('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
	});
	it('returns nothing for a build without a simulator config', () => {
		expect(calibrationParams(undefined)).toEqual([]);
	});
});

describe('the gaps on /about/', () => {
	// The numbered list under "## Gaps" in data/documented/README.md is the source of the about page's gaps.
	const readme = readFileSync('data/documented/README.md', 'utf8');
	const section = readme.slice(
		readme.indexOf('## Gaps'),
		readme.indexOf('\n## ', readme.indexOf('## Gaps') + 5)
	);
	const count = section.split('\n').filter((l) => /^\d+\. /.test(l)).length;
	it('match the README in number, in English and Korean', () => {
		expect(count).toBeGreaterThan(0);
		for (let i = 1; i <= count; i++) {
			expect(en, `about.gap.${i}`).toHaveProperty(`about.gap.${i}`);
			expect(ko, `about.gap.${i}`).toHaveProperty(`about.gap.${i}`);
		}
		expect(en).not.toHaveProperty(`about.gap.${count + 1}`);
	});
});
