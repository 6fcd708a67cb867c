/**
 * Security headers and Content-Security-Policy, on the built site as served with build/_headers
 * (research/perf-security.md §B1, §B3, §C1):
 * - every page has the header policy, the right framing rule, nosniff and the referrer policy;
 * - every page carries kit.csp's <meta> policy whose hashes cover all its inline scripts, and no event-handler
 *   attributes (the header alone allows inline scripts; see static/_headers);
 * - header and <meta> policies say the same thing; workers get the strict policy;
 * - every page loads with zero CSP violations, console errors or off-origin requests: the guard
 *   (helpers/guard.ts) runs in every test of every suite, and pages.spec.ts opens each page, then turns it dark;
 * - DuckDB-WASM boots under the enforced policy, and a query naming another host fails without a request;
 * - another site can frame an embed, but not the explorer.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './helpers/guard';
import { BUILD_DIR, pageHtml, sitePages, type SitePage } from './helpers/site';

const pages = sitePages();

/** Parses a policy into directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) out.set(name.toLowerCase(), values);
	}
	return out;
}

const metaPolicy = (html: string): string | null =>
	/<meta http-equiv="content-security-policy" content="([^"]*)"/i
		.exec(html)?.[1]
		?.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&') ?? null;

/** Executable inline scripts (not JSON data blocks, not external files). */
function inlineScripts(html: string): string[] {
	const out: string[] = [];
	for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
		const attrs = m[1] ?? '';
		if (/\ssrc=/i.test(attrs)) continue;
		const type = /\stype="([^"]*)"/i.exec(attrs)?.[1];
		if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue;
		out.push(m[2]);
	}
	return out;
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** The header policy minus what only the header carries, to compare with the <meta> policy minus hashes. */
function comparable(policy: Map<string, string[]>): string {
	return [...policy.entries()]
		.filter(([name]) => name !== 'frame-ancestors')
		.map(([name, values]) => {
			const kept = values.filter((v) => !v.startsWith("'sha256-") && v !== "'unsafe-inline'");
			return `${name} ${kept.sort().join(' ')}`;
		})
		.concat(policy.get('style-src')?.includes("'unsafe-inline'") ? ["style-src 'unsafe-inline'"] : [])
		.sort()
		.join('; ');
}

