/**
 * The browser's DuckDB: started lazily behind one shared promise (`dbReady ??= boot()`), self-hosted from
 * node_modules (the single-threaded `eh` bundle, so no COOP/COEP is needed), locked down before any other SQL,
 * and filled from the build's Arrow IPC files on demand. Never import this module's work at the top level of
 * a prerendered page: call `getEngine()` from onMount or an effect (research/stack-probe.md, gotcha 2).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection, InstantiationProgress } from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { fullUrl, primaryUrl as wasmUrl, primaryBytes, warmImports } from 'virtual:engine-wasm';
import type { HeadRow } from '../queries/explore';
import { LOCKDOWN_EXPECTED, LOCKDOWN_STATEMENTS, lockdownCheckSql } from '../queries/lockdown';
import {
	ENGINE_TABLES,
	INDEX_NAME,
	createEngineTableSql,
	createPostsViewSql,
	type EngineTable
} from '../queries/tables';
import {
	decodedLength,
	headFiles,
	overlaps,
	validateIndex,
	type ArrowFile,
	type ArrowIndex,
	type Range
} from './files';
import { plainRows } from './arrowRows';
import { FetchQueue } from './fetchQueue';
import { InsertQueue } from './insertQueue';
import {
	PRELOAD_QUIET_MS,
	planBytes,
	preloadBudget,
	preloadPlan,
	runPreload,
	type DeviceHints
} from './preload';
import { WasmRunner, type EngineHandle } from './runner';
import { engineStatus } from './status.svelte';
import { WASM_FULL_NOW_MESSAGE, startEngineWorker } from './wasmCompile';
import { warmUpFor } from './wasmWarm';

/** Where the build's files are served. */
export const DATA_BASE = '/data/';
/** The engine's wasm in bytes, decoded: the progress total when the response is compressed and its length
 * header counts compressed bytes. */
const WASM_BYTES = primaryBytes;
/** Boot fails when the download or compile makes no progress for this long (a wasm served with the wrong MIME
 * type makes instantiation hang rather than fail). */
export const STALL_TIMEOUT_MS = 30_000;
/** Data files downloading at once (fetchQueue.ts says why there is a limit). */
const DOWNLOADS_AT_ONCE = 24;
/** Files of one table that arrive while an insert runs go in together, up to this many bytes per insert. */
const JOIN_BYTES = 8 * 1024 * 1024;

export interface Engine {
	db: AsyncDuckDB;
	version: string;
	index: ArrowIndex;
	/** A runner on a new connection of its own (the SQL console gets one, the explorer another). */
	connect(): Promise<WasmRunner>;
	/** Makes sure a table holds all its files (small tables, posts_hourly). */
	ensureTable(name: EngineTable, view: string): Promise<void>;
	/** Makes sure the partitions of a posts table that hold any instant of the given ranges are loaded. */
	ensureRanges(name: 'posts_core' | 'posts_text', ranges: readonly Range[], view: string): Promise<void>;
	/** Whether every partition of a posts table that holds an instant of the ranges is in (nothing to load). */
	holds(name: 'posts_core' | 'posts_text', ranges: readonly Range[]): boolean;
	/** The rows of the hour heads of the given hours, each holding a first copy (read once, then kept). */
	headRows(hours: readonly number[], view: string): Promise<HeadRow[]>;
	/** Loads every file of every table (the SQL console's view of the data). */
	ensureAll(view: string): Promise<void>;
	/** Starts loading the posts partitions no view has needed yet, in the background (preload.ts); once. */
	preloadPosts(view: string): void;
	/** Holds the background load back (the reader is dragging on a view, or a view computes) until the returned
	 * function is called, and for PRELOAD_QUIET_MS after. A file under way still goes in. */
	hold(): () => void;
	/** Starts downloading the rest of a split engine now (the SQL console may need any of it); once. */
	loadFullEngine(): void;
	readonly handle: EngineHandle;
}

