/**
 * Korean pages render Korean, English pages English: on every built page (after hydration, so a component
 * that falls back to English on the client is caught too), the document language, the title, the site
 * chrome (navigation, footer) and the interface text (headings, buttons, labels, table headers, captions)
 * are in the page's language. Post texts and other data are not checked: they stay in the language written.
 */
import { en } from '../../src/lib/i18n/en';
import { expect, test } from './helpers/guard';
import { otherLanguagePath, representativePages } from './helpers/site';

test.describe.configure({ mode: 'parallel' });

const HANGUL = /[\uac00-\ud7a3]/;
const pages = representativePages().filter((p) => !p.dev);

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
function englishPhrase(text: string): string | null {
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
function mostlyKorean(text: string): string | null {
	const hangul = text.match(/[\uac00-\ud7a3]/g)?.length ?? 0;
	const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
	return hangul > latin ? text : null;
}

const UI_TEXT = 'h1, h2, h3, h4, button, label, th, caption, summary, legend, figcaption, [role="tab"]';

test.describe('every page is in its own language', () => {
	for (const p of pages) {
		test(`${p.path} (${p.lang})`, async ({ page }) => {
			await page.goto(p.path);
			await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
			await expect(page.locator('html')).toHaveAttribute('lang', p.lang);
			const title = await page.title();
			if (p.lang === 'ko') expect(title, 'title').toMatch(HANGUL);

			const chrome = page.locator('header.site-header, body > div > footer, footer.site-footer');
			if (!p.embed) await expect(chrome.first(), 'the page has site chrome').toBeVisible();
			const chromeTexts = await chrome.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
			const uiTexts = await page.locator(UI_TEXT).evaluateAll((els) =>
				els
					.filter((e) => !e.closest('[lang]:not(html)') && (e as HTMLElement).offsetParent !== null)
					.map((e) => (e as HTMLElement).innerText.trim())
					.filter(Boolean)
			);
			const problems: string[] = [];
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
			expect(problems.join('\n')).toBe('');
		});
	}
});

test('the language switch leads to the same page in the other language', async ({ page }) => {
	for (const p of pages.filter((p) => !p.embed)) {
		await page.goto(p.path);
		const link = page.locator('header.site-header a[hreflang]');
		await expect(link).toHaveCount(1);
		const href = await link.getAttribute('href');
		expect(href?.split('?')[0], p.path).toBe(otherLanguagePath(p.path));
	}
});

test('the skip link and navigation are Korean on /ko/', async ({ page }) => {
	await page.goto('/ko/');
	await page.keyboard.press('Tab');
	const focused = page.locator(':focus');
	await expect(focused).toHaveAttribute('href', '#main');
	await expect(focused).toHaveText(HANGUL);
	await expect(page.getByRole('navigation').first()).toHaveAccessibleName(HANGUL);
});
