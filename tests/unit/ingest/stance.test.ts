import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	classifyStance,
	loadStanceLabels,
	loadStanceRules,
	normalizeText,
	StanceClassifier,
	upperCaseLiterals
} from '../../../scripts/ingest/stance';
import { normalizeTitle } from '../../../src/lib/classify/protestRules';
import { tmp } from './helpers';

const rules = loadStanceRules('data/rules/stance-rules.csv');
const classifier = new StanceClassifier(rules);

describe('stance rules from data/rules/stance-rules.csv', () => {
	it.each([
		['The protest images are already inside Midjourney 😱', 'claim', 'claim-in-training'],
		["The attack already reached Midjourney's training stage", 'claim', 'claim-in-training'],
		['lol the No-AI protest poisoned Midjourney', 'claim', 'claim-poisoned'],
		['Midjourney got contaminated by the protest images', 'claim', 'claim-poisoned-passive'],
		['protest logos are showing up in Midjourney outputs now', 'claim', 'claim-logo-in-outputs'],
		['that Midjourney poisoning story is fake', 'debunk', 'debunk-fake'],
		['it was a troll, Midjourney is fine', 'debunk', 'debunk-fake'],
		["Midjourney isn't retrained in real time", 'debunk', 'debunk-not-realtime'],
		['models are not trained in real-time', 'debunk', 'debunk-not-realtime'],
		["That's not how AI works", 'debunk', 'debunk-not-how'],
		["this isn't how training works", 'debunk', 'debunk-not-how'],
		['No to AI generated images #NoAIArt', 'protest', 'protest-tag'],
		['AI art is theft', 'protest', 'protest-slogan'],
		['#SupportHumanArtists', 'protest', 'protest-tag'],
		['AI is just a tool, adapt or die', 'pro_ai', 'pro-ai-tool'],
		['stop being luddites', 'pro_ai', 'pro-ai-tool'],
		['제2의 러다이트 운동이라니', 'claim', 'ko-claim-luddite'],
		['미드저니가 오염됐다', 'claim', 'ko-claim-mj-polluted'],
		['공격이 벌써 미드저니 학습 단계에까지 도달했네', 'claim', 'ko-claim-learned'],
		['오염된 데이터를 학습한 결과', 'claim', 'ko-claim-learned'],
		['AI 반대 로고가 뒤섞인 그림이 나온다', 'claim', 'ko-claim-learned'],
		['미드저니는 실시간으로 학습하지 않습니다', 'debunk', 'ko-debunk-realtime'],
		['거대 생성모델은 실시간으로 신규 데이터를 반영하지 않습니다', 'debunk', 'ko-debunk-realtime'],
		['그런 일이 실제로 일어난 적 없다', 'debunk', 'ko-debunk-never'],
		['미드저니 오염 얘기는 가짜 뉴스', 'debunk', 'ko-debunk-fake'],
		['AI 생성 이미지 반대', 'protest', 'ko-protest'],
		['AI는 도구일 뿐', 'pro_ai', 'ko-pro-ai'],
		['Ｍｉｄｊｏｕｒｎｅｙ is already contaminated', 'claim', 'claim-poisoned-passive']
	])('tags %j as %s by %s', (text, stance, rule) => {
		expect(classifier.classify(text)).toEqual({
			stance,
			claimId: stance === 'claim' || stance === 'debunk' ? 'mj-poisoned' : null,
			ruleId: rule
		});
	});

	it.each([
		'Beautiful environment study',
		'오늘 트렌딩 탭 분위기 대단하다',
		'no ai used in this painting',
		'I poisoned my coffee with too much sugar',
		''
	])('leaves %j as other', (text) => {
		expect(classifier.classify(text)).toEqual({ stance: 'other', claimId: null, ruleId: null });
	});

	it('lets a debunk that quotes the claim win over the claim (debunk rules come first)', () => {
		const text = '“제2의 러다이트”라는 보도와 달리 미드저니는 실시간으로 학습하지 않습니다';
		expect(classifier.classify(text).stance).toBe('debunk');
		expect(classifyStance('제2의 러다이트', rules).stance).toBe('claim');
	});

	it('gives the same verdict with the combined pre-filter, the cache and a plain rule-by-rule loop', () => {
		const texts = [
			'The protest images are already inside Midjourney',
			'nothing to see',
			'미드저니가 오염됐다',
			'Midjourney\u200b got poisoned',
			'stop being luddites'
		];
		const plain = (t: string) => {
			const n = normalizeTitle(t);
			const r = rules.find((rule) => rule.pattern.test(n));
			return r ? r.ruleId : null;
		};
		for (const t of [...texts, ...texts]) expect(classifier.classify(t).ruleId).toBe(plain(t));
	});

	it('normalizes like the protest rules do, with an ASCII fast path', () => {
		for (const t of ['  Hello   World ', 'ＮＯ\u200B   ai', 'Tab\there', 'Äpfel  und  Birnen'])
			expect(normalizeText(t)).toBe(normalizeTitle(t));
	});
});

describe('loading stance rules and labels', () => {
	const dir = tmp();
	const write = (name: string, body: string) => {
		const p = join(dir, name);
		writeFileSync(p, body);
		return p;
	};

	it('refuses upper-case letters in a pattern, since text is lower-cased before matching', () => {
		expect(upperCaseLiterals('\\bMidjourney\\S+\\p{Lu}\\u00C9')).toEqual(['M']);
		expect(upperCaseLiterals('\\bmidjourney\\S+\\p{Lu}\\u00C9\\x4F')).toEqual([]);
		const p = write('upper.csv', 'rule_id,stance,claim_id,lang,pattern,note\nx,claim,,en,Midjourney,\n');
		expect(() => loadStanceRules(p)).toThrow(/upper.csv:2: write the pattern in lower case.*M/);
	});

	it('refuses an unknown stance and an invalid pattern, naming the line', () => {
		expect(() =>
			loadStanceRules(write('s.csv', 'rule_id,stance,claim_id,lang,pattern,note\nx,maybe,,en,a,\n'))
		).toThrow(/s.csv:2: stance must be one of/);
		expect(() =>
			loadStanceRules(write('p.csv', 'rule_id,stance,claim_id,lang,pattern,note\nx,claim,,en,(a,\n'))
		).toThrow(/p.csv:2: invalid pattern/);
	});

	it('reads labels and refuses a post labelled twice', () => {
		const ok = write(
			'l.csv',
			'\uFEFFpost_id,stance,claim_id,note\ntwitter:1,debunk,mj-poisoned,checked by hand\n'
		);
		expect(loadStanceLabels(ok)).toEqual([
			{ postId: 'twitter:1', stance: 'debunk', claimId: 'mj-poisoned', note: 'checked by hand' }
		]);
		const twice = write('l2.csv', 'post_id,stance,claim_id,note\na,other,,\na,claim,,\n');
		expect(() => loadStanceLabels(twice)).toThrow(/l2.csv:3: post_id "a" is labelled twice/);
	});

	it('ships an empty labels file with the expected header', () => {
		expect(loadStanceLabels('data/rules/stance-labels.csv')).toEqual([]);
	});
});
