// Downloads as researchers get them: exact CSV bytes of a filtered view (hostile text, long ids), full tables,
// large exports in a worker, PNG/SVG with the provenance in them, and the reproducibility zip.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { pngSize, readPngText } from '../../src/lib/export/pngText';

const manifest = () =>
	JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as {
		datasetVersion: string;
		tables: Record<string, { rows: number }>;
	};

async function save(page: Page, trigger: () => Promise<unknown>): Promise<{ d: Download; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
	return { d, bytes: readFileSync((await d.path())!) };
}

async function openDownloads(page: Page, chart: string): Promise<Locator> {
	const frame = page.locator(`figure[data-chart="${chart}"]`);
	await frame.locator('[data-action="download"] summary').click();
	const menu = frame.locator(`[data-chart-downloads="${chart}"]`);
	await expect(menu.locator('[data-download="shown-csv"]')).toBeEnabled();
	return menu;
}

/**
 * The exact-content tests read tests/fixtures/source-mini, whatever dataset the site was built with: that source
 * is built once into test-results/, served in place of /data/…, and the aggregates SvelteKit inlined into each
 * page are stripped so the pages hydrate from it (as tests/e2e/hostile-data.spec.ts does).
 */
const FIXTURE = 'tests/fixtures/source-mini';
let fixtureData = '';

