/**
 * The story pages read without JavaScript (prerendered chart SVGs and the simulated-data badge), and their
 * controls work by mouse and by keyboard: top-N, drill-downs, capture comparison, claim-chart options, cascade
 * playback. (That every page loads clean in English and Korean, with its heading and charts, is checked in
 * pages.spec.ts.) The guard fixture fails a test on any console error, uncaught exception or CSP violation.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers/guard';
import { HANGUL } from './helpers/language';
import { STORY_CHARTS } from './helpers/site';

const PAGES = Object.keys(STORY_CHARTS);

const search = (page: Page) => new URL(page.url()).searchParams;
/** Opens a page and waits until it has hydrated and fetched what it needs (controls do nothing before). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
}
/** The roving-focus group of marks inside a chart. */
const marks = (page: Page, chart: string): Locator =>
	page.locator(`figure[data-chart="${chart}"] svg g[role="listbox"]`).first();

test('a chosen theme is remembered and applied before the page body is parsed', async ({ page }) => {
	// Records the theme as the <body> element is created: before any of the page's content can paint.
	await page.addInitScript(() => {
		const w = window as unknown as { __themeAtBody?: string | null };
		new MutationObserver((_, observer) => {
			if (!document.body) return;
			w.__themeAtBody = document.documentElement.getAttribute('data-theme');
			observer.disconnect();
		}).observe(document, { childList: true, subtree: true });
	});
	await open(page, '/wave/');
	const toggle = page.locator('header button.theme');
	const before = await toggle.getAttribute('aria-pressed');
	await toggle.click();
	const chosen = before === 'true' ? 'light' : 'dark';
	await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
	await page.goto('/misinformation/', { waitUntil: 'domcontentloaded' });
	expect(await page.evaluate(() => (window as unknown as { __themeAtBody?: string }).__themeAtBody)).toBe(
		chosen
	);
	// ?dark= (the embeds' parameter) wins over the saved choice.
	await page.goto(`/misinformation/?dark=${chosen === 'dark' ? 'false' : 'true'}`, {
		waitUntil: 'domcontentloaded'
	});
	expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe(
		chosen === 'dark' ? 'light' : 'dark'
	);
});

test('with reduced motion asked for, switching the theme recolours at once, with no transition', async ({
	page
}) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await open(page, '/explore/');
	// In one task, so no frame can finish a transition before it is counted.
	const after = await page.evaluate(() => {
		const html = document.documentElement;
		const bg = () => getComputedStyle(html).backgroundColor;
		const before = bg();
		document.querySelector<HTMLButtonElement>('header button.theme')!.click();
		return { changed: bg() !== before, transitions: document.getAnimations().length };
	});
	expect(after).toEqual({ changed: true, transitions: 0 });
});

test.describe('without JavaScript the prerendered story is readable', () => {
	test.use({ javaScriptEnabled: false });
	for (const path of PAGES)
		test(path, async ({ page }) => {
			await page.goto(path);
			await expect(page.locator('h1')).toBeVisible();
			await expect(page.locator('[data-provenance="simulated"]').first()).toBeVisible();
			for (const id of STORY_CHARTS[path]) {
				const fig = page.locator(`figure[data-chart="${id}"]`);
				await expect(fig.locator('svg[viewBox]').first()).toBeVisible();
				await expect(fig.locator('[data-provenance="simulated"]')).toBeVisible();
				await expect(fig.locator('.description')).not.toBeEmpty();
			}
		});

	test('the trending grid shows the peak capture’s tiles', async ({ page }) => {
		await page.goto('/trending/');
		expect(await page.locator('figure[data-chart="grid"] g[role="option"]').count()).toBe(100);
		expect(await page.locator('figure[data-chart="grid"] g.no-ai').count()).toBeGreaterThan(50);
	});

	test('Korean pages are prerendered in Korean', async ({ page }) => {
		await page.goto('/ko/misinformation/');
		await expect(page.locator('h1')).toHaveText(HANGUL);
		await expect(page.locator('figure[data-chart="claims"] .description')).toHaveText(HANGUL);
		await expect(page.locator('figure[data-chart="claims"] svg.claims')).toContainText('KST');
	});
});

