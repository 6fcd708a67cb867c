/**
 * `virtual:engine-wasm`: the URLs of the engine's wasm. In a client build with a profile that matches the
 * installed module (scripts/lib/wasm-profile.json, written by `npm run profile:wasm`), the module is split
 * (scripts/lib/wasm-split.ts) and both halves are emitted as assets; the page downloads the primary and the
 * worker fetches the full module later. Otherwise (the dev server, the server build, a profile made for another
 * module, a module the split cannot prove) it is the whole module, as before, and `fullUrl` is null; a build
 * says why.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { splitModule } from './wasm-split.ts';
import { WasmFormatError } from './wasm-exports.ts';
import { addWarmUp, warmImports } from './wasm-warm.ts';

export const ENGINE_WASM_ID = 'virtual:engine-wasm';
const RESOLVED = `\0${ENGINE_WASM_ID}`;

export interface WasmProfile {
	/** sha256 of the module the profile was taken on (hex). */
	wasmSha256: string;
	/** How it was taken. */
	source: string;
	/** Function indices (imports included) that ran, ascending. */
	functions: number[];
	/** A cold load of the explorer: the functions in the order of their first calls, through every view
	 * filled, and how many of them came before its first result (the primary's warm-up: wasm-warm.ts). */
	boot?: { order: number[]; firstResult: number };
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Why the profile cannot be used for `wasm`, or null when it can. */
export function profileMismatch(profile: WasmProfile | null, wasm: Uint8Array): string | null {
	if (!profile) return 'there is no profile';
	if (profile.wasmSha256 !== sha256(wasm)) return 'the profile was taken on another build of the module';
	return null;
}

export function readProfile(path: string): WasmProfile | null {
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as WasmProfile) : null;
}

export function engineWasm(options: { wasmPath: string; profilePath: string }): Plugin {
	let command: 'build' | 'serve' = 'serve';
	const whole = (why: string) =>
		`// ${why}\nexport { default as primaryUrl } from '${options.wasmPath}?url';\n` +
		`export const fullUrl = null;\nexport const primaryBytes = ${readFileSync(options.wasmPath).length};\n` +
		`export const warmImports = null;\n`;
	return {
		name: 'aiad-engine-wasm',
		configResolved(config) {
			command = config.command;
		},
		resolveId(id) {
			return id === ENGINE_WASM_ID ? RESOLVED : undefined;
		},
		load(id, opts) {
			if (id !== RESOLVED) return undefined;
			// The server build never runs the engine: it must not carry a copy of the wasm into the site.
			if (opts?.ssr)
				return (
					`export const primaryUrl = '';\nexport const fullUrl = null;\nexport const primaryBytes = 0;\n` +
					`export const warmImports = null;\n`
				);
			if (command === 'serve') return whole('the whole module (dev server)');
			const wasm = new Uint8Array(readFileSync(options.wasmPath));
			const profile = readProfile(options.profilePath);
			const mismatch = profileMismatch(profile, wasm);
			if (mismatch) {
				this.warn(
					`engine wasm not split: ${mismatch} (run \`npm run profile:wasm\`); shipping the whole module`
				);
				return whole(`not split: ${mismatch}`);
			}
			let split;
			try {
				split = splitModule(wasm, profile!.functions);
			} catch (e) {
				if (!(e instanceof WasmFormatError)) throw e;
				this.warn(`engine wasm not split: ${e.message}; shipping the whole module`);
				return whole(`not split: ${e.message}`);
			}
			let primaryBytes = split.primary;
			let warm = null;
			if (!profile!.boot) this.warn('engine wasm not warmed up: the profile has no boot order');
			else {
				try {
					const { order, firstResult } = profile!.boot;
					primaryBytes = addWarmUp(split.primary, order, firstResult, new Set(split.trampolined));
					warm = warmImports(primaryBytes);
				} catch (e) {
					if (!(e instanceof WasmFormatError)) throw e;
					this.warn(`engine wasm not warmed up: ${e.message}`);
				}
			}
			const primary = this.emitFile({ type: 'asset', name: 'duckdb-eh.wasm', source: primaryBytes });
			const full = this.emitFile({ type: 'asset', name: 'duckdb-eh-full.wasm', source: split.full });
			return (
				`export const primaryUrl = import.meta.ROLLUP_FILE_URL_${primary};\n` +
				`export const fullUrl = import.meta.ROLLUP_FILE_URL_${full};\n` +
				`export const primaryBytes = ${primaryBytes.length};\n` +
				`export const warmImports = ${JSON.stringify(warm)};\n`
			);
		}
	};
}
