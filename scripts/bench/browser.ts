// `npm run bench:browser [-- --dir build --posts 1000000 --loads 5 --settle-ms 2000 --brushes 30 --port 4319
//   --keep-data DIR --device-memory GB --per-brush --no-warm-up --mbps 10 --rtt-ms 40]`
//
// Measures the explorer in headless Chromium against the built site, served by scripts/serve.js exactly as
// users get it (its --log-bytes log counts the bytes of every response, including the worker's downloads that
// Playwright cannot see):
//   - bytes before the first chart (the prerendered histogram is on screen: Element Timing) and before the first
//     query result;
//   - engine start (its boot begins, after first paint), engine ready and first query result on screen (the provenance facet's counts), ms after navigation: the
//     median, fastest and slowest of --loads first visits, each in a browser of its own (an empty cache), from a
//     tab that has been open for --settle-ms, as a reader's tab has been: a tab navigated the moment it opens
//     also times its renderer process starting up (about 0.7 s more on the 2-core machine; --settle-ms 0);
//   - brush -> every view repainted (the explorer's data-settled), p50/p95 over N brushes, and the same for the
//     views that roll up the crossfilter cube (histogram, facets, summary: data-aggregates-settled), the table aside:
//     once right after the first load, while the other posts load in the background (engine/preload.ts), and
//     again once that load has finished (its time and the engine's memory after it are printed too);
//   - full-text search -> repainted, first and again (after the background load, nothing is left to download);
//   - how long the compile worker's warm-up of the primary took (scripts/lib/wasm-warm.ts), beside DuckDB's boot;
//   - when the rest of the split engine (scripts/lib/wasm-split.ts) came in, and how: `background` after the
//     background load, or `on-demand` when a query needed a function the primary lacks (the profile missed it).
// With --posts N the data build writes N simulated posts to a temporary directory (or to --keep-data DIR, which
// a later run reuses when it holds a build of that size) and the benchmark swaps it, precompressed as
// `npm run build` does, into a copy of the built site (the prerendered overview still comes from the default
// build).
// --device-memory GB makes the page see a device of that memory (navigator.deviceMemory): at 0.25 no background
// load starts, to compare against. --per-brush prints each brush (ms, and the files it loaded with their download
// and insert times) on stderr.
// --no-warm-up boots the engine without the compile worker's warm-up (src/lib/engine/wasmWarm.ts), to compare.
// --mbps N (with --rtt-ms, default 40) throttles every load to a reader's connection through Chromium's network
// emulation, which slows the workers' downloads too: over loopback the bytes cost little, on a real connection
// the 1.7 MB of the engine's primary wasm are most of the wait for the first result.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { chromium, type Browser, type Page } from '@playwright/test';
import { NO_WARM_UP } from '../../src/lib/engine/wasmWarm';

const { values: args } = parseArgs({
	options: {
		dir: { type: 'string', default: 'build' },
		posts: { type: 'string' },
		brushes: { type: 'string', default: '30' },
		loads: { type: 'string', default: '5' },
		'settle-ms': { type: 'string', default: '2000' },
		port: { type: 'string', default: '4319' },
		json: { type: 'string' },
		'keep-data': { type: 'string' },
		'device-memory': { type: 'string' },
		'per-brush': { type: 'boolean', default: false },
		'no-warm-up': { type: 'boolean', default: false },
		mbps: { type: 'string' },
		'rtt-ms': { type: 'string', default: '40' }
	}
});

const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const brushes = Math.max(1, Number(args.brushes));
const loads = Math.max(1, Number(args.loads));
const settleMs = Math.max(0, Number(args['settle-ms']) || 0);
/** A reader's connection, when given: download Mbit/s (upload half of it) and round trip. */
const network = args.mbps
	? { mbps: Number(args.mbps), rttMs: Math.max(0, Number(args['rtt-ms']) || 0) }
	: null;
if (network && !(network.mbps > 0)) throw new Error(`--mbps must be a positive number, not ${args.mbps}`);