test.describe('protest wave', () => {
	test('top N by mouse and by keyboard, kept in the URL', async ({ page }) => {
		await open(page, '/wave/');
		const subtitle = page.locator('figure[data-chart="wave"] .subtitle');
		await expect(subtitle).toContainText('top 100');
		await page.getByRole('radio', { name: 'Top 20' }).click();
		await expect(subtitle).toContainText('top 20');
		expect(search(page).get('top')).toBe('20');
		await expect(page.locator('[data-stat="peak"] dd').first()).not.toBeEmpty();

		await page.locator('input[name="top"][value="20"]').focus();
		await page.keyboard.press('ArrowRight');
		await expect(subtitle).toContainText('top 50');
		expect(search(page).get('top')).toBe('50');
	});

	test('a capture opens its rows by click and by keyboard', async ({ page }) => {
		await open(page, '/wave/');
		const chart = marks(page, 'wave');
		const box = (await chart.locator('rect.hit').boundingBox())!;
		await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
		const drill = page.locator('[data-drill="capture"]');
		await expect(drill.locator('tbody tr').first()).toBeVisible();
		expect(search(page).get('capture')).toMatch(/^trending-/);
		await drill.getByRole('button', { name: 'Close' }).click();
		await expect(drill).toHaveCount(0);
		expect(search(page).get('capture')).toBeNull();

		await chart.focus();
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		await expect(drill.locator('h3')).toBeFocused();
		// The first 50 rows, then all of them on request.
		await expect(drill.locator('tbody tr')).toHaveCount(50);
		await drill.getByRole('button', { name: 'Show all 100 rows' }).click();
		await expect(drill.locator('tbody tr')).toHaveCount(100);
		const ids = await page.evaluate(() => [...document.querySelectorAll('[id^="wave-pt-"]')].length);
		expect(ids).toBeGreaterThan(10);
	});

	test('a bad parameter falls back to the default and says so', async ({ page }) => {
		await open(page, '/wave/?top=30&capture=nope');
		await expect(page.locator('[role="status"] [data-param="top"]')).toBeVisible();
		await expect(page.locator('[role="status"] [data-param="capture"]')).toBeVisible();
		await expect(page.locator('input[name="top"][value="100"]')).toBeChecked();
		await expect(page.locator('[data-drill="capture"]')).toHaveCount(0);
	});
});

test.describe('trending captures', () => {
	test('choose a capture from the calendar by keyboard, then open a tile by keyboard', async ({ page }) => {
		await open(page, '/trending/');
		const title = page.locator('figure[data-chart="grid"] header .title');
		const before = await title.textContent();
		await marks(page, 'calendar').focus();
		await page.keyboard.press('Home');
		await page.keyboard.press('Enter');
		await expect(title).not.toHaveText(before!);
		expect(search(page).get('capture')).toMatch(/^trending-/);

		await marks(page, 'grid').focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		const drill = page.locator('[data-drill="tile"]');
		await expect(drill.locator('h3')).toBeFocused();
		await expect(drill).toContainText('archive_url');
		expect(search(page).get('tile')).toBeTruthy();
	});

	test('compare with the previous capture by mouse: entered, left, moved add up', async ({ page }) => {
		await open(page, '/trending/');
		await page.locator('[data-compare-prev]').click();
		const diff = page.locator('[data-diff]');
		await expect(diff).toBeVisible();
		const n = async (k: string) => Number(await diff.locator(`[data-k="${k}"]`).textContent());
		const tiles = await page.locator('figure[data-chart="grid"] g[role="option"]').count();
		expect((await n('entered')) + (await n('up')) + (await n('down')) + (await n('same'))).toBe(tiles);
		expect(search(page).get('compare')).toMatch(/^trending-/);
		await expect(page.locator('figure[data-chart="calendar"] .ring.compare')).toHaveCount(1);
	});

	test('a link reproduces a comparison, and the compare select works by keyboard', async ({ page }) => {
		await open(page, '/trending/');
		const ids = await page
			.locator('figure[data-chart="calendar"] g[role="option"]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
		await open(page, `/trending/?capture=${ids[30]}&compare=${ids[20]}&top=20`);
		await expect(page.locator('[data-diff]')).toBeVisible();
		await expect(page.locator('select[name="compare"]')).toHaveValue(ids[20]!);
		expect(await page.locator('figure[data-chart="grid"] g[role="option"]').count()).toBe(20);

		await page.locator('select[name="compare"]').focus();
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => search(page).get('compare')).not.toBe(ids[20]);
	});
});

