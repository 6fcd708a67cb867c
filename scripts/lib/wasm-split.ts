/**
 * Splits the engine's wasm in two so that a reader waits for the part the explorer uses, not for all of DuckDB.
 * Measured in Chromium (session 16's note on issue 4): a cold load of `/explore/` through every view compiles
 * about 6,100 of the module's functions, 4.6 MB of its 21.5 MB of live code (the profile, with clicks, the SQL
 * console's examples and 1M posts, lists 6,513). Those, listed by a profile
 * (scripts/wasm-profile.ts writes it), keep their bodies in the **primary** module, which the page downloads
 * first; the **full** module, with every body, follows after the explorer's background load of the posts (or
 * at once when the SQL console opens, or when a call needs it).
 *
 * - In the primary, each other live function becomes a trampoline with the same index and type: it passes its
 *   arguments and its slot number to a dispatcher for its signature, which loads the full module if that has
 *   not happened yet (a call through the table to a loader the worker puts there), then calls the full
 *   module's copy of the function through that table slot. Callers never know.
 * - The full module is instantiated on the primary's own imports: the same memory, function table, stack
 *   pointer and exception tags, so both see one heap and C++ exceptions cross between them. Its data segment
 *   is emptied (instantiating it must not overwrite the live heap), its element segments are made passive (the
 *   table keeps the primary's functions), its start function still runs (it only computes the GOT globals from
 *   `__memory_base`/`__table_base`, the same values; checked below), and an appended function copies its
 *   functions into the trampolines' slots with `table.init`. It is entered only through those slots.
 * - Globals are per instance. A defined global that code other than the start function writes would diverge,
 *   so every function that touches one, with every function that calls such a function, stays in the primary;
 *   none of them may sit in the table. The full module's copies then never run. (In 1.32.0: `tempRet0`, which
 *   only JS-facing wrappers touch, and the stack limits set at start-up.)
 *
 * The page's side is in the worker's boot prelude (scripts/lib/duckdb-boot-patch.ts). Anything this file cannot
 * prove throws a WasmFormatError, and the build then ships the whole module as before.
 */
import { functionLiveness, importCounts, type FunctionLiveness } from './wasm-dce.ts';
import {
	SECTION,
	WasmFormatError,
	concatBytes,
	encodeUleb,
	markerSection,
	sections,
	uleb,
	type Section
} from './wasm-exports.ts';

/** What the primary exports for the worker's loader, and the full module's one export. */
export const SPLIT_EXPORTS = {
	/** 1 once the full module's functions are in their slots. */
	loaded: '__aiad_loaded',
	/** Where the trampolines' slots start in the table; the worker grows the table and sets it. */
	slotBase: '__aiad_slot_base',
	/** The table slot of the loader. */
	loaderSlot: '__aiad_loader_slot',
	/** How many slots the trampolines need (an immutable global). */
	slotCount: '__aiad_slot_count',
	/** The full module's `fill(base)`: `table.init` of its functions into the slots from `base`. */
	fill: '__aiad_fill'
} as const;

/** Custom section naming the primary half of a split. */
export const SPLIT_MARKER = 'ai-art-discourse-explorer.split-primary';

export interface WasmSplit {
	primary: Uint8Array<ArrayBuffer>;
	full: Uint8Array<ArrayBuffer>;
	/** Live functions whose bodies the primary keeps. */
	kept: number;
	/** The functions the primary turns into trampolines, by slot (the loader is told the slot that needed it). */
	trampolined: number[];
}

const { type: TYPE, import: IMPORT, function: FUNCTION, table: TABLE, global: GLOBAL } = SECTION;
const { export: EXPORT, element: ELEMENT, code: CODE, data: DATA } = SECTION;

const I32 = 0x7f;
const FUNC_TYPE = 0x60;

export function encodeSleb(n: number): number[] {
	const out: number[] = [];
	for (;;) {
		const byte = n & 0x7f;
		n >>= 7;
		const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
		out.push(done ? byte : byte | 0x80);
		if (done) return out;
	}
}

export const vec = (items: readonly number[][]): number[] => [...encodeUleb(items.length), ...items.flat()];
export const nameBytes = (s: string): number[] => {
	const b = new TextEncoder().encode(s);
	return [...encodeUleb(b.length), ...b];
};

