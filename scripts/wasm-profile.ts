// `npm run profile:wasm [-- --dir build --port 4320 --merge]`: writes scripts/lib/wasm-profile.json, the functions of
// the engine's wasm that the explorer runs, which the build keeps in the primary half of the split module
// (scripts/lib/wasm-split.ts). Run it after `npm run build` whenever DuckDB-wasm, its patches or the explorer's
// queries change; a build whose profile was taken on another module ships the whole module, and says so.
//
// How: Chromium's trace (category `v8.wasm`) logs each wasm function V8 compiles lazily, that is each function
// at its first call, with its index. The script drives the built explorer in
// headless Chromium through the things a reader does first: cold loads of several addresses (filters, search,
// sort, pages, day bins, the Korean page), brushes on the time axis, facet clicks, paging and a duplicate's
// copies, a connection of its own (as the SQL console opens) and the console's examples; every function any of
// them calls is listed. A reader's own SQL may need more: the console starts the full module's download at once. The site may be built split or whole: a function the
// primary lacked shows up too (compiled in the full module), as does each trampoline that was called.
// The first cold load also gives the boot order (the primary's warm-up: scripts/lib/wasm-warm.ts): its functions
// in the order of their first calls, through every view filled, and how many came before the first result.
// --merge adds to the profile there is (when it was taken on the same module) rather than replacing it: run it
// again on a site with more posts swapped in (as `bench:browser --posts` builds one), whose larger aggregations
// and sorts take other paths through DuckDB.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { WASM_FILE } from './lib/duckdb-boot-patch';
import { functionLiveness } from './lib/wasm-dce';
import { readProfile, sha256, type WasmProfile } from './lib/vite-engine-wasm';
import { NO_WARM_UP } from '../src/lib/engine/wasmWarm';

const { values: args } = parseArgs({
	options: {
		dir: { type: 'string', default: 'build' },
		port: { type: 'string', default: '4320' },
		out: { type: 'string', default: 'scripts/lib/wasm-profile.json' },
		merge: { type: 'boolean', default: false }
	}
});
const base = `http://127.0.0.1:${args.port}`;

/** Cold loads: the explorer's default view, then states a shared link or a reader's first clicks reach. */
const ADDRESSES = [
	'/explore/',
	'/explore/?platform=mastodon&lang=ko&sort=likes&page=2',
	'/explore/?claim=mj-poisoned&prov=documented&bin=day&sort=copies',
	'/explore/?q=midjourney&sort=reposts',
	'/explore/?from=2022-12-13T00:00:00Z&to=2022-12-16T00:00:00Z&stance=protest&sort=oldest',
	'/ko/explore/?q=%EB%AF%B8%EB%93%9C%EC%A0%80%EB%8B%88&lang=ko&sort=replies'
];

const CONSOLE = '/explore/sql/ (its examples)';
const FIRST_RESULT_MARK = 'aiad-profile-first-result';
const SETTLED_MARK = 'aiad-profile-settled';

const settled = (page: Page) =>
	page.waitForFunction(
		() => document.querySelector<HTMLElement>('[data-testid=explorer]')?.dataset.settled === 'true',
		null,
		{ timeout: 60_000 }
	);

/** A reader's first clicks on the default view. */
async function interact(page: Page): Promise<void> {
	const box = (await page.getByTestId('histogram').boundingBox())!;
	// Spread over the axis as bench:browser spreads its brushes: short and long ranges, early and late hours.
	for (let i = 0; i < 10; i++) {
		const a = 0.08 + ((i * 0.37) % 0.75);
		const w = 0.04 + ((i * 0.13) % 0.15);
		await page.mouse.move(box.x + box.width * a, box.y + box.height * 0.5);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * (a + w), box.y + box.height * 0.5, { steps: 4 });
		await page.mouse.up();
		await settled(page);
	}
	for (const facet of ['platform', 'lang', 'stance', 'claim', 'prov']) {
		const bar = page.locator(`[data-testid=facet-${facet}] button[data-value]`).first();
		await bar.click();
		await settled(page);
		await bar.click();
		await settled(page);
	}
	await page.getByRole('button', { name: 'Next' }).click();
	await settled(page);
	await page.locator('select[name=sort]').selectOption('likes');
	await settled(page);
	await page.locator('input[type=search]').fill('AI art');
	await settled(page);
	const copies = page.getByRole('button', { name: /near-duplicate copies of this post/ }).first();
	if (await copies.count()) await copies.click();
	await page.getByRole('button', { name: 'Clear time filter' }).click();
	await settled(page);
}

async function serve(): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['scripts/serve.js', '--dir', args.dir, '--port', args.port], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
		child.on('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
	});
	return child;
}

/**
 * A context whose pages boot the engine without the warm-up: with it, another thread compiles most functions
 * before DuckDB's worker calls them, and the trace would not show the order of DuckDB's own first calls.
 */
async function newContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
	await context.addInitScript((flag) => Object.assign(globalThis, { [flag]: true }), NO_WARM_UP);
	return context;
}

