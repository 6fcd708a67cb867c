/**
 * The page's side of the wasm compile worker (wasmCompileJob.ts says why it exists). The messages DuckDB's
 * worker takes are read by the boot patch's prelude (scripts/lib/duckdb-boot-patch.ts), before DuckDB's own
 * message handler sees them.
 */
import type { CompileReport } from './wasmCompileJob';
import type { WarmImports } from './wasmWarm';

/** Gives DuckDB's worker the port its compiled module will arrive on. */
export const WASM_PORT_MESSAGE = '__aiadWasmPort';
/** Tells DuckDB's worker that no module will come (the compile worker did not start): it downloads its own. */
export const WASM_FAILED_MESSAGE = '__aiadWasmFailed';
/** Tells DuckDB's worker where the full module of a split wasm is (scripts/lib/wasm-split.ts). */
export const WASM_FULL_MESSAGE = '__aiadWasmFull';
/** Tells DuckDB's worker to download and install that module now, in the background. */
export const WASM_FULL_NOW_MESSAGE = '__aiadWasmFullNow';
/** What DuckDB's worker says once the full module is in: `{ slot, ms }` (slot -1: the background download). */
export const WASM_FULL_LOADED_MESSAGE = '__aiadFullLoaded';

export interface FullLoaded {
	/** The trampoline's slot whose call needed it (scripts/lib/wasm-split.ts), or -1. */
	slot: number;
	/** How long the worker waited for it: its download too when a call needed it. */
	ms: number;
	/** Why it could not be loaded. The call that needed it failed half-way: the engine must restart. */
	error?: string;
}

/**
 * Starts DuckDB's worker from `workerUrl`, and first, so that its download leads, a compile worker for
 * `wasm.href` that hands the module to it, then warms it up with `wasm.warm` (wasmWarm.ts). `onReport` gets the
 * download's progress, a failure, if any, and the warm-up's end; after a failure DuckDB's worker fetches the
 * wasm itself, as it always did, and it does so as well when the compile worker cannot be made at all.
 * `wasm.fullHref`, for a split wasm (scripts/lib/wasm-split.ts), is where the worker finds the full module;
 * `onFullLoaded` hears when it is in, or why it could not be loaded.
 */
export function startEngineWorker(
	workerUrl: string,
	wasm: { href: string; fullHref: string | null; warm: WarmImports | null },
	onReport: (r: CompileReport) => void,
	onFullLoaded: (f: FullLoaded) => void = () => undefined
): Worker {
	let started: { c: Worker; channel: MessageChannel } | null;
	try {
		const channel = new MessageChannel();
		// Named after the wasm it fetches: it starts before the page's first message can reach it.
		const c = new Worker(new URL('./wasmCompile.worker.ts', import.meta.url), {
			type: 'module',
			name: wasm.href
		});
		started = { c, channel };
	} catch {
		started = null;
	}
	const engine = new Worker(workerUrl);
	// Before instantiation: from then on a function of the primary may need the full module.
	if (wasm.fullHref) engine.postMessage({ [WASM_FULL_MESSAGE]: wasm.fullHref });
	// Added before DuckDB's own listener, which would take this message for a reply to a request it never made.
	engine.addEventListener('message', (e: MessageEvent) => {
		const d = e.data as Record<string, unknown> | null;
		if (d && typeof d === 'object' && WASM_FULL_LOADED_MESSAGE in d) {
			e.stopImmediatePropagation();
			onFullLoaded(d[WASM_FULL_LOADED_MESSAGE] as FullLoaded);
		}
	});
	if (!started) return engine;
	const { c, channel } = started;
	c.onmessage = (e: MessageEvent<CompileReport>) => onReport(e.data);
	// Its script did not load, or threw before it could answer on the port.
	c.onerror = (e) => {
		const message = e.message || 'The engine’s compile worker did not start.';
		engine.postMessage({ [WASM_FAILED_MESSAGE]: message });
		c.terminate();
		onReport({ type: 'error', message });
	};
	// Before anything else reaches DuckDB's worker: the prelude must hold the port when instantiation asks.
	engine.postMessage({ [WASM_PORT_MESSAGE]: channel.port2 }, [channel.port2]);
	c.postMessage({ url: wasm.href, port: channel.port1, warm: wasm.warm }, [channel.port1]);
	return engine;
}
