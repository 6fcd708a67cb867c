// `npm run bench:budget [-- --dir build --port 4320 --runs 5 --pages /,/ko/,/wave/,/embed/wave/ --json out.json]`
//
// The performance budget of the reader-facing pages (research/perf-security.md §2), measured on the built
// site in headless Chromium, each run in a fresh browser context (cold cache), served by scripts/serve.js
// with the production headers. Its --log-bytes log counts every response body, the workers' included
// (Playwright's response sizes leave those out). Per page, the median of the runs:
//   - first chart: ms from navigation until the first chart's SVG is laid out on screen;
//   - bytes before it: every response the server finished by then, as transferred (serve.js sends the build's
//     precompressed .br/.gz siblings; a text file it sent uncompressed is counted gzip -6 compressed, as a
//     static host would send it), and uncompressed; the budget applies to the transferred bytes;
//   - engine bytes before it: .wasm, .parquet and .arrow responses (must be 0: the query engine never sits
//     on the path to the first chart);
//   - CLS: sum of layout-shift scores (no recent input) until the page has been idle for a second;
//   - long tasks after the first chart: the longest, and their count.
// Prints a table; exits 1 when a budget is missed. A benchmark, not a timed test: run it on a quiet machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

const { values: args } = parseArgs({
	options: {
		dir: { type: 'string', default: 'build' },
		port: { type: 'string', default: '4320' },
		runs: { type: 'string', default: '5' },
		pages: { type: 'string', default: '/,/ko/,/wave/,/embed/wave/' },
		json: { type: 'string' }
	}
});

/** The budget. Sources: research/perf-security.md §2 (targets) and the issue (≤ 200 KB before the first chart). */
const BUDGET = {
	firstChartMs: 1500,
	bytesSent: 200 * 1024,
	engineBytes: 0,
	cls: 0.05,
	longTaskMs: 200
};

const dir = args.dir!;
const port = Number(args.port);
const runs = Math.max(1, Number(args.runs));
const targets = args.pages!.split(',').map((p) => p.trim());
const base = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

interface LogLine {
	path: string;
	bytes: number;
}

interface Run {
	firstChartMs: number;
	bytesSent: number;
	bytesRaw: number;
	engineBytes: number;
	requests: number;
	cls: number;
	longTaskMaxMs: number;
	longTasks: number;
}

if (!existsSync(join(dir, 'index.html'))) {
	console.error(`bench:budget: ${dir}/index.html not found. Run \`npm run build\` first.`);
	process.exit(2);
}

const readLog = (file: string): LogLine[] =>
	existsSync(file)
		? readFileSync(file, 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((l) => JSON.parse(l) as LogLine)
		: [];

/** The file under `dir` a logged path was served from, for its compressed size. */
function servedFile(path: string): string | null {
	const p = join(dir, path);
	if (existsSync(p) && statSync(p).isFile()) return p;
	const index = join(p, 'index.html');
	return existsSync(index) ? index : null;
}

const gzCache = new Map<string, number>();
/** Bytes a compressing host sends: as logged when already compressed (or not compressible), else gzip -6. */
function sentBytes(line: LogLine): number {
	if (/\.(wasm|parquet|arrow|png|jpe?g|webp|woff2?)$/.test(line.path)) return line.bytes;
	const file = servedFile(line.path);
	if (!file || statSync(file).size !== line.bytes) return line.bytes;
	if (!gzCache.has(file)) gzCache.set(file, gzipSync(readFileSync(file), { level: 6 }).length);
	return gzCache.get(file)!;
}

/** The uncompressed size of a response: the file's size when the server sent a compressed sibling. */
function rawBytes(line: LogLine): number {
	const file = servedFile(line.path);
	return file ? Math.max(line.bytes, statSync(file).size) : line.bytes;
}

const isEngineFile = (path: string) => /\.(wasm|parquet|arrow)$/.test(path);

async function serve(log: string): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		['scripts/serve.js', '--dir', dir, '--port', String(port), '--log-bytes', log],
		{
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
		child.on('exit', (code) =>
			reject(new Error(`serve.js exited with ${code} (is port ${port} taken? --port N)`))
		);
		setTimeout(() => reject(new Error('serve.js did not start within 10 s')), 10_000);
	});
	return child;
}

/**
 * Runs in the page before its scripts: layout shifts, long tasks, and the moment the first chart shows. A
 * string, not a function: tsx compiles functions with helpers (`__name`) that do not exist in the page.
 */
const INSTRUMENT = `(() => {
	const state = (window.__budget = { cls: 0, longTasks: [], chartAt: null });
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (!e.hadRecentInput) state.cls += e.value;
		}).observe({ type: 'layout-shift', buffered: true });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch (e) {
		/* unsupported entry type: reported as 0 */
	}
	// A chart is an SVG with a viewBox (our charts draw in one; icons do not) laid out at a real size.
	const check = () => {
		if (state.chartAt !== null) return;
		for (const svg of document.querySelectorAll('svg[viewBox]')) {
			const r = svg.getBoundingClientRect();
			if (r.width > 50 && r.height > 50 && getComputedStyle(svg).visibility !== 'hidden') {
				state.chartAt = performance.now();
				if (window.__chartVisible) window.__chartVisible();
				return;
			}
		}
		requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
})();`;

interface PageBudgetState {
	cls: number;
	longTasks: { start: number; duration: number }[];
	chartAt: number | null;
}

