/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
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
