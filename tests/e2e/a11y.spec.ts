/**
 * Accessibility by keyboard alone, through the main story: skip link, navigation, chart marks, focus always
 * visible. (axe-core runs on every page in pages.spec.ts.) Every test also runs under the guard (no CSP
 * violation, console error or off-origin request).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/guard';
import { settle } from './helpers/settle';

test.describe.configure({ mode: 'parallel' });

test.describe('keyboard only, main story', () => {
	/** What has keyboard focus, and whether it is visibly marked. */
	const focusInfo = (page: Page) =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | SVGElement | null;
			if (!el || el === document.body) return null;
			const r = el.getBoundingClientRect();
			// The theme's focus colour, resolved to rgb() the way computed styles report colours.
			const probe = document.createElement('span');
			probe.style.color = 'var(--focus)';
			document.body.append(probe);
			const focusColour = getComputedStyle(probe).color;
			probe.remove();
			/** An outline or ring on the element, or (charts) the focus colour on one of its parts. */
			const marked = (node: Element) => {
				const cs = getComputedStyle(node);
				return (
					(cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
					(cs.boxShadow !== 'none' && cs.boxShadow !== '') ||
					cs.stroke === focusColour ||
					cs.borderTopColor === focusColour
				);
			};
			const visible = marked(el) || [...el.querySelectorAll('*')].slice(0, 500).some(marked);
			return {
				tag: el.tagName.toLowerCase(),
				text: ((el as HTMLElement).innerText || el.getAttribute('aria-label') || el.textContent || '')
					.trim()
					.slice(0, 60),
				href: el.getAttribute('href'),
				inSvg: !!el.closest('svg'),
				inNav: !!el.closest('nav'),
				inMain: !!el.closest('main'),
				visible,
				onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0,
				activeDescendant: el.getAttribute('aria-activedescendant'),
				role: el.getAttribute('role')
			};
		});

	for (const path of ['/', '/ko/']) {
		test(`${path}: skip link, navigation, chart marks, visible focus`, async ({ page }) => {
			test.setTimeout(90_000);
			await page.goto(path);
			await settle(page);

			// 1. The first Tab lands on the skip link, which shows itself and moves focus into <main>.
			await page.keyboard.press('Tab');
			const skip = await focusInfo(page);
			expect(skip?.href, 'first Tab stop is the skip link').toBe('#main');
			expect(skip?.onScreen && skip.visible, 'the skip link is on screen with a focus ring').toBe(true);
			await page.keyboard.press('Enter');
			await expect
				.poll(() => page.evaluate(() => !!document.activeElement?.closest('main')), {
					message: 'focus in main'
				})
				.toBe(true);

			// 2. From the top again, Tab through the whole page: every navigation link is a stop, a chart's marks
			// are reachable, focus is visible at every stop, and the walk ends (no keyboard trap).
			await page.goto(path);
			await settle(page);
			const navLinks = await page.locator('nav a').count();
			const seenNav = new Set<string>();
			const invisible: string[] = [];
			let chartStops = 0;
			let marksChecked = false;
			let stops = 0;
			let last = '';
			let repeats = 0;
			for (; stops < 400; stops++) {
				await page.keyboard.press('Tab');
				const f = await focusInfo(page);
				if (!f) break; // past the last stop: focus left the page
				const key = `${f.tag}|${f.text}|${f.href}`;
				repeats = key === last ? repeats + 1 : 0;
				last = key;
				expect(repeats, `Tab keeps focus on ${key}: a keyboard trap`).toBeLessThan(3);
				if (stops > 0 && f.href === '#main') break; // wrapped around to the skip link
				if (!f.visible || !f.onScreen) invisible.push(`${f.tag} "${f.text}"`);
				if (f.inNav && f.href) seenNav.add(f.href);
				if (f.inMain && f.inSvg) chartStops++;
				// 3. On a chart's marks (a listbox of points), the arrow keys move and announce the active mark.
				if (!marksChecked && f.inSvg && f.role === 'listbox') {
					marksChecked = true;
					const before = f.activeDescendant;
					await page.keyboard.press('ArrowRight');
					await page.keyboard.press('ArrowRight');
					const after = await focusInfo(page);
					expect(after?.activeDescendant, 'arrow keys make a mark active').toBeTruthy();
					expect(after?.activeDescendant, 'arrow keys move the active mark').not.toBe(before);
					await expect(page.locator(`[id="${after!.activeDescendant}"]`)).toHaveAttribute('aria-label', /\S/);
				}
			}
			expect(stops, 'the walk ends').toBeLessThan(400);
			expect(seenNav.size, 'every navigation link is reachable by Tab').toBe(navLinks);
			expect(chartStops, 'chart marks are reachable by Tab').toBeGreaterThan(0);
			expect(marksChecked, 'a chart with keyboard-navigable marks').toBe(true);
			expect(invisible, 'focus is visible at every stop').toEqual([]);
		});
	}
});
