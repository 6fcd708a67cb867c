import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SPLIT_PRELUDE, WASM_FILE } from '../../../scripts/lib/duckdb-boot-patch';
import { profileMismatch, readProfile, sha256 } from '../../../scripts/lib/vite-engine-wasm';
import { functionLiveness } from '../../../scripts/lib/wasm-dce';
import { WasmFormatError } from '../../../scripts/lib/wasm-exports';
import { SPLIT_EXPORTS, encodeSleb, pinnedFunctions, splitModule } from '../../../scripts/lib/wasm-split';
import { WASM_FULL_LOADED_MESSAGE as LOADED } from '../../../src/lib/engine/wasmCompile';
import { BODIES, MEMORY_BASE, instantiate, module, vec } from './wasm-fixture';

/** Runs the worker's split prelude (the real text) in a context whose sync XHR serves `full`. */
function worker(full: Uint8Array, status = 200) {
	const posted: unknown[] = [];
	const requests: string[] = [];
	class XMLHttpRequest {
		url = '';
		status = 0;
		response: ArrayBuffer | null = null;
		responseType = '';
		open(_method: string, url: string, async: boolean) {
			if (async !== false) throw new Error('expected a synchronous request');
			this.url = url;
		}
		send() {
			requests.push(this.url);
			this.status = status;
			this.response = full.slice().buffer;
		}
	}
	const context = createContext({
		self: { postMessage: (m: unknown) => posted.push(m) },
		WebAssembly,
		XMLHttpRequest,
		performance
	});
	runInContext(
		`var __aiadFullUrl="http://localhost/full.wasm",__aiadFullModule=null,__aiadFetching=!1,__aiadSplit=null;${SPLIT_PRELUDE}`,
		context
	);
	const c = context as unknown as {
		__aiadSplitSetup(instance: WebAssembly.Instance, imports: object): void;
		__aiadFullModule: WebAssembly.Module | null;
	};
	return { c, posted, requests };
}

