import { en, type StringKey } from './en';
import { ko } from './ko';
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
