import { en, type StringKey } from './en';
import { ko } from './ko';
import { PROVENANCE, STANCES } from '../schema/vocab';
import type { Lang } from './lang';

export * from './lang';
export * from './formatDate';
export type { StringKey };

export const STRINGS: Record<Lang, Record<StringKey, string>> = { en, ko };

/** Looks up a UI string and fills `{name}` placeholders. */
export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
	return STRINGS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
		name in vars ? String(vars[name]) : m
	);
}

/** A translator bound to one language, for components: `const t = translator(lang)`. */
export const translator =
	(lang: Lang) =>
	(key: StringKey, vars?: Record<string, string | number>): string =>
		translate(lang, key, vars);

/** Codes that have a reader-facing name, by kind: each one has a `kind.code` string in both languages. */
export const NAMED_VALUES = {
	lang: ['en', 'ko'],
	platform: ['twitter', 'mastodon', 'reddit', 'naver_blog'],
	provenance: PROVENANCE,
	stance: STANCES,
	// The documented claims (data/documented/claims.csv; a unit test keeps the two in step).
	claim: ['mj-poisoned', 'protest-poisoning-intent']
} as const satisfies Record<string, readonly string[]>;
export type ValueKind = keyof typeof NAMED_VALUES;

/**
 * The reader-facing name of a coded value ('naver_blog' → 'Naver Blog'). A code with no name (a platform, language
 * or claim from a reader's own archive) is shown as it is: an unnamed value must stay visible, never disappear.
 */
export function valueName(lang: Lang, kind: ValueKind, code: string): string {
	const named: readonly string[] = NAMED_VALUES[kind];
	return named.includes(code) ? translate(lang, `${kind}.${code}` as StringKey) : code;
}

/** Where a post was made, for readers: 'Naver Blog · Korean'. */
export const whereName = (lang: Lang, platform: string, postLang: string): string =>
	`${valueName(lang, 'platform', platform)} · ${valueName(lang, 'lang', postLang)}`;
