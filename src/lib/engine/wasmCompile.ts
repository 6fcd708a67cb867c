/**
 * The page's side of the wasm compile worker (wasmCompileJob.ts says why it exists). The messages DuckDB's
 * worker takes are read by the boot patch's prelude (scripts/lib/duckdb-boot-patch.ts), before DuckDB's own
 * message handler sees them.
 */
import type { CompileReport } from './wasmCompileJob';

/** Gives DuckDB's worker the port its compiled module will arrive on. */
export const WASM_PORT_MESSAGE = '__aiadWasmPort';
/** Tells DuckDB's worker that no module will come (the compile worker did not start): it downloads its own. */
export const WASM_FAILED_MESSAGE = '__aiadWasmFailed';

/**
 * Starts DuckDB's worker from `workerUrl`, and first, so that its download leads, a compile worker for
 * `wasmHref` that hands the module to it. `onReport` gets the download's progress and a failure, if any; DuckDB's
 * worker then fetches the wasm itself, as it always did, and it does so as well when the compile worker cannot
 * be made at all.
 */
export function startEngineWorker(
	workerUrl: string,
	wasmHref: string,
	onReport: (r: CompileReport) => void
): Worker {
	let started: { c: Worker; channel: MessageChannel } | null;
	try {
		const channel = new MessageChannel();
		const c = new Worker(new URL('./wasmCompile.worker.ts', import.meta.url), { type: 'module' });
		started = { c, channel };
	} catch {
		started = null;
	}
	const engine = new Worker(workerUrl);
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
	c.postMessage({ url: wasmHref, port: channel.port1 }, [channel.port1]);
	return engine;
}
