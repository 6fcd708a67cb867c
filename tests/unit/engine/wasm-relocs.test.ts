import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WASM_FILE, WORKER_FILE } from '../../../scripts/lib/duckdb-boot-patch';
import { WasmFormatError, customSectionNames, readExports } from '../../../scripts/lib/wasm-exports';
import { APPLY_RELOCS, RELOCS_MARKER, applyDataRelocs, loaderBases } from '../../../scripts/lib/wasm-relocs';
import { I32, section, text, uleb, vec } from './wasm-fixture';

const HEADER = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
const sleb = (n: number): number[] => {
	const out: number[] = [];
	for (;;) {
		const b = n & 0x7f;
		n >>= 7;
		if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
		out.push(b | 0x80);
	}
};
const [MB, TB, HEAP] = [0, 1, 2]; // global indices: __memory_base, __table_base, GOT.mem.__heap_base
const get = (g: number) => [0x23, g];
const c = (n: number) => [0x41, ...sleb(n)];
const add = 0x6a;
const sub = 0x6b;
const store = (offset = 0) => [0x36, 2, ...uleb(offset)];

/**
 * Shaped like DuckDB's `__wasm_apply_data_relocs`: stores of a base plus a constant, through locals, into a
 * data segment placed at `__memory_base`:
 * - [16] = mb + 100 (kept in local 0), [20] = local 0, [24] = tb + 5, [28] = tb - -64, [0 + offset 36] = 7
 * - [32] = __heap_base + 8 (an import's value: left to run time), then [32] = mb + 1 (after it: left too)
 * - [4096] = mb + 3 (past the segment: left to run time)
 */
const RELOCS = [
	...[...get(MB), ...c(16), add, ...get(MB), ...c(100), add, 0x22, 0, ...store()],
	...[...get(MB), ...c(20), add, 0x20, 0, ...store()],
	...[...get(MB), ...c(24), add, ...get(TB), ...c(5), add, ...store()],
	...[...get(MB), ...c(28), add, ...get(TB), ...c(-64), sub, ...store()],
	...[...get(MB), ...c(32), add, ...get(HEAP), ...c(8), add, ...store()],
	...[...get(MB), ...c(32), add, ...get(MB), ...c(1), add, ...store()],
	...[...get(MB), ...c(0), add, ...c(7), ...store(36)],
	...[...get(MB), ...c(4096), add, ...get(MB), ...c(3), add, 0x21, 1, 0x20, 1, ...store()]
];

function module(body: number[] = RELOCS): Uint8Array<ArrayBuffer> {
	const fn = [1, 2, I32, ...body, 0x0b];
	return Uint8Array.from([
		...HEADER,
		...section(1, vec([[0x60, 0, 0]])),
		...section(
			2,
			vec([
				[...text('env'), ...text('memory'), 2, 0, 1],
				[...text('env'), ...text('__memory_base'), 3, I32, 0],
				[...text('env'), ...text('__table_base'), 3, I32, 0],
				[...text('GOT.mem'), ...text('__heap_base'), 3, I32, 1]
			])
		),
		...section(3, vec([[0]])),
		...section(7, vec([[...text(APPLY_RELOCS), 0, 0]])),
		...section(10, vec([[...uleb(fn.length), ...fn]])),
		...section(11, vec([[0x00, 0x23, MB, 0x0b, ...vec(Array.from({ length: 64 }, (_, i) => [i + 1]))]]))
	]);
}

/** Memory after instantiating `wasm` with these bases and running its relocations. */
function run(wasm: Uint8Array<ArrayBuffer>, memoryBase = 1024, tableBase = 1): Uint8Array {
	const memory = new WebAssembly.Memory({ initial: 1 });
	const global = (v: number, mutable = false) => new WebAssembly.Global({ value: 'i32', mutable }, v);
	const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {
		env: { memory, __memory_base: global(memoryBase), __table_base: global(tableBase) },
		'GOT.mem': { __heap_base: global(5000, true) }
	});
	(instance.exports[APPLY_RELOCS] as () => void)();
	return new Uint8Array(memory.buffer);
}

describe('applyDataRelocs', () => {
	const bases = { memory: 1024, table: 1 };

	it('leaves memory exactly as the relocations would, storing what it could compute in the data', () => {
		const result = applyDataRelocs(module(), bases)!;
		expect(result.applied).toBe(5);
		expect(result.left).toBe(3);
		expect(result.bytesAfter).toBeLessThan(result.bytesBefore);
		expect(run(result.wasm)).toEqual(run(module()));
		// Not only after the call: the data segment itself holds the computed pointers.
		const view = new DataView(run(result.wasm).buffer);
		expect(view.getInt32(1024 + 16, true)).toBe(1124);
		expect(view.getInt32(1024 + 28, true)).toBe(65);
		expect(view.getInt32(1024 + 32, true)).toBe(1025);
		expect(view.getInt32(1024 + 4096, true)).toBe(1027);
	});

	it('makes the module trap, rather than run on wrong pointers, when the loader passes other bases', () => {
		const { wasm } = applyDataRelocs(module(), bases)!;
		expect(() => run(wasm, 2048, 1)).toThrow(WebAssembly.RuntimeError);
		expect(() => run(wasm, 1024, 3)).toThrow(WebAssembly.RuntimeError);
		expect(() => run(module(), 2048, 3)).not.toThrow();
	});

	it('is applied once (its marker section), and the result still has the export', () => {
		const { wasm } = applyDataRelocs(module(), bases)!;
		expect(customSectionNames(wasm)).toEqual([RELOCS_MARKER]);
		expect(readExports(wasm).map((e) => e.name)).toEqual([APPLY_RELOCS]);
		expect(applyDataRelocs(wasm, bases)).toBeNull();
	});

	it('refuses code it does not evaluate, and stores to an address known only at run time', () => {
		const call = [...get(MB), ...c(16), add, ...c(1), 0x10, 0, 0x1a, ...store()];
		expect(() => applyDataRelocs(module(call), bases)).toThrow(WasmFormatError);
		const dynamic = [...get(HEAP), ...c(7), ...store()];
		expect(() => applyDataRelocs(module(dynamic), bases)).toThrow(/address computed at run time/);
	});
});

describe('loaderBases', () => {
	it('reads the bases the worker gives the module, and fails when it no longer sets them', () => {
		const source =
			'var ___memory_base=new WebAssembly.Global({value:"i32",mutable:!1},1024),x=1,' +
			'___table_base=new WebAssembly.Global({value:"i32",mutable:!1},1),y=2;';
		expect(loaderBases(source)).toEqual({ memory: 1024, table: 1 });
		expect(() => loaderBases(source.replace('1024', 'memoryBase'))).toThrow(/memory_base/);
	});
});

describe('the installed DuckDB-wasm module (what the build ships)', () => {
	const resolve = (file: string) =>
		createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${file}`);

	it('has its data relocations applied for the bases its worker gives', () => {
		const installed = new Uint8Array(readFileSync(resolve(WASM_FILE)));
		expect(customSectionNames(installed)).toContain(RELOCS_MARKER);
		expect(loaderBases(readFileSync(resolve(WORKER_FILE), 'utf8'))).toEqual({ memory: 1024, table: 1 });
	});
});
