/** Reactive state of the browser engine, read by the progress indicator and by tests/benchmarks. */
export type EnginePhase = 'idle' | 'engine' | 'data' | 'ready' | 'error' | 'unsupported';

export interface LoadedFile {
	path: string;
	/** Bytes of the response body. */
	bytes: number;
	/** Which view asked for it first (explore, sql…). */
	view: string;
	/** From the request to the rows being in their table; of that, the download and the insert itself (the
	 * rest is waiting for a download slot and for the inserts ahead of it). */
	ms: number;
	fetchMs: number;
	insertMs: number;
}

/** `off`: not started, or the posts do not fit this device's budget; `failed`: a file could not be loaded. */
export type PreloadState = 'off' | 'running' | 'done' | 'failed';

export interface BootStep {
	name: string;
	at: number;
}

export const engineStatus = $state({
	phase: 'idle' as EnginePhase,
	/** Engine download (wasm), as reported while it streams. */
	engineLoaded: 0,
	engineTotal: 0,
	/** Data files being fetched right now. */
	dataLoaded: 0,
	dataTotal: 0,
	/** Why the engine is unavailable, in words. */
	error: '',
	/** DuckDB version once ready. */
	version: '',
	/** When the boot began, ms after navigation (the page's performance.now()), and how long it took. */
	startedMs: 0,
	bootMs: 0,
	/** When each step of the boot ended, ms after navigation, in order (also a performance mark each). */
	steps: [] as BootStep[],
	files: [] as LoadedFile[],
	/** The background load of the posts (preload.ts): decoded bytes loaded of the total it plans, and how long
	 * it took from start to end (ms). */
	preload: { state: 'off' as PreloadState, loaded: 0, total: 0, ms: 0 },
	/** The rest of a split engine (scripts/lib/wasm-split.ts): `none` when the engine is not split; `primary`
	 * until the full module is in; then whether a query needed it (`on-demand`, with the trampoline's slot) or
	 * it came from the background download, and when (ms after navigation); `failed` when it could not load. */
	full: { state: 'none' as FullEngineState, slot: -1, at: 0, ms: 0 },
	/** The compile worker's warm-up of the engine's wasm (wasmWarm.ts): its time once it ended (0 before, or
	 * when the wasm has none), or why it failed. */
	warm: { ms: 0, error: '' }
});

export type FullEngineState = 'none' | 'primary' | 'background' | 'on-demand' | 'failed';

/** Bytes of data files a view has downloaded (each file is counted once, for the view that asked first). */
export const bytesForView = (view: string): number =>
	engineStatus.files.filter((f) => f.view === view).reduce((s, f) => s + f.bytes, 0);

export const dataBytes = (): number => engineStatus.files.reduce((s, f) => s + f.bytes, 0);
