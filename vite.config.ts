/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

const wasm = createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');

export default defineConfig({
	plugins: [sveltekit()],
	// The engine's download size for its progress bar: served compressed, the wasm's length header says less.
	define: { __DUCKDB_WASM_BYTES__: JSON.stringify(statSync(wasm).size) },
	// DuckDB-WASM is imported dynamically in the browser only; keep Vite from pre-bundling its worker.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: [
			'tests/unit/**/*.test.ts',
			'tests/queries/**/*.test.ts',
			'tests/charts/**/*.test.ts',
			'tests/build/**/*.test.ts'
		],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Build tests read build/ and static/data/, which `npm run build` writes before vitest runs.
		fileParallelism: true
	}
});