interface Row {
	dataset: string;
	posts: number;
	bytesFirstChart: number;
	bytesFirstQuery: number;
	firstChartMs: Spread;
	engineStartMs: Spread;
	/** Medians of when each boot step ended (engineStatus.steps), by step. */
	stepMs: Record<string, Spread>;
	/** How long the compile worker's warm-up of the primary took (src/lib/engine/wasmWarm.ts); 0: none, or not
	 * ended when every view was filled; NaN: it failed. */
	warmMs: Spread;
	engineReadyMs: Spread;
	firstQueryMs: Spread;
	settledMs: Spread;
	loads: number;
	/** Brushes while the background load runs, and after it finished. */
	during: Brushes;
	preload: Background;
	after: Brushes;
	/** The rest of the split engine (scripts/lib/wasm-split.ts): how it came in (engineStatus.full), and when. */
	full: FullEngine;
	searchColdMs: number;
	searchWarmMs: number;
	bytesTotal: number;
	/** The fixed CPU workload's time just before the cold loads: how busy the machine was. */
	cpuCheckMs: number;
}

/** A series of brushes: p50/p95 to every view, and to the views the crossfilter cube feeds (table aside). */
interface Brushes {
	p50: number;
	p95: number;
	aggP50: number;
	aggP95: number;
	n: number;
	/** Brushes that began while the background load was still running. */
	whileLoading: number;
}

/** The background load of the posts, once it ended: its state, time, bytes and the engine's memory after. */
interface Background {
	state: string;
	ms: number;
	bytes: number;
	memory: string;
	/** Read before the memory query, which needs a function outside the primary (pragma_database_size). */
	full: FullEngine;
}

/** The median of the cold loads, with their fastest and slowest. */
interface Spread {
	median: number;
	min: number;
	max: number;
}
const spread = (xs: number[]): Spread => ({
	median: quantile(xs, 0.5),
	min: Math.min(...xs),
	max: Math.max(...xs)
});

const quantile = (xs: number[], q: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

/** Bytes the server sent, in responses that ended by `until` (epoch ms) when given. */
function logBytes(file: string, until = Infinity): number {
	if (!existsSync(file)) return 0;
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as { bytes: number; at: number })
		.filter((r) => r.at <= until)
		.reduce((s, r) => s + r.bytes, 0);
}

/** When a cold load reached each point, in the page's performance.now() ms (the probe below). */
interface ProbeTimes {
	firstChartMs: number;
	engineReadyMs: number;
	firstQueryMs: number;
	settledMs: number;
}
const PROBE_GLOBAL = '__aiadBenchProbe';
const PROBE_DONE = 'aiad-bench: every view filled';
/**
 * Times a cold load from inside the page, installed before its first script, so that nothing of the
 * benchmark's runs in the page while it loads: Playwright's waitForFunction first injects its own script,
 * whose compile took about 150 ms of the main thread in a Chromium trace, in the middle of the boot it was
 * timing. Each point is the first animation frame where it holds, as waitForFunction's 'raf' polling would
 * see it, in order: the histogram on screen (its Element Timing), the engine ready, the provenance facet's
 * counts (it has no prerendered ones: the first query result on screen), every view filled. Then it logs
 * PROBE_DONE, which the benchmark waits for. A string: tsx would wrap its functions in a naming helper that
 * does not exist in the page.
 */
const PROBE = `(() => {
	if (location.protocol === 'about:') return;
	const t = (globalThis.${PROBE_GLOBAL} = {});
	let chart = 0;
	new PerformanceObserver((list) => {
		const e = list.getEntries().find((x) => x.identifier === 'histogram');
		if (e && !chart) chart = e.renderTime || e.startTime;
	}).observe({ type: 'element', buffered: true });
	const frame = () => {
		const now = performance.now();
		const phase = globalThis.__aiad?.status.phase;
		if (chart && !t.firstChartMs) t.firstChartMs = chart;
		if (t.firstChartMs && !t.engineReadyMs && (phase === 'ready' || phase === 'data')) t.engineReadyMs = now;
		if (t.engineReadyMs && !t.firstQueryMs && document.querySelector('[data-view=facet-provenance]')?.dataset.have)
			t.firstQueryMs = now;
		if (t.firstQueryMs && document.querySelector('[data-testid=explorer]')?.dataset.settled === 'true') {
			t.settledMs = now;
			console.log(${JSON.stringify(PROBE_DONE)});
			return;
		}
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
})();`;

