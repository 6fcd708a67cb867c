/**
 * Applies the engine's data relocations once, at install, rather than in every reader's browser.
 *
 * DuckDB-wasm's module is position-independent (an Emscripten MAIN_MODULE): its data segment is placed at
 * `__memory_base`, and every pointer stored in that data (vtables, string tables, function pointers) is
 * written at start-up by `__wasm_apply_data_relocs`, one `i32.store` of `__memory_base` or `__table_base` plus
 * a constant each. In 1.32.0 that function is 905 KB of straight-line code doing 57,371 stores: the largest
 * function in the module. V8 compiles it on DuckDB's worker right after instantiation, on the way to the first
 * result (37 ms in a Chromium trace on the 2-core machine), after downloading and validating it.
 *
 * Both bases are constants of DuckDB's loader (its worker script creates them: `loaderBases` reads them from
 * there), so each store's address and value are known here. This writes the known values into the data
 * segment and leaves the function with a guard and what could not be computed (a store involving another
 * imported global, such as `GOT.mem.__heap_base`), in their order. The guard traps if the loader ever passes
 * other bases: the engine then fails to start, with a message, rather than run on wrong pointers.
 *
 * Anything this file does not recognise throws a WasmFormatError: a DuckDB upgrade must re-check it.
 */
import {
	SECTION,
	WasmFormatError,
	concatBytes,
	customSectionNames,
	encodeUleb,
	markerSection,
	readBodies,
	readExports,
	sections,
	skipImportDescription,
	uleb,
	type FunctionBody,
	type Section
} from './wasm-exports.ts';
import { encodeSleb } from './wasm-split.ts';

export const RELOCS_MARKER = 'ai-art-discourse-explorer.data-relocs-applied';
/** The export the loader calls after instantiation. */
export const APPLY_RELOCS = '__wasm_apply_data_relocs';

export interface LoaderBases {
	memory: number;
	table: number;
}

/**
 * The `__memory_base` and `__table_base` DuckDB's worker gives the module, read from its script (minified:
 * `___memory_base=new WebAssembly.Global({value:"i32",mutable:!1},1024)`).
 */
export function loaderBases(workerSource: string): LoaderBases {
	const read = (name: string) => {
		const m = new RegExp(`___${name}=new WebAssembly\\.Global\\(\\{value:"i32",mutable:!1\\},(\\d+)\\)`).exec(
			workerSource
		);
		if (!m) throw new WasmFormatError(`the worker script does not set ${name} to a constant`);
		return Number(m[1]);
	};
	return { memory: read('memory_base'), table: read('table_base') };
}

/** A value on the evaluator's stack: a constant, or the code that computes it at run time. */
type Value = { known: number } | { code: number[] };

const op = {
	localGet: 0x20,
	localSet: 0x21,
	localTee: 0x22,
	globalGet: 0x23,
	i32Store: 0x36,
	i32Const: 0x41,
	i32Ne: 0x47,
	i32Add: 0x6a,
	i32Sub: 0x6b,
	i32Or: 0x72,
	if: 0x04,
	void: 0x40,
	unreachable: 0x00,
	end: 0x0b
} as const;

const codeOf = (v: Value): number[] => ('known' in v ? [op.i32Const, ...encodeSleb(v.known)] : v.code);

/** One active data segment: where its bytes are in the module, and where they land in memory. */
interface Segment {
	/** Offsets of the whole entry, of its bytes, and of the byte after them. */
	entry: number;
	data: number;
	end: number;
	address: number;
}

export interface RelocsResult {
	wasm: Uint8Array<ArrayBuffer>;
	/** Stores written into the data segment, and those left to run at start-up. */
	applied: number;
	left: number;
	/** The function's size before and after. */
	bytesBefore: number;
	bytesAfter: number;
}

/**
 * Returns the module with its data relocations applied for `bases`, or null when that was done already (the
 * marker section).
 */