/** A section of `id` with `count` entries: the original's entries, then `extra` (already encoded). */
export function appendEntries(
	bytes: Uint8Array,
	s: Section | undefined,
	id: number,
	extra: number[][]
): Uint8Array {
	const [count, first] = s ? uleb(bytes, s.body) : [0, 0];
	const old = s ? bytes.subarray(first, s.end) : new Uint8Array(0);
	const head = encodeUleb(count + extra.length);
	const tail = extra.flat();
	const size = head.length + old.length + tail.length;
	return concatBytes([Uint8Array.from([id, ...encodeUleb(size), ...head]), old, Uint8Array.from(tail)]);
}

function newSection(id: number, body: number[]): Uint8Array {
	return Uint8Array.from([id, ...encodeUleb(body.length), ...body]);
}

export interface FuncType {
	params: number[];
	results: number[];
}

/** Every type, by type index: plain function types of one-byte value types only. */
export function readTypes(bytes: Uint8Array, s: Section | undefined): FuncType[] {
	if (!s) return [];
	let [n, p] = uleb(bytes, s.body);
	const types: FuncType[] = [];
	const valueTypes = (): number[] => {
		const [k, q] = uleb(bytes, p);
		const list = Array.from(bytes.subarray(q, q + k));
		if (list.some((v) => v === 0x63 || v === 0x64))
			throw new WasmFormatError('a typed reference in a signature');
		p = q + k;
		return list;
	};
	for (; n > 0; n--) {
		if (bytes[p++] !== FUNC_TYPE) throw new WasmFormatError('a type that is not a plain function type');
		const params = valueTypes();
		types.push({ params, results: valueTypes() });
	}
	return types;
}

export const encodeType = (t: FuncType): number[] => [
	FUNC_TYPE,
	...vec(t.params.map((v) => [v])),
	...vec(t.results.map((v) => [v]))
];

/** The type index of every defined function. */
export function functionTypes(bytes: Uint8Array, s: Section | undefined): number[] {
	if (!s) return [];
	let [n, p] = uleb(bytes, s.body);
	const types: number[] = [];
	for (; n > 0; n--) {
		let t: number;
		[t, p] = uleb(bytes, p);
		types.push(t);
	}
	return types;
}

/**
 * The element section's segments, each made passive: the full module must not write its own functions over the
 * primary's in the table. Those are compiled and hot by then, while the full module's copies would each be
 * compiled again on first call (a search and a brush measured twice as slow right after the switch), and
 * nothing is gained: every function the table holds works in the primary, directly or through its trampoline.
 */
function passiveSegments(bytes: Uint8Array, s: Section): number[] {
	let [n, p] = uleb(bytes, s.body);
	const out: number[] = [];
	for (; n > 0; n--) {
		const flags = bytes[p++];
		if (flags !== 0 && flags !== 2) throw new WasmFormatError(`an element segment of kind ${flags}`);
		if (flags === 2) [, p] = uleb(bytes, p); // the table index
		// The offset: a constant expression of i32.const and global.get (what an Emscripten module uses).
		for (let op = bytes[p++]; op !== 0x0b; op = bytes[p++]) {
			if (op === 0x41 || op === 0x23) [, p] = uleb(bytes, p);
			else if (op !== 0x6a) throw new WasmFormatError(`opcode 0x${op.toString(16)} in an element offset`);
		}
		if (flags === 2 && bytes[p++] !== 0x00)
			throw new WasmFormatError('an element segment of other references');
		const start = p;
		let [count, q] = uleb(bytes, p);
		for (; count > 0; count--) [, q] = uleb(bytes, q);
		out.push(0x01, 0x00, ...bytes.subarray(start, q));
		p = q;
	}
	return out;
}

/** Functions that must keep their bodies in the primary, whatever the profile says (see the top of the file). */
export function pinnedFunctions(
	bytes: Uint8Array,
	liveness: FunctionLiveness = functionLiveness(bytes, true)
): Set<number> {
	const all = sections(bytes);
	const { imported, calls, uses, inTable, start } = liveness;
	const { globals: importedGlobals } = importCounts(
		bytes,
		all.find((s) => s.id === IMPORT)
	);
	const written = new Set<number>();
	uses.forEach((u, i) => {
		if (imported + i === start) return;
		for (const g of u.sets) if (g >= importedGlobals) written.add(g);
	});
	const callers = new Map<number, number[]>();
	calls.forEach((targets, i) => {
		for (const t of targets) {
			const list = callers.get(t);
			if (list) list.push(imported + i);
			else callers.set(t, [imported + i]);
		}
	});
	const pinned = new Set<number>();
	const queue: number[] = [];
	uses.forEach((u, i) => {
		if ([...u.gets, ...u.sets].some((g) => written.has(g))) queue.push(imported + i);
	});
	while (queue.length > 0) {
		const f = queue.pop()!;
		if (pinned.has(f)) continue;
		if (inTable.has(f)) {
			throw new WasmFormatError(
				`function ${f} touches a global that changes at run time and is in the table`
			);
		}
		pinned.add(f);
		queue.push(...(callers.get(f) ?? []));
	}
	if (start !== null) {
		const u = uses[start - imported];
		if (u.other) throw new WasmFormatError('the start function does more than set globals');
		pinned.add(start);
	}
	if (uses.some((u) => u.dataOps)) throw new WasmFormatError('the module uses memory.init or data.drop');
	return pinned;
}