async function visit(browser: Browser, address: string, clicks: boolean): Promise<string> {
	const context = await newContext(browser);
	const page = await context.newPage();
	await page.goto(`${base}${address}`);
	// Marks in the trace for the boot order: the first result on screen (the provenance facet's counts, as
	// bench:browser times it), and every view filled.
	await page.waitForFunction(
		(name) =>
			document.querySelector<HTMLElement>('[data-view=facet-provenance]')?.dataset.have &&
			performance.mark(name),
		FIRST_RESULT_MARK,
		{ timeout: 60_000, polling: 'raf' }
	);
	await page.waitForFunction(
		() => document.querySelector<HTMLElement>('[data-testid=explorer]')?.dataset.engine === 'ready',
		null,
		{ timeout: 60_000 }
	);
	await settled(page);
	await page.evaluate((name) => performance.mark(name), SETTLED_MARK);
	if (clicks) await interact(page);
	// A connection of its own, as the console and the test hook open.
	await page.evaluate(() =>
		(window as unknown as { __aiad: { query(sql: string): Promise<unknown> } }).__aiad.query('SELECT 42 AS v')
	);
	const full = await page.evaluate(
		() => (window as unknown as { __aiad: { status: { full: { state: string } } } }).__aiad.status.full.state
	);
	await context.close();
	return full;
}

/** The SQL console's examples (src/lib/explore/SqlConsole.svelte), each run as a reader runs it. */
async function consoleExamples(browser: Browser): Promise<string> {
	const context = await newContext(browser);
	const page = await context.newPage();
	await page.goto(`${base}/explore/sql/`);
	await page.waitForSelector('[data-testid=sql-console][data-ready=true]');
	await page.locator('details.examples summary').click();
	const examples = page.locator('button.example');
	for (let i = 0; i < (await examples.count()); i++) {
		await examples.nth(i).click();
		await page.getByTestId('sql-run').click();
		await page.getByTestId('sql-result').or(page.getByTestId('sql-error')).waitFor({ timeout: 60_000 });
		await page.waitForFunction(
			() => document.querySelector('[data-testid=sql-run]')?.textContent?.trim() === 'Run'
		);
	}
	const full = await page.evaluate(
		() => (window as unknown as { __aiad: { status: { full: { state: string } } } }).__aiad.status.full.state
	);
	await context.close();
	return full;
}

interface TraceEvent {
	name: string;
	ts: number;
	args?: { func_index?: number };
}

/** The functions a cold load called, in the order of their first calls, through every view filled. */
function bootOrder(events: TraceEvent[], functions: number): WasmProfile['boot'] {
	const mark = (name: string) => {
		const e = events.find((x) => x.name === name);
		if (!e) throw new Error(`the trace has no mark ${name}`);
		return e.ts;
	};
	const [first, end] = [mark(FIRST_RESULT_MARK), mark(SETTLED_MARK)];
	const calls = events
		.filter((e) => e.name === 'wasm.CompileLazy' && typeof e.args?.func_index === 'number' && e.ts < end)
		.filter((e) => e.args!.func_index! < functions)
		.sort((a, b) => a.ts - b.ts);
	const seen = new Set<number>();
	const order: number[] = [];
	let firstResult = 0;
	for (const e of calls) {
		const f = e.args!.func_index!;
		if (seen.has(f)) continue;
		seen.add(f);
		order.push(f);
		if (e.ts < first) firstResult = order.length;
	}
	return { order, firstResult };
}

async function main() {
	const wasmPath = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${WASM_FILE}`);
	const wasm = new Uint8Array(readFileSync(wasmPath));
	const { imported, bodies } = functionLiveness(wasm);
	const functions = imported + bodies.length;
	const server = await serve();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu']
	});
	const ran = new Set<number>();
	const before = args.merge ? readProfile(args.out) : null;
	const same = before && before.wasmSha256 === sha256(wasm);
	if (same) before.functions.forEach((f) => ran.add(f));
	else if (args.merge) console.log('--merge: no profile of this module to add to; writing a new one');
	// A merge runs on other data (more posts): the boot order stays the default site's.
	let boot = same ? before.boot : undefined;
	const had = ran.size;
	try {
		for (const [i, address] of [...ADDRESSES, CONSOLE].entries()) {
			const page = await browser.newPage();
			await browser.startTracing(page, {
				categories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing']
			});
			const full =
				address === CONSOLE ? await consoleExamples(browser) : await visit(browser, address, i === 0);
			const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
			await page.close();
			if (i === 0 && !(args.merge && boot)) boot = bootOrder(trace.traceEvents, functions);
			let n = 0;
			for (const e of trace.traceEvents) {
				const f = e.args?.func_index;
				// Indices past the module's own functions are the split's dispatchers.
				if (e.name === 'wasm.CompileLazy' && typeof f === 'number' && f < functions && !ran.has(f)) {
					ran.add(f);
					n++;
				}
			}
			console.log(`${address}${i === 0 ? ' (and clicks)' : ''}: ${n} new functions; full module: ${full}`);
		}
	} finally {
		await browser.close();
		server.kill();
	}
	if (ran.size < 1000)
		throw new Error(`only ${ran.size} functions ran: the trace did not record wasm compiles`);
	const profile: WasmProfile = {
		wasmSha256: sha256(wasm),
		source:
			`scripts/wasm-profile.ts: ${ADDRESSES.length} cold loads of the explorer (one with brushes and clicks) and ` +
			`the SQL console's examples${had ? `, added to a profile of ${had} functions` : ''}`,
		functions: [...ran].sort((a, b) => a - b),
		boot
	};
	writeFileSync(args.out, `${JSON.stringify(profile)}\n`);
	const size = profile.functions.reduce(
		(s, f) => s + (bodies[f - imported] ? bodies[f - imported].end - bodies[f - imported].start : 0),
		0
	);
	console.log(`wrote ${args.out}: ${ran.size} functions, ${(size / 1e6).toFixed(2)} MB of code`);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
