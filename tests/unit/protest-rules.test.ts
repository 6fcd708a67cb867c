import { describe, expect, it } from 'vitest';
import { classifyProtest, normalizeTitle } from '../../src/lib/classify/protestRules';
import { loadProtestRules } from '../../scripts/lib/protest-rules';

const { rules, overrides } = loadProtestRules();

describe('protest rules from data/rules', () => {
	it.each([
		['No to AI Generated Images', 'title:no-to-ai'],
		['NO TO AI-GENERATED IMAGES (round two)', 'title:no-to-ai'],
		['#NoAIArt', 'title:noaiart-tag'],
		['NoAI', 'title:noai'],
		['no-ai please', 'title:noai'],
		['Say no to AI art', 'title:no-to-ai'],
		['Stop AI art theft', 'title:stop-ai'],
		['Anti-AI piece', 'title:anti-ai'],
		['AI 생성 이미지 반대', 'title:ko-ai-oppose'],
		['노 AI 아트', 'title:ko-no-ai'],
		['ＮＯ ＡＩ', 'title:noai'],
		['N\u200Bo AI', 'title:noai']
	])('flags %j as protest by %s', (title, signal) => {
		expect(classifyProtest(title, 'p1', rules, overrides)).toEqual({ isProtest: true, signal });
	});

	it.each([
		'Forest Spirit',
		'Mech Study 04',
		'No Air Left',
		'Chainmail study',
		'Painted with no AI used',
		'Kaiju'
	])('leaves %j unflagged', (title) => {
		expect(classifyProtest(title, 'p1', rules, overrides)).toEqual({ isProtest: false, signal: null });
	});

	it('lets a manual override beat every rule', () => {
		const manual = new Map([['42', { projectId: '42', isProtest: false, note: 'satire piece' }]]);
		expect(classifyProtest('No to AI', '42', rules, manual)).toEqual({
			isProtest: false,
			signal: 'override:satire piece'
		});
	});

	it('normalizes full-width letters, invisible characters and spacing', () => {
		expect(normalizeTitle('  ＮＯ\u200B   ai ')).toBe('no ai');
	});
});
