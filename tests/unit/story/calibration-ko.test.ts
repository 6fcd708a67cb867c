/**
 * The Korean calibration notes (src/lib/story/calibration-ko.ts) against the English ones of
 * data/simulator.config.json: one note per parameter, and each keeps what a reader checks a note by (its
 * sources, GAP numbers, figures, names and code identifiers) exactly as the English writes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationParams, reflectsIn } from '$lib/story/calibration';
import { reflectsKo } from '$lib/story/calibration-ko';
import { CONFIDENCE } from '$lib/schema/vocab';

const params = calibrationParams(JSON.parse(readFileSync('data/simulator.config.json', 'utf8')));

/** The keys of the "## Sources" table of data/documented/README.md (ARS, KOT1, 80LV…), and S1/C2. */
const readme = readFileSync('data/documented/README.md', 'utf8');
const SOURCE_KEYS = new Set([
	...[...readme.slice(readme.indexOf('## Sources')).matchAll(/^\| ([A-Z0-9]{2,}) \|/gm)].map((m) => m[1]),
	...CONFIDENCE
]);

/**
 * Uppercase codes that are source keys. Other capitals (AI, UTC, US, API) are ordinary words a translation may
 * render in Korean, so they are left out: comparing them would fail good translations.
 */
const sourceKeys = (s: string) =>
	[...new Set(s.match(/\b[A-Z][A-Z0-9]{1,}\b/g) ?? [])].filter((k) => SOURCE_KEYS.has(k)).sort();
/** "GAP", "GAP 4/9", "GAP 10": the gaps a note points to. */
const gapRefs = (s: string) => [...new Set(s.match(/\bGAP(?: \d+(?:\/\d+)*)?/g) ?? [])].sort();
/** Every number written in digits (2,099; 0.03; the 1 of KOT1). */
const numbers = (s: string) => [...new Set(s.match(/\d+(?:[.,]\d+)*/g) ?? [])];
/** File names, query parameters and column names: trending.json, per_page=100, dup_of, alook.so. */
const identifiers = (s: string) =>
	[...new Set(s.match(/[\w/-]+\.(?:json|csv|md|so)\b|\b\w+=\w+|\b[a-z]+_[a-z_]+\b/g) ?? [])].sort();
/** Names the Korean pages spell in Hangul (ko.ts): the notes spell them the same way. */
const KO_NAMES: Record<string, string> = {
	ArtStation: '아트스테이션',
	Midjourney: '미드저니',
	Mastodon: '마스토돈',
	Reddit: '레딧',
	Naver: '네이버',
	Twitter: '트위터',
	Wayback: '웨이백',
	Kotaku: '코타쿠',
	ThisIsGame: '디스이즈게임',
	Artnet: '아트넷',
	PetaPixel: '페타픽셀',
	Epic: '에픽게임즈'
};
/** People's names and the protest's own words, kept in English inside the Korean text. */
const VERBATIM = [
	'Vosoughi',
	'Goel',
	'Dan Eder',
	'Logan Preshaw',
	'NoAI',
	'더에이아이',
	"'NO TO AI GENERATED IMAGES'",
	"'No AI Art'",
	"'Round two, you're not listening'",
	"'signal boost'"
];

describe('the Korean calibration notes', () => {
	it('read the source keys from the README (so the key comparison below is not empty)', () => {
		expect(SOURCE_KEYS).toContain('ARS');
		expect(SOURCE_KEYS).toContain('80LV');
		expect(SOURCE_KEYS.size).toBeGreaterThan(15);
	});

	it('cover every parameter of data/simulator.config.json, in its order, with no stale path', () => {
		const paths = params.map((p) => p.path);
		expect(paths).toHaveLength(143);
		const missing = paths.filter((p) => !(p in reflectsKo));
		const stale = Object.keys(reflectsKo).filter((p) => !paths.includes(p));
		expect({ missing, stale }).toEqual({ missing: [], stale: [] });
		expect(Object.keys(reflectsKo)).toEqual(paths);
	});

	/** Every note, English and Korean side by side; each check below lists the notes that fail it. */
	const pairs = params.map((p) => ({ path: p.path, en: p.reflects, ko: reflectsKo[p.path] ?? '' }));
	const failing = (ok: (en: string, ko: string) => boolean) => pairs.filter(({ en, ko }) => !ok(en, ko));
	const sameList = (a: string[], b: string[]) => a.join('|') === b.join('|');

	it.each([
		['are written in Korean', (_en: string, ko: string) => /[\uac00-\ud7a3]/.test(ko)],
		[
			'cite exactly the source keys of the English',
			(en: string, ko: string) => sameList(sourceKeys(en), sourceKeys(ko))
		],
		[
			'point to exactly the GAPs of the English',
			(en: string, ko: string) => sameList(gapRefs(en), gapRefs(ko))
		],
		[
			'start with GAP exactly when the English does',
			(en: string, ko: string) => en.startsWith('GAP') === ko.startsWith('GAP')
		],
		[
			'keep every number of the English',
			(en: string, ko: string) => numbers(en).every((n) => numbers(ko).includes(n))
		],
		[
			'keep code identifiers as written',
			(en: string, ko: string) => sameList(identifiers(en), identifiers(ko))
		],
		[
			'spell names as the Korean pages do',
			(en: string, ko: string) =>
				Object.entries(KO_NAMES).every(
					([name, hangul]) => !en.includes(name) || (ko.includes(hangul) && !ko.includes(name))
				)
		],
		[
			'keep people’s names and the protest’s quoted words in English',
			(en: string, ko: string) => VERBATIM.every((w) => !en.includes(w) || ko.includes(w))
		]
	])('%s', (_name, ok) => {
		expect(failing(ok)).toEqual([]);
	});
});

describe('reflectsIn', () => {
	const known = params[0];
	it.each([
		['Korean for a translated path', 'ko', known, { text: reflectsKo[known.path], lang: 'ko' }],
		['English on the English page', 'en', known, { text: known.reflects, lang: 'en' }],
		[
			'English, flagged, for a path with no translation',
			'ko',
			{ path: 'posts.streams[my-own].share', reflects: 'GAP: my guess.' },
			{ text: 'GAP: my guess.', lang: 'en' }
		],
		[
			'English for a path named like an object member',
			'ko',
			{ path: 'constructor', reflects: 'A reader’s note.' },
			{ text: 'A reader’s note.', lang: 'en' }
		]
	] as const)('gives %s', (_name, lang, param, expected) => {
		expect(reflectsIn(lang, param)).toEqual(expected);
	});
});
