import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WASM_FILE, WORKER_FILE } from '../../../scripts/lib/duckdb-boot-patch';
import {
	TRIM_MARKER,
	WasmFormatError,
	customSectionNames,
	exportsTheWorkerUses,
	importNames,
	readExports,
	trimExports,
	withExports
} from '../../../scripts/lib/wasm-exports';

const text = (s: string) => [s.length, ...new TextEncoder().encode(s)];
const section = (id: number, body: number[]) => [id, body.length, ...body];

/**
 * A small module shaped like the engine's: imports a GOT slot, a memory and a function, exports functions
 * (each returns its own number, so a test can tell them apart after trimming) and a global.
 */
function module(names: string[]): Uint8Array<ArrayBuffer> {
	const types = section(1, [1, 0x60, 0, 1, 0x7f]); // one type: () -> i32
	const imports = section(2, [
		3,
		...text('GOT.func'),
		...text('got_sym'),
		3,
		0x7f,
		1, // global i32, mutable
		...text('env'),
		...text('memory'),
		2,
		0,
		1, // memory, min 1 page
		...text('env'),
		...text('js_fn'),
		0,
		0 // function of type 0
	]);
	const funcs = section(3, [names.length, ...names.map(() => 0)]);
	const globals = section(6, [1, 0x7f, 0, 0x41, 42, 0x0b]); // immutable i32 = 42
	const exports = section(7, [
		names.length + 1,
		...names.flatMap((n, i) => [...text(n), 0, i + 1]), // function index i + 1: index 0 is the import
		...text('data_sym'),
		3,
		0
	]);
	const code = section(10, [names.length, ...names.flatMap((_, i) => [4, 0, 0x41, i + 1, 0x0b])]);
	return Uint8Array.from([
		0,
		0x61,
		0x73,
		0x6d,
		1,
		0,
		0,
		0,
		...types,
		...imports,
		...funcs,
		...globals,
		...exports,
		...code
	]);
}

const NAMES = [
	'duckdb_web_open',
	'malloc',
	'_ZN6duckdb9Exception',
	'dynCall_vi',
	'__wasm_call_ctors',
	'got_sym'
];
const instantiate = (bytes: Uint8Array<ArrayBuffer>) =>
	new WebAssembly.Instance(new WebAssembly.Module(bytes), {
		'GOT.func': { got_sym: new WebAssembly.Global({ value: 'i32', mutable: true }, 0) },
		env: { memory: new WebAssembly.Memory({ initial: 1 }), js_fn: () => 0 }
	}).exports as Record<string, unknown>;

describe('reading a module', () => {
	it('lists exports with their kinds, imports by module and custom sections', () => {
		const wasm = module(NAMES);
		expect(readExports(wasm).map((e) => [e.name, e.kind])).toEqual([
			...NAMES.map((n) => [n, 0]),
			['data_sym', 3]
		]);
		expect(importNames(wasm, ['GOT.func', 'GOT.mem'])).toEqual(new Set(['got_sym']));
		expect(importNames(wasm, ['env'])).toEqual(new Set(['memory', 'js_fn']));
		expect(customSectionNames(wasm)).toEqual([]);
	});

	it('refuses what is not a wasm module, or is cut short', () => {
		expect(() => readExports(new TextEncoder().encode('<!doctype html>'))).toThrow(WasmFormatError);
		const wasm = module(NAMES);
		expect(() => readExports(wasm.subarray(0, wasm.length - 3))).toThrow('runs past the end');
	});
});

describe('withExports', () => {
	it('keeps the chosen exports, working, and marks the module', () => {
		const out = withExports(module(NAMES), (e) => e.name === 'malloc' || e.kind === 3, 'mark');
		const exports = instantiate(out);
		expect(Object.keys(exports)).toEqual(['malloc', 'data_sym']);
		// malloc is the second function: the kept entry still points at its own code.
		expect((exports.malloc as () => number)()).toBe(2);
		expect(customSectionNames(out)).toEqual(['mark']);
	});
});

describe('exportsTheWorkerUses', () => {
	const worker =
		'var x=wasmExports.duckdb_web_open;Module._malloc=wasmExports["malloc"];ccall("not_exported")';
	it('keeps what the worker names, GOT symbols, trampolines and runtime symbols; drops the rest', () => {
		const keep = exportsTheWorkerUses(worker, new Set(['got_sym']));
		const kept = readExports(module(NAMES))
			.filter(keep)
			.map((e) => e.name);
		expect(kept).toEqual(['duckdb_web_open', 'malloc', 'dynCall_vi', '__wasm_call_ctors', 'got_sym']);
	});

	it('counts a name the worker uses with Emscripten’s leading underscore', () => {
		const keep = exportsTheWorkerUses('Module._malloc(8)', new Set());
		const kept = readExports(module(NAMES))
			.filter(keep)
			.map((e) => e.name);
		expect(kept).toContain('malloc');
		expect(kept).not.toContain('duckdb_web_open');
	});
});

describe('trimExports', () => {
	it('trims once: a trimmed module is left as it is', () => {
		const once = trimExports(module(NAMES), 'duckdb_web_open')!;
		expect(readExports(once).map((e) => e.name)).toEqual([
			'duckdb_web_open',
			'dynCall_vi',
			'__wasm_call_ctors',
			'got_sym'
		]);
		expect(customSectionNames(once)).toEqual([TRIM_MARKER]);
		expect(trimExports(once, 'duckdb_web_open')).toBeNull();
	});
});

describe('the installed DuckDB-wasm module (what the build ships)', () => {
	const dist = (file: string) => createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${file}`);
	const wasm = readFileSync(dist(WASM_FILE));
	const worker = readFileSync(dist(WORKER_FILE), 'utf8');

	it('is trimmed, still compiles, and exports every symbol its worker reads', () => {
		expect(customSectionNames(wasm)).toContain(TRIM_MARKER);
		const names = new Set(readExports(wasm).map((e) => e.name));
		// 75,011 before trimming.
		expect(names.size).toBeLessThan(2_000);
		const read = [...worker.matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
		expect(read.length).toBeGreaterThan(50);
		expect(read.filter((n) => !names.has(n))).toEqual([]);
		for (const call of ['duckdb_web_open', 'duckdb_web_query_run', 'duckdb_web_insert_arrow_from_ipc_stream'])
			expect(names).toContain(call);
		expect(() => new WebAssembly.Module(wasm)).not.toThrow();
	});
});
