/// <reference lib="webworker" />
// Downloads and compiles the engine's wasm beside DuckDB's worker (wasmCompileJob.ts says why), warms it up
// (wasmWarm.ts), then ends.
//
// The wasm's address comes in the worker's name, so its download starts as soon as this script runs. The page's
// message (the port the module goes out on, and the warm-up's imports) reaches a new worker only once the
// page's main thread has handled the worker's start: in a trace of a cold load, where the page's hydration ran
// right then, the download waited for it by 170 ms.
import { browserDeps, compileWasm, type CompileReport } from './wasmCompileJob';
import type { WarmImports } from './wasmWarm';

const scope = self as unknown as DedicatedWorkerGlobalScope;

interface Setup {
	url: string;
	port: MessagePort;
	warm: WarmImports | null;
}
const setup = new Promise<Setup>((resolve) => {
	scope.onmessage = (e: MessageEvent<Setup>) => resolve(e.data);
});
const report = (r: CompileReport) => scope.postMessage(r);
void (async () => {
	const url = scope.name || (await setup).url;
	const warm = setup.then((s) => s.warm);
	await compileWasm(
		url,
		setup.then((s) => s.port),
		report,
		browserDeps(warm)
	);
})().finally(() => scope.close());
