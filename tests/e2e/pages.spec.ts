/**
 * Every built page and embed, English and Korean, visited once for all the gates that read a page as it
 * stands (a visit costs seconds, and these gates used to make one each):
 *   - it is in its own language (helpers/language.ts), and a page's language switch leads to the same page in
 *     the other language;
 *   - a story page shows its heading and its charts;
 *   - axe-core finds no violation of any impact: every rule it runs by default in the light theme (on every
 *     page, and on English embeds: a Korean embed differs from its twin only in strings), then the rules whose
 *     outcome depends on colours in the dark theme (the markup is the same in both, and so are the colours in
 *     both languages: the dark run is on English pages and embeds);
 *   - at a small phone's width (an embed: a narrow article column's), nothing reaches past the screen's edges
 *     outside a box that scrolls sideways (helpers/narrow.ts);
 *   - under the guard: no CSP violation, console error, uncaught exception or off-origin request.
 * Each gate is a step with soft expectations, so one failing gate still lets the others report.
 */
import { axeViolations, axeViolationsAgain, COLOUR_RULES } from './helpers/axe';
import { expect, test } from './helpers/guard';
import { HANGUL, languageProblems } from './helpers/language';
import { beyondTheEdges, NARROW_EMBED_PX, NARROW_PAGE_PX } from './helpers/narrow';
import { settle } from './helpers/settle';
import { otherLanguagePath, representativePages, STORY_CHARTS } from './helpers/site';

test.describe.configure({ mode: 'parallel' });

for (const p of representativePages().filter((p) => !p.dev)) {
	test(`${p.path} (${p.lang})`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
		await page.goto(p.path);
		await settle(page);

		await test.step('in its own language', async () => {
			expect.soft((await languageProblems(page, p)).join('\n')).toBe('');
		});

		if (!p.embed)
			await test.step('the language switch leads to the same page in the other language', async () => {
				const hrefs = await page
					.locator('header.site-header a[hreflang]')
					.evaluateAll((links) => links.map((a) => a.getAttribute('href')?.split('?')[0]));
				expect.soft(hrefs).toEqual([otherLanguagePath(p.path)]);
			});

		const charts = p.embed ? undefined : STORY_CHARTS[p.lang === 'ko' ? otherLanguagePath(p.path) : p.path];
		if (charts)
			await test.step('a story page shows its heading and its charts', async () => {
				const h1 = page.locator('h1');
				await expect.soft(h1).toBeVisible();
				if (p.lang === 'ko') await expect.soft(h1).toHaveText(HANGUL);
				for (const id of charts) {
					const fig = page.locator(`figure[data-chart="${id}"]`);
					await expect.soft(fig.locator('svg[viewBox]').first(), id).toBeVisible();
					if (p.lang === 'ko') await expect.soft(fig.locator('header .title'), id).toHaveText(HANGUL);
				}
			});

		// A Korean embed is its English twin's components with the Korean strings, which tests/unit/i18n checks
		// are all there (none empty, same placeholders): the language step above covers what differs.
		if (!(p.embed && p.lang === 'ko'))
			await test.step('axe, light theme', async () => {
				expect.soft(await axeViolations(page), `axe on ${p.path} (light)`).toBe('');
			});
		// Colours do not depend on the language: the English twin's dark run covers a Korean page.
		if (p.lang === 'en')
			await test.step('axe, dark theme: the colour rules', async () => {
				await page.emulateMedia({ colorScheme: 'dark' });
				expect.soft(await axeViolationsAgain(page, COLOUR_RULES), `axe on ${p.path} (dark)`).toBe('');
			});
		// Last: it resizes the page.
		await test.step('on a narrow screen nothing reaches past its edges', async () => {
			const width = p.embed ? NARROW_EMBED_PX : NARROW_PAGE_PX;
			expect.soft(await beyondTheEdges(page, width), `${p.path} at ${width} px`).toEqual([]);
		});
	});
}
