// `tsx scripts/patch-duckdb-wasm.ts`: applies the boot patch (scripts/lib/duckdb-boot-patch.ts) to the installed
// DuckDB-wasm worker, in place, once. Runs after `npm install`/`npm ci` (postinstall) and again at the start of
// `npm run build`, so a build never ships the unpatched worker even when install scripts were skipped.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BootPatchError, DUCKDB_VERSION, WORKER_FILE, applyBootPatch } from './lib/duckdb-boot-patch';

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
} catch (e) {
	console.error(e instanceof BootPatchError ? `duckdb boot patch: ${e.message}` : e);
	process.exit(1);
}