async function measure(browser: Browser, path: string, log: string): Promise<Run> {
	writeFileSync(log, '');
	// Embeds are measured at an article column's width, where they are used; pages at a laptop's.
	const viewport = /^\/(ko\/)?embed\//.test(path)
		? { width: 640, height: 600 }
		: { width: 1280, height: 800 };
	const context = await browser.newContext({ viewport, locale: 'en-US' });
	let linesAtChart: LogLine[] | null = null;
	await context.exposeFunction('__chartVisible', () => {
		linesAtChart ??= readLog(log);
	});
	await context.addInitScript({ content: INSTRUMENT });
	const page = await context.newPage();
	await page.goto(base + path, { waitUntil: 'load' });
	await page.waitForFunction('window.__budget && window.__budget.chartAt !== null', null, {
		timeout: 30_000
	});
	// Let late shifts and long tasks happen: network idle, then one more quiet second.
	await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
	await page.waitForTimeout(1000);
	const b = (await page.evaluate('window.__budget')) as PageBudgetState & { chartAt: number };
	await context.close();
	const before = (linesAtChart ?? readLog(log)) as LogLine[];
	const after = b.longTasks.filter((t) => t.start + t.duration > b.chartAt);
	return {
		firstChartMs: b.chartAt,
		bytesSent: before.reduce((s, l) => s + sentBytes(l), 0),
		bytesRaw: before.reduce((s, l) => s + rawBytes(l), 0),
		engineBytes: before.filter((l) => isEngineFile(l.path)).reduce((s, l) => s + l.bytes, 0),
		requests: before.length,
		cls: b.cls,
		longTaskMaxMs: Math.max(0, ...after.map((t) => t.duration)),
		longTasks: after.length
	};
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n: number) => (n / 1024).toFixed(1);

const tmp = mkdtempSync(join(tmpdir(), 'bench-budget-'));
const log = join(tmp, 'bytes.jsonl');
let server: ChildProcess | undefined;
let browser: Browser | undefined;
const results: { path: string; runs: Run[]; median: Run; misses: string[] }[] = [];
try {
	server = await serve(log);
	browser = await chromium.launch({
		executablePath,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-extensions',
			'--disable-default-apps'
		]
	});
	for (const path of targets) {
		const all: Run[] = [];
		for (let i = 0; i < runs; i++) all.push(await measure(browser, path, log));
		const m = Object.fromEntries(
			(Object.keys(all[0]) as (keyof Run)[]).map((k) => [k, median(all.map((r) => r[k]))])
		) as unknown as Run;
		const misses: string[] = [];
		if (m.firstChartMs > BUDGET.firstChartMs)
			misses.push(`first chart ${Math.round(m.firstChartMs)} ms > ${BUDGET.firstChartMs}`);
		if (m.bytesSent > BUDGET.bytesSent)
			misses.push(`${kb(m.bytesSent)} KB transferred before the chart > ${kb(BUDGET.bytesSent)}`);
		// Engine bytes: any run is a miss, not only the median (one download of the engine is one too many).
		const engine = Math.max(...all.map((r) => r.engineBytes));
		if (engine > BUDGET.engineBytes) misses.push(`${kb(engine)} KB of wasm/Parquet/Arrow before the chart`);
		if (m.cls > BUDGET.cls) misses.push(`CLS ${m.cls.toFixed(3)} > ${BUDGET.cls}`);
		if (m.longTaskMaxMs > BUDGET.longTaskMs)
			misses.push(`long task ${Math.round(m.longTaskMaxMs)} ms > ${BUDGET.longTaskMs}`);
		results.push({ path, runs: all, median: m, misses });
	}
} finally {
	await browser?.close();
	server?.kill();
	rmSync(tmp, { recursive: true, force: true });
}

const head = [
	'page',
	'first chart ms',
	'KB before (sent)',
	'KB before (uncompressed)',
	'requests',
	'engine KB',
	'CLS',
	'long tasks (max ms)',
	'budget'
];
const rows = results.map((r) => [
	r.path,
	String(Math.round(r.median.firstChartMs)),
	kb(r.median.bytesSent),
	kb(r.median.bytesRaw),
	String(Math.round(r.median.requests)),
	kb(Math.max(...r.runs.map((x) => x.engineBytes))),
	r.median.cls.toFixed(3),
	`${Math.round(r.median.longTasks)} (${Math.round(r.median.longTaskMaxMs)})`,
	r.misses.length ? 'MISSED' : 'ok'
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r: string[]) =>
	'| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
console.log(
	`bench:budget — median of ${runs} cold run(s) per page, headless Chromium (pages 1280×800, embeds 640×600), ${dir}/ via scripts/serve.js\n` +
		`budget: first chart ≤ ${BUDGET.firstChartMs} ms · ≤ ${kb(BUDGET.bytesSent)} KB transferred before it · 0 KB wasm/Parquet/Arrow before it · ` +
		`CLS ≤ ${BUDGET.cls} · no long task > ${BUDGET.longTaskMs} ms after it\n`
);
console.log(fmt(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(fmt(r));
const missed = results.filter((r) => r.misses.length);
for (const r of missed) console.log(`\n${r.path}: ${r.misses.join('; ')}`);
if (args.json) writeFileSync(args.json, JSON.stringify({ budget: BUDGET, results }, null, 2));
process.exit(missed.length ? 1 : 0);
