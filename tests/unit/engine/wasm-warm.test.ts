import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WASM_FILE } from '../../../scripts/lib/duckdb-boot-patch';
import { readProfile } from '../../../scripts/lib/vite-engine-wasm';
import { WasmFormatError } from '../../../scripts/lib/wasm-exports';
import { splitModule } from '../../../scripts/lib/wasm-split';
import { addWarmUp, warmImports, warmOrder } from '../../../scripts/lib/wasm-warm';
import {
	NO_WARM_UP,
	WARM_EXPORT,
	warmImportObject,
	warmUp,
	warmUpFor
} from '../../../src/lib/engine/wasmWarm';
import { I32, instantiate, module } from './wasm-fixture';

const I64 = 0x7e;
const F32 = 0x7d;
const F64 = 0x7c;
const TYPES = [
	[0x60, 0, 1, I32], // 0: () -> i32
	[0x60, 1, I32, 1, I32], // 1: (i32) -> i32
	[0x60, 0, 0], // 2: () -> ()
	[0x60, 2, I64, F32, 1, I64], // 3: (i64, f32) -> i64
	[0x60, 0, 1, F32], // 4: () -> f32
	[0x60, 1, F64, 1, F64] // 5: (f64) -> f64
];
/**
 * Function 0 is the imported `js`; the defined ones: 1 start (G1 = __memory_base + 16) · 2 store(): a local,
 * then memory[100] = 7 · 3 callJs() = js() + 1 · 4 addI64(a, b) = a + 5 · 5 half() = 1.5 · 6 twice(x) = x * 2
 * · 7 spin(): loops for ever (in the table at slot 1).
 */
const BODIES: [number, number[]][] = [
	[2, [0, 0x23, 0, 0x41, 16, 0x6a, 0x24, 1, 0x0b]],
	[2, [1, 1, I32, 0x41, 0xe4, 0x00, 0x41, 7, 0x36, 2, 0, 0x0b]],
	[0, [0, 0x10, 0, 0x41, 1, 0x6a, 0x0b]],
	[3, [0, 0x20, 0, 0x42, 5, 0x7c, 0x0b]],
	[4, [0, 0x43, 0, 0, 0xc0, 0x3f, 0x0b]],
	[5, [0, 0x20, 0, 0x20, 0, 0xa0, 0x0b]],
	[0, [0, 0x03, 0x40, 0x0c, 0, 0x0b, 0x00, 0x0b]]
];
const EXPORTS: [string, number][] = [
	['store', 2],
	['callJs', 3],
	['addI64', 4],
	['half', 5],
	['twice', 6]
];
const whole = module({ types: TYPES, bodies: BODIES, exports: EXPORTS });
/** In the order of their first calls; the first three before the first result. */
const ORDER = [1, 2, 3, 4, 5, 6, 7];

type Exports = {
	store(): void;
	callJs(): number;
	addI64(a: bigint, b: number): bigint;
	half(): number;
	twice(x: number): number;
} & Record<string, () => void>;

describe('addWarmUp', () => {
	const warmed = addWarmUp(whole, ORDER, 3);

	it('leaves what every function does on an instance that is not warming up', () => {
		for (const bytes of [whole, warmed]) {
			const { x, memory } = instantiate(bytes);
			const e = x as unknown as Exports;
			e.store();
			expect(new Uint8Array(memory.buffer)[100]).toBe(7);
			expect(e.callJs()).toBe(101);
			expect(e.addI64(3n, 0)).toBe(8n);
			expect(e.half()).toBe(1.5);
			expect(e.twice(2.25)).toBe(4.5);
		}
	});

	it('calls every listed function once, and each returns before doing anything (no import, no store, no loop)', () => {
		const m = new WebAssembly.Module(warmed);
		const imports = warmImportObject(m, warmImports(warmed));
		const instance = new WebAssembly.Instance(m, imports);
		const before = new Uint8Array((imports.env.memory as WebAssembly.Memory).buffer).slice();
		// The import would throw, the store would change the memory, and function 7 would never return.
		(instance.exports[WARM_EXPORT] as () => void)();
		expect(new Uint8Array((imports.env.memory as WebAssembly.Memory).buffer)).toEqual(before);
		// Its memory and table are the size the module asks for, and cannot grow (no second 4 GB reservation).
		const memory = imports.env.memory as WebAssembly.Memory;
		expect(memory.buffer.byteLength).toBe(65_536);
		expect(() => memory.grow(1)).toThrow(RangeError);
		expect(() => (imports.env.__indirect_function_table as WebAssembly.Table).grow(1)).toThrow(RangeError);
		// Done warming, the instance works as any other.
		const e = instance.exports as unknown as Exports;
		expect(e.half()).toBe(1.5);
		expect(e.twice(3)).toBe(6);
	});

	it('calls those before the first result latest first, then the others in order', () => {
		expect(warmOrder(ORDER, 3)).toEqual([3, 2, 1, 4, 5, 6, 7]);
		expect(warmOrder(ORDER, 0)).toEqual(ORDER);
		expect(warmOrder(ORDER, ORDER.length)).toEqual([...ORDER].reverse());
	});

	it('refuses a function without a body of its own, an import, a trampoline and a repeat', () => {
		expect(() => addWarmUp(whole, [0], 1)).toThrow(WasmFormatError);
		expect(() => addWarmUp(whole, [8], 1)).toThrow(/no body/);
		expect(() => addWarmUp(whole, [2, 3], 1, new Set([3]))).toThrow(/trampoline/);
		expect(() => addWarmUp(whole, [2, 2], 1)).toThrow(/twice/);
	});
});