let dbReady: Promise<Engine> | undefined;

/** The one engine of this tab, booted on first call. After a failure or a kill the next call boots again. */
export function getEngine(): Promise<Engine> {
	dbReady ??= boot().catch((e: unknown) => {
		dbReady = undefined;
		engineStatus.phase = engineStatus.phase === 'unsupported' ? 'unsupported' : 'error';
		engineStatus.error = e instanceof Error ? e.message : String(e);
		throw e;
	});
	return dbReady;
}

/**
 * Boots the engine now if the page has painted (its prerendered charts are on screen), else after the next
 * frame. The explorer's route calls it from its load, which runs just before the page hydrates: the worker
 * then downloads the wasm and compiles it while hydration (one task of 150 ms or more) holds the main thread,
 * where a boot from onMount began only after it.
 */
export function bootAfterFirstPaint(): void {
	const go = () => void getEngine().catch(() => undefined);
	const painted = performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint');
	if (painted) go();
	else requestAnimationFrame(() => setTimeout(go, 0));
}

/** True when this browser can run the engine at all. */
export function engineSupported(): boolean {
	return (
		typeof WebAssembly === 'object' &&
		typeof WebAssembly.instantiate === 'function' &&
		typeof Worker === 'function' &&
		typeof BigInt64Array === 'function'
	);
}

function stallGuard<T>(work: Promise<T>, lastProgress: () => number, onStall: () => void): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setInterval(() => {
			if (performance.now() - lastProgress() > STALL_TIMEOUT_MS) {
				clearInterval(timer);
				onStall();
				reject(
					new Error(`The query engine did not finish loading (no progress for ${STALL_TIMEOUT_MS / 1000} s).`)
				);
			}
		}, 1000);
		work.then(
			(v) => {
				clearInterval(timer);
				resolve(v);
			},
			(e: unknown) => {
				clearInterval(timer);
				reject(e);
			}
		);
	});
}

/** Records the end of a boot step, for the benchmark and as a mark in the browser's performance timeline. */
function step(name: string): void {
	engineStatus.steps.push({ name, at: performance.now() });
	performance.mark(`engine: ${name}`);
}

/**
 * Fetches one file as bytes, reporting progress into engineStatus unless `counted` is false (a background
 * download: the indicator shows what the views are waiting for). Progress moves a file at a time: read chunk by
 * chunk, a 400 kB partition at 1M posts held the main thread for about 40 ms in a Chromium trace of a brush (a
 * promise and a status update per chunk), in the middle of the brush that waited for it; `arrayBuffer()` takes
 * the body whole.
 */
async function fetchBytes(url: string, expected: number, counted = true): Promise<Uint8Array> {
	const res = await fetch(url, { credentials: 'same-origin' });
	if (!res.ok) throw new Error(`Could not download ${url} (HTTP ${res.status}).`);
	const total = decodedLength(res.headers, expected);
	if (counted) engineStatus.dataTotal += total;
	const buf = new Uint8Array(await res.arrayBuffer());
	// A file the index gives no size for (an hour head) counts once it is in, so loaded never passes total.
	if (counted) engineStatus.dataTotal += Math.max(0, buf.byteLength - total);
	if (counted) engineStatus.dataLoaded += buf.byteLength;
	return buf;
}

