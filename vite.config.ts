/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { engineWasm } from './scripts/lib/vite-engine-wasm.ts';

const wasmPath = createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
const profilePath = fileURLToPath(new URL('./scripts/lib/wasm-profile.json', import.meta.url));

export default defineConfig({
	plugins: [engineWasm({ wasmPath, profilePath }), sveltekit()],
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