async function serve(dir: string, log: string): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		['scripts/serve.js', '--dir', dir, '--port', String(port), '--log-bytes', log],
		{
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
		child.on('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
		setTimeout(() => reject(new Error('serve.js did not start')), 10_000);
	});
	return child;
}

/**
 * Resolves with the page's performance.now() at the first frame where `probe(arg)` returns it (a number). A
 * function, not a string: our Content-Security-Policy forbids eval, and the benchmark runs under that policy.
 * Playwright serializes the function, so each probe must be self-contained.
 */
async function when(
	page: Page,
	probe: (arg: string | null) => number | false,
	arg: string | null,
	timeout = 120_000
): Promise<number> {
	const handle = await page.waitForFunction(probe, arg, { polling: 'raf', timeout });
	return (await handle.jsonValue()) as number;
}

/**
 * Every explorer view shows results for the explorer's state (and, if given, that state differs from `before`).
 * data-state is the query string the views were rendered for. The URL follows a frame later (SearchState); the
 * benchmark checks that it does (`urlCaughtUp`), outside the timing.
 */
const settledAfter = (before: string | null): number | false => {
	const el = document.querySelector<HTMLElement>('[data-testid=explorer]');
	const moved = before === null || (el?.dataset.state ?? '') !== before;
	return moved && el?.dataset.settled === 'true' ? performance.now() : false;
};
const stateOf = (page: Page) =>
	page.evaluate(() => document.querySelector<HTMLElement>('[data-testid=explorer]')?.dataset.state ?? '');
/** The address bar shows the state the views show. */
async function urlCaughtUp(page: Page): Promise<void> {
	await page.waitForFunction(
		() => document.querySelector<HTMLElement>('[data-testid=explorer]')?.dataset.state === location.search,
		null,
		{ timeout: 10_000 }
	);
}

const launch = () =>
	chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-extensions'
		]
	});

interface Load {
	page: Page;
	offOrigin: string[];
	firstChartMs: number;
	engineStartMs: number;
	steps: { name: string; at: number }[];
	/** The warm-up's time (Row.warmMs). */
	warmMs: number;
	engineReadyMs: number;
	firstQueryMs: number;
	settledMs: number;
	bytesFirstChart: number;
	bytesFirstQuery: number;
}

/** One first visit of the explorer in a browser of its own (empty cache), timed until every view is filled. */
async function coldLoad(browser: Browser, log: string): Promise<Load> {
	writeFileSync(log, '');
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
	// A string: tsx would wrap the getter in a naming helper that does not exist in the page.
	if (args['device-memory'])
		await context.addInitScript(
			`Object.defineProperty(navigator, 'deviceMemory', { get: () => ${Number(args['device-memory'])} })`
		);
	await context.addInitScript(PROBE);
	if (args['no-warm-up'])
		await context.addInitScript((flag) => Object.assign(globalThis, { [flag]: true }), NO_WARM_UP);
	const page = await context.newPage();
	// The tab is opened, then left alone until its renderer has started, before the visit is timed (see the top).
	if (settleMs > 0) {
		await page.goto('about:blank');
		await page.waitForTimeout(settleMs);
	}
	if (network) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: network.rttMs,
			downloadThroughput: (network.mbps * 1e6) / 8,
			uploadThroughput: (network.mbps * 1e6) / 16
		});
	}
	const offOrigin: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) offOrigin.push(r.url());
	});
	const done = page.waitForEvent('console', { predicate: (m) => m.text() === PROBE_DONE, timeout: 120_000 });
	done.catch(() => undefined);
	await page.goto(`${base}/explore/`, { waitUntil: 'commit' });
	await done;
	const { times, timeOrigin } = await page.evaluate(
		(name) => ({
			times: (globalThis as unknown as Record<string, ProbeTimes>)[name],
			timeOrigin: performance.timeOrigin
		}),
		PROBE_GLOBAL
	);
	const { firstChartMs, engineReadyMs, firstQueryMs, settledMs } = times;
	const bytesFirstChart = logBytes(log, timeOrigin + firstChartMs);
	const bytesFirstQuery = logBytes(log, timeOrigin + firstQueryMs);
	// The warm-up reports when it ends, which can be after every view is filled (the table's first page is in
	// the HTML): wait a little for it rather than count it as none.
	await page
		.waitForFunction(
			() => {
				const w = (window as unknown as { __aiad: { status: { warm: { ms: number; error: string } } } })
					.__aiad.status.warm;
				return w.ms > 0 || w.error !== '';
			},
			null,
			{ timeout: 5_000 }
		)
		.catch(() => undefined);
	const { engineStartMs, steps, warmMs } = await page.evaluate(() => {
		const { status } = (
			window as unknown as {
				__aiad: {
					status: {
						startedMs: number;
						steps: { name: string; at: number }[];
						warm: { ms: number; error: string };
					};
				};
			}
		).__aiad;
		return {
			engineStartMs: status.startedMs,
			steps: status.steps.map((x) => ({ ...x })),
			warmMs: status.warm.error ? NaN : status.warm.ms
		};
	});
	return {
		page,
		offOrigin,
		firstChartMs,
		engineStartMs,
		steps,
		warmMs,
		engineReadyMs,
		firstQueryMs,
		settledMs,
		bytesFirstChart,
		bytesFirstQuery
	};
}