/**
 * Splits `bytes` (the trimmed, dead-stubbed module) into a primary that keeps the bodies of `profile` (function
 * indices, imports included) and of the pinned functions, and a full module. Throws a WasmFormatError when the
 * module is not one this split is proven for.
 */
export function splitModule(bytes: Uint8Array, profile: Iterable<number>): WasmSplit {
	const all = sections(bytes);
	const get = (id: number) => all.find((s) => s.id === id);
	// Decoded once (every instruction of 24 MB): the pinning reads the same pass.
	const liveness = functionLiveness(bytes, true);
	const { imported, bodies, live } = liveness;
	const { globals: importedGlobals, tables } = importCounts(bytes, get(IMPORT));
	if (tables !== 1 || get(TABLE)) throw new WasmFormatError('the module does not import exactly one table');
	const types = readTypes(bytes, get(TYPE));
	const funcTypes = functionTypes(bytes, get(FUNCTION));
	if (!get(GLOBAL) || !get(EXPORT) || !get(CODE) || !get(ELEMENT)) {
		throw new WasmFormatError('the module has no global, export, element or code section to extend');
	}
	const definedGlobals = uleb(bytes, get(GLOBAL)!.body)[0];
	const keep = pinnedFunctions(bytes, liveness);
	for (const f of profile) keep.add(f);

	const trampolined: number[] = [];
	bodies.forEach((_, i) => {
		const f = imported + i;
		if (live[f] && !keep.has(f)) trampolined.push(f);
	});
	const g = importedGlobals + definedGlobals;
	const G = { loaded: g, slotBase: g + 1, loaderSlot: g + 2, slotCount: g + 3 };
	// Appended types: the loader's (slot: i32) -> (), then a dispatcher's type per signature the trampolines have (the
	// signature with the slot number added); the full module's fill(i32) -> () is its one appended type.
	const LOADER_TYPE = types.length;
	const dispatchOf = new Map<number, { index: number; type: number }>();
	for (const f of trampolined) {
		const t = funcTypes[f - imported];
		if (!dispatchOf.has(t)) {
			dispatchOf.set(t, {
				index: imported + bodies.length + dispatchOf.size,
				type: LOADER_TYPE + 1 + dispatchOf.size
			});
		}
	}
	const FILL_TYPE = types.length;

	// A trampoline passes its arguments and its slot number to its signature's dispatcher, which loads the
	// full module if need be and calls the slot: a few bytes per function, where the whole sequence in each
	// made the primary 1.1 MB larger and its compile 100–150 ms longer.
	const trampoline = (f: number, k: number): number[] => {
		const t = funcTypes[f - imported];
		const body = [0x00];
		for (let l = 0; l < types[t].params.length; l++) body.push(0x20, ...encodeUleb(l));
		body.push(0x41, ...encodeSleb(k), 0x10, ...encodeUleb(dispatchOf.get(t)!.index), 0x0b);
		return [...encodeUleb(body.length), ...body];
	};
	const dispatcher = (t: number): number[] => {
		const n = types[t].params.length;
		const body = [0x00, 0x23, ...encodeUleb(G.loaded), 0x45, 0x04, 0x40];
		body.push(
			0x20,
			...encodeUleb(n),
			0x23,
			...encodeUleb(G.loaderSlot),
			0x11,
			...encodeUleb(LOADER_TYPE),
			0x00,
			0x0b
		);
		for (let l = 0; l < n; l++) body.push(0x20, ...encodeUleb(l));
		body.push(0x23, ...encodeUleb(G.slotBase), 0x20, ...encodeUleb(n), 0x6a);
		body.push(0x11, ...encodeUleb(t), 0x00, 0x0b);
		return [...encodeUleb(body.length), ...body];
	};
	const dispatchers = [...dispatchOf.keys()];

	const primaryParts: Uint8Array[] = [bytes.subarray(0, 8)];
	const fullParts: Uint8Array[] = [bytes.subarray(0, 8)];
	const same = (s: Section) => bytes.subarray(s.start, s.end);
	const mutI32 = [I32, 1, 0x41, 0, 0x0b];
	const fillIndex = imported + bodies.length;
	for (const s of all) {
		switch (s.id) {
			case TYPE:
				primaryParts.push(
					appendEntries(bytes, s, TYPE, [
						[FUNC_TYPE, 1, I32, 0],
						...dispatchers.map((t) =>
							encodeType({ params: [...types[t].params, I32], results: types[t].results })
						)
					])
				);
				fullParts.push(appendEntries(bytes, s, TYPE, [[FUNC_TYPE, 1, I32, 0]]));
				break;
			case FUNCTION:
				primaryParts.push(
					appendEntries(
						bytes,
						s,
						FUNCTION,
						dispatchers.map((t) => encodeUleb(dispatchOf.get(t)!.type))
					)
				);
				fullParts.push(appendEntries(bytes, s, FUNCTION, [encodeUleb(FILL_TYPE)]));
				break;
			case GLOBAL:
				primaryParts.push(
					appendEntries(bytes, s, GLOBAL, [
						mutI32,
						mutI32,
						mutI32,
						[I32, 0, 0x41, ...encodeSleb(trampolined.length), 0x0b]
					])
				);
				fullParts.push(same(s));
				break;
			case EXPORT:
				primaryParts.push(
					appendEntries(bytes, s, EXPORT, [
						[...nameBytes(SPLIT_EXPORTS.loaded), 3, ...encodeUleb(G.loaded)],
						[...nameBytes(SPLIT_EXPORTS.slotBase), 3, ...encodeUleb(G.slotBase)],
						[...nameBytes(SPLIT_EXPORTS.loaderSlot), 3, ...encodeUleb(G.loaderSlot)],
						[...nameBytes(SPLIT_EXPORTS.slotCount), 3, ...encodeUleb(G.slotCount)]
					])
				);
				// The worker's JavaScript only ever calls the primary's exports.
				fullParts.push(
					newSection(EXPORT, vec([[...nameBytes(SPLIT_EXPORTS.fill), 0, ...encodeUleb(fillIndex)]]))
				);
				break;
			case ELEMENT:
				primaryParts.push(same(s));
				fullParts.push(
					newSection(ELEMENT, [
						...encodeUleb(uleb(bytes, s.body)[0] + 1),
						...passiveSegments(bytes, s),
						0x01,
						0x00,
						...vec(trampolined.map((f) => encodeUleb(f)))
					])
				);
				break;
			case CODE: {
				const code: Uint8Array[] = [Uint8Array.from(encodeUleb(bodies.length))];
				let k = 0;
				bodies.forEach((b, i) => {
					const f = imported + i;
					if (live[f] && !keep.has(f)) code.push(Uint8Array.from(trampoline(f, k++)));
					else code.push(Uint8Array.from(encodeUleb(b.end - b.start)), bytes.subarray(b.start, b.end));
				});
				code[0] = Uint8Array.from(encodeUleb(bodies.length + dispatchers.length));
				for (const t of dispatchers) code.push(Uint8Array.from(dispatcher(t)));
				const size = code.reduce((n, p) => n + p.length, 0);
				primaryParts.push(Uint8Array.from([CODE, ...encodeUleb(size)]), ...code);
				const fill = [0x00, 0x20, 0x00, 0x41, 0x00, 0x41, ...encodeSleb(trampolined.length)];
				fill.push(0xfc, 12, ...encodeUleb(uleb(bytes, get(ELEMENT)!.body)[0]), 0x00, 0x0b);
				fullParts.push(appendEntries(bytes, s, CODE, [[...encodeUleb(fill.length), ...fill]]));
				break;
			}
			case DATA: {
				// Every segment passive and empty: the primary already put the data in the shared memory.
				const [n] = uleb(bytes, s.body);
				primaryParts.push(same(s));
				fullParts.push(newSection(DATA, vec(Array.from({ length: n }, () => [0x01, 0x00]))));
				break;
			}
			default:
				primaryParts.push(same(s));
				fullParts.push(same(s));
		}
	}
	primaryParts.push(markerSection(SPLIT_MARKER));
	return {
		primary: concatBytes(primaryParts),
		full: concatBytes(fullParts),
		kept: bodies.filter((_, i) => live[imported + i]).length - trampolined.length,
		trampolined
	};
}