describe('warmImports', () => {
	it('reads the memory, the table, the immutable globals and the tags a warm-up instance needs', () => {
		expect(warmImports(whole)).toEqual({
			memory: { initial: 1 },
			table: { initial: 2 },
			constGlobals: ['env __memory_base'],
			tags: []
		});
	});
});

describe('warmUp (the compile worker’s side)', () => {
	it('runs the warm-up of a module that has one, and skips one that has none', async () => {
		const warmed = addWarmUp(whole, ORDER, 3);
		const ms = await warmUp(new WebAssembly.Module(warmed), warmImports(warmed));
		expect(ms).toBeGreaterThanOrEqual(0);
		expect(await warmUp(new WebAssembly.Module(whole), warmImports(whole))).toBeNull();
	});

	it('fails when it cannot make an instance (DuckDB’s worker then compiles everything itself)', async () => {
		const warmed = addWarmUp(whole, ORDER, 3);
		const shapes = { ...warmImports(warmed), table: { initial: 0, maximum: 0 } };
		await expect(warmUp(new WebAssembly.Module(warmed), shapes)).rejects.toThrow();
	});
});

describe('warmUpFor (whether this page warms up)', () => {
	const shapes = warmImports(whole);
	it('warms up on two cores or more, or when the browser does not say', () => {
		expect(warmUpFor(shapes, { navigator: { hardwareConcurrency: 2 } })).toBe(shapes);
		expect(warmUpFor(shapes, { navigator: {} })).toBe(shapes);
		expect(warmUpFor(null, { navigator: { hardwareConcurrency: 8 } })).toBeNull();
	});
	it('not on one core, nor when the profile or the benchmark turns it off', () => {
		expect(warmUpFor(shapes, { navigator: { hardwareConcurrency: 1 } })).toBeNull();
		expect(warmUpFor(shapes, { navigator: { hardwareConcurrency: 4 }, [NO_WARM_UP]: true })).toBeNull();
	});
});

describe('the installed module’s warm-up (what the build ships)', () => {
	const path = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${WASM_FILE}`);
	const wasm = new Uint8Array(readFileSync(path));
	const profile = readProfile('scripts/lib/wasm-profile.json')!;

	it('has a boot order of profiled functions, with its first result inside it', () => {
		const { order, firstResult } = profile.boot!;
		const profiled = new Set(profile.functions);
		expect(order.length).toBeGreaterThan(4000);
		expect(order.every((f) => profiled.has(f))).toBe(true);
		expect(new Set(order).size).toBe(order.length);
		expect(firstResult).toBeGreaterThan(0);
		expect(firstResult).toBeLessThanOrEqual(order.length);
	});

	it('warms up the split primary in V8 without calling an import or writing its memory', () => {
		const split = splitModule(wasm, profile.functions);
		const { order, firstResult } = profile.boot!;
		const primary = addWarmUp(split.primary, order, firstResult, new Set(split.trampolined));
		const m = new WebAssembly.Module(primary);
		const imports = warmImportObject(m, warmImports(primary));
		const memory = imports.env.memory as WebAssembly.Memory;
		const instance = new WebAssembly.Instance(m, imports);
		const before = new Uint8Array(memory.buffer).slice();
		(instance.exports[WARM_EXPORT] as () => void)();
		expect(new Uint8Array(memory.buffer).length).toBe(before.length);
		expect(Buffer.compare(new Uint8Array(memory.buffer), before)).toBe(0);
	}, 60_000);
});