export function applyDataRelocs(bytes: Uint8Array, bases: LoaderBases): RelocsResult | null {
	if (customSectionNames(bytes).includes(RELOCS_MARKER)) return null;
	const all = sections(bytes);
	const imports = readImports(bytes, need(all, SECTION.import));
	const memGlobal = imports.globals.indexOf('env.__memory_base');
	const tableGlobal = imports.globals.indexOf('env.__table_base');
	if (memGlobal < 0 || tableGlobal < 0)
		throw new WasmFormatError('the module imports no memory or table base');

	const exported = readExports(bytes).find((e) => e.name === APPLY_RELOCS && e.kind === 0);
	if (!exported) throw new WasmFormatError(`the module does not export ${APPLY_RELOCS}`);
	const fn = exported.index;
	const code = need(all, SECTION.code);
	const bodies = readBodies(bytes, code);
	const body = bodies[fn - imports.functions];
	if (!body) throw new WasmFormatError(`${APPLY_RELOCS} is not a function of the module`);

	const dataSection = need(all, SECTION.data);
	const segments = activeSegments(bytes, dataSection, memGlobal, bases.memory);
	const data = segments.map((s) => Uint8Array.from(bytes.subarray(s.data, s.end)));

	const residual: number[] = [];
	/** Addresses a store left to run time writes: a later known store there must run after it, so runs then too. */
	const leftAt = new Set<number>();
	const bytesAt = (at: number) => [at, at + 1, at + 2, at + 3];
	let applied = 0;
	let left = 0;
	const store = (address: Value, value: Value, offset: number) => {
		if (!('known' in address)) {
			throw new WasmFormatError(`${APPLY_RELOCS} stores to an address computed at run time`);
		}
		const at = (address.known >>> 0) + offset;
		const seg = segments.findIndex((s) => at >= s.address && at + 4 <= s.address + (s.end - s.data));
		if ('known' in value && seg >= 0 && !bytesAt(at).some((b) => leftAt.has(b))) {
			new DataView(data[seg].buffer).setInt32(at - segments[seg].address, value.known, true);
			applied++;
			return;
		}
		for (const b of bytesAt(at)) leftAt.add(b);
		residual.push(...codeOf(address), ...codeOf(value), op.i32Store, 2, ...encodeUleb(offset));
		left++;
	};

	const r = { at: body.start };
	const u32 = () => {
		const [v, next] = uleb(bytes, r.at);
		r.at = next;
		return v;
	};
	const locals: Value[] = [];
	for (let n = u32(); n > 0; n--) {
		const count = u32();
		if (bytes[r.at++] !== 0x7f) throw new WasmFormatError(`${APPLY_RELOCS} has a local that is not an i32`);
		for (let i = 0; i < count; i++) locals.push({ known: 0 });
	}
	const stack: Value[] = [];
	const pop = (): Value => {
		const v = stack.pop();
		if (!v) throw new WasmFormatError(`${APPLY_RELOCS} pops an empty stack`);
		return v;
	};
	const local = (i: number) => {
		if (i >= locals.length) throw new WasmFormatError(`${APPLY_RELOCS} names local ${i}, which it lacks`);
		return i;
	};
	const arith = (o: number) => {
		const b = pop();
		const a = pop();
		if ('known' in a && 'known' in b)
			stack.push({ known: o === op.i32Add ? (a.known + b.known) | 0 : (a.known - b.known) | 0 });
		else stack.push({ code: [...codeOf(a), ...codeOf(b), o] });
	};
	for (;;) {
		if (r.at >= body.end) throw new WasmFormatError(`${APPLY_RELOCS} does not end`);
		const o = bytes[r.at++];
		if (o === op.end) break;
		switch (o) {
			case op.globalGet: {
				const g = u32();
				if (g === memGlobal) stack.push({ known: bases.memory });
				else if (g === tableGlobal) stack.push({ known: bases.table });
				else stack.push({ code: [op.globalGet, ...encodeUleb(g)] });
				break;
			}
			case op.i32Const: {
				const [v, next] = sleb32(bytes, r.at);
				r.at = next;
				stack.push({ known: v });
				break;
			}
			case op.i32Add:
			case op.i32Sub:
				arith(o);
				break;
			case op.localGet:
				stack.push(locals[local(u32())]);
				break;
			case op.localSet:
				locals[local(u32())] = pop();
				break;
			case op.localTee: {
				const v = pop();
				locals[local(u32())] = v;
				stack.push(v);
				break;
			}
			case op.i32Store: {
				u32(); // alignment: the new store says 2, the natural one, which is only a hint
				const offset = u32();
				const value = pop();
				store(pop(), value, offset);
				break;
			}
			default:
				throw new WasmFormatError(
					`${APPLY_RELOCS} uses opcode 0x${o.toString(16)}, which this patch does not evaluate`
				);
		}
	}
	if (r.at !== body.end || stack.length)
		throw new WasmFormatError(`${APPLY_RELOCS} does not end where its body does`);

	const guard = [
		...[op.globalGet, ...encodeUleb(memGlobal), op.i32Const, ...encodeSleb(bases.memory), op.i32Ne],
		...[op.globalGet, ...encodeUleb(tableGlobal), op.i32Const, ...encodeSleb(bases.table), op.i32Ne],
		...[op.i32Or, op.if, op.void, op.unreachable, op.end]
	];
	const newBody = [0, ...guard, ...residual, op.end];

	const parts: Uint8Array[] = [bytes.subarray(0, 8)];
	for (const s of all) {
		if (s === code) parts.push(rebuildCode(bytes, code, bodies, fn - imports.functions, newBody));
		else if (s === dataSection) parts.push(rebuildData(bytes, dataSection, segments, data));
		else parts.push(bytes.subarray(s.start, s.end));
	}
	parts.push(markerSection(RELOCS_MARKER));
	return {
		wasm: concatBytes(parts),
		applied,
		left,
		bytesBefore: body.end - body.start,
		bytesAfter: newBody.length
	};
}