async function useFixtureData(context: BrowserContext) {
	await context.route(/\/data\/.+\.(json|arrow|csv|parquet)(\?.*)?$/, async (route) => {
		const path = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/data\//, '');
		const file = join(fixtureData, path);
		if (path.includes('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
		await route.fulfill({ status: 200, body: readFileSync(file) });
	});
	await context.route(
		(url) => url.pathname.endsWith('/') && !url.pathname.startsWith('/_app/'),
		async (route) => {
			const response = await route.fetch();
			const html = (await response.text()).replace(
				/<script type="application\/json" data-sveltekit-fetched[^>]*>[\s\S]*?<\/script>/g,
				''
			);
			await route.fulfill({ response, body: html });
		}
	);
}

// The trending grid filtered to one capture of tests/fixtures/source-mini: its third tile has a hostile title.
const CAPTURE = 'trending-all-20221220T000000Z';
const GRID_HEADER = 'snapshot_id,rank,project_id,title,artist_username,is_protest,protest_signal,provenance';

test.describe('data shown (filtered view)', () => {
	test.beforeAll(async ({ browserName: _browser }, info) => {
		test.setTimeout(120_000);
		fixtureData = join(info.project.outputDir, 'source-mini-data');
		if (existsSync(join(fixtureData, 'manifest.json'))) return;
		execFileSync(
			process.execPath,
			[
				'node_modules/tsx/dist/cli.mjs',
				'scripts/build-data.ts',
				'--source',
				FIXTURE,
				'--out',
				fixtureData,
				'--quiet'
			],
			{ stdio: 'pipe', env: { ...process.env, TZ: 'UTC' } }
		);
	});
	test.beforeEach(async ({ context }) => {
		await useFixtureData(context);
	});

	test('grid of one capture: exact spreadsheet-safe CSV, and the raw variant', async ({ page }) => {
		await page.goto(`/trending/?capture=${CAPTURE}&top=100`);
		// The grid first shows the default capture and is redrawn once the linked one has loaded: open the menu
		// on the redrawn one (a menu opened before that is closed by the redraw).
		await expect(page.locator('#grid-title')).toContainText('Dec 20, 2022 00:00 UTC');
		const menu = await openDownloads(page, 'grid');
		await expect(menu.locator('h4').first()).toContainText('4 rows');

		const safe = await save(page, () => menu.locator('[data-download="shown-csv"]').click());
		expect(safe.d.suggestedFilename()).toBe('grid-data-SIMULATED.csv');
		expect(safe.bytes.toString('utf8')).toBe(
			[
				GRID_HEADER,
				`"${CAPTURE}",1,"1000001","Forest Spirit","sim_artist_0001",false,,"simulated"`,
				`"${CAPTURE}",2,"1000004","No to AI Generated Images","sim_artist_0004",true,"title:no-to-ai","simulated"`,
				`"${CAPTURE}",3,"1000007","'=HYPERLINK(""http://evil.example"",""x"")","sim_artist_0007",false,,"simulated"`,
				`"${CAPTURE}",4,"1000002","Mech Study 04","sim_artist_0002",false,,"simulated"`,
				''
			].join('\r\n')
		);

		const raw = await save(page, () => menu.locator('[data-download="shown-raw"]').click());
		expect(raw.d.suggestedFilename()).toBe('grid-raw-SIMULATED.csv');
		expect(raw.bytes.toString('utf8')).toContain(`"=HYPERLINK(""http://evil.example"",""x"")"`);

		// With the byte-order mark for Excel.
		await menu.locator('.bom input').check();
		const bom = await save(page, () => menu.locator('[data-download="shown-csv"]').click());
		expect([...bom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bom.bytes.subarray(3).toString('utf8')).toBe(safe.bytes.toString('utf8'));
	});

	test('posts of a day: hostile post text guarded, a 19-digit id kept as a string, numbers unquoted', async ({
		page
	}) => {
		await page.goto('/dev/export/?day=2022-12-16');
		await expect(page.locator('[data-bench-status="ready"]')).toBeVisible();
		const menu = await openDownloads(page, 'dev-export');
		const { d, bytes } = await save(page, () => menu.locator('[data-download="shown-csv"]').click());
		expect(d.suggestedFilename()).toBe('dev-export-data-SIMULATED.csv');
		expect(bytes.toString('utf8')).toBe(
			'post_id,native_id,created_at,author_handle,text,like_count,stance,provenance\r\n' +
				'"twitter:1603456789012345678","1603456789012345678","2022-12-16T08:00:00Z","sim_en_30","big id check",0,"other","simulated"\r\n'
		);

		// The table-only Download menu (for drill-downs and the explorer) writes the same bytes.
		await page.locator('[data-rows-download="dev-table"] summary').click();
		const table = page.locator('[data-rows-download="dev-table"]');
		await expect(table.locator('h4').first()).toContainText('1 row');
		const same = await save(page, () => table.locator('[data-download="shown-csv"]').click());
		expect(same.d.suggestedFilename()).toBe('dev-table-data-SIMULATED.csv');
		expect(same.bytes.equals(bytes)).toBe(true);

		await page.goto('/dev/export/?day=2022-12-15&q=wow');
		await expect(page.locator('[data-bench-status="ready"]')).toBeVisible();
		const menu2 = await openDownloads(page, 'dev-export');
		const hostile = await save(page, () => menu2.locator('[data-download="shown-csv"]').click());
		expect(hostile.bytes.toString('utf8')).toBe(
			'post_id,native_id,created_at,author_handle,text,like_count,stance,provenance\r\n' +
				`"twitter:sim004","sim004","2022-12-15T11:00:00Z","sim_en_04","'=1+1 wow really?",1,"claim","simulated"\r\n`
		);
	});

	test('large exports run in a worker with progress and keep every row', async ({ page }) => {
		const workers: string[] = [];
		page.on('worker', (w) => workers.push(w.url()));
		await page.goto('/dev/export/?synthetic=60000');
		await expect(page.locator('[data-bench-status="ready"]')).toBeVisible();
		const menu = await openDownloads(page, 'dev-export');
		await expect(menu.locator('h4').first()).toContainText('60,000 rows');
		const { bytes } = await save(page, () => menu.locator('[data-download="shown-csv"]').click());
		expect(workers.some((u) => /csv\.worker/.test(u))).toBe(true);
		const lines = bytes.toString('utf8').split('\r\n');
		expect(lines[0]).toBe('id,text,delta,share,provenance');
		expect(lines[1]).toBe(`"1603456789012345678","'=1+1",-3,0,"simulated"`);
		expect(lines[3]).toBe(`"1603456789012345680","'-abc",-1,0.03,"simulated"`);
		// 60,000 rows + header; "two\nlines" cells add one physical line each (every 8th row).
		expect(lines.filter((l) => l.startsWith('"16034567890')).length).toBe(60_000);
		await expect(menu.locator('.status')).toContainText('Saved');
	});
});

test('full tables: predictable URLs, row counts from the manifest, -SIMULATED names', async ({ page }) => {
	await page.goto('/');
	const menu = await openDownloads(page, 'wave');
	const m = manifest();
	const section = menu.locator('section', { has: page.locator('code', { hasText: /^trending_items$/ }) });
	await expect(section.locator('h4')).toContainText(
		`${m.tables.trending_items.rows.toLocaleString('en-US')} rows`
	);
	const csv = await save(page, () => section.locator('[data-download="full-csv"]').click());
	expect(csv.d.suggestedFilename()).toBe('trending_items-SIMULATED.csv');
	expect(csv.bytes.equals(readFileSync('build/data/trending_items.csv'))).toBe(true);
	const parquet = await save(page, () => section.locator('[data-download="full-parquet"]').click());
	expect(parquet.d.suggestedFilename()).toBe('trending_items-SIMULATED.parquet');
	expect(parquet.bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
});

test.describe('images', () => {
	test('SVG stands alone and carries title, source, credit, version and provenance', async ({ page }) => {
		await page.goto('/');
		const menu = await openDownloads(page, 'wave');
		const { d, bytes } = await save(page, () => menu.locator('[data-download="svg"]').click());
		expect(d.suggestedFilename()).toBe('wave-SIMULATED.svg');
		const svg = bytes.toString('utf8');
		expect(svg).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/
		);
		for (const text of [
			'Protest images on ArtStation’s Trending page',
			'⚠ Simulated data',
			'Source: ',
			'Chart: AI Art Discourse Explorer',
			`Dataset version ${manifest().datasetVersion}`
		])
			expect(svg).toContain(text);
		// No stylesheet, classes or CSS variables: every colour is inline.
		expect(svg).not.toMatch(/var\(--|class="|<style/);
		expect(svg).toMatch(/style="[^"]*fill:\s*rgb\(/);

		// It renders on its own (no page CSS) with the chart drawn.
		const img = await page.evaluate(async (markup) => {
			const i = new Image();
			i.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
			await i.decode();
			return { w: i.naturalWidth, h: i.naturalHeight };
		}, svg);
		expect(img.w).toBeGreaterThan(300);
		expect(img.h).toBeGreaterThan(300);
	});

	test('PNG at 2× in dark colours, with the provenance drawn in and in its metadata', async ({ page }) => {
		await page.goto('/');
		const menu = await openDownloads(page, 'wave');
		await menu.locator('[data-download="theme"]').selectOption('dark');
		const svg = await save(page, () => menu.locator('[data-download="svg"]').click());
		const png1 = await save(page, () => menu.locator('[data-download="png"]').click());
		const png2 = await save(page, () => menu.locator('[data-download="png2x"]').click());
		expect(png2.d.suggestedFilename()).toBe('wave-2x-dark-SIMULATED.png');
		const bytes = new Uint8Array(png2.bytes);
		const size = pngSize(bytes);
		expect(size.width).toBe(pngSize(new Uint8Array(png1.bytes)).width * 2);
		const meta = readPngText(bytes);
		expect(meta.Title).toBe('Protest images on ArtStation’s Trending page');
		expect(meta.Description).toContain('⚠ Simulated data');
		expect(meta.Source).toMatch(/^Source: /);
		expect(meta.Comment).toContain(manifest().datasetVersion);
		// The dark palette's background is what the pixels show.
		expect(svg.bytes.toString('utf8')).toContain('fill="#121212"');
		const corner = await page.evaluate(async (b64) => {
			const i = new Image();
			i.src = `data:image/png;base64,${b64}`;
			await i.decode();
			const c = document.createElement('canvas');
			c.width = i.naturalWidth;
			c.height = i.naturalHeight;
			const ctx = c.getContext('2d')!;
			ctx.drawImage(i, 0, 0);
			return [...ctx.getImageData(2, 2, 1, 1).data];
		}, png2.bytes.toString('base64'));
		expect(corner).toEqual([0x12, 0x12, 0x12, 255]);
	});
});

test('the reproducibility bundle holds chart (SVG, PNG), rows, query, dataset version and citation', async ({
	page
}) => {
	await page.goto('/');
	const menu = await openDownloads(page, 'wave');
	const { d, bytes } = await save(page, () => menu.locator('[data-download="bundle"]').click());
	expect(d.suggestedFilename()).toBe('wave-SIMULATED-bundle.zip');
	const files = unzipSync(new Uint8Array(bytes));
	expect(Object.keys(files).sort()).toEqual(
		[
			'CITATION.txt',
			'README.txt',
			'citation.bib',
			'dataset.json',
			'query.sql',
			'wave-SIMULATED.csv',
			'wave-SIMULATED.png',
			'wave-SIMULATED.svg'
		].sort()
	);
	const version = manifest().datasetVersion;
	expect(strFromU8(files['wave-SIMULATED.svg'])).toContain('⚠ Simulated data');
	expect(pngSize(files['wave-SIMULATED.png']).width).toBeGreaterThan(600);
	expect(strFromU8(files['wave-SIMULATED.csv'])).toMatch(/^snapshot_id,captured_at,/);
	expect(strFromU8(files['query.sql'])).toMatch(/^-- .*\n[\s\S]*SELECT /);
	const dataset = JSON.parse(strFromU8(files['dataset.json']));
	expect(dataset).toMatchObject({ chart: 'wave', datasetVersion: version, simulated: true });
	expect(dataset.rows).toBe(strFromU8(files['wave-SIMULATED.csv']).trimEnd().split('\r\n').length - 1);
	expect(strFromU8(files['CITATION.txt'])).toContain(`dataset version ${version}`);
	expect(strFromU8(files['citation.bib'])).toContain(`version = {${version}}`);
});

test('every chart has a citation with the dataset version', async ({ page }) => {
	await page.goto('/');
	const frame = page.locator('figure[data-chart="wave"]');
	await frame.locator('[data-action="cite"] summary').click();
	// The link is made absolute once the page has hydrated (the prerendered one is relative).
	const cite = frame.locator('[data-copy="cite-text"]');
	await expect(cite).toHaveValue(/http:\/\/127\.0\.0\.1:\d+\/wave\//);
	expect(await cite.inputValue()).toContain(`dataset version ${manifest().datasetVersion}`);
	expect(await frame.locator('[data-copy="cite-bibtex"]').inputValue()).toMatch(/^@misc\{aiart_chart_/);
});
