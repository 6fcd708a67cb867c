/**
 * Replaces the bodies of the functions nothing can call in DuckDB-wasm 1.32.0's `duckdb-eh.wasm` with a single
 * `unreachable`, once its exports are trimmed (scripts/lib/wasm-exports.ts). A MAIN_MODULE build keeps every
 * function a side module could link against; with only the exports the worker uses left, 16,573 of its
 * 60,116 function bodies can no longer be reached. Stubbing them takes the wasm from 26.8 to 24.4 MB decoded
 * (5.2 to 4.6 MB over brotli): less to download, decode and validate before the first query, and under the
 * 25 MiB per-file limit of hosts such as Cloudflare Pages.
 *
 * A function is live when it is exported, is the start function, sits in an element segment (the table every
 * indirect call goes through), is named by a `ref.func` anywhere, or is called directly by a live function. In
 * WebAssembly there is no other way to reach a function, so the rest can never run. Function indices do not
 * change (a stub keeps its slot and its type), so no other section is touched but the code section, rewritten,
 * and a marker custom section appended.
 *
 * Finding the direct calls means decoding every instruction, since a call's opcode byte can also occur inside
 * another instruction's immediates. The decoder knows the opcodes this module uses (MVP, sign extension,
 * saturating conversions, bulk memory, reference types, SIMD, threads, legacy and new exception handling,
 * tail calls) and must land exactly on each body's end; an opcode it does not know, or a body it does not end
 * exactly on, throws a WasmFormatError and the module is left as it is.
 */
import {
	SECTION,
	WasmFormatError,
	concatBytes,
	customSectionNames,
	encodeUleb,
	markerSection,
	sections,
	skipImportDescription,
	uleb,
	type Section
} from './wasm-exports.ts';

/** Custom section that marks a module whose dead functions are stubbed, so the install step runs once. */
export const DCE_MARKER = 'ai-art-discourse-explorer.dead-functions-stubbed';

const { import: IMPORT, function: FUNCTION, global: GLOBAL, export: EXPORT, start: START } = SECTION;
const { element: ELEMENT, code: CODE } = SECTION;

/** A body of no locals that traps: `unreachable`, `end`. */
const STUB = [0x00, 0x00, 0x0b];

export interface FunctionLiveness {
	/** Functions the module imports; their indices come first. */
	imported: number;
	/** The code section's bodies, in order: where each starts and ends (its size prefix excluded). */
	bodies: { start: number; end: number }[];
	/** By function index (imports included): 1 when something can call it. */
	live: Uint8Array;
	/** By body: the functions it calls directly or names with `ref.func`. */
	calls: number[][];
	/** By body, when asked for: the globals it reads and writes, and more (BodyUse). */
	uses: BodyUse[];
	/** Functions named by element segments (the table), the start function and exports, by index. */
	inTable: Set<number>;
	start: number | null;
}

/** A reader over the module's bytes. */
class Reader {
	constructor(
		readonly bytes: Uint8Array,
		public at: number
	) {}
	u32(): number {
		const [v, next] = uleb(this.bytes, this.at);
		this.at = next;
		return v;
	}
	/** Skips a signed LEB128 number of any width (i32/i64 constants, block types, heap types). */
	sleb(): void {
		const start = this.at;
		while (this.bytes[this.at++] & 0x80) {
			if (this.at - start > 10) throw new WasmFormatError(`bad LEB128 number at byte ${start}`);
		}
	}
	byte(): number {
		return this.bytes[this.at++];
	}
	skip(n: number): void {
		this.at += n;
	}
	name(): void {
		this.skip(this.u32());
	}
}

function section(all: Section[], id: number): Section | undefined {
	return all.find((s) => s.id === id);
}

/** How many functions, globals and tables the module imports: their indices come before its own. */
export function importCounts(
	bytes: Uint8Array,
	s: Section | undefined
): { functions: number; globals: number; tables: number } {
	const counts = { functions: 0, globals: 0, tables: 0 };
	if (!s) return counts;
	const r = new Reader(bytes, s.body);
	for (let n = r.u32(); n > 0; n--) {
		r.name();
		r.name();
		const kind = r.byte();
		if (kind === 0) counts.functions++;
		if (kind === 1) counts.tables++;
		if (kind === 3) counts.globals++;
		r.at = skipImportDescription(bytes, kind, r.at);
	}
	return counts;
}

/** Reads a constant expression, adding any `ref.func` it names to `refs`. */
function constExpr(r: Reader, refs: number[]): void {
	for (;;) {
		const op = r.byte();
		if (op === 0x0b) return;
		if (op === 0x41 || op === 0x42 || op === 0xd0) r.sleb();
		else if (op === 0x23) r.u32();
		else if (op === 0x43) r.skip(4);
		else if (op === 0x44) r.skip(8);
		else if (op === 0xd2) refs.push(r.u32());
		else if (op === 0x6a || op === 0x6b || op === 0x6c || op === 0x7c || op === 0x7d || op === 0x7e) continue;
		else throw new WasmFormatError(`unknown opcode 0x${op.toString(16)} in a constant expression`);
	}
}

