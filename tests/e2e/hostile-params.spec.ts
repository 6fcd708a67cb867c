/**
 * Hostile links: every built page and embed opened with a query string of markup, script URLs, SQL, absurd
 * dates and out-of-range values in every parameter the site reads (and some it does not), plus unknown
 * chart names. Nothing may execute (the guard fails on any dialog, CSP violation or console error), nothing
 * may render as markup, and the page must keep its content and its chart and say what it ignored instead
 * of breaking.
 */
import { expect, test } from './helpers/guard';
import { assertInert } from './helpers/inert';
import { pageHtml, representativePages } from './helpers/site';

test.describe.configure({ mode: 'parallel' });

const XSS = '<svg onload=alert(1)>';
const SQL = "' OR 1=1; DROP TABLE posts; --";

/** Every parameter a page or embed understands, each with a hostile value, and a few nobody reads. */
const HOSTILE: Record<string, string> = {
	title: XSS,
	capture: `../../etc/passwd${XSS}`,
	compare: SQL,
	tile: '99999999999999999999999',
	cascade: SQL,
	claim: `<img src=x onerror=alert(1)>`,
	top: '999',
	from: '99999-99-99T99:99:99Z',
	to: '-1',
	zone: 'Mars/Olympus',
	bin: '<script>alert(1)</script>',
	q: SQL,
	platform: "twitter' OR '1'='1",
	lang: 'xx',
	stance: XSS,
	prov: 'javascript:alert(1)',
	page: '-5',
	sort: ';--',
	tab: XSS,
	sql: 'DROP TABLE posts',
	chart: 'no-such-chart',
	kinds: XSS,
	dark: '<script>',
	plain: 'javascript:alert(1)',
	transparent: XSS,
	static: 'maybe',
	n: '1e309',
	day: '2022-02-30'
};
const query = '?' + new URLSearchParams(HOSTILE).toString();

// Korean embeds read their parameters with the same code as English ones; Korean pages are kept (notices).
// `static=maybe` sends a static embed to its live page (embed/child.js), which is tested on its own: one static
// embed covers that redirect, the same code for every chart.
const pages = representativePages()
	.filter((p) => !p.dev && !(p.embed && p.lang === 'ko'))
	.filter((p, i, all) => !p.staticEmbed || p === all.find((q) => q.staticEmbed));

/** How many SVG charts the prerendered page has: a hostile link must not take them away. */
const prerenderedCharts = (path: string) => (pageHtml(path).match(/<svg[^>]*\sviewBox=/g) ?? []).length;

for (const p of pages) {
	test(`${p.path}${query.slice(0, 40)}…`, async ({ page }) => {
		await page.goto(p.path + query);
		await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
		await assertInert(page, p.path);
		const root = page.locator(p.embed ? 'body' : 'main');
		const text = (await root.innerText()).trim();
		expect(text.length, 'the page keeps its content').toBeGreaterThan(p.embed ? 40 : 150);
		if (prerenderedCharts(p.path) > 0) {
			const charts = root.locator('svg[viewBox]');
			await expect(charts.first(), 'the chart is still drawn').toBeVisible();
		}
		// An explicit language parameter never changes a page's language.
		await expect(page.locator('html')).toHaveAttribute('lang', p.lang);
	});
}

test.describe('pages say what they ignored', () => {
	test('the explorer lists the rejected parameters and still shows posts', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/explore/' + query);
		const notices = page.getByTestId('notices');
		await expect(notices).toBeVisible({ timeout: 30_000 });
		await expect(notices).toContainText('99999-99-99');
		await expect(page.locator('.engine-status').first()).toHaveAttribute('data-phase', /ready|error/, {
			timeout: 90_000
		});
		await assertInert(page, '/explore/');
	});

	test('story pages name the parameter they could not use', async ({ page }) => {
		await page.goto('/trending/?top=999&capture=' + encodeURIComponent(XSS));
		const notice = page.locator('[role="status"] [data-param]');
		await expect(notice.first()).toBeVisible();
		await expect(page.locator('[data-param="capture"]')).toContainText(XSS);
		await assertInert(page, '/trending/');
	});
});

test.describe('unknown chart names', () => {
	for (const path of [
		'/embed/no-such-chart/',
		'/embed/ko/no-such-chart/',
		`/embed/${encodeURIComponent(XSS)}/`
	]) {
		test(`${path} answers 404 with a message and a way home`, async ({ page, guard }) => {
			guard.allowConsole(/status of 404/);
			const res = await page.goto(path);
			expect(res?.status()).toBe(404);
			await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
			const main = page.locator('main');
			await expect(main).toBeVisible();
			expect((await main.innerText()).trim().length).toBeGreaterThan(10);
			await expect(main.locator('a[href]').first()).toBeVisible();
			await assertInert(page, path);
		});
	}
});
