export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (v: unknown): v is Lang => v === 'en' || v === 'ko';

/** The path of `path` (which starts with /) in the given language: Korean pages live under /ko/. */
export const localePath = (lang: Lang, path: string): string => (lang === 'ko' ? `/ko${path}` : path);

/** Strips a leading /ko so the same page can be linked in the other language. */
export const unlocalizedPath = (pathname: string): string => pathname.replace(/^\/ko(?=\/|$)/, '') || '/';
