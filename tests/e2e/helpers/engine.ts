import type { Page } from '@playwright/test';

/**
 * Runs SQL in the page's engine through the test hook (`window.__aiad.query`), skipping the SQL console's
 * read-only gate: the engine's own lock-down is what answers. Resolves with the rows as JSON, or the error's
 * message; never rejects.
 */
export const rawQuery = (page: Page, sql: string): Promise<{ ok: boolean; value: string }> =>
	page.evaluate(
		(s) =>
			(window as unknown as { __aiad: { query(sql: string): Promise<unknown> } }).__aiad
				.query(s)
				.then((rows) => ({ ok: true, value: JSON.stringify(rows) }))
				.catch((e: Error) => ({ ok: false, value: e.message })),
		sql
	);