/** Clears the time filter, when there is one, and waits until every view shows the whole range again. */
async function clearBrush(page: Page): Promise<void> {
	const clear = page.getByRole('button', { name: 'Clear time filter' });
	if (await clear.isDisabled()) return;
	const before = await stateOf(page);
	await clear.click();
	await when(page, settledAfter, before);
}

/**
 * `brushes` brushes at deterministic positions across the chart, each a real drag, timed from pointerup to the
 * first frame where every view shows the results for the new state (and where the cube's views do).
 */
async function brushSeries(page: Page): Promise<Brushes> {
	// From no brush: a series that began on its own first brush (the last of a one-brush series) would wait for a
	// change that never comes.
	await clearBrush(page);
	const svg = (await page.getByTestId('histogram').boundingBox())!;
	const times: number[] = [];
	const aggTimes: number[] = [];
	let whileLoading = 0;
	let seen = args['per-brush'] ? (await filesOf(page)).length : 0;
	for (let i = 0; i < brushes; i++) {
		const a = 0.08 + ((i * 0.37) % 0.75);
		const w = 0.04 + ((i * 0.13) % 0.15);
		const before = await stateOf(page);
		if ((await preloadOf(page)).state === 'running') whileLoading++;
		// The aggregate views settle first; `when` below waits for every view. A string: tsx would wrap the
		// named inner function in a helper that does not exist in the page.
		await page.evaluate(`(() => {
			const before = ${JSON.stringify(before)};
			window.__agg = null;
			const watch = () => {
				const el = document.querySelector('[data-testid=explorer]');
				if (el && el.dataset.state !== before && el.dataset.aggregatesSettled === 'true')
					window.__agg = performance.now();
				else requestAnimationFrame(watch);
			};
			window.addEventListener('pointerup', () => {
				window.__t0 = performance.now();
				requestAnimationFrame(watch);
			}, { once: true, capture: true });
		})()`);
		await page.mouse.move(svg.x + svg.width * a, svg.y + svg.height * 0.5);
		await page.mouse.down();
		await page.mouse.move(svg.x + svg.width * (a + w), svg.y + svg.height * 0.5, { steps: 4 });
		await page.mouse.up();
		const done = await when(page, settledAfter, before, 60_000);
		await urlCaughtUp(page);
		const { t0, agg } = await page.evaluate(() => {
			const w = window as unknown as { __t0: number; __agg: number | null };
			return { t0: w.__t0, agg: w.__agg ?? performance.now() };
		});
		times.push(done - t0);
		aggTimes.push(Math.min(agg, done) - t0);
		if (args['per-brush']) seen = await logBrush(page, i, times.at(-1)!, aggTimes.at(-1)!, seen);
	}
	return {
		p50: quantile(times, 0.5),
		p95: quantile(times, 0.95),
		aggP50: quantile(aggTimes, 0.5),
		aggP95: quantile(aggTimes, 0.95),
		n: times.length,
		whileLoading
	};
}

/** The data files the engine has loaded, in order, with how long each took (engineStatus.files). */
const filesOf = (page: Page) =>
	page.evaluate(() => {
		const { __aiad } = window as unknown as {
			__aiad: {
				status: { files: { path: string; bytes: number; ms: number; fetchMs: number; insertMs: number }[] };
			};
		};
		return __aiad.status.files.map((f) => ({ ...f }));
	});

