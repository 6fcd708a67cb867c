// `tsx scripts/patch-duckdb-wasm.ts`: applies the boot patch (scripts/lib/duckdb-boot-patch.ts) to the installed
// DuckDB-wasm worker, trims its wasm's exports to those the worker uses (scripts/lib/wasm-exports.ts), stubs the
// functions nothing can call any more (scripts/lib/wasm-dce.ts) and applies its data relocations
// (scripts/lib/wasm-relocs.ts), in place, once. Runs after `npm install`/`npm ci` (postinstall) and again at
// the start of `npm run build`, so a build never ships the unpatched engine even when install scripts were
// skipped.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
	BootPatchError,
	DUCKDB_VERSION,
	WASM_FILE,
	WORKER_FILE,
	applyBootPatch
} from './lib/duckdb-boot-patch';
import { stubDeadFunctions } from './lib/wasm-dce';
import { WasmFormatError, trimExports } from './lib/wasm-exports';
import { applyDataRelocs, loaderBases } from './lib/wasm-relocs';

const require = createRequire(import.meta.url);
// The package exports its dist files, not its package.json.
const worker = require.resolve(`@duckdb/duckdb-wasm/dist/${WORKER_FILE}`);
const { version } = JSON.parse(readFileSync(join(dirname(worker), '..', 'package.json'), 'utf8')) as {
	version: string;
};
try {
	if (version !== DUCKDB_VERSION) {
		throw new BootPatchError(
			`@duckdb/duckdb-wasm is ${version}, and the boot patch is written for ${DUCKDB_VERSION}: re-check scripts/lib/duckdb-boot-patch.ts against the new worker.`
		);
	}
	const { source, changed } = applyBootPatch(readFileSync(worker, 'utf8'));
	if (changed) writeFileSync(worker, source);
	console.log(`duckdb boot patch: ${changed ? 'applied to' : 'already in'} ${WORKER_FILE} (${version})`);

	const wasmPath = join(dirname(worker), WASM_FILE);
	const wasm = readFileSync(wasmPath);
	const trimmed = trimExports(wasm, source);
	// After the trim: the exports it keeps are where liveness starts.
	const stubbed = stubDeadFunctions(trimmed ?? wasm);
	const relocs = applyDataRelocs(stubbed ?? trimmed ?? wasm, loaderBases(source));
	const result = relocs?.wasm ?? stubbed ?? trimmed;
	if (result) {
		// Validates the rewritten module (V8 checks every section) before it replaces the original.
		new WebAssembly.Module(result);
		// Renamed into place: an interrupted write must not leave a broken engine behind the marker check.
		writeFileSync(`${wasmPath}.tmp`, result);
		renameSync(`${wasmPath}.tmp`, wasmPath);
	}
	console.log(
		trimmed
			? `duckdb boot patch: trimmed ${WASM_FILE}'s exports, ${mb(wasm.length)} → ${mb(trimmed.length)}`
			: `duckdb boot patch: ${WASM_FILE}'s exports already trimmed`
	);
	console.log(
		stubbed
			? `duckdb boot patch: stubbed ${WASM_FILE}'s unreachable functions, ${mb((trimmed ?? wasm).length)} → ${mb(stubbed.length)}`
			: `duckdb boot patch: ${WASM_FILE}'s unreachable functions already stubbed`
	);
	console.log(
		relocs
			? `duckdb boot patch: applied ${WASM_FILE}'s data relocations (${relocs.applied} stores, ${relocs.left} left to start-up), ${mb(relocs.bytesBefore)} of code → ${relocs.bytesAfter} bytes`
			: `duckdb boot patch: ${WASM_FILE}'s data relocations already applied`
	);
} catch (e) {
	const known = e instanceof BootPatchError || e instanceof WasmFormatError;
	console.error(known ? `duckdb boot patch: ${(e as Error).message}` : e);
	process.exit(1);
}

function mb(n: number): string {
	return `${(n / 1e6).toFixed(1)} MB`;
}