test.describe('claim vs debunk', () => {
	test('options by mouse change the chart and the URL', async ({ page }) => {
		await open(page, '/misinformation/');
		const subtitle = page.locator('figure[data-chart="claims"] .subtitle');
		await page.getByRole('radio', { name: 'Running total' }).click();
		await expect(subtitle).toContainText('Running total');
		await page.getByRole('radio', { name: 'Korean' }).click();
		await page.getByRole('radio', { name: 'day' }).click();
		await page.getByLabel('Log scale').check();
		const q = search(page);
		expect([q.get('mode'), q.get('lang'), q.get('bin'), q.get('log')]).toEqual([
			'cumulative',
			'ko',
			'day',
			'1'
		]);
		await expect(page.locator('figure[data-chart="claims"] svg.claims')).toContainText('log');
		await expect(page.locator('figure[data-chart="claims"] [data-marker="ko-report"]')).toBeVisible();
	});

	test('a bin opens its posts by keyboard and by mouse', async ({ page }) => {
		await open(page, '/misinformation/?bin=day');
		await marks(page, 'claims').focus();
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		const drill = page.locator('[data-drill="bin"]');
		await expect(drill.locator('tbody tr').first()).toBeVisible();
		expect(search(page).get('sel')).toMatch(/^2022-12-15T00:00Z$/);
		await expect(drill.locator('[data-provenance="simulated"]')).toBeVisible();

		await drill.getByRole('button', { name: 'Close' }).click();
		await expect(drill).toHaveCount(0);
		await marks(page, 'claims').scrollIntoViewIfNeeded();
		const box = (await marks(page, 'claims').locator('rect.hit').boundingBox())!;
		await page.mouse.click(box.x + box.width * 0.2, box.y + box.height / 2);
		await expect(drill.locator('tbody tr').first()).toBeVisible();
	});

	test('the correction gap opens the numbers behind a row', async ({ page }) => {
		await open(page, '/misinformation/');
		// Focus makes the first row active; Enter opens it, the arrows move on.
		await marks(page, 'correction').focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-drill="gap"] tbody tr').first()).toBeVisible();
		expect(search(page).get('gap')).toBe('all:first');
		await marks(page, 'correction').focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect.poll(() => search(page).get('gap')).toBe('all:root');
	});
});

test.describe('cascades', () => {
	test('play by mouse replays growth and pausing keeps the position in the URL', async ({ page }) => {
		await open(page, '/cascades/');
		const clock = page.locator('[data-clock]');
		await expect(clock).toContainText('All');
		await page.locator('[data-play]').click();
		await expect(clock).toContainText('+');
		await page.locator('[data-play]').click();
		await expect.poll(() => search(page).get('at')).toMatch(/^\d+$/);
		const shown = await page.locator('figure[data-chart="cascade"] svg.tree path[role="option"]').count();
		const total = Number((await page.locator('figure[data-chart="cascade"] tbody tr').count()).toString());
		expect(shown).toBeLessThan(total);
	});

	test('play by keyboard, in steps when reduced motion is asked for', async ({ browser }) => {
		const context = await browser.newContext({ reducedMotion: 'reduce' });
		const page = await context.newPage();
		await open(page, '/cascades/');
		await expect(page.getByText('Reduced motion')).toBeVisible();
		await page.locator('[data-play]').focus();
		await page.keyboard.press('Space');
		await expect(page.locator('[data-play]')).toHaveAttribute('aria-pressed', 'true');
		await expect(page.locator('[data-clock]')).toContainText('+', { timeout: 5000 });
		await context.close();
	});

	test('a post opens its row by keyboard; the layout and cascade switch', async ({ page }) => {
		await open(page, '/cascades/');
		await marks(page, 'cascade').focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		const drill = page.locator('[data-drill="node"]');
		await expect(drill.locator('h3')).toBeFocused();
		await expect(drill).toContainText('post_id');

		await page.getByRole('radio', { name: 'Time on x' }).click();
		await expect(page.locator('figure[data-chart="cascade"] svg.tree.time')).toBeVisible();
		const select = page.locator('select[name="cascade"]');
		const second = await select.locator('option').nth(1).getAttribute('value');
		await select.selectOption(second!);
		await expect.poll(() => search(page).get('cascade')).toBe(second);
		await expect(page.locator('figure[data-chart="cascade"] svg.tree')).toBeVisible();
		expect(search(page).get('layout')).toBe('time');
	});

	test('a scatter mark opens the cascades behind it', async ({ page }) => {
		await open(page, '/cascades/?metric=depth');
		await marks(page, 'metrics').focus();
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		const drill = page.locator('[data-drill="point"]');
		await expect(drill.locator('tbody tr').first()).toBeVisible();
		expect(search(page).get('point')).toMatch(/^(claim|debunk)\|2\|1$/);
	});
});
