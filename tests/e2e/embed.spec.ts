// Embeds as journalists use them: framed by a page on ANOTHER origin that loads /embed.js, resized to their
// content, deaf to forged messages; plus the render flags, the Korean and static variants, and the snippet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';

const SITE = `http://127.0.0.1:${process.env.E2E_PORT || 4318}`;
const TYPE = 'aiart-embed:height';
let host: Server;
let HOST = '';
/** Embed code "pasted" into the host's /pasted page by a test. */
let pasted = '';

/** A newsroom page on another origin: two of our embeds, one unrelated iframe, and the loader. */
const hostPage = () => `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0;font-family:sans-serif">
<h1>Host article</h1>
<iframe id="wave" src="${SITE}/embed/wave/?top=50" title="wave" width="100%" height="150"
	style="width:600px;border:0;display:block" referrerpolicy="strict-origin-when-cross-origin" data-aiart-embed></iframe>
<iframe id="timeline" src="${SITE}/embed/ko/timeline/" title="timeline" width="100%" height="150"
	style="width:420px;border:0;display:block" data-aiart-embed></iframe>
<iframe id="other" src="/other" title="other" height="150" style="width:300px;border:0;display:block"></iframe>
<script async src="${SITE}/embed.js"></script>
</body></html>`;

/** Same-origin page (to the host) that forges our height message at its parent. */
const otherPage = `<!doctype html><html><body><p>ad</p></body></html>`;

