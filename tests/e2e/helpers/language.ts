/**
 * Korean pages render Korean, English pages English: after hydration (so a component that falls back to
 * English on the client is caught too), the document language, the title, the site chrome (navigation, footer)
 * and the interface text (headings, buttons, labels, table headers, captions) are in the page's language. Post
 * texts and other data are not checked: they stay in the language written.
 */
import type { Page } from '@playwright/test';
import { en } from '../../../src/lib/i18n/en';
import type { SitePage } from './site';

export const HANGUL = /[\uac00-\ud7a3]/;

/** English navigation labels, which must never show on a Korean page's chrome. */
const EN_NAV = Object.entries(en)
	.filter(([k]) => k.startsWith('nav.'))
	.map(([, v]) => v);

/** Names and codes written the same way in both languages. */
const SHARED_WORDS = new Set(
	(
		'ArtStation Midjourney Stable Diffusion DALL-E DALL·E Twitter Mastodon Bluesky Reddit Wayback Machine Internet Archive ' +
		'DuckDB DuckDB-WASM WASM SQL CSV Parquet Arrow JSON PNG SVG UTC KST API URL ID IDs AI V4 V5 No to AI Generated Images ' +
		'Kotaku Vice GitHub iframe html'
	).split(' ')
);

/**
 * An interface text that reads as an English phrase: two or more English words that are not shared names.
 * Identifiers and values (post_id, naver_blog, sim_en_01, example.org) are data, not interface text.
 */
export function englishPhrase(text: string): string | null {
	if (HANGUL.test(text)) return null;
	const words = text
		.split(/\s+/)
		.map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
		.filter((w) => /^[A-Za-z][A-Za-z'’-]{2,}$/.test(w) && !SHARED_WORDS.has(w));
	return words.length >= 2 ? text : null;
}

/**
 * An English page's interface text that is mostly Korean. A Korean name inside English text (the outlet
 * 더에이아이 in an event title) is fine.
 */
export function mostlyKorean(text: string): string | null {
	const hangul = text.match(/[\uac00-\ud7a3]/g)?.length ?? 0;
	const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
	return hangul > latin ? text : null;
}

const UI_TEXT = 'h1, h2, h3, h4, button, label, th, caption, summary, legend, figcaption, [role="tab"]';
const CHROME = 'header.site-header, body > div > footer, footer.site-footer';

/** What on the open page is not in its language (empty when all is), and whether it has its site chrome. */
export async function languageProblems(page: Page, p: SitePage): Promise<string[]> {
	const problems: string[] = [];
	const lang = await page.locator('html').getAttribute('lang');
	if (lang !== p.lang) problems.push(`<html lang="${lang}">, expected ${p.lang}`);
	const title = await page.title();
	if (p.lang === 'ko' && !HANGUL.test(title)) problems.push(`title without Korean: ${title}`);

	const chrome = page.locator(CHROME);
	if (!p.embed && !(await chrome.first().isVisible())) problems.push('the page has no visible site chrome');
	const chromeTexts = await chrome.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
	const uiTexts = await page.locator(UI_TEXT).evaluateAll((els) =>
		els
			.filter((e) => !e.closest('[lang]:not(html)') && (e as HTMLElement).offsetParent !== null)
			.map((e) => (e as HTMLElement).innerText.trim())
			.filter(Boolean)
	);
	if (p.lang === 'ko') {
		for (const t of chromeTexts) {
			if (!HANGUL.test(t)) problems.push(`chrome without Korean: ${JSON.stringify(t.slice(0, 80))}`);
			const navTexts = t.split('\n').map((s) => s.trim());
			for (const label of EN_NAV)
				if (navTexts.includes(label)) problems.push(`English nav label "${label}" in the chrome`);
		}
		for (const t of uiTexts) {
			const bad = englishPhrase(t);
			if (bad) problems.push(`English interface text: ${JSON.stringify(bad.slice(0, 100))}`);
		}
	} else {
		for (const t of [...chromeTexts.map((c) => c.replace('한국어', '')), ...uiTexts]) {
			const bad = mostlyKorean(t);
			if (bad)
				problems.push(`Korean interface text on an English page: ${JSON.stringify(bad.slice(0, 100))}`);
		}
	}
	return problems;
}