/**
 * --per-brush: one line per brush on stderr, with the files it loaded (download and insert ms each), to tell a
 * brush that waited for data from one that waited for rendering. Returns the number of files seen so far.
 */
async function logBrush(page: Page, i: number, ms: number, cubeMs: number, seen: number): Promise<number> {
	const files = await filesOf(page);
	const fresh = files
		.slice(seen)
		.map(
			(f) =>
				`${f.path.replace(/^arrow\//, '')} ${(f.bytes / 1024).toFixed(0)} kB (download ${f.fetchMs.toFixed(0)}, insert ${f.insertMs.toFixed(0)})`
		);
	console.error(
		`brush ${i + 1}: ${ms.toFixed(0)} ms, cube views ${cubeMs.toFixed(0)} ms${fresh.length ? `; loaded ${fresh.join(', ')}` : ''}`
	);
	return files.length;
}

const preloadOf = (page: Page) =>
	page.evaluate(() => {
		const { __aiad } = window as unknown as {
			__aiad: { status: { preload: { state: string; ms: number; total: number } } };
		};
		return { ...__aiad.status.preload };
	});

interface FullEngine {
	state: string;
	slot: number;
	at: number;
}

/** Waits for the full module of a split engine to be in (it follows the background load), or for a minute. */
async function fullEngine(page: Page): Promise<FullEngine> {
	const read = () =>
		page.evaluate(() => ({
			...(window as unknown as { __aiad: { status: { full: FullEngine } } }).__aiad.status.full
		}));
	const t0 = Date.now();
	let f = await read();
	while (f.state === 'primary' && Date.now() - t0 < 60_000) {
		await page.waitForTimeout(250);
		f = await read();
	}
	return f;
}

/** Waits for the background load to end (it does not start when the posts exceed the device's budget). */
async function backgroundLoad(page: Page): Promise<Background> {
	const t0 = Date.now();
	let p = await preloadOf(page);
	while (p.state === 'running' && Date.now() - t0 < 300_000) {
		await page.waitForTimeout(250);
		p = await preloadOf(page);
	}
	const full = await fullEngine(page);
	const memory = await page.evaluate(async () => {
		const { __aiad } = window as unknown as {
			__aiad: { query(sql: string): Promise<{ memory_usage: string }[]> };
		};
		return (await __aiad.query('SELECT memory_usage FROM pragma_database_size()'))[0]?.memory_usage ?? '?';
	});
	return { state: p.state, ms: p.ms, bytes: p.total, memory, full };
}

async function measure(dataset: string, dir: string, posts: number): Promise<Row> {
	const logDir = mkdtempSync(join(tmpdir(), 'aiad-bench-'));
	const log = join(logDir, 'bytes.jsonl');
	writeFileSync(log, '');
	const server = await serve(dir, log);
	const cpuCheckMs = await cpuCheck();
	// Cold loads vary by a few hundred ms on a small machine: the load metrics are the median of `loads`
	// first visits, each in a browser of its own. The last one's page then runs the brushes and searches.
	const cold: Load[] = [];
	let browser: Browser | null = null;
	try {
		for (let i = 0; i < loads; i++) {
			await browser?.close();
			browser = await launch();
			cold.push(await coldLoad(browser, log));
		}
		const last = cold[cold.length - 1];
		const { page, offOrigin } = last;
		const { bytesFirstChart, bytesFirstQuery } = last;
		offOrigin.push(...cold.flatMap((c) => (c === last ? [] : c.offOrigin)));

		// Brushes right away, while the posts no view needed yet load in the background (engine/preload.ts); then,
		// once that load has finished, the same brushes again: what a reader who looked for a while gets.
		const during = await brushSeries(page);
		const preload = await backgroundLoad(page);
		const { full } = preload;
		const after = await brushSeries(page);
		await clearBrush(page);

		const search = async (word: string) => {
			const box = page.getByLabel('Search post text');
			await box.fill(word);
			const before = await stateOf(page);
			const t0 = await page.evaluate(() => performance.now());
			await box.press('Enter');
			const done = await when(page, settledAfter, before, 180_000);
			await urlCaughtUp(page);
			return done - t0;
		};
		const searchColdMs = await search('midjourney');
		const searchWarmMs = await search('미드저니');
		if (offOrigin.length) throw new Error(`requests left the origin: ${offOrigin.join(', ')}`);
		return {
			dataset,
			posts,
			bytesFirstChart,
			bytesFirstQuery,
			firstChartMs: spread(cold.map((c) => c.firstChartMs)),
			engineStartMs: spread(cold.map((c) => c.engineStartMs)),
			stepMs: Object.fromEntries(
				cold[0].steps.map(({ name }) => [
					name,
					spread(cold.map((c) => c.steps.find((x) => x.name === name)?.at ?? NaN))
				])
			),
			warmMs: spread(cold.map((c) => c.warmMs)),
			engineReadyMs: spread(cold.map((c) => c.engineReadyMs)),
			firstQueryMs: spread(cold.map((c) => c.firstQueryMs)),
			settledMs: spread(cold.map((c) => c.settledMs)),
			loads: cold.length,
			during,
			preload,
			after,
			full,
			searchColdMs,
			searchWarmMs,
			bytesTotal: logBytes(log),
			cpuCheckMs
		};
	} finally {
		await browser?.close();
		server.kill();
		rmSync(logDir, { recursive: true, force: true });
	}
}

