import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WASM_FILE } from '../../../scripts/lib/duckdb-boot-patch';
import { DCE_MARKER, functionLiveness, stubDeadFunctions } from '../../../scripts/lib/wasm-dce';
import { WasmFormatError, customSectionNames } from '../../../scripts/lib/wasm-exports';

const text = (s: string) => [s.length, ...new TextEncoder().encode(s)];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const uleb = (n: number): number[] => (n < 128 ? [n] : [(n % 128) | 0x80, ...uleb(Math.floor(n / 128))]);
const HEADER = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];

/**
 * Function 0 is an import; 1 to 8 are defined, all `() -> i32`. What reaches what:
 * - 1 is exported. It calls 2, and holds constants whose bytes read like `call 7` and `call 8`.
 * - 2 calls through the table, whose element segment holds 3; 3 tail-calls 4.
 * - 4 names 6 with `ref.func`, which a global also does; 6 branches through a `br_table`.
 * - 5 calls 8, but nothing calls 5; 7 and 8 are never called.
 * So 1, 2, 3, 4 and 6 are live, and 5, 7 and 8 are dead. `main()` returns 44 (from 4).
 */
const BODIES: number[][] = [
	// 1: f64.const and v128.const whose bytes are 0x10 0x07 / 0x10 0x08, an i64.const, then call 2
	[
		0,
		0x44,
		0x10,
		0x07,
		0,
		0,
		0,
		0,
		0,
		0,
		0x1a,
		0xfd,
		0x0c,
		0x10,
		0x08,
		...Array(14).fill(0),
		0x1a,
		0x42,
		0x7f,
		0x1a
	].concat([0x10, 2, 0x0b]),
	[0, 0x41, 0, 0x11, 0, 0, 0x0b], // 2: call_indirect (type 0, table 0) of slot 0
	[0, 0x12, 4, 0x0b], // 3: return_call 4
	[0, 0xd2, 6, 0x1a, 0x41, 44, 0x0b], // 4: ref.func 6, drop, 44
	[0, 0x10, 8, 0x0b], // 5: call 8
	[0, 0x02, 0x40, 0x02, 0x40, 0x41, 0, 0x0e, 1, 0, 1, 0x0b, 0x0b, 0x41, 60, 0x0b], // 6: br_table, 60
	[0, 0x41, 7, 0x0b], // 7
	[0, 0x41, 8, 0x0b] // 8
];

function module(bodies: number[][] = BODIES): Uint8Array<ArrayBuffer> {
	return Uint8Array.from([
		...HEADER,
		...section(1, [1, 0x60, 0, 1, 0x7f]),
		...section(2, [1, ...text('env'), ...text('js_fn'), 0, 0]),
		...section(3, [bodies.length, ...bodies.map(() => 0)]),
		...section(4, [1, 0x70, 0, 1]), // a funcref table of one slot
		...section(6, [1, 0x70, 0, 0xd2, 6, 0x0b]), // an immutable funcref global = ref.func 6
		...section(7, [1, ...text('main'), 0, 1]),
		...section(9, [1, 0x00, 0x41, 0, 0x0b, 1, 3]), // active segment at 0: function 3
		...section(10, [bodies.length, ...bodies.flatMap((b) => [...uleb(b.length), ...b])])
	]);
}

const main = (bytes: Uint8Array<ArrayBuffer>) =>
	(
		new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { js_fn: () => 0 } }).exports as {
			main: () => number;
		}
	).main();

describe('functionLiveness', () => {
	it('follows exports, the table, tail calls and ref.func, and reads constants as constants', () => {
		const wasm = module();
		expect(main(wasm)).toBe(44);
		const { imported, live, bodies } = functionLiveness(wasm);
		expect(imported).toBe(1);
		expect(bodies).toHaveLength(8);
		expect([...live].flatMap((l, i) => (l ? [i] : []))).toEqual([1, 2, 3, 4, 6]);
	});

	it('refuses an opcode it does not know, or a body it does not end exactly on', () => {
		const gc = BODIES.map((b, i) => (i === 6 ? [0, 0xfb, 0x00, 0x0b] : b));
		expect(() => functionLiveness(module(gc))).toThrow(WasmFormatError);
		expect(() => functionLiveness(module(gc))).toThrow('function 7: unknown opcode 0xfb');
		// An i32.const whose LEB128 runs on past the body's end.
		const cut = BODIES.map((b, i) => (i === 6 ? [0, 0x41, 0x80] : b));
		expect(() => functionLiveness(module(cut))).toThrow('ran past the end of its body');
	});
});

describe('stubDeadFunctions', () => {
	it('replaces only the dead bodies, keeps every index, and the module still runs', () => {
		const out = stubDeadFunctions(module())!;
		expect(main(out)).toBe(44);
		const { bodies, live } = functionLiveness(out);
		expect(bodies.map((b) => b.end - b.start)).toEqual(
			BODIES.map((b, i) => ([5, 7, 8].includes(i + 1) ? 3 : b.length))
		);
		expect([...live].flatMap((l, i) => (l ? [i] : []))).toEqual([1, 2, 3, 4, 6]);
		expect(customSectionNames(out)).toEqual([DCE_MARKER]);
	});

	it('runs once: a stubbed module is left as it is', () => {
		expect(stubDeadFunctions(stubDeadFunctions(module())!)).toBeNull();
	});
});

describe('the installed DuckDB-wasm module (what the build ships)', () => {
	const installed = new Uint8Array(
		readFileSync(createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${WASM_FILE}`))
	);

	it('has its unreachable functions stubbed, fits a 25 MiB file limit, and still compiles', () => {
		expect(customSectionNames(installed)).toContain(DCE_MARKER);
		const { imported, bodies, live } = functionLiveness(installed);
		const dead = bodies.filter((_, i) => !live[imported + i]);
		expect(dead.length).toBeGreaterThan(10_000);
		expect(dead.every((b) => b.end - b.start === 3)).toBe(true);
		expect(installed.length).toBeLessThan(25 * 1024 * 1024);
		expect(() => new WebAssembly.Module(installed)).not.toThrow();
	});
});