describe('splitModule', () => {
	const whole = module();
	const profile = [2, 4, 8, 9];

	it('keeps the profile, the start function and every function touching a global written at run time', () => {
		expect([...pinnedFunctions(whole)].sort((a, b) => a - b)).toEqual([1, 5, 6]);
		const { kept, trampolined } = splitModule(whole, profile);
		// 3 and 7 become trampolines; 10 is dead and stays as it is.
		expect(trampolined).toEqual([3, 7]);
		expect(kept).toBe(7);
	});

	it('gives the primary the same functions at the same indices, and a full module with every body', () => {
		const { primary, full } = splitModule(whole, profile);
		expect(() => new WebAssembly.Module(primary)).not.toThrow();
		expect(() => new WebAssembly.Module(full)).not.toThrow();
		const p = functionLiveness(primary);
		const w = functionLiveness(whole);
		// The primary appends one dispatcher per signature its trampolines have (both are (i32) -> i32... and () -> i32).
		expect(p.bodies.length).toBe(w.bodies.length + 2);
		for (const f of [1, 2, 4, 5, 6, 8, 9, 10]) {
			const a = p.bodies[f - 1];
			const b = w.bodies[f - 1];
			expect(primary.subarray(a.start, a.end)).toEqual(whole.subarray(b.start, b.end));
		}
		const exports = WebAssembly.Module.exports(new WebAssembly.Module(full)).map((e) => e.name);
		expect(exports).toEqual([SPLIT_EXPORTS.fill]);
	});

	it('runs: a trampoline loads the full module through the worker’s loader, once, and the heap is not reset', () => {
		const { primary, full } = splitModule(whole, profile);
		const { c, posted, requests } = worker(full);
		const { instance, imports, memory, table, x } = instantiate(primary);
		c.__aiadSplitSetup(instance, imports);
		expect(table.length).toBe(2 + 2 + 1);
		expect(x.getTemp()).toBe(0);
		// The heap as the program left it: the full module's data segment must not write over it.
		new Uint32Array(memory.buffer)[0] = 99;
		const inTable = table.get(1);
		expect(x[SPLIT_EXPORTS.loaded].value).toBe(0);
		// main(5) = f4(f3(5)), and f3 is a trampoline: 5 * 2 + (__memory_base + 16) + 1.
		expect(x.main(5)).toBe(10 + MEMORY_BASE + 16 + 1);
		expect(requests).toEqual(['http://localhost/full.wasm']);
		expect(posted).toEqual([{ [LOADED]: { slot: 0, ms: expect.any(Number) } }]);
		expect(x[SPLIT_EXPORTS.loaded].value).toBe(1);
		expect(new Uint32Array(memory.buffer)[0]).toBe(99);
		// Nor its element segment over the primary's functions in the table.
		expect(table.get(1)).toBe(inTable);
		expect(x.main(6)).toBe(12 + MEMORY_BASE + 16 + 1);
		expect(x.callTable()).toBe(70);
		expect(x.callJs()).toBe(101);
		x.setTemp(7);
		expect(x.getTemp()).toBe(7);
		expect(requests).toHaveLength(1);
	});

	it('runs through the table too, and takes the module compiled in the background when it is there', () => {
		const { primary, full } = splitModule(whole, profile);
		const { c, posted, requests } = worker(full);
		const { instance, imports, x } = instantiate(primary);
		c.__aiadSplitSetup(instance, imports);
		c.__aiadFullModule = new WebAssembly.Module(full);
		// 7 sits in the table and is a trampoline: slot 1 of the trampolines.
		expect(x.callTable()).toBe(70);
		expect(requests).toEqual([]);
		expect(posted).toEqual([{ [LOADED]: { slot: 1, ms: expect.any(Number) } }]);
	});

	it('fails the call with a message when the full module cannot be downloaded, and tells the page', () => {
		const { primary, full } = splitModule(whole, profile);
		const { c, requests, posted } = worker(full, 503);
		const { instance, imports, x } = instantiate(primary);
		c.__aiadSplitSetup(instance, imports);
		expect(() => x.main(1)).toThrow('The rest of the query engine could not be downloaded (HTTP 503).');
		const error = 'The rest of the query engine could not be downloaded (HTTP 503).';
		expect(posted).toEqual([{ [LOADED]: { slot: 0, ms: expect.any(Number), error } }]);
		expect(x[SPLIT_EXPORTS.loaded].value).toBe(0);
		// The page restarts the engine (src/lib/engine/engine.ts); a call in the meantime tries again.
		expect(() => x.main(1)).toThrow('HTTP 503');
		expect(requests).toHaveLength(2);
	});

	it('leaves a module that is not split alone', () => {
		const { c } = worker(new Uint8Array());
		const { instance, imports, table } = instantiate(whole);
		c.__aiadSplitSetup(instance, imports);
		expect(table.length).toBe(2);
	});

	it('refuses what it cannot prove safe', () => {
		// A function in the table that writes a global at run time: both instances would call their own copy.
		const inTable = module({ elem: vec([[0x00, 0x41, 1, 0x0b, ...vec([[5]])]]) });
		expect(() => splitModule(inTable, profile)).toThrow(WasmFormatError);
		expect(() => splitModule(inTable, profile)).toThrow('is in the table');
		// A start function that calls something: the full module would run it again.
		const start = BODIES.map((b, i): [number, number[]] => (i === 0 ? [2, [0, 0x10, 0, 0x1a, 0x0b]] : b));
		expect(() => splitModule(module({ bodies: start }), profile)).toThrow('does more than set globals');
		// memory.init names a data segment the full module empties.
		const init = BODIES.map((b, i): [number, number[]] =>
			i === 9 ? [0, [0, 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 8, 0, 0, 0x41, 0, 0x0b]] : b
		);
		expect(() => splitModule(module({ bodies: init }), profile)).toThrow('memory.init');
	});
});

describe('encodeSleb', () => {
	it('encodes signed LEB128 as wasm reads it', () => {
		expect(encodeSleb(0)).toEqual([0]);
		expect(encodeSleb(63)).toEqual([63]);
		expect(encodeSleb(64)).toEqual([0xc0, 0x00]);
		expect(encodeSleb(37362)).toEqual([0xf2, 0xa3, 0x02]);
		expect(encodeSleb(-1)).toEqual([0x7f]);
	});
});

describe('the profile and the installed module (what the build splits)', () => {
	const wasm = new Uint8Array(
		readFileSync(createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${WASM_FILE}`))
	);
	const profile = readProfile('scripts/lib/wasm-profile.json');

	it('matches: a stale profile would make the build ship the whole module (run `npm run profile:wasm`)', () => {
		expect(profileMismatch(profile, wasm)).toBeNull();
		expect(profileMismatch({ ...profile!, wasmSha256: sha256(new Uint8Array([1])) }, wasm)).toMatch(
			/another build/
		);
		expect(profileMismatch(null, wasm)).toMatch(/no profile/);
	});

	it('splits it into a primary under a third of its size that V8 compiles, and a full module', () => {
		const { primary, full, kept, trampolined } = splitModule(wasm, profile!.functions);
		expect(kept).toBeGreaterThan(6000);
		expect(trampolined.length).toBeGreaterThan(30_000);
		expect(primary.length).toBeLessThan(wasm.length / 2.5);
		expect(() => new WebAssembly.Module(primary)).not.toThrow();
		expect(() => new WebAssembly.Module(full)).not.toThrow();
	});
});