/**
 * A fixed workload run on every core at once (ms until the last finishes): sorting random numbers, which, like
 * a browser, leans on memory as well as arithmetic. It takes longer when something else keeps the cores or the
 * memory busy, and every cold-load time moves with it: printed with the results so runs can be compared.
 */
async function cpuCheck(): Promise<number> {
	const work = `
		const a = new Float64Array(2_000_000);
		for (let r = 0; r < 3; r++) { for (let i = 0; i < a.length; i++) a[i] = Math.random(); a.sort(); }
		require('node:worker_threads').parentPort.postMessage(a[0]);`;
	const t0 = performance.now();
	await Promise.all(
		Array.from(
			{ length: availableParallelism() },
			() =>
				new Promise((resolve, reject) => {
					const w = new Worker(work, { eval: true });
					w.once('message', resolve);
					w.once('error', reject);
				})
		)
	);
	return performance.now() - t0;
}

/** Posts in a data build directory (its Arrow index), NaN when there is none. */
function postsInData(data: string): number {
	try {
		const index = JSON.parse(readFileSync(join(data, 'arrow/index.json'), 'utf8')) as {
			tables: Record<string, { files: { rows: number }[] }>;
		};
		return index.tables.posts.files.reduce((s, f) => s + f.rows, 0);
	} catch {
		return NaN;
	}
}
const postsIn = (site: string) => postsInData(join(site, 'data'));

/** Whether two data builds give the browser the same tables (names and columns). */
function sameTables(a: string, b: string): boolean {
	const shape = (data: string) => {
		try {
			const index = JSON.parse(readFileSync(join(data, 'arrow/index.json'), 'utf8')) as {
				tables: Record<string, { columns: string[]; perEnd?: number }>;
			};
			return JSON.stringify(Object.entries(index.tables).map(([k, t]) => [k, t.columns, t.perEnd]));
		} catch {
			return null;
		}
	};
	return shape(a) !== null && shape(a) === shape(b);
}