async function boot(): Promise<Engine> {
	const started = performance.now();
	engineStatus.startedMs = started;
	engineStatus.steps = [];
	if (!engineSupported()) {
		engineStatus.phase = 'unsupported';
		throw new Error(
			'This browser cannot run the query engine (it needs WebAssembly, Web Workers and BigInt).'
		);
	}
	engineStatus.phase = 'engine';
	engineStatus.error = '';
	engineStatus.engineLoaded = 0;
	// The data index downloads while the engine compiles (it is small and every view needs it first).
	const indexJson = fetch(`${DATA_BASE}arrow/index.json`, { credentials: 'same-origin' }).then(
		async (res) => {
			if (!res.ok) throw new Error(`The data index is missing (HTTP ${res.status}).`);
			return validateIndex(await res.json());
		}
	);
	indexJson.catch(() => undefined);
	// So do the pre-aggregates: every explorer view starts from them. The stored first counts (1 kB) go at once;
	// the hourly aggregate (120 kB over brotli) once the wasm is in, as the first result needs only the wasm and
	// the counts: on a slow connection it took its share of the bandwidth from the wasm (at 10 Mbit/s the wasm was
	// instantiated 30–110 ms later with it alongside), and it still arrives while DuckDB opens.
	let wasmIn: () => void = () => undefined;
	const wasmArrived = new Promise<void>((resolve) => (wasmIn = resolve));
	const early = new Map<string, Promise<Uint8Array>>();
	indexJson.then(
		(ix) => {
			const aggregates: [name: string, after: Promise<void>][] = [
				[INDEX_NAME.crossfilter_default, Promise.resolve()],
				[INDEX_NAME.posts_hourly, wasmArrived]
			];
			for (const [name, after] of aggregates) {
				for (const f of ix.tables[name]?.files ?? []) {
					const bytes = after.then(() => fetchBytes(`${DATA_BASE}${f.path}`, f.bytes ?? 0));
					bytes.catch(() => early.delete(f.path));
					early.set(f.path, bytes);
				}
			}
		},
		() => undefined
	);
	// DuckDB's worker script loads while the engine's module is imported, and the wasm downloads and compiles
	// beside it, in a worker of its own (wasmCompileJob.ts), which hands the module over: the download no longer
	// waits for that script. Progress comes from whichever downloads it.
	let last = performance.now();
	const progress = (loaded: number, total: number) => {
		last = performance.now();
		if (loaded >= WASM_BYTES) wasmIn();
		engineStatus.engineLoaded = Math.max(engineStatus.engineLoaded, loaded);
		engineStatus.engineTotal = Math.max(total || WASM_BYTES, engineStatus.engineLoaded);
	};
	const fullHref = fullUrl && new URL(fullUrl, location.href).href;
	engineStatus.full = { state: fullHref ? 'primary' : 'none', slot: -1, at: 0, ms: 0 };
	engineStatus.warm = { ms: 0, error: '' };
	const worker = startEngineWorker(
		workerUrl,
		{
			href: new URL(wasmUrl, location.href).href,
			fullHref,
			warm: warmUpFor(warmImports)
		},
		(r) => {
			if (r.type === 'progress') progress(r.loaded, r.total);
			// No module will come from the compile worker: DuckDB's worker downloads the wasm itself, and the
			// aggregate does not wait for that fallback.
			if (r.type === 'error') wasmIn();
			if (r.type === 'warm') engineStatus.warm = { ms: r.ms, error: r.error ?? '' };
		},
		({ slot, ms, error }) => {
			const state = error ? 'failed' : slot < 0 ? 'background' : 'on-demand';
			engineStatus.full = { state, slot, at: performance.now(), ms };
			// The call that needed it was cut off inside DuckDB, which may now hold locks and a moved stack. (A
			// background load that failed cut nothing off: a later call tries again.)
			if (error && slot >= 0) fullFailed(error);
		}
	);
	let fullFailed: (error: string) => void = () => undefined;
	const duckdb = await import('@duckdb/duckdb-wasm');
	// DuckDB's own Arrow library (loaded with it), for the hour heads the engine reads itself.
	const arrow = import('apache-arrow');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// Given the compiled module, DuckDB's worker reports an empty download: the bytes shown stay.
	const onProgress = (p: InstantiationProgress) => progress(p.bytesLoaded, p.bytesTotal);
	try {
		await stallGuard(
			db.instantiate(wasmUrl, null, onProgress),
			() => last,
			() => worker.terminate()
		);
	} catch (e) {
		worker.terminate();
		throw e;
	}
	step('wasm instantiated');
	wasmIn();
	await db.open({
		query: { castBigIntToDouble: false, castDecimalToDouble: true },
		filesystem: { allowFullHTTPReads: false }
	});
	step('database open');

	let killed = false;
	let rejectKilled: (e: Error) => void = () => undefined;
	const killedPromise = new Promise<never>((_, reject) => (rejectKilled = reject));
	killedPromise.catch(() => undefined);
	/** A request to the worker settles even when the worker is killed under it (it would never answer). */
	const orKilled = <T>(work: Promise<T>): Promise<T> => Promise.race([work, killedPromise]);
	/** Queries running on any connection and holds (`hold`), and when a view last loaded data, ran a query or
	 * let go of a hold (for `quiet`). */
	let querying = 0;
	let lastActive = 0;
	const active = (delta: number) => {
		querying += delta;
		lastActive = performance.now();
	};
	const handle: EngineHandle = {
		killed: killedPromise,
		active,
		kill(reason: string) {
			if (killed) return;
			killed = true;
			dbReady = undefined;
			engineStatus.phase = 'idle';
			engineStatus.error = `The query engine was restarted: ${reason}.`;
			engineStatus.files = [];
			engineStatus.preload.state = 'off';
			rejectKilled(new Error(reason));
			db.terminate().catch(() => undefined);
		}
	};

	fullFailed = (error) => handle.kill(error.replace(/\.$/, ''));

	// Lock-down first: nothing else runs on this database before these settings are in place. One statement
	// list for the whole set-up, as each query is a round trip to the worker on the way to the first result:
	// the settings, in order, then our own tables (no setting is needed for them), then the read-back of the
	// settings, whose rows are the list's result. No other SQL reaches the database before the check passes.
	const admin: AsyncDuckDBConnection = await db.connect();
	const tables = (Object.keys(ENGINE_TABLES) as EngineTable[]).map((t) => createEngineTableSql(t));
	const versionP = db.getVersion();
	const setup = [...LOCKDOWN_STATEMENTS, ...tables, createPostsViewSql(), lockdownCheckSql()];
	const check = (await admin.query(setup.join(';\n'))).toArray().map((r) => r.toJSON());
	for (const [name, value] of Object.entries(LOCKDOWN_EXPECTED)) {
		const got = check.find((r) => r.name === name);
		if (String(got?.value) !== value) throw new Error(`Engine lock-down failed: ${name} is ${got?.value}.`);
	}
	const version = await versionP;
	step('locked down, tables made');

	engineStatus.phase = 'data';
	const index = await indexJson;

	// Loads are shared: a file asked for twice is fetched and inserted once. Downloads run in parallel; inserts
	// go through the admin connection one at a time, straight into their table (the files that arrived in the
	// meantime together, insertQueue.ts): the build writes each file with its table's columns in order (a build
	// test checks it), and DuckDB casts the millisecond timestamps to the contract's TIMESTAMP as it appends.
	// No staging copy.
	const loads = new Map<string, Promise<void>>();
	/** Files already in their table: asking for them again costs nothing, not even a status change. */
	const loaded = new Set<string>();
	const downloads = new FetchQueue(DOWNLOADS_AT_ONCE);
	const inserts = new InsertQueue<EngineTable>((target, bytes) => {
		if (killed) return Promise.reject(new Error('engine restarted'));
		return orKilled(admin.insertArrowFromIPCStream(bytes, { name: target, create: false }));
	}, JOIN_BYTES);
	/** How long each file's download took, read when it is inserted. */
	const fetchMs = new Map<string, number>();
	const download = (file: ArrowFile, counted = true) =>
		downloads.run(file.path, async () => {
			const started = performance.now();
			try {
				return await fetchBytes(`${DATA_BASE}${file.path}`, file.bytes ?? 0, counted);
			} finally {
				fetchMs.set(file.path, performance.now() - started);
			}
		});
	/** Starts a download ahead of its insert (the background load); the insert takes it from `early`. */
	const prefetch = (target: EngineTable, file: ArrowFile): Promise<unknown> => {
		// A file a view has loaded since the plan was made would be downloaded again and never taken.
		const known = early.get(file.path) ?? loads.get(`${target}:${file.path}`);
		if (known || file.rows === 0) return known ?? Promise.resolve();
		const bytes = download(file, false);
		bytes.catch(() => early.delete(file.path));
		early.set(file.path, bytes);
		return bytes;
	};
	const insertFile = (target: EngineTable, file: ArrowFile, view: string): Promise<void> => {
		const key = `${target}:${file.path}`;
		const existing = loads.get(key);
		if (existing) {
			// Asked for again while it waits for a download slot: someone needs it now.
			downloads.bump(file.path);
			return existing;
		}
		const job = (async () => {
			if (file.rows === 0) return;
			const t0 = performance.now();
			const started = early.get(file.path);
			// A background download may still wait for a slot: a view needs it now.
			if (started) downloads.bump(file.path);
			const bytes = await (started ?? download(file));
			// Read now: inserting hands the buffer to the worker, which leaves it empty here.
			const size = bytes.byteLength;
			early.delete(file.path);
			const insertMs = await inserts.add(target, bytes);
			engineStatus.files.push({
				path: file.path,
				bytes: size,
				view,
				ms: performance.now() - t0,
				fetchMs: fetchMs.get(file.path) ?? 0,
				insertMs
			});
			fetchMs.delete(file.path);
		})();
		job.then(
			() => loaded.add(key),
			() => undefined
		);
		job.catch(() => loads.delete(key));
		loads.set(key, job);
		return job;
	};
	/**
	 * The hour heads read so far, by path. Decoded here on the main thread (50 rows at most, about 1 ms), not
	 * inserted: a page of them is worked out without the worker (`headPage`).
	 */
	const heads = new Map<string, Promise<HeadRow[]>>();
	const readHead = (file: ArrowFile, view: string): Promise<HeadRow[]> => {
		const known = heads.get(file.path);
		if (known) return known;
		const job = (async () => {
			const t0 = performance.now();
			const [bytes, { tableFromIPC }] = await Promise.all([download(file), arrow]);
			const rows = plainRows(tableFromIPC(bytes)) as unknown as HeadRow[];
			engineStatus.files.push({
				path: file.path,
				bytes: bytes.byteLength,
				view,
				ms: performance.now() - t0,
				fetchMs: fetchMs.get(file.path) ?? 0,
				insertMs: 0
			});
			fetchMs.delete(file.path);
			return rows;
		})();
		job.catch(() => heads.delete(file.path));
		heads.set(file.path, job);
		return job;
	};
	const filesOf = (name: EngineTable): ArrowFile[] =>
		(index.tables[INDEX_NAME[name]]?.files ?? []).filter((f) => !loaded.has(`${name}:${f.path}`));
	let inflight = 0;
	const settle = async (jobs: Promise<void>[]) => {
		if (jobs.length === 0) return;
		inflight++;
		lastActive = performance.now();
		if (!killed) engineStatus.phase = 'data';
		try {
			await Promise.all(jobs);
		} finally {
			inflight--;
			lastActive = performance.now();
			if (inflight === 0 && !killed) {
				engineStatus.phase = 'ready';
				engineStatus.dataLoaded = 0;
				engineStatus.dataTotal = 0;
			}
		}
	};

	/** Resolves once no view has loaded data or run a query for PRELOAD_QUIET_MS, nothing holds the background
	 * load back, and the page is idle. */
	const quiet = () =>
		new Promise<void>((resolve) => {
			const check = () => {
				const wait = PRELOAD_QUIET_MS - (performance.now() - lastActive);
				if (killed) resolve();
				else if (inflight > 0 || querying > 0 || wait > 0) setTimeout(check, Math.max(wait, 50));
				else if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve());
				else setTimeout(resolve, 0);
			};
			check();
		});
	let preloading: Promise<void> | null = null;
	// The rest of a split engine (scripts/lib/wasm-split.ts) downloads after the background load: it serves
	// queries the explorer's views do not run, and must not compete with them for the network or the cores.
	const preloadPosts = (view: string) =>
		(preloading ??= runPreloadOnce(view).finally(() => loadFullEngine()));
	const runPreloadOnce = async (view: string) => {
		const all = (name: EngineTable) => index.tables[INDEX_NAME[name]]?.files ?? [];
		const plan = preloadPlan(
			{ posts_core: all('posts_core'), posts_text: all('posts_text') },
			preloadBudget(navigator as DeviceHints),
			(table, f) => loaded.has(`${table}:${f.path}`)
		);
		const p = engineStatus.preload;
		p.total = planBytes(plan.flat());
		p.loaded = 0;
		if (plan.length === 0) return;
		p.state = 'running';
		const t0 = performance.now();
		const end = await runPreload(plan, {
			prefetch: (x) => prefetch(x.table, x.file),
			insert: (x) => insertFile(x.table, x.file, view),
			quiet,
			stopped: () => killed,
			progress: (bytes) => (p.loaded += bytes)
		});
		if (killed) return;
		p.state = end === 'done' ? 'done' : 'failed';
		p.ms = performance.now() - t0;
	};

	let fullRequested = false;
	function loadFullEngine() {
		if (fullHref && !fullRequested && !killed) worker.postMessage({ [WASM_FULL_NOW_MESSAGE]: true });
		fullRequested = true;
	}

	const engine: Engine = {
		db,
		version,
		index,
		handle,
		async connect() {
			if (killed) throw new Error('The query engine was restarted.');
			return new WasmRunner(await orKilled(db.connect()), handle);
		},
		ensureTable(name, view) {
			return settle(filesOf(name).map((f) => insertFile(name, f, view)));
		},
		ensureRanges(name, ranges, view) {
			if (ranges.length === 0) return Promise.resolve();
			return settle(
				filesOf(name)
					.filter((f) => overlaps(f, ranges))
					.map((f) => insertFile(name, f, view))
			);
		},
		holds(name, ranges) {
			return filesOf(name).every((f) => !overlaps(f, ranges));
		},
		async headRows(hours, view) {
			const files = headFiles(hours);
			await settle(files.filter((f) => !heads.has(f.path)).map((f) => readHead(f, view).then(() => {})));
			return (await Promise.all(files.map((f) => readHead(f, view)))).flat();
		},
		ensureAll(view) {
			const names = Object.keys(ENGINE_TABLES) as EngineTable[];
			return settle(names.flatMap((n) => filesOf(n).map((f) => insertFile(n, f, view))));
		},
		preloadPosts(view) {
			void preloadPosts(view);
		},
		hold() {
			// Held like a query running: the background load waits for both alike.
			active(1);
			let on = true;
			return () => {
				if (on) active(-1);
				on = false;
			};
		},
		loadFullEngine
	};

	engineStatus.version = version;
	engineStatus.phase = 'ready';
	engineStatus.bootMs = performance.now() - started;
	return engine;
}

/**
 * `window.__aiad` for the e2e tests and benchmarks: the engine status and a raw query that skips the console's
 * read-only gate, so tests can prove the engine's own lock-down. It grants nothing a script on this page could
 * not do anyway (it runs under the same lock-down), and it never runs anything by itself.
 */
export function installTestHook(): void {
	const w = globalThis as unknown as { __aiad?: unknown };
	w.__aiad ??= {
		status: engineStatus,
		async query(sql: string) {
			const engine = await getEngine();
			const runner = await engine.connect();
			return runner.rows(sql, { timeoutMs: 5_000 });
		}
	};
}
