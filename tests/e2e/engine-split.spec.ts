/**
 * The engine's wasm ships in two halves (scripts/lib/wasm-split.ts): the explorer runs on the primary, which
 * the compile worker warms up (scripts/lib/wasm-warm.ts), and the full module follows in the background, or at
 * once when a query needs a function the primary lacks. These
 * tests hold the split to what it promises on the built site: the first views never wait for the full module,
 * a query outside the profile still gets its answer, and a full module that cannot be downloaded fails that
 * query with a message and restarts the engine rather than leaving it broken.
 */
import type { Page } from '@playwright/test';
import { rawQuery } from './helpers/engine';
import { expect, test } from './helpers/guard';

const FULL = /\/duckdb-eh-full\.[^/]+\.wasm$/;
/** Functions the explorer never calls, so they are not in the primary (scripts/lib/wasm-profile.json). */
const OUTSIDE_PROFILE =
	"SELECT levenshtein('kitten', 'sitting') AS v, jaro_winkler_similarity('abc', 'abd') > 0.8 AS w";

interface Full {
	state: string;
	slot: number;
}
const fullOf = (page: Page) =>
	page.evaluate(() => ({
		...(window as unknown as { __aiad: { status: { full: Full } } }).__aiad.status.full
	}));

/** Runs SQL in the engine directly, skipping the console's gate. */
const raw = rawQuery;

async function engineReady(page: Page) {
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-engine', 'ready', { timeout: 45_000 });
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-settled', 'true', { timeout: 30_000 });
}

test('the explorer runs on the primary half; the full module follows in the background', async ({ page }) => {
	const fullRequested: number[] = [];
	page.on('request', (r) => {
		if (FULL.test(new URL(r.url()).pathname)) fullRequested.push(Date.now());
	});
	await page.goto('/explore/');
	await expect(page.locator('[data-view=facet-provenance]')).toHaveAttribute('data-have', /.+/, {
		timeout: 45_000
	});
	// The first result came without the full module.
	expect(fullRequested).toEqual([]);
	await engineReady(page);
	// The compile worker warmed the primary up beside DuckDB's worker (src/lib/engine/wasmWarm.ts).
	const warm = () =>
		page.evaluate(() => ({
			...(window as unknown as { __aiad: { status: { warm: { ms: number; error: string } } } }).__aiad.status
				.warm
		}));
	await expect.poll(async () => (await warm()).ms, { timeout: 30_000 }).toBeGreaterThan(0);
	expect((await warm()).error).toBe('');
	const box = (await page.getByTestId('histogram').boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 4 });
	await page.mouse.up();
	await page.locator('[data-testid=facet-platform] button[data-value=mastodon]').click();
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-state', /platform=mastodon/);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-settled', 'true', { timeout: 30_000 });
	// Nothing the explorer did needed it: it is still the primary alone, or the background download is in.
	expect((await fullOf(page)).state).toMatch(/^(primary|background)$/);
	// Once the posts have loaded in the background, so does the rest of the engine, and it serves what the
	// primary lacks without a wait of its own.
	await expect.poll(async () => (await fullOf(page)).state, { timeout: 90_000 }).toBe('background');
	expect(fullRequested).toHaveLength(1);
	expect(await raw(page, OUTSIDE_PROFILE)).toEqual({ ok: true, value: '[{"v":3,"w":true}]' });
	expect((await fullOf(page)).state).toBe('background');
});

test('a query that needs the rest of the engine before it has arrived waits for it and gets its answer', async ({
	page
}) => {
	await page.goto('/explore/');
	await engineReady(page);
	expect((await fullOf(page)).state).toBe('primary');
	expect(await raw(page, OUTSIDE_PROFILE)).toEqual({ ok: true, value: '[{"v":3,"w":true}]' });
	const full = await fullOf(page);
	expect(full.state).toBe('on-demand');
	expect(full.slot).toBeGreaterThanOrEqual(0);
	// The explorer goes on as before on the same engine.
	await page.locator('[data-testid=facet-lang] button[data-value=ko]').click();
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-state', /lang=ko/);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-settled', 'true', { timeout: 30_000 });
	await expect(page.locator('.engine-status')).not.toContainText(/restarted/);
});

test('when the rest of the engine cannot be downloaded, the query fails with a message and the engine restarts', async ({
	page,
	guard
}) => {
	guard.allowConsole(/could not be downloaded|404/);
	await page.route(FULL, (route) => route.fulfill({ status: 404, body: 'gone' }));
	await page.goto('/explore/');
	await engineReady(page);
	const failed = await raw(page, OUTSIDE_PROFILE);
	expect(failed).toEqual({
		ok: false,
		value: expect.stringContaining('The rest of the query engine could not be downloaded (HTTP 404)')
	});
	expect((await fullOf(page)).state).toBe('failed');
	await expect(page.locator('.engine-status')).toContainText('The query engine was restarted');
	// A new engine answers what its primary can.
	expect(await raw(page, 'SELECT 42 AS v')).toEqual({ ok: true, value: '[{"v":42}]' });
});
