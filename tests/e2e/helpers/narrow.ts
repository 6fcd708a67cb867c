import type { Page } from '@playwright/test';

/** The narrowest widths a page and an embed are laid out for: a small phone, and a narrow article column. */
export const NARROW_PAGE_PX = 320;
export const NARROW_EMBED_PX = 300;

/**
 * Resizes the page to `width` and lists what then reaches past the screen's left or right edge, outside any
 * box that scrolls sideways or an <svg>, which clips what it draws (a wide table in its own scroller is fine;
 * the page itself scrolling is not). Left out: boxes with no width, the contents of closed
 * <details>, and the skip link, which waits off screen until it is focused.
 */
export async function beyondTheEdges(page: Page, width: number): Promise<string[]> {
	await page.setViewportSize({ width, height: 640 });
	// Charts measure their width when it changes (bind:clientWidth) and draw again on the next frame.
	await page.evaluate(
		() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
	);
	return page.evaluate(() => {
		const edge = document.documentElement.clientWidth;
		// An <svg> clips what it draws by design; an HTML box that hides its overflow would hide a fault, so only
		// one that scrolls counts.
		const holdsItsContent = (el: Element) =>
			el instanceof SVGSVGElement || /auto|scroll/.test(getComputedStyle(el).overflowX);
		const out: string[] = [];
		if (document.documentElement.scrollWidth > edge)
			out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
		for (const el of document.querySelectorAll('body *')) {
			const box = el.getBoundingClientRect();
			if (box.width === 0 || (box.right <= edge + 1 && box.left >= -1)) continue;
			if (el.closest('details:not([open]) > :not(summary)') || el.closest('.skip')) continue;
			let up = el.parentElement;
			while (up && !holdsItsContent(up)) up = up.parentElement;
			if (up) continue;
			const cls = el.getAttribute('class')?.split(' ')[0];
			const what = `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`;
			out.push(
				`${what} "${(el.textContent ?? '').trim().slice(0, 40)}" spans ${Math.round(box.left)}–${Math.round(box.right)} px`
			);
		}
		return out.slice(0, 10);
	});
}
