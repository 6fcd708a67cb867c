/**
 * A warm-up for the primary half of the split engine (wasm-split.ts). V8 compiles a wasm function lazily, on
 * the thread that first calls it. On its way to the explorer's first result DuckDB's worker calls about 5,000
 * functions for the first time and spends most of its time compiling them, one after the other (Liftoff),
 * while the machine's other core waits. Compiled code belongs to the module, not to an instance: when an
 * instance of the same module in another worker calls a function first, DuckDB's worker finds it compiled.
 *
 * So the primary gets:
 * - a global `warm` (0), and at the top of each function of the boot order (the profile's, in the order of
 *   their first calls) a check: when `warm` is set, return zeros at once, before doing anything else;
 * - an export `__aiad_warm()` that sets `warm` and calls those functions with zero arguments: the ones DuckDB's
 *   worker calls before the first result latest first, then the others in order. The compile worker
 *   (src/lib/engine/wasmWarm.ts) runs it on an instance of its own, on fresh memory, while DuckDB's worker
 *   calls the same functions earliest first: the two meet in the middle, and each function is compiled about
 *   once, by whichever thread reaches it first.
 *
 * DuckDB's own instance never sets `warm`: there the check costs a global read and a branch per call.
 */
import { importCounts } from './wasm-dce.ts';
import {
	SECTION,
	WasmFormatError,
	concatBytes,
	encodeUleb,
	readBodies,
	readLimits,
	sections,
	uleb
} from './wasm-exports.ts';
import { WARM_EXPORT, type WarmImports } from '../../src/lib/engine/wasmWarm.ts';
import {
	appendEntries,
	encodeType,
	functionTypes,
	nameBytes,
	readTypes,
	type FuncType
} from './wasm-split.ts';

const {
	type: TYPE,
	import: IMPORT,
	function: FUNCTION,
	global: GLOBAL,
	export: EXPORT,
	code: CODE
} = SECTION;

const VALUE_TYPES: Record<number, string> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64' };

