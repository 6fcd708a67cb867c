/**
 * The explorer on the built site: prerendered overview without JS, lazy engine, linked filtering, URL state,
 * notices for bad links, and no request leaving our origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { PAGE_SIZE, SORTS } from '../../src/lib/queries/explore';
import { rawQuery } from './helpers/engine';

const EXPLORE = '/explore/';

/** Waits until the engine is up and every view shows the results for the current URL. */
async function settled(page: Page) {
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-engine', 'ready', { timeout: 45_000 });
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-settled', 'true', { timeout: 30_000 });
}

const tableColumn = (page: Page, index: number) =>
	page
		.locator('[data-testid=posts] tbody tr')
		.evaluateAll(
			(rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i].textContent?.trim() ?? ''),
			index
		);

/** Every wasm request the page or its workers make, as they are made. */
function wasmRequests(page: Page): string[] {
	const urls: string[] = [];
	page.context().on('request', (r) => {
		if (new URL(r.url()).pathname.endsWith('.wasm')) urls.push(r.url());
	});
	return urls;
}

const facetCounts = (page: Page, facet: string): Promise<Record<string, number>> =>
	page
		.locator(`[data-testid=facet-${facet}] button[data-value]`)
		.evaluateAll((bs) =>
			Object.fromEntries(
				bs.map((b) => [
					b.getAttribute('data-value') ?? '',
					Number(b.querySelector('.n')!.textContent!.replace(/\D/g, ''))
				])
			)
		);

/**
 * The posts table's first page (ids of first copies) over [from, to), as the built dataset's own posts give it:
 * read with DuckDB in Node from the Parquet download, not through the site.
 */
async function firstPage(from: number | null, to: number | null, sort: 'newest' | 'oldest') {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		const conds = [
			'dup_of IS NULL',
			...(from === null ? [] : [`epoch_ms(created_at) >= ${from}`]),
			...(to === null ? [] : [`epoch_ms(created_at) < ${to}`])
		];
		const sql = `SELECT post_id FROM read_parquet('build/data/posts.parquet') WHERE ${conds.join(' AND ')}
			ORDER BY ${SORTS[sort]}, post_id LIMIT ${PAGE_SIZE}`;
		return (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => String(r.post_id));
	} finally {
		conn.closeSync();
	}
}

/** Drags across the time histogram from fraction `from` to fraction `to` of its width (a real brush). */
async function brush(page: Page, from: number, to: number, steps = 4) {
	const box = (await page.getByTestId('histogram').boundingBox())!;
	await page.mouse.move(box.x + box.width * from, box.y + box.height * 0.5);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * to, box.y + box.height * 0.5, { steps });
	await page.mouse.up();
}

/** The parts of the engine status (window.__aiad.status) these tests read. */
interface Status {
	files: { path: string; bytes: number; view: string }[];
	preload: { state: string; loaded: number; total: number };
}
const statusOf = (page: Page) =>
	page.evaluate(() => {
		const st = (window as unknown as { __aiad: { status: Status } }).__aiad.status;
		return { files: st.files.map((f) => ({ ...f })), preload: { ...st.preload } };
	});

/** Records every request that is not to our own origin, and blocks it. */
async function guardOrigin(page: Page, baseURL: string) {
	const offOrigin: string[] = [];
	await page.context().route(
		(url) => !url.href.startsWith(baseURL),
		(route) => {
			offOrigin.push(route.request().url());
			return route.abort();
		}
	);
	page.on('request', (r) => {
		if (!r.url().startsWith(baseURL) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
			offOrigin.push(r.url());
	});
	return offOrigin;
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the prerendered page shows the overview chart, the facets and a message', async ({ page }) => {
		await page.goto(EXPLORE);
		expect(await page.locator('[data-testid=histogram] rect.bar').count()).toBeGreaterThan(10);
		expect(await page.locator('[data-testid=facet-platform] button[data-value]').count()).toBeGreaterThan(1);
		await expect(page.locator('.noscript')).toBeVisible();
		// The posts table's first page is prerendered too: the newest posts, as the dataset gives them.
		const ids = await page
			.locator('[data-testid=posts] tbody tr[data-post-id]')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-post-id')));
		expect(ids).toEqual(await firstPage(null, null, 'newest'));
		await expect(page.getByTestId('posts-count')).toContainText('1–25 of');
		await expect(
			page.locator('[data-testid=posts] tbody tr[data-provenance=simulated]').first()
		).toBeVisible();
	});
});

