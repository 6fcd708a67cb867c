/**
 * The Korean site's keyboard entry: the skip link and the navigation's accessible name are Korean. (Every
 * page's own language, and its language switch, are checked in pages.spec.ts.) The about page's calibration
 * notes, which are data rather than interface text: Korean on /ko/about/ where a translation exists, English
 * (and marked so) where none does.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ko } from '../../src/lib/i18n/ko';
import { calibrationParams } from '../../src/lib/story/calibration';
import { reflectsKo } from '../../src/lib/story/calibration-ko';
import { expect, test } from './helpers/guard';
import { HANGUL } from './helpers/language';

test('the skip link and navigation are Korean on /ko/', async ({ page }) => {
	await page.goto('/ko/');
	await page.keyboard.press('Tab');
	const focused = page.locator(':focus');
	await expect(focused).toHaveAttribute('href', '#main');
	await expect(focused).toHaveText(HANGUL);
	await expect(page.getByRole('navigation').first()).toHaveAccessibleName(HANGUL);
});

/** The built site's calibration: the config the about page reads from the manifest. */
const manifestText = () => readFileSync('build/data/manifest.json', 'utf8');
const builtParams = () => calibrationParams(JSON.parse(manifestText()).source.generator.config);

/** Each row of the about page's calibration table: parameter path, and the note cell's language and text. */
const calibrationRows = (page: Page) =>
	page.locator('#simulator tbody tr').evaluateAll((rows) =>
		rows.map((r) => {
			const cell = r.querySelector('td:last-child') as HTMLElement;
			return { path: r.querySelector('th')!.textContent!.trim(), lang: cell.lang, text: cell.textContent };
		})
	);

/** The line that says some notes are still English: its words after the count. */
const STILL_ENGLISH = ko['about.sim.untranslated'].split('{n}')[1];

test('the calibration notes are Korean on /ko/about/ and as the config writes them on /about/', async ({
	page
}) => {
	const params = builtParams();
	const mark = (gap: boolean) => (gap ? '⚠ ' : '');

	await page.goto('/ko/about/');
	const koRows = await calibrationRows(page);
	expect(koRows).toEqual(
		params.map((p) => ({ path: p.path, lang: 'ko', text: mark(p.gap) + reflectsKo[p.path] }))
	);
	const logo = koRows.find((r) => r.path === 'postsWindow.start')!;
	expect(logo.text).toMatch(HANGUL);
	expect(logo.text).toContain('2022년 12월 5일');
	expect(logo.text).toContain('(ARS, S1)');
	await expect(page.locator('#simulator')).not.toContainText(STILL_ENGLISH);
	await expect(page.locator('#simulator p.muted')).toHaveCount(0);

	await page.goto('/about/');
	expect(await calibrationRows(page)).toEqual(
		params.map((p) => ({ path: p.path, lang: 'en', text: mark(p.gap) + p.reflects }))
	);
	await expect(page.locator('#simulator p.muted')).toHaveCount(0);
});

test('a calibration note with no Korean translation stays English on /ko/about/, and the page says so', async ({
	page
}) => {
	// A reader's own config: one parameter the translations do not know. The page's inlined copy of the
	// manifest is removed so that hydration fetches this one.
	const manifest = JSON.parse(manifestText());
	manifest.source.generator.config.posts.readerOwn = { value: 1, reflects: 'GAP: a reader’s own guess.' };
	await page.route('**/data/manifest.json', (route) => route.fulfill({ json: manifest }));
	await page.route('**/ko/about/', async (route) => {
		const response = await route.fetch();
		const html = (await response.text()).replace(
			/<script type="application\/json" data-sveltekit-fetched[^>]*>[\s\S]*?<\/script>/g,
			''
		);
		await route.fulfill({ response, body: html });
	});

	await page.goto('/ko/about/');
	const own = page.locator('#simulator tbody tr', {
		has: page.getByText('posts.readerOwn', { exact: true })
	});
	await expect(own.locator('td').last()).toHaveText('⚠ GAP: a reader’s own guess.');
	await expect(own.locator('td').last()).toHaveAttribute('lang', 'en');
	await expect(page.locator('#simulator p.muted')).toHaveText(
		ko['about.sim.untranslated'].replace('{n}', '1')
	);
	const rows = await calibrationRows(page);
	expect(rows.filter((r) => r.lang === 'ko')).toHaveLength(143);
});

/**
 * Each cell's language and whether its text is written in Hangul: a post's text carries the post's own
 * language, so a Korean page's screen reader reads an English post in English and a Korean one in Korean.
 */
const cellLanguages = (cells: Locator) =>
	cells.evaluateAll(
		(els, hangul) =>
			els.map((el) => ({
				lang: el.getAttribute('lang'),
				hangul: new RegExp(hangul).test(el.textContent ?? '')
			})),
		HANGUL.source
	);
const byScript = (cells: { lang: string | null; hangul: boolean }[]) =>
	cells.map((c) => ({ ...c, lang: c.hangul ? 'ko' : 'en' }));

test('on Korean pages, a post’s text is marked with the post’s own language', async ({ page }) => {
	// A cascade of English posts (the default) and one of Korean posts: the tree's table, then a post's row.
	for (const [url, expected] of [
		['/ko/cascades/', 'en'],
		['/ko/cascades/?cascade=twitter:sim000056001', 'ko']
	] as const) {
		await page.goto(url);
		await page.waitForLoadState('networkidle');
		// On a busy machine the table (or the linked cascade's) can still be on its way when the network goes quiet.
		const texts = page.locator('figure[data-chart="cascade"] tbody td:last-child');
		await expect
			.poll(async () => (await cellLanguages(texts)).map((c) => c.lang).join(','))
			.toMatch(new RegExp(`^${expected}(,${expected})*$`));
		const cells = await cellLanguages(texts);
		expect(cells).toEqual(byScript(cells));

		await page.locator('figure[data-chart="cascade"] svg g[role="listbox"]').first().focus();
		await page.keyboard.press('Enter');
		const text = page.locator('[data-drill="node"] tbody tr', {
			has: page.getByText('text', { exact: true })
		});
		await expect(text.locator('td').last()).toHaveAttribute('lang', expected);
		await expect(page.locator('[data-drill="node"] tbody td[lang]')).toHaveCount(1);
	}

	// The posts behind a bin of the claim chart.
	await page.goto('/ko/misinformation/?bin=day');
	await page.waitForLoadState('networkidle');
	await page.locator('figure[data-chart="claims"] svg g[role="listbox"]').first().focus();
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	const drill = page.locator('[data-drill="bin"]');
	await expect(drill.locator('tbody tr').first()).toBeVisible();
	const posts = await cellLanguages(drill.locator('tbody td.text'));
	expect(posts.length).toBeGreaterThan(0);
	expect(posts).toEqual(byScript(posts));
});
