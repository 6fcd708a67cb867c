// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** Size of DuckDB's eh wasm in bytes, defined by vite.config.ts. */
	const __DUCKDB_WASM_BYTES__: number;
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
