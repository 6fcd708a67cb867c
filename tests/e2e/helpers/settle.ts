import type { Page } from '@playwright/test';

/**
 * Waits for the open page to settle: loaded and hydrated, fonts in, lazy figures drawn. The network goes quiet
 * for a moment once they are; the explorer's engine may keep loading after, so the wait is capped.
 */
export async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
