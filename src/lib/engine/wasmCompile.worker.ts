/// <reference lib="webworker" />
// Downloads and compiles the engine's wasm beside DuckDB's worker (wasmCompileJob.ts says why), then ends.
import { compileWasm, type CompileReport } from './wasmCompileJob';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<{ url: string; port: MessagePort }>) => {
	const { url, port } = e.data;
	void compileWasm(url, port, (r: CompileReport) => scope.postMessage(r)).finally(() => scope.close());
};
