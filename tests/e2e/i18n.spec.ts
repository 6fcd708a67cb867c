/**
 * The Korean site's keyboard entry: the skip link and the navigation's accessible name are Korean. (Every
 * page's own language, and its language switch, are checked in pages.spec.ts.)
 */
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
