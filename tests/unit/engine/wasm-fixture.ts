/**
 * A small wasm module shaped like DuckDB's, for the tests of the build's rewrites of the engine's wasm
 * (wasm-split.test.ts, wasm-warm.test.ts), and a way to instantiate one.
 */
export const text = (s: string) => [s.length, ...new TextEncoder().encode(s)];
export const uleb = (n: number): number[] =>
	n < 128 ? [n] : [(n % 128) | 0x80, ...uleb(Math.floor(n / 128))];
export const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
export const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const HEADER = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
export const I32 = 0x7f;

/**
 * A small module shaped like DuckDB's (an Emscripten MAIN_MODULE): memory, table and `__memory_base` imported,
 * a start function that sets a GOT-like global from `__memory_base`, one active data segment, one active
 * element segment. Function 0 is an imported JS function; the defined ones:
 * 1 start: G1 = __memory_base + 16 · 2 main(x) = f4(f3(x)) · 3 x * 2 + G1 (reads the GOT global)
 * 4 x + 1 · 5 setTemp(x): G2 = x (a global written at run time, as tempRet0 is) · 6 getTemp() = G2
 * 7 in the table at slot 1: 70 · 8 callTable() = call_indirect slot 1 · 9 js() + 1 (calls the import)
 * 10 never called by anything (dead).
 */
export const TYPES = [
	[0x60, 0, 1, I32], // 0: () -> i32
	[0x60, 1, I32, 1, I32], // 1: (i32) -> i32
	[0x60, 0, 0] // 2: () -> ()
];
export const BODIES: [type: number, body: number[]][] = [
	[2, [0, 0x23, 0, 0x41, 16, 0x6a, 0x24, 1, 0x0b]],
	[1, [0, 0x20, 0, 0x10, 3, 0x10, 4, 0x0b]],
	[1, [0, 0x20, 0, 0x41, 2, 0x6c, 0x23, 1, 0x6a, 0x0b]],
	[1, [0, 0x20, 0, 0x41, 1, 0x6a, 0x0b]],
	[1, [0, 0x20, 0, 0x24, 2, 0x41, 0, 0x0b]],
	[0, [0, 0x23, 2, 0x0b]],
	[0, [0, 0x41, 0xc6, 0x00, 0x0b]],
	[0, [0, 0x41, 1, 0x11, 0, 0, 0x0b]],
	[0, [0, 0x10, 0, 0x41, 1, 0x6a, 0x0b]],
	[0, [0, 0x41, 10, 0x0b]]
];

const DEFAULT_EXPORTS: [string, number][] = [
	['main', 2],
	['setTemp', 5],
	['getTemp', 6],
	['callTable', 8],
	['callJs', 9]
];

export function module(
	opts: {
		bodies?: typeof BODIES;
		elem?: number[];
		data?: number[];
		types?: number[][];
		exports?: [name: string, f: number][];
	} = {}
): Uint8Array<ArrayBuffer> {
	const bodies = opts.bodies ?? BODIES;
	const exp = (name: string, f: number) => [...text(name), 0, f];
	return Uint8Array.from([
		...HEADER,
		...section(1, vec(opts.types ?? TYPES)),
		...section(
			2,
			vec([
				[...text('env'), ...text('js'), 0, 0],
				[...text('env'), ...text('memory'), 2, 0, 1],
				[...text('env'), ...text('__indirect_function_table'), 1, 0x70, 0, 2],
				[...text('env'), ...text('__memory_base'), 3, I32, 0]
			])
		),
		...section(3, vec(bodies.map(([t]) => [t]))),
		...section(
			6,
			vec([
				[I32, 1, 0x41, 0, 0x0b],
				[I32, 1, 0x41, 0, 0x0b]
			])
		),
		...section(7, vec((opts.exports ?? DEFAULT_EXPORTS).map(([name, f]) => exp(name, f)))),
		...section(8, [1]),
		...section(9, opts.elem ?? vec([[0x00, 0x41, 1, 0x0b, ...vec([[7]])]])),
		...section(10, vec(bodies.map(([, b]) => [...uleb(b.length), ...b]))),
		...section(11, opts.data ?? vec([[0x00, 0x41, 0, 0x0b, ...vec([[42], [0], [0], [0]])]]))
	]);
}

export const MEMORY_BASE = 1024;

export function instantiate(primary: Uint8Array<ArrayBuffer>) {
	const memory = new WebAssembly.Memory({ initial: 1 });
	const table = new WebAssembly.Table({ initial: 2, element: 'anyfunc' });
	let jsCalls = 0;
	const imports = {
		env: {
			js: () => ++jsCalls * 100,
			memory,
			__indirect_function_table: table,
			__memory_base: new WebAssembly.Global({ value: 'i32', mutable: false }, MEMORY_BASE)
		}
	};
	const instance = new WebAssembly.Instance(new WebAssembly.Module(primary), imports);
	type Exports = Record<'main' | 'setTemp', (x: number) => number> &
		Record<'getTemp' | 'callTable' | 'callJs', () => number> &
		Record<string, WebAssembly.Global>;
	return { instance, imports, memory, table, x: instance.exports as unknown as Exports };
}