test('the overview is in the HTML; the engine starts after it and fills the table', async ({
	page,
	baseURL
}) => {
	const offOrigin = await guardOrigin(page, baseURL!);
	const response = await page.goto(EXPLORE);
	const html = await response!.text();
	expect(html.match(/class="bar/g)?.length ?? 0).toBeGreaterThan(10);
	await settled(page);
	await expect(page.locator('[data-testid=posts] tbody tr')).toHaveCount(25);
	await expect(page.locator('.engine-status')).toContainText(/ready/i);
	const status = await page.evaluate(
		() => (window as unknown as { __aiad: { status: Status } }).__aiad.status
	);
	// The default view needs the stored first counts and the hourly pre-aggregate, and no posts at all: its table
	// page is in the HTML (the rest load in the background once every view is filled, counted apart).
	const mine = status.files.filter((f) => f.view === 'explore').map((f) => f.path);
	expect(mine).toContain('arrow/posts_hourly.arrow');
	expect(mine.filter((p) => p.startsWith('arrow/posts'))).toEqual(['arrow/posts_hourly.arrow']);
	expect(await html.match(/data-post-id=/g)?.length).toBe(25);
	// What a view downloaded is reported in bytes (they were read after the buffer went to the worker: 0).
	for (const f of status.files) expect(f.bytes, f.path).toBeGreaterThan(0);
	await expect(page.locator('.engine-status')).not.toContainText(/ 0 KB/);
	await expect(page.getByTestId('simulated-badge')).toContainText(/simulated/i);
	expect(offOrigin).toEqual([]);
});

test('with no filter the first counts come from the build’s stored result, the same as the live query; a link with a filter runs it', async ({
	page
}) => {
	const counts = async (sql: string) =>
		Object.fromEntries(
			(JSON.parse((await rawQuery(page, sql)).value) as { value: string; n: number }[]).map((r) => [
				r.value,
				Number(r.n)
			])
		);
	const live = (where: string) =>
		counts(
			`SELECT provenance AS value, sum(n)::INTEGER AS n FROM posts_hourly WHERE NOT is_dup ${where} GROUP BY 1`
		);
	await page.goto(EXPLORE);
	await settled(page);
	const loaded = (await statusOf(page)).files.map((f) => f.path);
	// Loaded first, and before the hourly pre-aggregate the rest of the views need.
	expect(loaded[0]).toBe('arrow/crossfilter_default.arrow');
	expect(loaded.indexOf('arrow/posts_hourly.arrow')).toBeGreaterThan(0);
	const stored = await counts(`SELECT value, n FROM crossfilter_default WHERE facet = 'provenance'`);
	expect(Object.keys(stored).length).toBeGreaterThan(0);
	expect(stored).toEqual(await live(''));
	expect(await facetCounts(page, 'prov')).toEqual(stored);

	await page.goto(`${EXPLORE}?platform=mastodon`);
	await settled(page);
	expect((await statusOf(page)).files.map((f) => f.path)).not.toContain('arrow/crossfilter_default.arrow');
	const filtered = await live(`AND platform = 'mastodon'`);
	expect(filtered).not.toEqual(stored);
	expect(await facetCounts(page, 'prov')).toEqual(filtered);
});

test('once every view is filled, the other posts load in the background, and a brush then downloads nothing', async ({
	page,
	request
}) => {
	await page.goto(EXPLORE);
	await settled(page);
	const status = page.locator('.engine-status');
	await expect(status).toHaveAttribute('data-preload', 'done', { timeout: 40_000 });
	await expect(status).toContainText(/all posts loaded \(\d[\d.]* MB more in the background\)/);
	const index = (await (await request.get('/data/arrow/index.json')).json()) as {
		tables: Record<string, { files: { path: string; bytes: number }[] }>;
	};
	const wanted = [...index.tables.posts.files, ...index.tables.posts_text.files];
	const before = await statusOf(page);
	// Every partition of both posts tables is in, each once: what the views loaded, then the background the rest.
	expect(
		before.files
			.map((f) => f.path)
			.filter((p) => /^arrow\/posts(_text)?\//.test(p))
			.sort()
	).toEqual(wanted.map((f) => f.path).sort());
	const background = before.files.filter((f) => f.view === 'background');
	expect(background.length).toBeGreaterThan(wanted.length / 2);
	expect(before.preload.loaded).toBe(before.preload.total);
	expect(before.preload.total).toBe(
		wanted.filter((f) => background.some((b) => b.path === f.path)).reduce((s, f) => s + f.bytes, 0)
	);

	await brush(page, 0.2, 0.35);
	await expect(page).toHaveURL(/from=/);
	await settled(page);
	await expect(page.locator('[data-testid=posts] tbody tr').first()).toBeVisible();
	expect((await statusOf(page)).files).toHaveLength(before.files.length);
});

test('a brush’s first page comes from its hours’ heads while no partition is in, and is the posts’ own first page', async ({
	page
}) => {
	// No posts partition can arrive: the pages shown can only come from the hour heads.
	await page.context().route(/\/data\/arrow\/posts(_text)?\//, (route) => route.abort());
	const shown = () =>
		page
			.locator('[data-testid=posts] tbody tr[data-post-id]')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-post-id')));
	const range = () => {
		const q = new URL(page.url()).searchParams;
		return [q.get('from'), q.get('to')].map((v) => (v ? Date.parse(v) : null)) as [number, number];
	};
	await page.goto(EXPLORE);
	await settled(page);
	expect(await shown()).toEqual(await firstPage(null, null, 'newest'));
	await brush(page, 0.3, 0.45);
	await expect(page).toHaveURL(/from=.*&to=/);
	await settled(page);
	const [from, to] = range();
	expect(await shown()).toEqual(await firstPage(from, to, 'newest'));
	await page.goto(`${page.url()}&sort=oldest`);
	await settled(page);
	expect(range()).toEqual([from, to]);
	expect(await shown()).toEqual(await firstPage(from, to, 'oldest'));

	const loaded = (await statusOf(page)).files.filter((f) => f.view === 'explore').map((f) => f.path);
	expect(loaded.filter((p) => p.startsWith('arrow/posts_head/')).length).toBeGreaterThan(0);
	expect(loaded.filter((p) => /^arrow\/posts(_text)?\//.test(p))).toEqual([]);
	await expect(page.locator('[data-testid=posts] tbody tr[data-post-id]')).toHaveCount(25);
});

test('the prerendered first page stands only for its own dataset: with other data the engine fetches the page', async ({
	page
}) => {
	// The site's data swapped after the build (its index names another dataset version).
	await page.context().route('**/data/arrow/index.json', async (route) => {
		const index = await (await route.fetch()).json();
		return route.fulfill({ json: { ...index, datasetVersion: 'another-build' } });
	});
	await page.goto(EXPLORE);
	await settled(page);
	const loaded = (await statusOf(page)).files.filter((f) => f.view === 'explore').map((f) => f.path);
	expect(loaded.filter((p) => /^arrow\/posts(_head)?\//.test(p)).length).toBeGreaterThan(0);
	const ids = await page
		.locator('[data-testid=posts] tbody tr[data-post-id]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-post-id')));
	expect(ids).toEqual(await firstPage(null, null, 'newest'));
});

test('when the hour heads cannot be had, the first page comes from the partitions, the same page', async ({
	page
}) => {
	const heads: string[] = [];
	await page.context().route(/\/data\/arrow\/posts_head\//, (route) => {
		heads.push(route.request().url());
		return route.abort();
	});
	await page.goto(EXPLORE);
	await settled(page);
	// (The default view's first page is in the HTML: a brush's is not.)
	await brush(page, 0.3, 0.45);
	await expect(page).toHaveURL(/from=.*&to=/);
	await settled(page);
	const q = new URL(page.url()).searchParams;
	const shown = await page
		.locator('[data-testid=posts] tbody tr[data-post-id]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-post-id')));
	expect(heads.length).toBeGreaterThan(0);
	expect(shown).toEqual(await firstPage(Date.parse(q.get('from')!), Date.parse(q.get('to')!), 'newest'));
	const loaded = (await statusOf(page)).files.filter((f) => f.view === 'explore').map((f) => f.path);
	expect(loaded.filter((p) => p.startsWith('arrow/posts/')).length).toBeGreaterThan(0);
	await expect(page.getByTestId('posts')).not.toContainText(/error|could not/i);
});

test('when a background download fails, the status line says so and a brush still loads what it shows', async ({
	page
}) => {
	await page.goto(EXPLORE);
	await settled(page);
	// From now on no posts partition arrives: the background load's first one fails.
	const postsFiles = /\/data\/arrow\/posts(_text)?\//;
	await page.context().route(postsFiles, (route) => route.abort());
	const status = page.locator('.engine-status');
	await expect(status).toHaveAttribute('data-preload', 'failed', { timeout: 40_000 });
	await expect(status).toContainText('the other posts could not load in the background');
	await expect(status).toContainText('Query engine ready');
	// The views are not held up by it: once the partitions can be had again, a brush loads its own.
	await page.context().unroute(postsFiles);
	await brush(page, 0.2, 0.35);
	await expect(page).toHaveURL(/from=/);
	await settled(page);
	await expect(page.locator('[data-testid=posts] tbody tr').first()).toBeVisible();
});

test('the background load waits while a pointer is down in the explorer, and goes on once it is up', async ({
	page
}) => {
	await page.goto(EXPLORE);
	await settled(page);
	const status = page.locator('.engine-status');
	await expect(status).toHaveAttribute('data-preload', 'running', { timeout: 20_000 });
	const background = async () => (await statusOf(page)).files.filter((f) => f.view === 'background').length;
	// Pressed on the page's title: no brush and no query, only a reader's hand on the explorer.
	const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
	await page.mouse.move(title.x + 5, title.y + 5);
	await page.mouse.down();
	// A file already going in when the pointer went down still goes in.
	await page.waitForTimeout(500);
	const held = await background();
	await page.waitForTimeout(2_000);
	expect(await background()).toBe(held);
	await expect(status).toHaveAttribute('data-preload', 'running');
	await page.mouse.up();
	await expect.poll(background, { timeout: 10_000 }).toBeGreaterThan(held);
});

test('a device with little memory gets no background load', async ({ page }) => {
	// Chromium reports a device's memory in GB; at 0.25 GB the budget (16 MB) is less than the default posts.
	await page.addInitScript(() => Object.defineProperty(navigator, 'deviceMemory', { get: () => 0.25 }));
	await page.goto(EXPLORE);
	await settled(page);
	// The background load would start within a quiet 200 ms and an idle callback.
	await page.waitForTimeout(1_500);
	const { files, preload } = await statusOf(page);
	expect(preload.state).toBe('off');
	expect(files.filter((f) => f.view === 'background')).toEqual([]);
	await expect(page.locator('.engine-status')).not.toContainText(/background/);
});

test('the engine downloads once: the module compiled beside DuckDB’s worker is the one it instantiates', async ({
	page
}) => {
	const wasm = wasmRequests(page);
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
	await page.goto(EXPLORE);
	await settled(page);
	expect(
		workers.some((w) => /\/wasmCompile\.worker-[\w-]+\.js$/.test(w)),
		workers.join()
	).toBe(true);
	expect(
		workers.some((w) => /\/duckdb-browser-eh\.worker\.[\w-]+\.js$/.test(w)),
		workers.join()
	).toBe(true);
	// Had DuckDB's worker not taken the module from the compile worker's port, it would fetch the wasm again.
	expect(wasm).toHaveLength(1);
	expect(wasm[0]).toMatch(/\/_app\/immutable\/assets\/duckdb-eh\.[\w-]+\.wasm$/);
});

test('the hourly aggregate is requested once the wasm is in, not beside it; the stored first counts at once', async ({
	page
}) => {
	// How much of the wasm the engine had counted when each aggregate was asked for (a string: see `when`).
	await page.addInitScript(`{
		const fetch0 = window.fetch;
		window.__asked = {};
		window.fetch = (input, init) => {
			const name = String(input).split('/').pop();
			const st = window.__aiad && window.__aiad.status;
			if (/^(posts_hourly|crossfilter_default)\\.arrow$/.test(name))
				window.__asked[name] = st ? [st.engineLoaded, st.engineTotal, st.steps.length] : null;
			return fetch0(input, init);
		};
	}`);
	await page.goto(EXPLORE);
	await settled(page);
	const asked = await page.evaluate(
		() => (window as unknown as { __asked: Record<string, [number, number, number]> }).__asked
	);
	const [loaded, total] = asked['posts_hourly.arrow'];
	expect(total, JSON.stringify(asked)).toBeGreaterThan(6 * 1024 * 1024);
	expect(loaded, JSON.stringify(asked)).toBe(total);
	// The first counts do not wait: asked for while the wasm was still on its way.
	expect(asked['crossfilter_default.arrow'][0], JSON.stringify(asked)).toBeLessThan(total);
});

test('when the compile worker cannot start, DuckDB’s worker downloads the engine itself and the views fill', async ({
	page
}) => {
	await page.context().route(/\/wasmCompile\.worker-[\w-]+\.js$/, (route) => route.abort());
	const wasm = wasmRequests(page);
	await page.goto(EXPLORE);
	await settled(page);
	await expect(page.locator('[data-testid=posts] tbody tr')).toHaveCount(25);
	await expect(page.locator('.engine-status')).toContainText(/ready/i);
	expect(wasm).toHaveLength(1);
});

test('while it loads, the indicator counts the engine and data bytes against their true size', async ({
	page
}) => {
	await page.goto(EXPLORE, { waitUntil: 'commit' });
	// Sampled every frame from inside the page: the status the indicator reads, and the text it shows.
	const samples = await page.evaluate(async () => {
		type Status = {
			phase: string;
			engineLoaded: number;
			engineTotal: number;
			dataLoaded: number;
			dataTotal: number;
		};
		const out: (Status & { text: string })[] = [];
		const t0 = performance.now();
		while (performance.now() - t0 < 40_000) {
			const s = (window as unknown as { __aiad?: { status: Status } }).__aiad?.status;
			if (s) {
				// Only the fields read below: the status also holds the list of every file loaded.
				const { phase, engineLoaded, engineTotal, dataLoaded, dataTotal } = s;
				const text = document.querySelector('.engine-status')?.textContent ?? '';
				out.push({ phase, engineLoaded, engineTotal, dataLoaded, dataTotal, text });
				if (phase === 'ready') break;
			}
			await new Promise((r) => requestAnimationFrame(r));
		}
		return out;
	});
	expect(samples.at(-1)?.phase).toBe('ready');
	const engine = samples.filter((s) => s.engineTotal > 0);
	expect(engine.length).toBeGreaterThan(0);
	// The wasm is served brotli-compressed: its length header counts compressed bytes, the progress decoded ones.
	for (const s of engine) expect(s.engineLoaded, JSON.stringify(s)).toBeLessThanOrEqual(s.engineTotal);
	expect(engine.at(-1)!.engineLoaded).toBe(engine.at(-1)!.engineTotal);
	// Decoded bytes: the engine's primary half (scripts/lib/wasm-split.ts) is 7.6 MB, 1.7 MB on the wire.
	expect(engine.at(-1)!.engineTotal).toBeGreaterThan(6 * 1024 * 1024);
	for (const s of samples.filter((x) => x.dataTotal > 0))
		expect(s.dataLoaded, JSON.stringify(s)).toBeLessThanOrEqual(s.dataTotal);
	for (const { text } of samples) {
		const shown = /\(([\d.]+) MB \/ ([\d.]+) MB\)/.exec(text);
		if (shown) expect(Number(shown[1]), text).toBeLessThanOrEqual(Number(shown[2]));
	}
});

test('pressing a platform bar filters every other view, including the table', async ({ page }) => {
	await page.goto(EXPLORE);
	await settled(page);
	// Every bar's label is shown whole (a long one wraps), so a reader can tell what they press.
	const cut = await page
		.locator('[data-testid^=facet-] button[data-value] .label')
		.evaluateAll((ls) => ls.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent));
	expect(cut).toEqual([]);
	const before = await facetCounts(page, 'lang');
	const platforms = await facetCounts(page, 'platform');
	await page.locator('[data-testid=facet-platform] button[data-value=mastodon]').click();
	await expect(page).toHaveURL(/platform=mastodon/);
	await settled(page);
	await expect(page.locator('[data-testid=facet-platform] button[data-value=mastodon]')).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// The table names the platform for readers; the facet button and the URL keep its code.
	const platformsCol = await tableColumn(page, 1);
	expect(platformsCol.length).toBeGreaterThan(0);
	expect(new Set(platformsCol)).toEqual(new Set(['Mastodon']));
	const after = await facetCounts(page, 'lang');
	expect(after).not.toEqual(before);
	const total = Object.values(after).reduce((a, b) => a + b, 0);
	expect(total).toBe(platforms.mastodon);
	// The platform facet keeps counting the other platforms (its own filter does not apply to it).
	expect(await facetCounts(page, 'platform')).toEqual(platforms);
	await expect(page.getByTestId('posts-count')).toContainText(platforms.mastodon.toLocaleString('en-US'));
});

test('the state follows navigations the explorer did not make: the language switch and back', async ({
	page
}) => {
	await page.goto(EXPLORE);
	await settled(page);
	await page.locator('[data-testid=facet-platform] button[data-value=mastodon]').click();
	// The views repaint first; the address bar follows, and with it the header's language link.
	await expect(page).toHaveURL(/platform=mastodon/);
	const toKorean = page.locator('header.site-header a[hreflang=ko]');
	await expect(toKorean).toHaveAttribute('href', /platform=mastodon/);
	await toKorean.click();
	await expect(page).toHaveURL(/\/ko\/explore\/\?platform=mastodon/);
	const pressed = page.locator('[data-testid=facet-platform] button[data-value=mastodon]');
	await expect(pressed).toHaveAttribute('aria-pressed', 'true');
	await settled(page);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-state', '?platform=mastodon');
	await page.goBack();
	await expect(page).toHaveURL(/\/explore\/\?platform=mastodon/);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-state', '?platform=mastodon');
	// The header's link to the explorer itself: the same page, so the state must follow the new, empty URL.
	await page.locator('header.site-header nav a[aria-current=page]').click();
	await expect(page).not.toHaveURL(/platform=/);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-state', '');
	await expect(page.locator('[data-testid=facet-platform] button[data-value=mastodon]')).toHaveAttribute(
		'aria-pressed',
		'false'
	);
});

test('brushing the time axis filters the table and the facets', async ({ page }) => {
	await page.goto(EXPLORE);
	await settled(page);
	const before = await facetCounts(page, 'stance');
	await brush(page, 0.35, 0.45, 6);
	await expect(page).toHaveURL(/from=.*&to=/);
	await settled(page);
	const url = new URL(page.url());
	const from = Date.parse(url.searchParams.get('from')!);
	const to = Date.parse(url.searchParams.get('to')!);
	expect(to).toBeGreaterThan(from);
	const times = (await tableColumn(page, 0)).map((s) => Date.parse(`${s.replace(' ', 'T')}:00Z`));
	expect(times.length).toBeGreaterThan(0);
	for (const ms of times) {
		expect(ms).toBeGreaterThanOrEqual(from);
		expect(ms).toBeLessThan(to);
	}
	const after = await facetCounts(page, 'stance');
	const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
	expect(sum(after)).toBeLessThan(sum(before));
	await expect(page.getByTestId('time-selection')).toContainText('UTC');
	// The bars are dimmed but for the brushed band, where a full-strength copy is clipped to the selection.
	const hist = page.getByTestId('histogram');
	await expect(hist.locator('g.bars.dim')).toHaveCount(1);
	const clip = await hist
		.locator('clipPath rect')
		.evaluate((r) => [r.getAttribute('x'), r.getAttribute('width')]);
	const band = await hist
		.locator('rect.selection')
		.evaluate((r) => [r.getAttribute('x'), r.getAttribute('width')]);
	expect(clip).toEqual(band);
	expect(Number(clip[1])).toBeGreaterThan(1);
	const clipId = await hist.locator('clipPath').getAttribute('id');
	await expect(hist.locator('path.bars-in')).toHaveAttribute('clip-path', `url(#${clipId})`);
	// Clearing the brush brings every count back, and every bar at full strength.
	await page.getByRole('button', { name: 'Clear time filter' }).click();
	await expect(page).not.toHaveURL(/from=/);
	await settled(page);
	expect(await facetCounts(page, 'stance')).toEqual(before);
	await expect(hist.locator('g.bars.dim')).toHaveCount(0);
	await expect(hist.locator('path.bars-in')).toHaveCount(0);
});

/** The explorer's URL writes (what it showed then, and when) and the times its state changed. */
interface UrlLog {
	writes: { url: string; state: string; settled: string; at: number }[];
	changes: number[];
}

test('after a brush the URL is written once every view shows it, not while its data loads', async ({
	page
}) => {
	await page.goto(EXPLORE);
	await settled(page);
	// What the explorer said at each URL write (SvelteKit's goto ends in history.replaceState), and when its
	// state changed: a write may come before the views are done only when they take longer than the wait.
	await page.evaluate(() => {
		const el = document.querySelector<HTMLElement>('[data-testid=explorer]')!;
		const log: UrlLog = { writes: [], changes: [] };
		(window as unknown as { __log: UrlLog }).__log = log;
		new MutationObserver(() => log.changes.push(performance.now())).observe(el, {
			attributes: true,
			attributeFilter: ['data-state']
		});
		const replace = history.replaceState.bind(history);
		history.replaceState = (data, unused, url) => {
			log.writes.push({
				url: String(url ?? ''),
				state: el.dataset.state ?? '',
				settled: el.dataset.settled ?? '',
				at: performance.now()
			});
			replace(data, unused, url);
		};
	});
	// A range near the end of the data: its first page needs partitions no view has loaded yet.
	await brush(page, 0.8, 0.9);
	await expect(page).toHaveURL(/from=.*&to=/);
	const log = await page.evaluate(() => (window as unknown as { __log: UrlLog }).__log);
	const brushed = log.writes.filter((w) => w.url.includes('from='));
	expect(brushed.length).toBeGreaterThan(0);
	let since = 0;
	for (const w of brushed) {
		expect(w.url).toContain(w.state);
		// searchState.svelte.ts's URL_WAIT_MS (500 ms), counted from the first change the write carries; the
		// observer sees a change a few ms after it is made.
		const waited = w.at - (log.changes.find((t) => t > since) ?? w.at);
		if (w.settled !== 'true') expect(waited, JSON.stringify(w)).toBeGreaterThanOrEqual(450);
		since = w.at;
	}
});

test('leaving the explorer while its URL write waits does not carry the filters to the next page', async ({
	page
}) => {
	await page.goto(EXPLORE);
	await settled(page);
	// Slow partitions keep the views from settling, so the brush's URL write is still waiting at the click.
	await page.route('**/data/arrow/posts*/**', async (route) => {
		await new Promise((r) => setTimeout(r, 1_500));
		await route.continue().catch(() => undefined);
	});
	// And a slow next page keeps the navigation under way when the write's wait runs out (URL_WAIT_MS): the
	// write must not cancel it and bring the reader back to the explorer.
	await page.route('**/_app/immutable/nodes/**', async (route) => {
		await new Promise((r) => setTimeout(r, 1_200));
		await route.continue().catch(() => undefined);
	});
	await brush(page, 0.6, 0.7);
	await page.getByRole('navigation').getByRole('link', { name: 'Protest wave' }).click();
	await expect(page).toHaveURL(/\/wave\/$/);
	await page.waitForTimeout(1_000);
	expect(new URL(page.url()).search).toBe('');
});

test('a link reproduces the view: filters, search, sort and page round-trip through the URL', async ({
	page,
	context
}) => {
	test.slow(); // loads partitions for two pages on a shared 2-core machine
	await page.goto(EXPLORE);
	await settled(page);
	await page.locator('[data-testid=facet-lang] button[data-value=en]').click();
	await settled(page);
	await page.getByLabel('Sort').selectOption('oldest');
	await settled(page);
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page).toHaveURL(/page=2/);
	await settled(page);
	const ids = await page
		.locator('[data-testid=posts] tbody tr')
		.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-post-id')));
	const url = page.url();
	expect(url).toMatch(/lang=en/);
	expect(url).toMatch(/sort=oldest/);

	const other = await context.newPage();
	await other.goto(url);
	await settled(other);
	const again = await other
		.locator('[data-testid=posts] tbody tr')
		.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-post-id')));
	expect(again).toEqual(ids);
	await expect(other.locator('[data-testid=facet-lang] button[data-value=en]')).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(other.getByLabel('Sort')).toHaveValue('oldest');
	await expect(other.getByTestId('page-of')).toContainText('Page 2 of');
	expect(await other.getByTestId('explorer').getAttribute('data-state')).toBe(
		await page.getByTestId('explorer').getAttribute('data-state')
	);
});

test('the posts table keeps its column widths whatever the page holds', async ({ page }) => {
	const widths = () =>
		page
			.locator('[data-testid=posts] thead th')
			.evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
	await page.goto(EXPLORE);
	await settled(page);
	const first = await widths();
	expect(first).toHaveLength(10);
	// At a desktop width (1280 px) the whole table fits: nothing to scroll sideways.
	expect(
		await page.locator('[data-testid=posts] .scroll').evaluate((el) => el.scrollWidth - el.clientWidth)
	).toBeLessThanOrEqual(0);
	// Other rows: Korean posts, most liked first (other handles, other numbers, other text lengths).
	await page.locator('[data-testid=facet-lang] button[data-value=ko]').click();
	await settled(page);
	await page.getByLabel('Sort').selectOption('likes');
	await settled(page);
	expect(await tableColumn(page, 2)).toContain('Korean');
	expect(await widths()).toEqual(first);
});

test('on a phone each post is a card with its text on screen, and the time axis labels stay inside the chart', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(EXPLORE);
	await settled(page);
	const texts = page.locator('[data-testid=posts] tbody tr[data-post-id] td.text');
	await expect(texts).toHaveCount(25);
	// Every post's text lies within the screen's width, with nothing to scroll sideways.
	const boxes = await texts.evaluateAll((tds) =>
		tds.map((td) => {
			const r = td.getBoundingClientRect();
			return { left: Math.round(r.left), right: Math.round(r.right) };
		})
	);
	for (const b of boxes) {
		expect(b.left).toBeGreaterThanOrEqual(0);
		expect(b.right).toBeLessThanOrEqual(390);
	}
	const sideways = await page
		.locator('[data-testid=posts] .scroll')
		.evaluate((el) => el.scrollWidth - el.clientWidth);
	expect(sideways).toBeLessThanOrEqual(0);
	// A count says what it counts, as the header row is out of sight.
	const likesLabel = await page
		.locator('[data-testid=posts] tbody tr[data-post-id] td[data-label]')
		.first()
		.evaluate((td) => getComputedStyle(td, '::before').content);
	expect(likesLabel).toBe('"Likes "');
	// A post without a claim keeps its empty cell, so a screen reader's cells still line up with the columns.
	const withEmpty = page
		.locator('[data-testid=posts] tbody tr[data-post-id]:has(td.text ~ td:empty)')
		.first();
	expect((await withEmpty.ariaSnapshot()).match(/^\s*- '?cell\b/gm)).toHaveLength(10);
	const svg = page.getByTestId('histogram');
	const edge = (await svg.boundingBox())!;
	const ticks = await svg.locator('.axis text').evaluateAll((ts) =>
		ts.map((t) => {
			const r = t.getBoundingClientRect();
			return { text: t.textContent, left: r.left, right: r.right };
		})
	);
	expect(ticks.length).toBeGreaterThan(1);
	for (const t of ticks) {
		expect(t.left, t.text ?? '').toBeGreaterThanOrEqual(edge.x - 0.5);
		expect(t.right, t.text ?? '').toBeLessThanOrEqual(edge.x + edge.width + 0.5);
	}
});

test('search finds English and Korean text and keeps the words in the URL', async ({ page }) => {
	test.slow(); // loads every partition on a shared 2-core machine
	await page.goto(EXPLORE);
	await settled(page);
	for (const word of ['midjourney', '미드저니']) {
		await page.getByLabel('Search post text').fill(word);
		await page.getByLabel('Search post text').press('Enter');
		await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word)}`));
		await settled(page);
		const texts = await tableColumn(page, 4);
		expect(texts.length).toBeGreaterThan(0);
		for (const text of texts) expect(text.toLowerCase()).toContain(word);
	}
});

test('near-duplicate copies are folded under their first copy, with a count', async ({ page }) => {
	test.slow(); // loads every partition on a shared 2-core machine
	await page.goto(`${EXPLORE}?sort=copies`);
	await settled(page);
	const first = await page.getByTestId('copies').first().textContent();
	const count = Number(first?.replace(/\D/g, ''));
	expect(count).toBeGreaterThan(0);
	await expect(page.getByText(/near-duplicate copies are folded/)).toBeVisible();

	// The count opens into the copies themselves: as many as it says, each a plain-text row.
	const row = page.locator('[data-testid=posts] tbody tr[data-post-id]').first();
	const postId = await row.getAttribute('data-post-id');
	const button = row.getByRole('button', { name: /near-duplicate copies of this post/ });
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await button.click();
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	const copies = page.getByTestId('copies-of').locator('li');
	await expect(copies).toHaveCount(count);
	const ids = await copies.evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
	expect(ids).not.toContain(postId);
	// Near-duplicates share their text up to case and spacing.
	const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
	const rowText = norm(await row.locator('td.text').innerText()).slice(0, 20);
	for (const text of await copies.allInnerTexts()) expect(norm(text)).toContain(rowText);
	await button.click();
	await expect(page.getByTestId('copies-of')).toHaveCount(0);
});

test('bad and stale parameters fall back to defaults with a visible notice', async ({ page }) => {
	await page.goto(`${EXPLORE}?page=abc&platform=myspace&from=2030-01-01&sort=random&tab=admin`);
	const notices = page.getByTestId('notices');
	await expect(notices).toBeVisible();
	await expect(notices.locator('li')).toHaveCount(5);
	await expect(notices).toContainText('page=abc');
	await expect(notices).toContainText('myspace');
	await expect(notices).toContainText('the data covers');
	await settled(page);
	await expect(page.locator('[data-testid=posts] tbody tr')).toHaveCount(25);
	await expect(page.getByLabel('Sort')).toHaveValue('newest');
});

test('a page number past the end says so and shows page 1', async ({ page }) => {
	await page.goto(`${EXPLORE}?platform=mastodon&page=99999`);
	await settled(page);
	await expect(page.getByTestId('notices')).toContainText('Page 99999 does not exist');
	await expect(page.getByTestId('page-of')).toContainText('Page 1 of');
});

test('the Korean page reads the same link', async ({ page }) => {
	await page.goto('/ko/explore/?platform=mastodon&page=abc');
	await expect(page.getByTestId('notices')).toContainText('page=abc');
	await settled(page);
	const platformsCol = await tableColumn(page, 1);
	expect(new Set(platformsCol)).toEqual(new Set(['마스토돈']));
});

test('claims read by name in the facet and the table, in both languages; the link keeps the code', async ({
	page
}) => {
	for (const [path, name] of [
		[EXPLORE, 'Poisoned-Midjourney rumour'],
		['/ko/explore/', '미드저니 오염설']
	]) {
		await page.goto(`${path}?claim=mj-poisoned`);
		await settled(page);
		const button = page.locator('[data-testid=facet-claim] button[data-value=mj-poisoned]');
		await expect(button).toHaveAttribute('aria-pressed', 'true');
		await expect(button).toContainText(name);
		await expect(button).not.toContainText('mj-poisoned');
		const claims = await tableColumn(page, 6);
		expect(claims.length).toBeGreaterThan(0);
		expect(new Set(claims)).toEqual(new Set([name]));
		await expect(page).toHaveURL(/claim=mj-poisoned/);
	}
});

test('before the engine answers, a link with filters or hourly bars does not show the overview as its own counts', async ({
	page
}) => {
	// The engine never starts: what stays on screen is what the prerendered page and the link make of it.
	await page.context().route(/\.wasm$/, (route) => route.abort());
	await page.goto(`${EXPLORE}?from=2022-12-14T00:00Z&to=2022-12-16T00:00Z`);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-state', /from=/);
	// A time range leaves the histogram's own counts as they are (all posts by day): they stay, with the range.
	expect(await page.locator('[data-testid=histogram] rect.bar').count()).toBeGreaterThan(10);
	// The facets' overview counts every day; for this range they wait for the engine.
	await expect(page.locator('[data-testid=facet-platform] button[data-value]')).toHaveCount(0);
	await expect(page.getByTestId('facet-platform')).toContainText('Waiting for the query engine');

	await page.goto(`${EXPLORE}?bin=hour`);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-state', /bin=hour/);
	// Daily totals drawn as hourly bars would read as spikes 24 times too tall.
	await expect(page.locator('[data-testid=histogram] rect.bar')).toHaveCount(0);
	// With nothing drawn, the count axis still labels each of its lines once (no "1, 1, 0" for 1, 0.5, 0).
	const yLabels = await page.locator('[data-testid=histogram] .grid text').allTextContents();
	expect(new Set(yLabels).size).toBe(yLabels.length);
	// The facets do not depend on the bins: the overview is theirs.
	expect(await page.locator('[data-testid=facet-platform] button[data-value]').count()).toBeGreaterThan(1);
});

test('when the engine cannot load (wasm blocked: the stall timeout fires), the overview stays and a message explains', async ({
	page
}) => {
	await page.context().route(/\.wasm$/, (route) => route.abort());
	// The page's clock runs as usual, and jumps past the stall timeout (engine.ts's STALL_TIMEOUT_MS, 30 s)
	// until the guard, armed once the boot has imported DuckDB's module, fires: the real wait is 30 s of nothing.
	await page.clock.install();
	await page.goto(EXPLORE);
	const status = page.locator('.engine-status');
	await expect(async () => {
		await page.clock.fastForward(32_000);
		await expect(status).toContainText('could not start', { timeout: 1_000 });
	}).toPass({ timeout: 30_000 });
	await expect(status).toContainText('overview above is still correct');
	await expect(status.getByRole('button', { name: 'Try again' })).toBeVisible();
	expect(await page.locator('[data-testid=histogram] rect.bar').count()).toBeGreaterThan(10);
	expect(await page.locator('[data-testid=facet-platform] button[data-value]').count()).toBeGreaterThan(1);
	await expect(page.getByTestId('explorer')).toHaveAttribute('data-engine', 'waiting');
	// The prerendered first page of the table stays too.
	await expect(page.locator('[data-testid=posts] tbody tr[data-post-id]')).toHaveCount(25);
});
