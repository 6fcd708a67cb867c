/// <reference lib="webworker" />
// Downloads and compiles the engine's wasm beside DuckDB's worker (wasmCompileJob.ts says why), warms it up
// (wasmWarm.ts), then ends.
import { browserDeps, compileWasm, type CompileReport } from './wasmCompileJob';
import type { WarmImports } from './wasmWarm';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<{ url: string; port: MessagePort; warm: WarmImports | null }>) => {
	const { url, port, warm } = e.data;
	const report = (r: CompileReport) => scope.postMessage(r);
	void compileWasm(url, port, report, browserDeps(warm)).finally(() => scope.close());
};