function elementFunctions(bytes: Uint8Array, s: Section | undefined, refs: number[]): void {
	if (!s) return;
	const r = new Reader(bytes, s.body);
	for (let n = r.u32(); n > 0; n--) {
		const flags = r.u32();
		if (flags > 7) throw new WasmFormatError(`unknown element segment kind ${flags}`);
		// Bit 0: passive or declarative (no offset); bit 1 with bit 0 clear: an explicit table index;
		// bit 2: entries are expressions, not function indices.
		if ((flags & 3) === 2) r.u32();
		if ((flags & 1) === 0) constExpr(r, refs);
		if (flags & 3) r.byte(); // element kind or reference type
		const entries = r.u32();
		for (let i = 0; i < entries; i++) {
			if (flags & 4) constExpr(r, refs);
			else refs.push(r.u32());
		}
	}
}

function globalRefs(bytes: Uint8Array, s: Section | undefined, refs: number[]): void {
	if (!s) return;
	const r = new Reader(bytes, s.body);
	for (let n = r.u32(); n > 0; n--) {
		const type = r.byte();
		if (type === 0x63 || type === 0x64) r.sleb();
		r.byte(); // mutability
		constExpr(r, refs);
	}
}

function blockType(r: Reader): void {
	const b = r.bytes[r.at];
	// The empty type or one value type is one byte; anything else is a type index (a signed LEB128).
	if (b === 0x40 || (b >= 0x6f && b <= 0x7f)) r.skip(1);
	else r.sleb();
}

function memarg(r: Reader): void {
	const align = r.u32();
	if (align & 0x40) r.u32(); // a memory index (multi-memory)
	r.u32();
}

/** What a relocation function does: read and write locals and globals, add constants, end. */
const RELOCATION_OPS = new Set([0x20, 0x21, 0x22, 0x23, 0x41, 0x6a, 0x24, 0x0b]);

/** Opcodes with no immediates. */
const PLAIN = new Set([0x00, 0x01, 0x05, 0x0a, 0x0b, 0x0f, 0x19, 0x1a, 0x1b, 0xd1]);

/** What one body does besides its direct calls, for the split (scripts/lib/wasm-split.ts). */
export interface BodyUse {
	/** Globals it reads and writes. */
	gets: Set<number>;
	sets: Set<number>;
	/** Whether it uses `memory.init` or `data.drop`, which name data segments. */
	dataOps: boolean;
	/** Whether it does anything but read and write globals and add constants (a pure relocation function). */
	other: boolean;
}

/** Decodes one function body, returning the functions it calls directly or names with `ref.func`. */
function bodyCalls(r: Reader, end: number, index: number, use?: BodyUse): number[] {
	const calls: number[] = [];
	for (let groups = r.u32(); groups > 0; groups--) {
		r.u32();
		const type = r.byte();
		if (type === 0x63 || type === 0x64) r.sleb();
	}
	while (r.at < end) {
		const at = r.at;
		const op = r.byte();
		if (use && !RELOCATION_OPS.has(op)) use.other = true;
		if (op === 0x23 || op === 0x24) {
			const global = r.u32();
			if (use) (op === 0x23 ? use.gets : use.sets).add(global);
			continue;
		}
		if (PLAIN.has(op) || (op >= 0x45 && op <= 0xc4)) continue;
		if (op >= 0x28 && op <= 0x3e) {
			memarg(r);
			continue;
		}
		switch (op) {
			case 0x02: // block
			case 0x03: // loop
			case 0x04: // if
			case 0x06: // try (legacy exception handling)
				blockType(r);
				break;
			case 0x07: // catch
			case 0x08: // throw
			case 0x09: // rethrow
			case 0x0c: // br
			case 0x0d: // br_if
			case 0x18: // delegate
			case 0x14: // call_ref
			case 0x15: // return_call_ref
			case 0x20: // local.get
			case 0x21: // local.set
			case 0x22: // local.tee
			case 0x25: // table.get
			case 0x26: // table.set
			case 0x3f: // memory.size
			case 0x40: // memory.grow
				r.u32();
				break;
			case 0x0e: // br_table: the labels, then the default
				for (let n = r.u32(); n >= 0; n--) r.u32();
				break;
			case 0x10: // call
			case 0x12: // return_call
			case 0xd2: // ref.func
				calls.push(r.u32());
				break;
			case 0x11: // call_indirect
			case 0x13: // return_call_indirect
				r.u32();
				r.u32();
				break;
			case 0x1c: // select with types
				r.skip(r.u32());
				break;
			case 0x1f: // try_table
				blockType(r);
				for (let n = r.u32(); n > 0; n--) {
					if (r.byte() < 2) r.u32(); // catch and catch_ref name a tag
					r.u32();
				}
				break;
			case 0x41: // i32.const
			case 0x42: // i64.const
			case 0xd0: // ref.null
				r.sleb();
				break;
			case 0x43:
				r.skip(4);
				break;
			case 0x44:
				r.skip(8);
				break;
			case 0xfc: {
				const sub = r.u32();
				if (use && (sub === 8 || sub === 9)) use.dataOps = true;
				miscImmediates(r, sub);
				break;
			}
			case 0xfd:
				simdImmediates(r, r.u32());
				break;
			case 0xfe: // atomics: fence has a zero byte, every other a memarg
				if (r.u32() === 3) r.byte();
				else memarg(r);
				break;
			default:
				throw new WasmFormatError(`function ${index}: unknown opcode 0x${op.toString(16)} at byte ${at}`);
		}
	}
	if (r.at !== end) throw new WasmFormatError(`function ${index}: decoding ran past the end of its body`);
	return calls;
}

