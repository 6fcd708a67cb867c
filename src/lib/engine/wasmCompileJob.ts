/**
 * What the wasm compile worker does (wasmCompile.worker.ts; the page side is wasmCompile.ts). DuckDB's own
 * worker spends its first few hundred ms fetching and parsing a 775 KB script before it can ask for its wasm,
 * and the wasm's 24 MB then take most of a second to stream in. This job downloads and compiles the wasm on a
 * thread of its own from the moment the boot starts, and hands the compiled module to DuckDB's worker through
 * a MessagePort (the boot patch's prelude takes it: scripts/lib/duckdb-boot-patch.ts).
 */

import { warmUp, type WarmImports } from './wasmWarm';

export type CompileReport =
	| { type: 'progress'; loaded: number; total: number }
	| { type: 'error'; message: string }
	/** The warm-up (wasmWarm.ts) ended: its time, or why it could not run. */
	| { type: 'warm'; ms: number; error?: string };

/** What DuckDB's worker gets on its port: the module, or why there is none (it then downloads the wasm itself). */
export type ModuleMessage = WebAssembly.Module | { error: string };

export interface CompileDeps {
	fetch: typeof fetch;
	compileStreaming: (source: Response) => Promise<WebAssembly.Module>;
	now: () => number;
	/** Resolves to the warm-up's ms, or null when the module has none (wasmWarm.ts). */
	warmUp: (module: WebAssembly.Module) => Promise<number | null>;
}

/** At most one progress report per this many ms (the last one always goes). */
export const PROGRESS_EVERY_MS = 20;

/** `warm` may arrive after the download has started (it comes in the page's message). */
export const browserDeps = (warm: WarmImports | null | Promise<WarmImports | null>): CompileDeps => ({
	fetch: (input, init) => fetch(input, init),
	compileStreaming: (source) => WebAssembly.compileStreaming(source),
	now: () => performance.now(),
	warmUp: async (module) => {
		const imports = await warm;
		return imports ? warmUp(module, imports) : null;
	}
});

type Port = Pick<MessagePort, 'postMessage' | 'close'>;

/**
 * Downloads `url`, compiles it as it streams in and posts the module on `port` (which may come later), then
 * closes it. Progress goes to `report` in decoded bytes, counted on a copy of the body: the total is 0
 * (unknown) when the response is content-encoded, as its length header then counts compressed bytes. A failure
 * goes both ways, so DuckDB's worker falls back to its own download and the page can tell. Then it runs the
 * module's warm-up, if any.
 */
export async function compileWasm(
	url: string,
	port: Port | Promise<Port>,
	report: (r: CompileReport) => void,
	deps: CompileDeps = browserDeps(null)
): Promise<void> {
	let module: WebAssembly.Module | null = null;
	try {
		const res = await deps.fetch(url, { credentials: 'same-origin' });
		if (!res.ok) throw new Error(`Could not download the query engine (HTTP ${res.status}).`);
		const length = res.headers.get('content-encoding') ? null : res.headers.get('content-length');
		const total = (length && parseInt(length, 10)) || 0;
		const counted = res.body ? countBytes(res.clone().body!, total, report, deps.now) : null;
		module = await deps.compileStreaming(res);
		(await port).postMessage(module satisfies ModuleMessage);
		await counted?.catch(() => undefined);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		(await port).postMessage({ error: message } satisfies ModuleMessage);
		report({ type: 'error', message });
	} finally {
		(await port).close();
	}
	if (module) await warm(module, report, deps);
}

/** Reports the warm-up's end; a warm-up that fails costs DuckDB's worker nothing but the help. */
async function warm(module: WebAssembly.Module, report: (r: CompileReport) => void, deps: CompileDeps) {
	const t0 = deps.now();
	try {
		const ms = await deps.warmUp(module);
		if (ms !== null) report({ type: 'warm', ms });
	} catch (e) {
		report({ type: 'warm', ms: deps.now() - t0, error: e instanceof Error ? e.message : String(e) });
	}
}

async function countBytes(
	body: ReadableStream<Uint8Array>,
	total: number,
	report: (r: CompileReport) => void,
	now: () => number
): Promise<void> {
	const reader = body.getReader();
	let loaded = 0;
	let sent = -Infinity;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		loaded += value.byteLength;
		if (now() - sent >= PROGRESS_EVERY_MS) {
			sent = now();
			report({ type: 'progress', loaded, total });
		}
	}
	report({ type: 'progress', loaded, total });
}