async function main() {
	const dir = args.dir!;
	if (!existsSync(join(dir, 'explore/index.html'))) {
		console.error(`bench:browser: ${dir}/explore/index.html not found. Run \`npm run build\` first.`);
		process.exit(1);
	}
	const rows: Row[] = [await measure('default', dir, postsIn(dir))];
	if (args.posts) {
		const n = Number(args.posts);
		const tmp = mkdtempSync(join(tmpdir(), 'aiad-bench-site-'));
		const data = args['keep-data'] ?? join(tmp, 'data');
		try {
			// Kept data from an older build may lack a table the site now reads (the hour heads, say): rebuild it.
			if (postsInData(data) !== n || !sameTables(join(dir, 'data'), data)) {
				console.error(`bench:browser: building ${n} simulated posts into ${data} …`);
				const r = spawnSync(
					'npx',
					['tsx', 'scripts/build-data.ts', '--posts', String(n), '--out', data, '--quiet'],
					{ stdio: 'inherit' }
				);
				if (r.status !== 0) throw new Error('data build failed');
			} else console.error(`bench:browser: reusing the ${n}-post build in ${data}`);
			const site = join(tmp, 'site');
			cpSync(dir, site, { recursive: true, filter: (p) => !p.startsWith(join(dir, 'data')) });
			cpSync(data, join(site, 'data'), { recursive: true });
			spawnSync(process.execPath, ['scripts/precompress.js', join(site, 'data')], { stdio: 'ignore' });
			rows.push(await measure(`${n / 1e6}M (data swapped in)`, site, postsIn(site)));
		} finally {
			rmSync(tmp, { recursive: true, force: true });
		}
	}

	const ms = (n: number) => `${Math.round(n)} ms`;
	const sp = (x: Spread) => `${ms(x.median)} (${Math.round(x.min)}–${Math.round(x.max)})`;
	const table: [string, (r: Row) => string][] = [
		['posts', (r) => r.posts.toLocaleString('en-US')],
		['bytes before first chart', (r) => mb(r.bytesFirstChart)],
		['cold loads (median, fastest–slowest)', (r) => String(r.loads)],
		['first chart (prerendered)', (r) => sp(r.firstChartMs)],
		['engine start (boot begins)', (r) => sp(r.engineStartMs)],
		...Object.keys(rows[0].stepMs).map((name): [string, (r: Row) => string] => [
			`  engine: ${name}`,
			(r) => (r.stepMs[name] ? sp(r.stepMs[name]) : '–')
		]),
		[
			'  compile worker: warm-up took',
			(r) => (Number.isNaN(r.warmMs.median) ? 'failed' : r.warmMs.max > 0 ? sp(r.warmMs) : '–')
		],
		['engine ready', (r) => sp(r.engineReadyMs)],
		['first query result (on screen)', (r) => sp(r.firstQueryMs)],
		['every view filled (table too)', (r) => sp(r.settledMs)],
		['bytes before first query', (r) => mb(r.bytesFirstQuery)],
		['brush at once → all views p50', (r) => ms(r.during.p50)],
		[
			'brush at once → all views p95',
			(r) => `${ms(r.during.p95)} (n=${r.during.n}, ${r.during.whileLoading} while loading)`
		],
		['brush at once → cube views p50 / p95', (r) => `${ms(r.during.aggP50)} / ${ms(r.during.aggP95)}`],
		[
			'background load of the other posts',
			(r) =>
				r.preload.state === 'done'
					? `${ms(r.preload.ms)}, ${mb(r.preload.bytes)} decoded`
					: `${r.preload.state} (${mb(r.preload.bytes)})`
		],
		['engine memory after it', (r) => r.preload.memory],
		[
			'rest of the engine (full wasm) in',
			(r) =>
				r.full.state === 'none'
					? 'not split'
					: `${ms(r.full.at)}, ${r.full.state}${r.full.slot >= 0 ? ` (slot ${r.full.slot})` : ''}`
		],
		['brush after it → all views p50', (r) => ms(r.after.p50)],
		['brush after it → all views p95', (r) => `${ms(r.after.p95)} (n=${r.after.n})`],
		['brush after it → cube views p50 / p95', (r) => `${ms(r.after.aggP50)} / ${ms(r.after.aggP95)}`],
		['search, first', (r) => ms(r.searchColdMs)],
		['search, again', (r) => ms(r.searchWarmMs)],
		['bytes, whole session', (r) => mb(r.bytesTotal)],
		['CPU check (fixed work on every core, before)', (r) => ms(r.cpuCheckMs)]
	];
	const widths = [
		Math.max(...table.map(([k]) => k.length)),
		...rows.map((r) => Math.max(r.dataset.length, ...table.map(([, f]) => f(r).length)))
	];
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(line(['metric', ...rows.map((r) => r.dataset)]));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const [k, f] of table) console.log(line([k, ...rows.map(f)]));
	console.log(
		`\nTimes are ms after navigation (Chromium headless, loopback; scripts/serve.js sends the precompressed files), ` +
			`from a tab open for ${settleMs} ms before it (--settle-ms).` +
			(network
				? ` Network emulated: ${network.mbps} Mbit/s down, ${network.mbps / 2} up, ${network.rttMs} ms round trip (--mbps, --rtt-ms).`
				: '')
	);
	if (args.json) writeFileSync(args.json, JSON.stringify(rows, null, '\t'));
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
