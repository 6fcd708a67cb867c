/**
 * Checks that hostile text stayed text: no element carries an event-handler attribute, no script mentions
 * alert(), no <img src=x> exists, and every link and source is http(s), blob: or a same-page anchor.
 */
import { expect, type Page } from '@playwright/test';

export async function findLiveMarkup(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const bad: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			for (const a of el.getAttributeNames())
				if (/^on/i.test(a)) bad.push(`<${el.tagName.toLowerCase()} ${a}=…>`);
			if (el.tagName === 'SCRIPT' && /alert/.test(el.textContent ?? '')) bad.push('a script with alert()');
			if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
		}
		for (const a of document.querySelectorAll('a[href], area[href]')) {
			const href = a.getAttribute('href') ?? '';
			const abs = new URL(href, location.href);
			if (!/^(https?:|blob:)$/.test(abs.protocol) && !href.startsWith('#')) bad.push(`link to ${href}`);
		}
		for (const el of document.querySelectorAll('[src], [href]:not(a):not(area):not(link)')) {
			const raw = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
			const url = new URL(raw, location.href);
			if (/^(javascript|vbscript|data):$/i.test(url.protocol) && el.tagName !== 'IMG')
				bad.push(`${el.tagName.toLowerCase()} loading ${raw.slice(0, 60)}`);
		}
		return bad;
	});
}

export async function assertInert(page: Page, where: string): Promise<void> {
	expect(await findLiveMarkup(page), `${where}: hostile input rendered as markup or links`).toEqual([]);
}