test.describe('headers', () => {
	test('every built page has the policy, framing rule, nosniff and referrer policy', async ({ request }) => {
		const problems: string[] = [];
		for (const p of pages) {
			const res = await request.get(p.path);
			const h = res.headers();
			const where = `${p.path}:`;
			if (res.status() !== 200) problems.push(`${where} HTTP ${res.status()}`);
			const csp = h['content-security-policy'];
			if (!csp) {
				problems.push(`${where} no Content-Security-Policy header (add a rule to static/_headers)`);
				continue;
			}
			const policy = parsePolicy(csp);
			const fa = policy.get('frame-ancestors')?.join(' ');
			if (p.embed) {
				if (fa !== '*') problems.push(`${where} embed needs frame-ancestors *, got ${fa}`);
				if (h['x-frame-options']) problems.push(`${where} embed must not send X-Frame-Options`);
			} else {
				if (fa !== "'self'") problems.push(`${where} needs frame-ancestors 'self', got ${fa}`);
				if (h['x-frame-options'] !== 'SAMEORIGIN') problems.push(`${where} needs X-Frame-Options SAMEORIGIN`);
			}
			if (h['x-content-type-options'] !== 'nosniff') problems.push(`${where} no X-Content-Type-Options`);
			if (h['referrer-policy'] !== 'strict-origin-when-cross-origin')
				problems.push(`${where} referrer policy`);
			for (const [name, want] of [
				['default-src', "'self'"],
				['connect-src', "'self'"],
				['object-src', "'none'"],
				['base-uri', "'none'"],
				['form-action', "'none'"]
			])
				if (policy.get(name)?.join(' ') !== want) problems.push(`${where} ${name} is not ${want}`);
			const meta = metaPolicy(pageHtml(p.path));
			if (meta && comparable(parsePolicy(meta)) !== comparable(policy))
				problems.push(`${where} header and <meta> policies differ:\n  header ${csp}\n  meta   ${meta}`);
		}
		expect(problems.join('\n')).toBe('');
	});

	test('an unknown path answers 404 with the not-found page and the same headers', async ({ request }) => {
		const res = await request.get('/no-such-page/');
		expect(res.status()).toBe(404);
		expect(res.headers()['x-content-type-options']).toBe('nosniff');
		expect(await res.text()).toContain('<html');
	});

	test('scripts and workers under /_app/ get the strict policy (no inline scripts at all)', async ({
		request
	}) => {
		const files = readdirSync(`${BUILD_DIR}/_app/immutable`, { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.js'))
			.map((f) => f.split('\\').join('/'));
		const workers = files.filter((f) => /worker/i.test(f));
		expect(workers.length, 'the DuckDB and CSV workers are built').toBeGreaterThan(0);
		for (const f of [...workers, files.find((f) => f.startsWith('entry/'))!]) {
			const res = await request.get(`/_app/immutable/${f}`);
			expect(res.status()).toBe(200);
			const policy = parsePolicy(res.headers()['content-security-policy'] ?? '');
			expect(policy.get('script-src')?.sort(), f).toEqual(["'self'", "'wasm-unsafe-eval'"]);
			expect(policy.get('connect-src'), f).toEqual(["'self'"]);
			expect(policy.get('worker-src')?.sort(), f).toEqual(["'self'", 'blob:']);
			expect(res.headers()['cache-control'], f).toContain('immutable');
		}
	});
});

test.describe('the <meta> policy in every page', () => {
	test('hashes every inline script, allows no unhashed inline script and no event-handler attribute', () => {
		const problems: string[] = [];
		// Every page, and the not-found page served for unknown paths.
		const documents = [
			...pages.map((p) => ({ path: p.path, html: pageHtml(p.path) })),
			{ path: '/404.html', html: readFileSync(`${BUILD_DIR}/404.html`, 'utf8') }
		];
		for (const p of documents) {
			const html = p.html;
			const meta = metaPolicy(html);
			if (!meta) {
				problems.push(`${p.path}: no <meta http-equiv="content-security-policy"> (kit.csp)`);
				continue;
			}
			const scriptSrc = parsePolicy(meta).get('script-src') ?? [];
			if (scriptSrc.includes("'unsafe-inline'")) problems.push(`${p.path}: 'unsafe-inline' in script-src`);
			for (const s of inlineScripts(html))
				if (!scriptSrc.includes(sha256(s)))
					problems.push(`${p.path}: inline script not hashed: ${s.slice(0, 80)}`);
			// The <meta> must come before any script, or earlier scripts would escape it.
			const metaAt = html.search(/<meta http-equiv="content-security-policy"/i);
			const firstInline = html.search(/<script>/i);
			if (firstInline >= 0 && firstInline < metaAt)
				problems.push(`${p.path}: inline script before the <meta>`);
			const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/gi, '');
			const handler = /<[a-z][^>]*\son[a-z]+\s*=/i.exec(withoutScripts);
			if (handler) problems.push(`${p.path}: event-handler attribute ${handler[0].slice(0, 80)}`);
			if (/\shref\s*=\s*["']?\s*javascript:/i.test(withoutScripts))
				problems.push(`${p.path}: javascript: link`);
		}
		expect(problems.join('\n')).toBe('');
	});
});

test.describe('DuckDB-WASM under the policy', () => {
	test('the explorer boots the engine (worker + wasm) with no violation and only same-origin requests', async ({
		page,
		guard
	}) => {
		test.setTimeout(120_000);
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto('/explore/');
		const status = page.locator('.engine-status').first();
		await expect(status).toHaveAttribute('data-phase', /ready|error|unsupported/, { timeout: 90_000 });
		await expect(status, await status.innerText()).toHaveAttribute('data-phase', 'ready');
		expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
		guard.expectClean('explorer boot');
	});

	test('the SQL console cannot reach another host (lock-down, with connect-src as the backstop)', async ({
		page,
		guard
	}) => {
		test.setTimeout(120_000);
		await page.goto('/explore/sql/');
		const consoleBox = page.getByTestId('sql-console');
		await expect(consoleBox).toHaveAttribute('data-ready', 'true');
		await consoleBox.locator('textarea').fill("SELECT * FROM read_csv('https://example.org/x.csv')");
		await page.getByTestId('sql-run').click();
		await expect(page.getByTestId('sql-error')).toBeVisible({ timeout: 90_000 });
		// Whatever the engine says, nothing may have left the origin: the guard checks that when the test ends.
		expect(guard.issues.offOrigin).toEqual([]);
	});
});

test.describe('framing', () => {
	const HOST = 'http://newsroom.test';

	test('another site can frame an embed but not the explorer or the story', async ({
		page,
		guard,
		baseURL
	}) => {
		const embed = pages.find((p: SitePage) => p.embed && !p.staticEmbed);
		// Every registered chart has a live embed; none built is a failure, not a reason to skip.
		expect(embed, 'a live embed page in the build').toBeTruthy();
		guard.allowRequest(/^http:\/\/newsroom\.test\//);
		await page.route(`${HOST}/**`, (route) =>
			route.fulfill({
				contentType: 'text/html',
				body: `<!doctype html><title>Host</title>
					<iframe id="embed" title="embed" src="${baseURL}${embed!.path}" width="600" height="400"></iframe>
					<iframe id="explore" title="explore" src="${baseURL}/explore/" width="600" height="400"></iframe>
					<iframe id="story" title="story" src="${baseURL}/" width="600" height="400"></iframe>`
			})
		);
		await page.goto(`${HOST}/article`);
		const frameText = async (id: string) => {
			const handle = await page.locator(`#${id}`).elementHandle();
			const frame = await handle!.contentFrame();
			return frame ? frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
		};
		await expect.poll(() => frameText('embed'), { timeout: 15_000 }).not.toBe('');
		// A frame blocked by frame-ancestors shows the browser's error page, never our content.
		await page.waitForTimeout(1000);
		for (const id of ['explore', 'story']) {
			const handle = await page.locator(`#${id}`).elementHandle();
			const frame = await handle!.contentFrame();
			const url = frame?.url() ?? '';
			expect(url.startsWith(baseURL!), `${id} must not load inside another site (got ${url})`).toBe(false);
		}
		// The refusals are expected here; anything else is not.
		guard.issues.csp.splice(
			0,
			guard.issues.csp.length,
			...guard.issues.csp.filter((l) => !/frame-ancestors|Refused to frame/i.test(l))
		);
		guard.issues.console.splice(
			0,
			guard.issues.console.length,
			...guard.issues.console.filter((l) => !/Refused to (display|frame)/i.test(l))
		);
	});
});
