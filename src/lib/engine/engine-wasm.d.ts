/** The engine's wasm, from scripts/lib/vite-engine-wasm.ts. */
declare module 'virtual:engine-wasm' {
	/** The module the page downloads first: the split's primary, or the whole module. */
	export const primaryUrl: string;
	/** The full module a split primary loads later; null when the primary is the whole module. */
	export const fullUrl: string | null;
	/** The primary's size, decoded: the progress total when its length header counts compressed bytes. */
	export const primaryBytes: number;
	/** What the compile worker needs to warm the primary up (scripts/lib/wasm-warm.ts); null when it has no
	 * warm-up. */
	export const warmImports: import('./wasmWarm').WarmImports | null;
}