test.beforeAll(async () => {
	host = createServer((req, res) => {
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.end(
			req.url === '/other'
				? otherPage
				: req.url === '/pasted'
					? `<!doctype html><html><body style="margin:0">${pasted}</body></html>`
					: hostPage()
		);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	HOST = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

const frameHeight = (page: Page, id: string) =>
	page.locator(`iframe#${id}`).evaluate((f) => Math.round(f.getBoundingClientRect().height));
const contentHeight = (frame: Frame) =>
	frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
const frameOf = (page: Page, path: string) => {
	const f = page.frames().find((fr) => fr.url().startsWith(`${SITE}${path}`));
	if (!f) throw new Error(`no frame for ${path}`);
	return f;
};

test.describe('embedded in a page on another origin', () => {
	test('each embed resizes to its own content through /embed.js', async ({ page }) => {
		expect(new URL(HOST).origin).not.toBe(new URL(SITE).origin);
		await page.goto(`${HOST}/`);
		await expect.poll(() => frameHeight(page, 'wave'), { timeout: 15_000 }).toBeGreaterThan(300);
		await expect.poll(() => frameHeight(page, 'timeline'), { timeout: 15_000 }).toBeGreaterThan(300);
		const wave = frameOf(page, '/embed/wave/');
		const timeline = frameOf(page, '/embed/ko/timeline/');
		expect(Math.abs((await frameHeight(page, 'wave')) - (await contentHeight(wave)))).toBeLessThanOrEqual(1);
		// The timeline is taller than the loader's 5000 px cap: it is clamped.
		expect(await contentHeight(timeline)).toBeGreaterThan(5000);
		expect(await frameHeight(page, 'timeline')).toBe(5000);
		// The view state in the URL reached the figure, and the Korean embed is Korean.
		await expect(wave.locator('.subtitle')).toContainText('50');
		expect(await timeline.evaluate(() => document.documentElement.lang)).toBe('ko');
		// The unrelated iframe was never touched.
		expect(await frameHeight(page, 'other')).toBe(150);

		// Content grows (the data table opens): the iframe follows.
		const before = await frameHeight(page, 'wave');
		await wave.locator('details.table summary').click();
		await expect.poll(() => frameHeight(page, 'wave')).toBeGreaterThan(before + 40);
		await expect.poll(async () => (await frameHeight(page, 'wave')) - (await contentHeight(wave))).toBe(0);
	});

	test('forged height messages from other windows are ignored', async ({ page, context }) => {
		await page.goto(`${HOST}/`);
		await expect.poll(() => frameHeight(page, 'wave'), { timeout: 15_000 }).toBeGreaterThan(300);
		const settled = await frameHeight(page, 'wave');

		// 1. From an unrelated iframe on the host page, naming our chart.
		const other = page.frames().find((f) => f.url() === `${HOST}/other`)!;
		await other.evaluate((type) => parent.postMessage({ type, id: 'wave', height: 4321 }, '*'), TYPE);
		// 2. From the host window itself.
		await page.evaluate((type) => window.postMessage({ type, id: 'wave', height: 4322 }, '*'), TYPE);
		// 3. From a popup it opened.
		const [popup] = await Promise.all([
			context.waitForEvent('page'),
			page.evaluate(() => void window.open('/other', 'popup'))
		]);
		await popup.waitForLoadState();
		await popup.evaluate((type) => window.opener.postMessage({ type, id: 'wave', height: 4323 }, '*'), TYPE);
		// 4. A well-formed message with a hostile payload from the real embed's window still only sets a height.
		const wave = frameOf(page, '/embed/wave/');
		await wave.evaluate(
			(type) =>
				parent.postMessage(
					{ type, id: 'wave', height: 'javascript:alert(1)', url: 'https://evil.example' },
					'*'
				),
			TYPE
		);
		// 5. Our other embed (same origin as the wave) naming the wave: only the sender's own iframe may change.
		const timeline = frameOf(page, '/embed/ko/timeline/');
		await timeline.evaluate((type) => parent.postMessage({ type, id: 'wave', height: 1234 }, '*'), TYPE);
		await expect.poll(() => frameHeight(page, 'timeline')).toBe(1234);
		await page.waitForTimeout(500);

		expect(await frameHeight(page, 'wave')).toBe(settled);
		expect(await frameHeight(page, 'other')).toBe(150);
		expect(page.url()).toBe(`${HOST}/`);
		await expect(page.locator('iframe#wave')).toHaveAttribute('src', `${SITE}/embed/wave/?top=50`);
	});
});

test.describe('embed pages', () => {
	for (const width of [320, 600]) {
		test(`fit ${width} px without horizontal scrolling`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto('/embed/wave/');
			await expect(page.locator('[data-chart="wave"] svg').first()).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		});
	}

	test('render flags: dark, plain, transparent; lang and static map onto their paths', async ({ page }) => {
		await page.goto('/embed/wave/?dark=true&plain=true&transparent=true');
		expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
		await expect(page.locator('.chart-frame .title')).toBeHidden();
		await expect(page.locator('[data-embed-part="back"]')).toBeHidden();
		// Provenance stays visible even in plain mode.
		await expect(page.locator('[data-provenance="simulated"]')).toBeVisible();
		const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		expect(await background()).toBe('rgba(0, 0, 0, 0)');
		await page.goto('/embed/wave/?dark=true');
		expect(await background()).not.toBe('rgba(0, 0, 0, 0)');
		await expect(page.locator('.chart-frame .title')).toBeVisible();

		await page.goto('/embed/wave/?lang=ko&top=20');
		await expect(page).toHaveURL(/\/embed\/ko\/wave\/\?top=20$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
		await expect(page.locator('.subtitle')).toContainText('20');

		await page.goto('/embed/wave/?static=true');
		await expect(page).toHaveURL(/\/embed\/wave\/static\/$/);
	});

	test.describe('with JavaScript disabled', () => {
		test.use({ javaScriptEnabled: false });
		test('the static and the Korean embeds still show the chart', async ({ page }) => {
			await page.goto('/embed/ko/wave/');
			await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
			await expect(page.locator('[data-chart="wave"] svg').first()).toBeVisible();
			await expect(page.locator('.chart-frame .title')).toContainText('아트스테이션');
			await page.goto('/embed/wave/static/');
			await expect(page.locator('[data-chart="wave"] svg').first()).toBeVisible();
			await expect(page.locator('[data-provenance="simulated"]')).toBeVisible();
		});
	});
});

test('the Embed button gives copyable iframe and script code that work', async ({ page }) => {
	await page.goto('/');
	const frame = page.locator('figure[data-chart="wave"]');
	await frame.locator('[data-action="embed"] summary').click();
	const panel = frame.locator('[data-embed-panel="wave"]');
	// The snippet is made absolute once the page has hydrated (the prerendered one is relative); a flag ticked
	// before that changes only the native checkbox, and the snippet would never learn of it.
	await expect(panel.locator('[data-copy="embed-iframe"]')).toHaveValue(new RegExp(`^<iframe src="${SITE}/`));
	await panel.locator('[data-embed-flag="plain"]').check();
	await expect(panel.locator('[data-copy="embed-iframe"]')).toHaveValue(/plain=true/);
	const iframe = await panel.locator('[data-copy="embed-iframe"]').inputValue();
	expect(iframe).toMatch(
		new RegExp(
			`^<iframe src="${SITE}/embed/wave/\\?top=\\d+&amp;plain=true" title="[^"]+" width="100%" height="\\d+" ` +
				'style="[^"]+" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" data-aiart-embed></iframe>$'
		)
	);
	const script = await panel.locator('[data-copy="embed-script"]').inputValue();
	expect(script).toBe(`${iframe}\n<script async src="${SITE}/embed.js"></script>`);

	// The copied code, pasted into a page on another origin, shows the chart and resizes.
	pasted = script;
	await page.goto(`${HOST}/pasted`);
	const embedded = page.frameLocator('iframe[data-aiart-embed]');
	await expect(embedded.locator('[data-chart="wave"] svg').first()).toBeVisible();
	await expect
		.poll(() => page.locator('iframe[data-aiart-embed]').evaluate((f) => f.style.height))
		.toMatch(/^\d+px$/);
});
