/**
 * Trims the export section of DuckDB-wasm 1.32.0's `duckdb-eh.wasm` to what its worker uses. The module is an
 * Emscripten MAIN_MODULE (so it can load extensions), and such a build exports every symbol it defines: 65,167
 * functions and 9,844 data addresses, 7.4 MB of mangled C++ names. A browser decodes all of them, builds an
 * export object of 75,011 properties at instantiation, and the loader walks it several times. Measured here:
 * V8 instantiates the trimmed module in about 25 ms instead of 150 ms, compiles it about 40 ms sooner, and the
 * wasm shrinks from 34.2 to 26.8 MB decoded (5.9 to 5.2 MB over brotli). In Chromium the engine was ready
 * 250–350 ms sooner.
 *
 * What stays exported: every name the worker's JavaScript mentions anywhere (as `wasmExports.x`, `Module._x`,
 * or in a string handed to `ccall`), any symbol one of the module's own GOT imports names (its loader would
 * fill that slot from the exports; 1.32.0's 268 all name JS functions), the `dynCall_` trampolines and the
 * `__`-prefixed runtime symbols. Only the exports
 * a side module (a loadable extension) could link against are gone, and extensions are locked off
 * (src/lib/queries/lockdown.ts). Code, data and the function table are untouched: this rewrites one section.
 */

/** Custom section that marks a trimmed module, so the install step runs once. */
export const TRIM_MARKER = 'ai-art-discourse-explorer.exports-trimmed';

const EXPORT_SECTION = 7;
const IMPORT_SECTION = 2;
const CUSTOM_SECTION = 0;
const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export class WasmFormatError extends Error {}

/** Section ids of a wasm 1.0 module, with the proposals this module uses. */
export const SECTION = {
	custom: 0,
	type: 1,
	import: 2,
	function: 3,
	table: 4,
	memory: 5,
	global: 6,
	export: 7,
	start: 8,
	element: 9,
	code: 10,
	data: 11,
	dataCount: 12,
	tag: 13
} as const;

export interface Section {
	id: number;
	/** Offsets into the module: the section's first byte (its id), its body, and the byte after it. */
	start: number;
	body: number;
	end: number;
}

export interface WasmExport {
	name: string;
	/** 0 function, 1 table, 2 memory, 3 global, 4 tag. */
	kind: number;
	/** The function, table, memory, global or tag it exports. */
	index: number;
	/** The entry's encoded bytes, copied as they are into a trimmed section. */
	raw: Uint8Array;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function uleb(bytes: Uint8Array, at: number): [value: number, next: number] {
	let value = 0;
	let scale = 1;
	for (let p = at; p < bytes.length && p < at + 5; p++) {
		value += (bytes[p] & 0x7f) * scale;
		scale *= 128;
		if ((bytes[p] & 0x80) === 0) return [value, p + 1];
	}
	throw new WasmFormatError(`bad LEB128 number at byte ${at}`);
}

export function encodeUleb(n: number): number[] {
	const out: number[] = [];
	do {
		let byte = n % 128;
		n = Math.floor(n / 128);
		if (n > 0) byte |= 0x80;
		out.push(byte);
	} while (n > 0);
	return out;
}

function readName(bytes: Uint8Array, at: number): [name: string, next: number] {
	const [length, p] = uleb(bytes, at);
	if (p + length > bytes.length) throw new WasmFormatError(`name runs past the end at byte ${at}`);
	return [decoder.decode(bytes.subarray(p, p + length)), p + length];
}

/** The module's top-level sections, in order; throws on anything that is not a wasm 1.0 binary. */
export function sections(bytes: Uint8Array): Section[] {
	if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
		throw new WasmFormatError('not a WebAssembly 1.0 module');
	}
	const out: Section[] = [];
	for (let p = 8; p < bytes.length;) {
		const [size, body] = uleb(bytes, p + 1);
		if (body + size > bytes.length) throw new WasmFormatError(`section ${bytes[p]} runs past the end`);
		out.push({ id: bytes[p], start: p, body, end: body + size });
		p = body + size;
	}
	return out;
}

/** Names of the module's custom sections. */
export function customSectionNames(bytes: Uint8Array): string[] {
	return sections(bytes)
		.filter((s) => s.id === CUSTOM_SECTION)
		.map((s) => readName(bytes, s.body)[0]);
}

export function readExports(bytes: Uint8Array): WasmExport[] {
	const section = sections(bytes).find((s) => s.id === EXPORT_SECTION);
	if (!section) return [];
	let [count, p] = uleb(bytes, section.body);
	const out: WasmExport[] = [];
	while (count-- > 0) {
		const start = p;
		const [name, q] = readName(bytes, p);
		const kind = bytes[q];
		const [index, next] = uleb(bytes, q + 1);
		p = next;
		out.push({ name, kind, index, raw: bytes.subarray(start, p) });
	}
	if (p !== section.end) throw new WasmFormatError('the export section has trailing bytes');
	return out;
}