/** A zero of each value type, as a constant instruction. */
function zero(t: number): number[] {
	if (t === 0x7f) return [0x41, 0x00];
	if (t === 0x7e) return [0x42, 0x00];
	if (t === 0x7d) return [0x43, 0, 0, 0, 0];
	if (t === 0x7c) return [0x44, 0, 0, 0, 0, 0, 0, 0, 0];
	if (t === 0x7b) return [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
	if (t === 0x70 || t === 0x6f) return [0xd0, t];
	throw new WasmFormatError(`no zero for value type 0x${t.toString(16)}`);
}

/** Where a body's instructions start, after its local declarations. */
function afterLocals(bytes: Uint8Array, start: number): number {
	let [n, p] = uleb(bytes, start);
	for (; n > 0; n--) {
		[, p] = uleb(bytes, p);
		const t = bytes[p++];
		if (t === 0x63 || t === 0x64) throw new WasmFormatError('a typed reference local');
	}
	return p;
}

/** Limits as a JS `Memory` or `Table` takes them; shared or 64-bit ones are not expected. */
function limits(bytes: Uint8Array, at: number): [{ initial: number; maximum?: number }, number] {
	const [{ flags, ...rest }, next] = readLimits(bytes, at);
	if (flags & ~1) throw new WasmFormatError(`limits with flags ${flags} (shared or 64-bit)`);
	return [rest, next];
}

/** The shapes of the module's imports other than functions (throws on any it does not expect). */
export function warmImports(bytes: Uint8Array): WarmImports {
	const all = sections(bytes);
	const s = all.find((x) => x.id === IMPORT);
	const types = readTypes(
		bytes,
		all.find((x) => x.id === TYPE)
	);
	const out: Partial<WarmImports> & Pick<WarmImports, 'constGlobals' | 'tags'> = {
		constGlobals: [],
		tags: []
	};
	if (!s) throw new WasmFormatError('the module imports nothing');
	const decoder = new TextDecoder();
	let [n, p] = uleb(bytes, s.body);
	const name = (): string => {
		const [len, q] = uleb(bytes, p);
		p = q + len;
		return decoder.decode(bytes.subarray(q, q + len));
	};
	for (; n > 0; n--) {
		const key = `${name()} ${name()}`;
		const kind = bytes[p++];
		if (kind === 0) [, p] = uleb(bytes, p);
		else if (kind === 1) {
			if (bytes[p] !== 0x70) throw new WasmFormatError(`table ${key} is not of functions`);
			if (out.table) throw new WasmFormatError('more than one table import');
			[out.table, p] = limits(bytes, p + 1);
		} else if (kind === 2) {
			if (out.memory) throw new WasmFormatError('more than one memory import');
			[out.memory, p] = limits(bytes, p);
		} else if (kind === 3) {
			if (bytes[p] !== 0x7f) throw new WasmFormatError(`global ${key} is not an i32`);
			if (bytes[p + 1] === 0) out.constGlobals.push(key);
			p += 2;
		} else if (kind === 4) {
			let t: number;
			[t, p] = uleb(bytes, p + 1);
			const params = types[t]?.params.map((v) => VALUE_TYPES[v]);
			if (!params || params.some((v) => !v)) throw new WasmFormatError(`tag ${key} has an unknown type`);
			out.tags.push([key, params]);
		} else throw new WasmFormatError(`import ${key} of kind ${kind}`);
	}
	if (!out.memory || !out.table) throw new WasmFormatError('the module imports no memory or no table');
	return out as WarmImports;
}

/** The order the warm-up calls the functions in: those before the first result latest first, then the rest. */
export function warmOrder(order: readonly number[], firstResult: number): number[] {
	return [...order.slice(0, firstResult).reverse(), ...order.slice(firstResult)];
}

/**
 * A copy of `bytes` with the warm-up (see the top of the file) for the functions in `order`: function indices in
 * the order of their first calls, the first `firstResult` of them before the first result. Each must have its
 * own body: not a split's trampoline (listed in `skip`).
 */
export function addWarmUp(
	bytes: Uint8Array,
	order: readonly number[],
	firstResult: number,
	skip: ReadonlySet<number> = new Set()
): Uint8Array<ArrayBuffer> {
	const all = sections(bytes);
	const get = (id: number) => all.find((s) => s.id === id);
	const { functions: imported, globals: importedGlobals } = importCounts(bytes, get(IMPORT));
	const types = readTypes(bytes, get(TYPE));
	const funcTypes = functionTypes(bytes, get(FUNCTION));
	for (const id of [GLOBAL, EXPORT, CODE]) {
		if (!get(id)) throw new WasmFormatError(`the module has no section ${id} to extend`);
	}
	const bodies = readBodies(bytes, get(CODE)!);
	if (bodies.length !== funcTypes.length)
		throw new WasmFormatError('the code and function sections disagree');
	const warmed = new Set<number>();
	for (const f of order) {
		if (f < imported || f >= imported + bodies.length) throw new WasmFormatError(`function ${f} has no body`);
		if (skip.has(f)) throw new WasmFormatError(`function ${f} is a trampoline`);
		if (warmed.has(f)) throw new WasmFormatError(`function ${f} is listed twice`);
		warmed.add(f);
	}
	const warmGlobal = importedGlobals + uleb(bytes, get(GLOBAL)!.body)[0];
	const warmType = types.length;
	const warmIndex = imported + bodies.length;
	const typeOf = (f: number): FuncType => types[funcTypes[f - imported]];

	// warm ≠ 0: return zeros now.
	const check = (f: number): number[] => [
		0x23,
		...encodeUleb(warmGlobal),
		0x04,
		0x40,
		...typeOf(f).results.flatMap(zero),
		0x0f,
		0x0b
	];
	const call = (f: number): number[] => [
		...typeOf(f).params.flatMap(zero),
		0x10,
		...encodeUleb(f),
		...typeOf(f).results.map(() => 0x1a)
	];
	const warmBody = [
		0x00,
		...[0x41, 0x01, 0x24, ...encodeUleb(warmGlobal)],
		...warmOrder(order, firstResult).flatMap(call),
		...[0x41, 0x00, 0x24, ...encodeUleb(warmGlobal)],
		0x0b
	];

	const parts: Uint8Array[] = [bytes.subarray(0, 8)];
	for (const s of all) {
		if (s.id === TYPE) parts.push(appendEntries(bytes, s, TYPE, [encodeType({ params: [], results: [] })]));
		else if (s.id === FUNCTION) parts.push(appendEntries(bytes, s, FUNCTION, [encodeUleb(warmType)]));
		else if (s.id === GLOBAL) parts.push(appendEntries(bytes, s, GLOBAL, [[0x7f, 1, 0x41, 0, 0x0b]]));
		else if (s.id === EXPORT) {
			parts.push(appendEntries(bytes, s, EXPORT, [[...nameBytes(WARM_EXPORT), 0, ...encodeUleb(warmIndex)]]));
		} else if (s.id === CODE) {
			const code: Uint8Array[] = [Uint8Array.from(encodeUleb(bodies.length + 1))];
			bodies.forEach((b, i) => {
				const f = imported + i;
				if (!warmed.has(f)) {
					code.push(Uint8Array.from(encodeUleb(b.end - b.start)), bytes.subarray(b.start, b.end));
					return;
				}
				const at = afterLocals(bytes, b.start);
				const head = check(f);
				code.push(
					Uint8Array.from(encodeUleb(b.end - b.start + head.length)),
					bytes.subarray(b.start, at),
					Uint8Array.from(head),
					bytes.subarray(at, b.end)
				);
			});
			code.push(Uint8Array.from([...encodeUleb(warmBody.length), ...warmBody]));
			const body = concatBytes(code);
			parts.push(Uint8Array.from([CODE, ...encodeUleb(body.length)]), body);
		} else parts.push(bytes.subarray(s.start, s.end));
	}
	return concatBytes(parts);
}