function need(all: Section[], id: number): Section {
	const s = all.find((x) => x.id === id);
	if (!s) throw new WasmFormatError(`the module has no section ${id}`);
	return s;
}

/** A signed 32-bit LEB128 number. */
function sleb32(bytes: Uint8Array, at: number): [value: number, next: number] {
	let value = 0;
	let shift = 0;
	for (let p = at; p < at + 5; p++) {
		const b = bytes[p];
		value |= (b & 0x7f) << shift;
		shift += 7;
		if ((b & 0x80) === 0) {
			if (shift < 32 && b & 0x40) value |= -1 << shift;
			return [value | 0, p + 1];
		}
	}
	throw new WasmFormatError(`bad signed LEB128 number at byte ${at}`);
}

/** Imported functions' count and imported globals' names (`module.field`), in index order. */
function readImports(bytes: Uint8Array, s: Section): { functions: number; globals: string[] } {
	const out = { functions: 0, globals: [] as string[] };
	const decoder = new TextDecoder();
	let [n, p] = uleb(bytes, s.body);
	const name = () => {
		const [len, q] = uleb(bytes, p);
		p = q + len;
		return decoder.decode(bytes.subarray(q, q + len));
	};
	for (; n > 0; n--) {
		const full = `${name()}.${name()}`;
		const kind = bytes[p++];
		if (kind === 0) out.functions++;
		if (kind === 3) out.globals.push(full);
		p = skipImportDescription(bytes, kind, p);
	}
	return out;
}

/**
 * The data section's segments, each active in memory 0 at `global.get __memory_base` (what an Emscripten
 * MAIN_MODULE writes), or at a constant address.
 */
function activeSegments(bytes: Uint8Array, s: Section, memGlobal: number, memoryBase: number): Segment[] {
	let [n, p] = uleb(bytes, s.body);
	const out: Segment[] = [];
	for (; n > 0; n--) {
		const entry = p;
		if (bytes[p++] !== 0) throw new WasmFormatError('a data segment is not active in memory 0');
		let address: number;
		if (bytes[p] === op.globalGet && bytes[p + 2] === op.end && bytes[p + 1] === memGlobal) {
			address = memoryBase;
			p += 3;
		} else if (bytes[p] === op.i32Const) {
			const [v, q] = sleb32(bytes, p + 1);
			if (bytes[q] !== op.end)
				throw new WasmFormatError('a data segment has an offset this patch cannot read');
			address = v >>> 0;
			p = q + 1;
		} else throw new WasmFormatError('a data segment has an offset this patch cannot read');
		const [size, q] = uleb(bytes, p);
		out.push({ entry, data: q, end: q + size, address });
		p = q + size;
	}
	if (p !== s.end) throw new WasmFormatError('the data section has trailing bytes');
	return out;
}

function rebuildCode(
	bytes: Uint8Array,
	s: Section,
	bodies: FunctionBody[],
	index: number,
	body: number[]
): Uint8Array {
	const head = Uint8Array.from(encodeUleb(bodies.length));
	const before = bytes.subarray(bodies[0].entry, bodies[index].entry);
	const replaced = Uint8Array.from([...encodeUleb(body.length), ...body]);
	const after = bytes.subarray(bodies[index].end, s.end);
	const size = head.length + before.length + replaced.length + after.length;
	return concatBytes([Uint8Array.from([SECTION.code, ...encodeUleb(size)]), head, before, replaced, after]);
}

function rebuildData(bytes: Uint8Array, s: Section, segments: Segment[], data: Uint8Array[]): Uint8Array {
	const parts: Uint8Array[] = [Uint8Array.from(encodeUleb(segments.length))];
	segments.forEach((seg, i) => parts.push(bytes.subarray(seg.entry, seg.data), data[i]));
	const body = concatBytes(parts);
	return concatBytes([Uint8Array.from([SECTION.data, ...encodeUleb(body.length)]), body]);
}