/** Names the module imports from the given import modules (e.g. `GOT.func`, `GOT.mem`). */
export function importNames(bytes: Uint8Array, fromModules: readonly string[]): Set<string> {
	const section = sections(bytes).find((s) => s.id === IMPORT_SECTION);
	const out = new Set<string>();
	if (!section) return out;
	let [count, p] = uleb(bytes, section.body);
	while (count-- > 0) {
		const [module, q] = readName(bytes, p);
		const [name, r] = readName(bytes, q);
		const kind = bytes[r];
		p = skipImportDescription(bytes, kind, r + 1);
		if (fromModules.includes(module)) out.add(name);
	}
	return out;
}

/** The offset just past an import entry's description of the given kind. */
/** A table's or memory's limits at `at`: its flags, minimum and maximum (when flag 1 says there is one). */
export function readLimits(
	bytes: Uint8Array,
	at: number
): [limits: { flags: number; initial: number; maximum?: number }, next: number] {
	const flags = bytes[at];
	const [initial, p] = uleb(bytes, at + 1);
	if (!(flags & 1)) return [{ flags, initial }, p];
	const [maximum, q] = uleb(bytes, p);
	return [{ flags, initial, maximum }, q];
}

export function skipImportDescription(bytes: Uint8Array, kind: number, at: number): number {
	const limits = (p: number) => readLimits(bytes, p)[1];
	switch (kind) {
		case 0: // function: type index
			return uleb(bytes, at)[1];
		case 1: // table: element type, limits
			return limits(at + 1);
		case 2: // memory: limits
			return limits(at);
		case 3: // global: value type, mutability
			return at + 2;
		case 4: // tag: attribute, type index
			return uleb(bytes, at + 1)[1];
		default:
			throw new WasmFormatError(`unknown import kind ${kind} at byte ${at}`);
	}
}

/** A function body in the code section: where its entry (its size) starts, where its bytes start, and the end. */
export interface FunctionBody {
	entry: number;
	start: number;
	end: number;
}

/** The code section's function bodies, in order. */
export function readBodies(bytes: Uint8Array, s: Section): FunctionBody[] {
	let [n, p] = uleb(bytes, s.body);
	const out: FunctionBody[] = [];
	for (; n > 0; n--) {
		const [size, start] = uleb(bytes, p);
		out.push({ entry: p, start, end: start + size });
		p = start + size;
	}
	if (p !== s.end) throw new WasmFormatError('the code section has trailing bytes');
	return out;
}

/**
 * A copy of the module whose export section keeps only the exports `keep` accepts, followed by a custom
 * section named `marker`. Every other section is copied byte for byte.
 */
export function withExports(
	bytes: Uint8Array,
	keep: (e: WasmExport) => boolean,
	marker: string
): Uint8Array<ArrayBuffer> {
	const kept = readExports(bytes).filter(keep);
	const body = [encodeUleb(kept.length), ...kept.map((e) => [...e.raw])].flat();
	const parts: Uint8Array[] = [bytes.subarray(0, 8)];
	for (const s of sections(bytes)) {
		parts.push(
			s.id === EXPORT_SECTION
				? Uint8Array.from([EXPORT_SECTION, ...encodeUleb(body.length), ...body])
				: bytes.subarray(s.start, s.end)
		);
	}
	parts.push(markerSection(marker));
	return concatBytes(parts);
}

/** An empty custom section named `name`: how a rewrite marks the module it wrote. */
export function markerSection(name: string): Uint8Array {
	const encoded = new TextEncoder().encode(name);
	const body = [...encodeUleb(encoded.length), ...encoded];
	return Uint8Array.from([CUSTOM_SECTION, ...encodeUleb(body.length), ...body]);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Which exports the worker can reach (see the top of this file). */
export function exportsTheWorkerUses(
	workerSource: string,
	gotImports: ReadonlySet<string>
): (e: WasmExport) => boolean {
	const mentioned = new Set(workerSource.match(/[A-Za-z_$][\w$]*/g));
	return ({ name }) =>
		mentioned.has(name) ||
		mentioned.has(`_${name}`) ||
		gotImports.has(name) ||
		name.startsWith('dynCall_') ||
		name.startsWith('__');
}

/**
 * The module trimmed to the exports its worker uses, or null when it already is. Throws a WasmFormatError
 * when the module cannot be read.
 */
export function trimExports(wasm: Uint8Array, workerSource: string): Uint8Array<ArrayBuffer> | null {
	if (customSectionNames(wasm).includes(TRIM_MARKER)) return null;
	const got = importNames(wasm, ['GOT.func', 'GOT.mem']);
	return withExports(wasm, exportsTheWorkerUses(workerSource, got), TRIM_MARKER);
}
