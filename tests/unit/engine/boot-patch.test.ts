import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script, createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
	BOOT_PATCHES,
	BOOT_PATCH_MARKER,
	BOOT_PRELUDE,
	BootPatchError,
	WORKER_FILE,
	applyBootPatch
} from '../../../scripts/lib/duckdb-boot-patch';
import {
	WASM_FAILED_MESSAGE,
	WASM_FULL_MESSAGE,
	WASM_FULL_NOW_MESSAGE,
	WASM_PORT_MESSAGE
} from '../../../src/lib/engine/wasmCompile';

const installed = (): string =>
	readFileSync(createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${WORKER_FILE}`), 'utf8');

/** A stand-in worker holding each patch's text once, among other code. */
const synthetic = (): string => BOOT_PATCHES.map((p, i) => `var a${i}=1;${p.from};`).join('\n');

describe('applyBootPatch', () => {
	it('replaces every patched text and marks the worker', () => {
		const { source, changed } = applyBootPatch(synthetic());
		expect(changed).toBe(true);
		expect(source.startsWith(`${BOOT_PATCH_MARKER}\n`)).toBe(true);
		for (const p of BOOT_PATCHES) expect(source).toContain(p.to);
		for (let i = 0; i < BOOT_PATCHES.length; i++) expect(source).toContain(`var a${i}=1;`);
	});

	it('leaves a patched worker as it is', () => {
		const once = applyBootPatch(synthetic()).source;
		expect(applyBootPatch(once)).toEqual({ source: once, changed: false });
	});

	it('names the patch whose text is missing, and changes nothing', () => {
		const worker = synthetic().replace(BOOT_PATCHES[3].from, 'mergeLibSymbols=()=>{}');
		expect(() => applyBootPatch(worker)).toThrow(BootPatchError);
		expect(() => applyBootPatch(worker)).toThrow(`"${BOOT_PATCHES[3].name}" (its text is found nowhere)`);
	});

	it('refuses a worker patched by an earlier version, asking for a reinstall', () => {
		const old = `/* ai-art-discourse-explorer boot patch 1 (scripts/lib/duckdb-boot-patch.ts) */\n${synthetic()}`;
		expect(() => applyBootPatch(old)).toThrow('Run `npm ci`');
	});

	it('refuses a text found twice', () => {
		const worker = `${synthetic()}\n${BOOT_PATCHES[5].from}`;
		expect(() => applyBootPatch(worker)).toThrow('more than once');
	});
});

describe('the prelude: the worker takes its compiled wasm from the port the page gives it', () => {
	const WASM = 'http://localhost:4173/_app/immutable/assets/duckdb-eh.abc.wasm';
	/** The smallest valid module: what arrives on the port is a real WebAssembly.Module. */
	const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

	/**
	 * Runs the prelude in a worker-like context (`self` an EventTarget, DuckDB's own message handler registered
	 * after it, as the worker's script does), with stand-ins for fetch and instantiation.
	 */
	function run() {
		const fetched: string[] = [];
		const duckdbGot: unknown[] = [];
		const self = new EventTarget();
		const context = createContext({
			self,
			Response,
			fetch: (r: { url: string }) => {
				fetched.push(r.url);
				return Promise.resolve(new Response(`body ${fetched.length}`));
			},
			WebAssembly: {
				Module: WebAssembly.Module,
				instantiate: (m: WebAssembly.Module) =>
					Promise.resolve(`instance of a module of ${WebAssembly.Module.exports(m).length} exports`),
				instantiateStreaming: async (a: Promise<Response>) => {
					const text = await (await a).text();
					return { instance: `streamed ${text}`, module: null };
				}
			}
		});
		runInContext(BOOT_PRELUDE, context);
		self.addEventListener('message', (e) => duckdbGot.push((e as MessageEvent).data));
		const send = (data: unknown) => self.dispatchEvent(Object.assign(new Event('message'), { data }));
		const c = context as unknown as {
			__aiadWasmFetch(r: { url: string }): Promise<Response>;
			__aiadInstantiate(a: Promise<Response>, imports: object): Promise<{ instance: string }>;
		};
		/** What DuckDB's patched instantiateWasm does: fetch, then at once instantiate with the response to come. */
		const instantiate = async (url: string) => {
			const a = c.__aiadWasmFetch({ url });
			const { instance } = await c.__aiadInstantiate(a, {});
			return { instance, response: await a };
		};
		const fullUrl = () => (context as unknown as { __aiadFullUrl: string | null }).__aiadFullUrl;
		return { fetched, duckdbGot, send, instantiate, fullUrl };
	}

	it('without a port, downloads and streams the wasm as the worker always did', async () => {
		const { fetched, instantiate } = run();
		expect((await instantiate(WASM)).instance).toBe('streamed body 1');
		expect(fetched).toEqual([WASM]);
	});

	it('instantiates the module that arrives on the port, downloading nothing; the port is used once', async () => {
		const { fetched, duckdbGot, send, instantiate } = run();
		const { port1, port2 } = new MessageChannel();
		send({ [WASM_PORT_MESSAGE]: port2 });
		const first = instantiate(WASM);
		port1.postMessage(new WebAssembly.Module(EMPTY_MODULE));
		const { instance, response } = await first;
		expect(instance).toBe('instance of a module of 0 exports');
		expect(await response.arrayBuffer()).toHaveProperty('byteLength', 0);
		expect(fetched).toEqual([]);
		// The port's message is the prelude's alone: DuckDB's handler never sees it.
		expect(duckdbGot).toEqual([]);
		// A second instantiation in the same worker has no module waiting: it downloads.
		expect((await instantiate(WASM)).instance).toBe('streamed body 1');
		port1.close();
	});

	it('when the compile worker sends an error instead, downloads and streams the wasm itself', async () => {
		const { fetched, send, instantiate } = run();
		const { port1, port2 } = new MessageChannel();
		send({ [WASM_PORT_MESSAGE]: port2 });
		const done = instantiate(WASM);
		port1.postMessage({ error: 'Could not download the query engine (HTTP 503).' });
		expect((await done).instance).toBe('streamed body 1');
		expect(fetched).toEqual([WASM]);
		port1.close();
	});

	it('when the page says the compile worker did not start, downloads and streams the wasm itself', async () => {
		const { fetched, duckdbGot, send, instantiate } = run();
		const { port1, port2 } = new MessageChannel();
		send({ [WASM_PORT_MESSAGE]: port2 });
		send({ [WASM_FAILED_MESSAGE]: 'compile worker: script failed' });
		expect((await instantiate(WASM)).instance).toBe('streamed body 1');
		expect(fetched).toEqual([WASM]);
		expect(duckdbGot).toEqual([]);
		port1.close();
	});

	it('takes the split wasm’s messages under the names the page sends them (wasmCompile.ts)', async () => {
		const { fetched, duckdbGot, send, fullUrl } = run();
		send({ [WASM_FULL_MESSAGE]: 'http://localhost/full.wasm' });
		expect(fullUrl()).toBe('http://localhost/full.wasm');
		// Before the instance is set up there is nothing to fill: the request downloads nothing.
		send({ [WASM_FULL_NOW_MESSAGE]: true });
		await Promise.resolve();
		expect(fetched).toEqual([]);
		expect(duckdbGot).toEqual([]);
	});

	it('passes every other message to DuckDB’s handler untouched', () => {
		const { duckdbGot, send } = run();
		const message = { type: 'INSTANTIATE', requestId: 1, data: [WASM] };
		send(message);
		send('text');
		send(null);
		expect(duckdbGot).toEqual([message, 'text', null]);
	});
});

describe('the installed DuckDB-wasm worker (what the build ships)', () => {
	it('carries the boot patch and still compiles', () => {
		const source = installed();
		expect(source.startsWith(BOOT_PATCH_MARKER)).toBe(true);
		for (const p of BOOT_PATCHES) expect(source).toContain(p.to);
		expect(() => new Script(source)).not.toThrow();
		// The prelude comes after the directive: the worker still runs in strict mode.
		expect(source.split('\n')[1].startsWith(`"use strict";${BOOT_PRELUDE}`)).toBe(true);
	});

	/** The worker's own patched GOT functions, run over a stand-in GOT and function table. */
	function loader() {
		const source = installed();
		const slice = (start: string, end: string) => {
			const at = source.indexOf(start);
			return source.slice(at, source.indexOf(end, at));
		};
		const context = createContext({
			WebAssembly,
			table: [] as unknown[],
			GOT: {} as Record<string, WebAssembly.Global>
		});
		runInContext(
			`var isInternalSym=e=>e==="__wasm_call_ctors",err=e=>{throw new Error(e)},` +
				`addFunction=f=>table.push(f),` +
				`${slice('updateGOT=', ',relocateExports=')},${slice('relocateExports=', ',isSymbolDefined=')};`,
			context
		);
		return context as unknown as {
			relocateExports: (
				e: object,
				base: number,
				replace?: boolean,
				main?: boolean
			) => Record<string, unknown>;
			GOT: Record<string, WebAssembly.Global>;
			table: unknown[];
		};
	}
	const exports = () => ({
		imported: () => 1,
		other: () => 2,
		orig$wide: () => 3,
		data: new WebAssembly.Global({ value: 'i32' }, 8),
		__wasm_call_ctors: () => 0
	});

	it('fills the main module’s imported GOT entries and data symbols, and gives no slot to other functions', () => {
		const l = loader();
		l.GOT.imported = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
		l.GOT.wide = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
		const out = l.relocateExports(exports(), 1024, false, true);
		expect(out.data).toBe(1032);
		expect(l.GOT.imported.value).toBeGreaterThan(0);
		expect(l.GOT.wide.value).toBe(l.table.indexOf(out.orig$wide) + 1);
		expect(l.GOT.data.value).toBe(1032);
		expect(l.GOT.other).toBeUndefined();
		expect(l.table).not.toContain(out.other);
	});

	it('still gives a side module’s functions a slot each, as before the patch', () => {
		const l = loader();
		const out = l.relocateExports(exports(), 4096);
		expect(l.GOT.other.value).toBe(l.table.indexOf(out.other) + 1);
		expect(l.GOT.imported.value).toBe(l.table.indexOf(out.imported) + 1);
		expect(l.GOT.data.value).toBe(4104);
		expect(l.GOT.__wasm_call_ctors).toBeUndefined();
	});
});

describe('the installed worker fills its imported GOT function slots from one wasm module', () => {
	const ORIGINAL = BOOT_PATCHES.find(
		(p) => p.name === 'the imported GOT function slots are filled from one module'
	)!;
	const slot = () => new WebAssembly.Global({ value: 'i32', mutable: true }, 0);

	/**
	 * The worker's table functions (addFunction and what it uses) and its GOT filling, patched or as shipped,
	 * over a stand-in GOT and symbol set. `WebAssembly.Module` is counted; `failInstances` makes that many
	 * instantiations throw first.
	 */
	function loader(patched: boolean, symbols: Record<string, unknown>, failInstances = 0) {
		const source = installed();
		const slice = (start: string, end: string) => {
			const at = source.indexOf(start);
			return source.slice(at, source.indexOf(end, at));
		};
		const counts = { modules: 0, failInstances };
		class CountedModule extends WebAssembly.Module {
			constructor(bytes: BufferSource) {
				super(bytes);
				counts.modules++;
			}
		}
		class FailingInstance extends WebAssembly.Instance {
			constructor(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
				if (counts.failInstances > 0) {
					counts.failInstances--;
					throw new WebAssembly.LinkError('refused by the test');
				}
				super(module, imports);
			}
		}
		const context = createContext({
			WebAssembly: Object.assign(Object.create(WebAssembly) as object, {
				Module: CountedModule,
				Instance: FailingInstance
			}),
			// The table throws this realm's TypeError, which the loader's `instanceof TypeError` must recognise.
			TypeError,
			GOT: {} as Record<string, WebAssembly.Global>,
			symbols,
			resolveGlobalSymbol: (name: string) => ({ sym: symbols[name] })
		});
		const filling = patched ? slice('var __aiadAddJsFunctions', ',loadDylibs=') : ORIGINAL.from;
		runInContext(`var ${slice('uleb128Encode=', ',updateGOT=')};${filling}`, context);
		return Object.assign(context, { counts }) as unknown as {
			GOT: Record<string, WebAssembly.Global>;
			wasmTable: WebAssembly.Table;
			reportUndefinedSymbols(): void;
			addFunction(f: unknown, sig: string): number;
			counts: typeof counts;
		};
	}

	/** JS functions with Emscripten signatures, one of them under two names, plus a data symbol. */
	function symbols() {
		const calls: unknown[][] = [];
		const add = Object.assign((a: number, b: number) => (calls.push([a, b]), a + b), { sig: 'iii' });
		const wide = Object.assign((a: bigint) => (calls.push([a]), a * 2n), { sig: 'jj' });
		const note = Object.assign((p: number) => void calls.push([p]), { sig: 'vp' });
		return { calls, table: { add, add_alias: add, wide, note, data: 4096 } };
	}
	function fill(l: ReturnType<typeof loader>) {
		for (const name of ['add', 'add_alias', 'wide', 'note', 'data', 'absent']) l.GOT[name] = slot();
		const base = l.wasmTable.length;
		l.reportUndefinedSymbols();
		const at = (name: string) => l.GOT[name].value as number;
		const fn = (name: string) => l.wasmTable.get(at(name)) as (...a: unknown[]) => unknown;
		return { base, at, fn };
	}

	it('puts every function in the table through one module, as the loader did through one each', () => {
		const mine = symbols();
		const patched = loader(true, mine.table);
		const p = fill(patched);
		expect(patched.counts.modules).toBe(1);
		// Three distinct functions, one table entry each; the alias shares its function's entry.
		expect(patched.wasmTable.length).toBe(p.base + 3);
		expect(p.at('add_alias')).toBe(p.at('add'));
		expect(p.at('data')).toBe(4096);
		expect(p.at('absent')).toBe(0);
		// The entries call the functions with their wasm types: i32 results truncate, i64 arrives as BigInt.
		expect(p.fn('add')(2, 3)).toBe(5);
		expect(p.fn('add')(2 ** 31, 0)).toBe(-(2 ** 31));
		expect(p.fn('wide')(21n)).toBe(42n);
		expect(p.fn('note')(7)).toBeUndefined();
		expect(mine.calls).toEqual([[2, 3], [-(2 ** 31), 0], [21n], [7]]);

		// The shipped loader gives the same slots the same entries, relative to where the table ended.
		const theirs = symbols();
		const original = loader(false, theirs.table);
		const o = fill(original);
		expect(original.counts.modules).toBe(3);
		for (const name of ['add', 'add_alias', 'wide', 'note'])
			expect(o.at(name) - o.base).toBe(p.at(name) - p.base);
		expect(o.at('data')).toBe(4096);
		expect(o.fn('wide')(21n)).toBe(42n);
	});

	it('fills the slots one by one, as before, when that module cannot be made', () => {
		const mine = symbols();
		const l = loader(true, mine.table, 1);
		const p = fill(l);
		expect(l.counts.modules).toBe(4);
		expect(p.at('add_alias')).toBe(p.at('add'));
		expect(p.fn('add')(2, 3)).toBe(5);
		expect(p.fn('wide')(4n)).toBe(8n);
	});

	it('leaves batching to the boot: once addFunction has run, it is used for every slot', () => {
		const l = loader(true, symbols().table);
		l.addFunction(
			Object.assign(() => 0, { sig: 'i' }),
			'i'
		);
		const p = fill(l);
		expect(l.counts.modules).toBe(4);
		expect(p.fn('add')(1, 1)).toBe(2);
	});
});