function miscImmediates(r: Reader, sub: number): void {
	if (sub <= 7) return; // saturating truncations
	if (sub === 8 || sub === 10 || sub === 12 || sub === 14) {
		// memory.init, memory.copy, table.init, table.copy: two indices
		r.u32();
		r.u32();
	} else if (sub <= 17)
		r.u32(); // data.drop, memory.fill, elem.drop, table.grow/size/fill
	else throw new WasmFormatError(`unknown opcode 0xfc ${sub}`);
}

function simdImmediates(r: Reader, sub: number): void {
	if (sub <= 11 || sub === 92 || sub === 93)
		memarg(r); // loads and stores
	else if (sub === 12 || sub === 13)
		r.skip(16); // v128.const, i8x16.shuffle
	else if (sub >= 21 && sub <= 34)
		r.byte(); // lane extracts and replaces
	else if (sub >= 84 && sub <= 91) {
		memarg(r); // lane loads and stores
		r.byte();
	}
}

/** Which functions can be called, from the roots described at the top of this file. */
export function functionLiveness(bytes: Uint8Array, withUses = false): FunctionLiveness {
	const all = sections(bytes);
	const imported = importCounts(bytes, section(all, IMPORT)).functions;
	const declared = section(all, FUNCTION);
	const code = section(all, CODE);
	const count = declared ? new Reader(bytes, declared.body).u32() : 0;
	const roots: number[] = [];
	const exports = section(all, EXPORT);
	if (exports) {
		const r = new Reader(bytes, exports.body);
		for (let n = r.u32(); n > 0; n--) {
			r.name();
			const kind = r.byte();
			const index = r.u32();
			if (kind === 0) roots.push(index);
		}
	}
	const startSection = section(all, START);
	const start = startSection ? new Reader(bytes, startSection.body).u32() : null;
	if (start !== null) roots.push(start);
	const tableRefs: number[] = [];
	elementFunctions(bytes, section(all, ELEMENT), tableRefs);
	roots.push(...tableRefs);
	globalRefs(bytes, section(all, GLOBAL), roots);

	const bodies: { start: number; end: number }[] = [];
	const calls: number[][] = [];
	const uses: BodyUse[] = [];
	if (code) {
		const r = new Reader(bytes, code.body);
		const n = r.u32();
		if (n !== count) throw new WasmFormatError(`${count} functions declared, ${n} bodies`);
		for (let i = 0; i < n; i++) {
			const size = r.u32();
			const end = r.at + size;
			bodies.push({ start: r.at, end });
			const use: BodyUse | undefined = withUses
				? { gets: new Set(), sets: new Set(), dataOps: false, other: false }
				: undefined;
			calls.push(bodyCalls(r, end, imported + i, use));
			if (use) uses.push(use);
		}
		if (r.at !== code.end) throw new WasmFormatError('the code section has trailing bytes');
	}

	const live = new Uint8Array(imported + count);
	const queue: number[] = [];
	const mark = (f: number) => {
		if (f >= live.length) throw new WasmFormatError(`function index ${f} out of range`);
		if (!live[f]) {
			live[f] = 1;
			queue.push(f);
		}
	};
	roots.forEach(mark);
	while (queue.length > 0) {
		const f = queue.pop()!;
		if (f >= imported) calls[f - imported].forEach(mark);
	}
	return { imported, bodies, live, calls, uses, inTable: new Set(tableRefs), start };
}

/**
 * A copy of the module with every dead function's body replaced by `unreachable`, and the marker section
 * appended; null when the module already carries the marker. Throws a WasmFormatError when it cannot be read.
 */
export function stubDeadFunctions(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
	if (customSectionNames(bytes).includes(DCE_MARKER)) return null;
	const all = sections(bytes);
	const { imported, bodies, live } = functionLiveness(bytes);
	const code = section(all, CODE);
	const parts: Uint8Array[] = [bytes.subarray(0, 8)];
	for (const s of all) {
		if (s !== code) {
			parts.push(bytes.subarray(s.start, s.end));
			continue;
		}
		const body: Uint8Array[] = [Uint8Array.from(encodeUleb(bodies.length))];
		bodies.forEach((b, i) => {
			if (live[imported + i]) {
				body.push(Uint8Array.from(encodeUleb(b.end - b.start)), bytes.subarray(b.start, b.end));
			} else body.push(Uint8Array.from([STUB.length, ...STUB]));
		});
		const size = body.reduce((n, p) => n + p.length, 0);
		parts.push(Uint8Array.from([CODE, ...encodeUleb(size)]), ...body);
	}
	parts.push(markerSection(DCE_MARKER));
	return concatBytes(parts);
}
