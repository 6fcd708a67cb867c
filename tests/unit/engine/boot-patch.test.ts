import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script, createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
	BOOT_PATCHES,
	BOOT_PATCH_MARKER,
	BOOT_PRELUDE,
	BootPatchError,
	WORKER_FILE,
	applyBootPatch
} from '../../../scripts/lib/duckdb-boot-patch';

const installed = (): string =>
	readFileSync(createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${WORKER_FILE}`), 'utf8');

/** A stand-in worker holding each patch's text once, among other code. */
const synthetic = (): string => BOOT_PATCHES.map((p, i) => `var a${i}=1;${p.from};`).join('\n');

describe('applyBootPatch', () => {
	it('replaces every patched text and marks the worker', () => {
		const { source, changed } = applyBootPatch(synthetic());
		expect(changed).toBe(true);
		expect(source.startsWith(`${BOOT_PATCH_MARKER}\n`)).toBe(true);
		for (const p of BOOT_PATCHES) expect(source).toContain(p.to);
		for (let i = 0; i < BOOT_PATCHES.length; i++) expect(source).toContain(`var a${i}=1;`);
	});

	it('leaves a patched worker as it is', () => {
		const once = applyBootPatch(synthetic()).source;
		expect(applyBootPatch(once)).toEqual({ source: once, changed: false });
	});

	it('names the patch whose text is missing, and changes nothing', () => {
		const worker = synthetic().replace(BOOT_PATCHES[3].from, 'mergeLibSymbols=()=>{}');
		expect(() => applyBootPatch(worker)).toThrow(BootPatchError);
		expect(() => applyBootPatch(worker)).toThrow(`"${BOOT_PATCHES[3].name}" (its text is found nowhere)`);
	});

	it('refuses a worker patched by an earlier version, asking for a reinstall', () => {
		const old = `/* ai-art-discourse-explorer boot patch 1 (scripts/lib/duckdb-boot-patch.ts) */\n${synthetic()}`;
		expect(() => applyBootPatch(old)).toThrow('Run `npm ci`');
	});

	it('refuses a text found twice', () => {
		const worker = `${synthetic()}\n${BOOT_PATCHES[5].from}`;
		expect(() => applyBootPatch(worker)).toThrow('more than once');
	});
});

describe('the prelude: the worker downloads its wasm as it starts', () => {
	const WASM = 'http://localhost:4173/_app/immutable/assets/duckdb-eh.abc.wasm';
	/** Runs the prelude in a worker-like context whose URL has `hash`; fetch returns a tagged promise. */
	function run(hash: string) {
		const calls: string[] = [];
		const context = createContext({
			self: { location: { hash } },
			fetch: (r: string | { url: string }) => {
				const url = typeof r === 'string' ? r : r.url;
				calls.push(url);
				return Object.assign(Promise.resolve(`response ${calls.length}`), { n: calls.length });
			}
		});
		runInContext(BOOT_PRELUDE, context);
		const wasmFetch = (url: string) =>
			(context.__aiadWasmFetch as (r: { url: string }) => { n: number })({ url });
		return { calls, wasmFetch };
	}

	it('starts the download named in the hash, and hands it to the first instantiation that asks for it', () => {
		const { calls, wasmFetch } = run(`#${encodeURIComponent(WASM)}`);
		expect(calls).toEqual([WASM]);
		expect(wasmFetch(WASM).n).toBe(1);
		// Used once: a second instantiation (after a restart) downloads again.
		expect(wasmFetch(WASM).n).toBe(2);
		expect(calls).toEqual([WASM, WASM]);
	});

	it('fetches any other URL itself, and keeps the early download for its own URL', () => {
		const { calls, wasmFetch } = run(`#${encodeURIComponent(WASM)}`);
		expect(wasmFetch('http://localhost:4173/other.wasm').n).toBe(2);
		expect(wasmFetch(WASM).n).toBe(1);
		expect(calls).toHaveLength(2);
	});

	it('without a hash, downloads nothing early', () => {
		const { calls, wasmFetch } = run('');
		expect(calls).toEqual([]);
		expect(wasmFetch(WASM).n).toBe(1);
	});
});

describe('the installed DuckDB-wasm worker (what the build ships)', () => {
	it('carries the boot patch and still compiles', () => {
		const source = installed();
		expect(source.startsWith(BOOT_PATCH_MARKER)).toBe(true);
		for (const p of BOOT_PATCHES) expect(source).toContain(p.to);
		expect(() => new Script(source)).not.toThrow();
		// The prelude comes after the directive: the worker still runs in strict mode.
		expect(source.split('\n')[1].startsWith(`"use strict";${BOOT_PRELUDE}`)).toBe(true);
	});

	/** The worker's own patched GOT functions, run over a stand-in GOT and function table. */
	function loader() {
		const source = installed();
		const slice = (start: string, end: string) => {
			const at = source.indexOf(start);
			return source.slice(at, source.indexOf(end, at));
		};
		const context = createContext({
			WebAssembly,
			table: [] as unknown[],
			GOT: {} as Record<string, WebAssembly.Global>
		});
		runInContext(
			`var isInternalSym=e=>e==="__wasm_call_ctors",err=e=>{throw new Error(e)},` +
				`addFunction=f=>table.push(f),` +
				`${slice('updateGOT=', ',relocateExports=')},${slice('relocateExports=', ',isSymbolDefined=')};`,
			context
		);
		return context as unknown as {
			relocateExports: (
				e: object,
				base: number,
				replace?: boolean,
				main?: boolean
			) => Record<string, unknown>;
			GOT: Record<string, WebAssembly.Global>;
			table: unknown[];
		};
	}
	const exports = () => ({
		imported: () => 1,
		other: () => 2,
		orig$wide: () => 3,
		data: new WebAssembly.Global({ value: 'i32' }, 8),
		__wasm_call_ctors: () => 0
	});

	it('fills the main module’s imported GOT entries and data symbols, and gives no slot to other functions', () => {
		const l = loader();
		l.GOT.imported = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
		l.GOT.wide = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
		const out = l.relocateExports(exports(), 1024, false, true);
		expect(out.data).toBe(1032);
		expect(l.GOT.imported.value).toBeGreaterThan(0);
		expect(l.GOT.wide.value).toBe(l.table.indexOf(out.orig$wide) + 1);
		expect(l.GOT.data.value).toBe(1032);
		expect(l.GOT.other).toBeUndefined();
		expect(l.table).not.toContain(out.other);
	});

	it('still gives a side module’s functions a slot each, as before the patch', () => {
		const l = loader();
		const out = l.relocateExports(exports(), 4096);
		expect(l.GOT.other.value).toBe(l.table.indexOf(out.other) + 1);
		expect(l.GOT.imported.value).toBe(l.table.indexOf(out.imported) + 1);
		expect(l.GOT.data.value).toBe(4104);
		expect(l.GOT.__wasm_call_ctors).toBeUndefined();
	});
});
