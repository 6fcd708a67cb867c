/**
 * Exact-text patches to DuckDB-wasm 1.32.0's browser worker (`duckdb-browser-eh.worker.js`) that cut the engine's
 * boot by about 400 ms on a 2-core machine without changing what it does for us. Measured with Chromium traces:
 *
 * - Its Emscripten loader is a MAIN_MODULE build (for loadable extensions). Right after instantiation it gives
 *   every one of its 65,167 exported functions a GOT slot and a function-table entry (`updateGOT` →
 *   `addFunction`, one `table.grow(1)` each), although the module itself reads only the 268 GOT entries it
 *   imports. Those entries are still filled; a slot for any other symbol is created on demand by the loader's
 *   own GOT proxy and resolved by `reportUndefinedSymbols` when a side module loads, which ours never do
 *   (extensions are locked off, src/lib/queries/lockdown.ts).
 * - Three more walks of all 75,011 exports built throwaway arrays and closures (`Object.entries`, a closure
 *   per symbol, `Object.assign` of the whole export object): the same loops, written without them.
 * - It counted download progress by piping the wasm through a JS TransformStream, so the 34 MB were fed to the
 *   streaming compiler from JS on the worker's thread (about 150–300 ms of its time) and V8 lost the response's
 *   URL (no code cache on later visits). The compiler now gets the response itself; progress is counted on a
 *   clone of it. The total is left unknown (0) when the response is content-encoded, since the length header
 *   then counts compressed bytes while progress counts decoded ones; the engine falls back to the known size.
 * - It requested its wasm only once it had loaded and parsed its own 775 KB script and the page had sent the
 *   instantiate message, which waits for the page's main thread. The wasm now downloads and compiles from the
 *   moment the boot starts, in a small worker of the engine's own (src/lib/engine/wasmCompileJob.ts), which
 *   posts the compiled module on a MessagePort. The page hands that port to this worker as its first message;
 *   the worker's first statement (BOOT_PRELUDE) takes it, and instantiation uses the module that arrives on it.
 *   If none comes (the compile worker failed), instantiation downloads and streams the wasm as before.
 * - After instantiation it fills the module's 268 imported GOT function slots (`reportUndefinedSymbols`), all
 *   naming JS functions. Each went through `addFunction`: the first call walked the whole 24,698-entry function
 *   table to build its reverse map (a JS wrapper for every wasm function in it), and each JS function was then
 *   given a one-function wasm module of its own, compiled and instantiated synchronously, and a `table.grow(1)`.
 *   They now share one module, with one import and export per function, and one `table.grow` (ADD_JS_FUNCTIONS);
 *   the slots get the same functions, in table entries of their own. If that module cannot be made, the slots
 *   are filled one by one as before.
 *
 * Each patch must match exactly once, or the patch fails with a message saying which one: a DuckDB upgrade
 * then has to re-check them rather than silently ship an unpatched (slower) or half-patched worker.
 */

export const DUCKDB_VERSION = '1.32.0';
export const WORKER_FILE = 'duckdb-browser-eh.worker.js';
/** The module that worker loads; its exports are trimmed by scripts/lib/wasm-exports.ts. */
export const WASM_FILE = 'duckdb-eh.wasm';
/** First line of a patched worker: the patch is applied once, and tests look for it. */
export const BOOT_PATCH_MARKER =
	'/* ai-art-discourse-explorer boot patch 6 (scripts/lib/duckdb-boot-patch.ts) */';
/** How a worker patched by an earlier version of this file starts: its text no longer matches the patches. */
const ANY_MARKER = '/* ai-art-discourse-explorer boot patch ';

/**
 * The worker's half of the split wasm (scripts/lib/wasm-split.ts). `__aiadSplitSetup` runs on the instance
 * before the loader sees it: when it is a primary, it grows the function table by the trampolines' slots and
 * one for the loader, wraps `__aiadLoadFull` as a wasm function for that slot (a one-import module that exports
 * its import again) and tells the primary where both are. `__aiadLoadFull(slot)` is what a trampoline calls, at
 * most once, with its slot: it instantiates the full module on the primary's imports, fills the slots and tells
 * the page (`{ __aiadFullLoaded: { slot, ms } }`, slot -1 when it came from the background). It uses the module
 * compiled in the background when there is one; else it downloads the full wasm with a synchronous request
 * (allowed in a worker) and compiles it there, so a query that needs a function the profile did not list
 * waits for it rather than failing. If that fails, the call throws and the page hears why (`error`): the throw
 * unwinds C++ frames without their clean-up, so the page must restart the engine. `{ __aiadWasmFull: url }` says where the full module is; `{
 * __aiadWasmFullNow }` starts its background download and installs it between two messages, when no wasm runs.
 */
export const SPLIT_PRELUDE = [
	'function __aiadSplitSetup(n,i){var x=n.exports,c=x.__aiad_slot_count;if(!(c instanceof WebAssembly.Global))return;',
	'var t=i.env.__indirect_function_table,b=t.grow(c.value+1),',
	'w=new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,1,5,1,96,1,127,0,2,7,1,1,97,1,102,0,0,7,5,1,1,102,0,0])),{a:{f:__aiadLoadFull}});',
	't.set(b+c.value,w.exports.f);x.__aiad_slot_base.value=b;x.__aiad_loader_slot.value=b+c.value;__aiadSplit={x:x,i:i,b:b}}',
	'function __aiadLoadFull(k){var s=__aiadSplit,m=__aiadFullModule,t=performance.now();if(!s||s.x.__aiad_loaded.value)return;',
	'try{if(!m){if(!__aiadFullUrl)throw new Error("The query engine needs its full module, and no address was given for it.");',
	'var q=new XMLHttpRequest;q.open("GET",__aiadFullUrl,!1);q.responseType="arraybuffer";q.send();',
	'if(q.status!==200)throw new Error("The rest of the query engine could not be downloaded (HTTP "+q.status+").");',
	'm=new WebAssembly.Module(q.response)}',
	'new WebAssembly.Instance(m,s.i).exports.__aiad_fill(s.b)}',
	'catch(e){self.postMessage({__aiadFullLoaded:{slot:k===void 0?-1:k,ms:performance.now()-t,error:String(e&&e.message||e)}});throw e}',
	's.x.__aiad_loaded.value=1;__aiadFullModule=null;',
	'self.postMessage({__aiadFullLoaded:{slot:k===void 0?-1:k,ms:performance.now()-t}})}',
	'function __aiadFetchFull(){var s=__aiadSplit;if(!s||s.x.__aiad_loaded.value||!__aiadFullUrl||__aiadFetching)return;__aiadFetching=!0;',
	'WebAssembly.compileStreaming(fetch(__aiadFullUrl,{credentials:"same-origin"})).then(function(m){__aiadFullModule=m;__aiadLoadFull(void 0)},',
	'function(){__aiadFetching=!1})}'
].join('');

/**
 * Runs first in the worker (right after its "use strict"), before DuckDB's script sets its own message handler,
 * so this listener sees each message first. `{ __aiadWasmPort }` (src/lib/engine/wasmCompile.ts) is the port the
 * compiled module will arrive on; `{ __aiadWasmFailed }` says it will not. Neither reaches DuckDB's handler.
 * DuckDB's instantiation calls `__aiadWasmFetch`, then at once `__aiadInstantiate` with the response to come.
 * With a port, the first waits for the module and answers with an empty response (nothing is left to download),
 * and the second instantiates the module; when no module comes, the wasm is fetched and streamed as the worker
 * always did, as it is without a port. The port is used once: a restarted engine is a new worker.
 */
export const BOOT_PRELUDE = [
	'var __aiadModule=null,__aiadNoModule=null,__aiadFullUrl=null,__aiadFullModule=null,__aiadFetching=!1,__aiadSplit=null;',
	'self.addEventListener("message",function(e){var d=e.data;if(!d||typeof d!="object")return;',
	'if("__aiadWasmPort" in d){e.stopImmediatePropagation();var p=d.__aiadWasmPort;',
	'__aiadModule=new Promise(function(y,n){__aiadNoModule=n;p.onmessage=function(m){p.close();',
	'm.data instanceof WebAssembly.Module?y(m.data):n(new Error(m.data&&m.data.error||"no module"))}});',
	'__aiadModule.catch(function(){})}',
	'else if("__aiadWasmFailed" in d){e.stopImmediatePropagation();__aiadNoModule&&__aiadNoModule(new Error(String(d.__aiadWasmFailed)))}',
	'else if("__aiadWasmFull" in d){e.stopImmediatePropagation();__aiadFullUrl=String(d.__aiadWasmFull)}',
	'else if("__aiadWasmFullNow" in d){e.stopImmediatePropagation();__aiadFetchFull()}});',
	'function __aiadWasmFetch(r){var m=__aiadModule;if(!m)return fetch(r);',
	'return m.then(function(){return new Response(new Uint8Array(0))},function(){return fetch(r)})}',
	'function __aiadInstantiate(a,i){var m=__aiadModule;__aiadModule=null;',
	'if(!m)return WebAssembly.instantiateStreaming(a,i);',
	'return m.then(function(d){return WebAssembly.instantiate(d,i).then(function(n){return{instance:n,module:d}})},',
	'function(){return WebAssembly.instantiateStreaming(a,i)})}',
	SPLIT_PRELUDE
].join('');

/**
 * Fills GOT slots (`[slot, fn]` pairs, `fn.sig` its Emscripten signature) from one new wasm module that imports
 * every distinct function with its type and exports it again, so it can go into the function table: what
 * `convertJsFunctionToWasm` does for one function, for all of them. Uses the loader's own `generateFuncType`
 * and `uleb128Encode`, so the types are the ones the loader would have built. Runs inside the loader's scope.
 */
export const ADD_JS_FUNCTIONS = [
	'var __aiadAddJsFunctions=J=>{var F=new Map,L=[],T=[],K=new Map,I=[],b=[0,97,115,109,1,0,0,0],i,n,r,x,o={};',
	'for(var[,r]of J)F.has(r)||(F.set(r,L.length),L.push(r));',
	'for(r of L)K.has(r.sig)||(K.set(r.sig,K.size),generateFuncType(r.sig,T)),I.push(K.get(r.sig));',
	'var S=(d,B)=>{b.push(d),uleb128Encode(B.length,b);for(var y of B)b.push(y)},N=(B,v)=>{uleb128Encode(v.length,B);',
	'for(var y=0;y<v.length;y++)B.push(v.charCodeAt(y))},Y=[],M=[],E=[];uleb128Encode(K.size,Y),Y.push(...T),',
	'uleb128Encode(L.length,M),uleb128Encode(L.length,E);',
	'for(i=0;i<L.length;i++)n=String(i),M.push(1,101),N(M,n),M.push(0),uleb128Encode(I[i],M),N(E,n),E.push(0),',
	'uleb128Encode(i,E),o[n]=L[i];S(1,Y),S(2,M),S(7,E);',
	'x=new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(b)),{e:o}).exports;',
	'var A=wasmTable.length;wasmTable.grow(L.length);for(i=0;i<L.length;i++)wasmTable.set(A+i,x[i]);',
	'for(var[t,r]of J)t.value=A+F.get(r)};'
].join('');

export interface TextPatch {
	name: string;
	from: string;
	to: string;
}

export const BOOT_PATCHES: readonly TextPatch[] = [
	{
		// After the directive, which must stay the script's first statement for the worker to run strict.
		name: 'the worker takes its compiled wasm from a port the page gives it',
		from: '"use strict";var duckdb=(()=>{',
		to: `"use strict";${BOOT_PRELUDE}var duckdb=(()=>{`
	},
	{
		name: 'main-module GOT: fill the imported entries only',
		from: 'updateGOT=(e,t)=>{for(var r in e)if(!isInternalSym(r)){var n=e[r];r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),',
		to: 'updateGOT=(e,t,m)=>{for(var r in e)if(!isInternalSym(r)){var n=e[r];if(r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),!GOT[r]){if(m&&typeof n=="function")continue;GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})}'
	},
	{
		name: 'relocateExports passes the main-module flag on',
		from: 'relocateExports=(e,t,r)=>{var n={};for(var a in e){var l=e[a];typeof l=="object"&&(l=l.value),typeof l=="number"&&(l+=t),n[a]=l}return updateGOT(n,r),n}',
		to: 'relocateExports=(e,t,r,m)=>{var n={};for(var a in e){var l=e[a];typeof l=="object"&&(l=l.value),typeof l=="number"&&(l+=t),n[a]=l}return updateGOT(n,r,m),n}'
	},
	{
		name: 'the main module relocates as the main module',
		from: 'wasmExports=relocateExports(wasmExports,1024)',
		to: 'wasmExports=relocateExports(wasmExports,1024,!1,!0)'
	},
	{
		name: 'mergeLibSymbols without an entries array and a closure per symbol',
		from: 'mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)}',
		to: 'mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var r in e)isSymbolDefined(r)||(wasmImports[r]=e[r])}'
	},
	{
		name: 'registerDynCallSymbols without an entries array',
		from: 'registerDynCallSymbols=e=>{for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)}',
		to: 'registerDynCallSymbols=e=>{for(var t in e)t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=e[t])}'
	},
	{
		// Its only caller passes the object relocateExports just built, which nothing else holds.
		name: 'applySignatureConversions wraps in place',
		from: 'function applySignatureConversions(e){e=Object.assign({},e);',
		to: 'function applySignatureConversions(e){'
	},
	{
		name: 'the compiler streams the response itself; progress comes from a clone',
		from: 'u=c.headers.get("content-length"),_=u&&parseInt(u,10)||0,d=new Date,p={startedAt:d,updatedAt:d,bytesTotal:_||0,bytesLoaded:0},f={transform(v,h){p.bytesLoaded+=v.byteLength;let y=new Date;if(y.getTime()-p.updatedAt.getTime()<20){p.updatedAt=y,h.enqueue(v);return}for(let S of r)S(p);h.enqueue(v)}},m=new TransformStream(f);return new Response((g=c.body)==null?void 0:g.pipeThrough(m),c)',
		to: 'u=c.headers.get("content-encoding")?null:c.headers.get("content-length"),_=u&&parseInt(u,10)||0,d=new Date,p={startedAt:d,updatedAt:d,bytesTotal:_||0,bytesLoaded:0},f=c.body&&c.clone().body.getReader(),S=q=>{for(let k of r)k(q)};f&&(async()=>{for(;;){let{done:D,value:V}=await f.read();if(D)break;p.bytesLoaded+=V.byteLength;let y=new Date;y.getTime()-p.updatedAt.getTime()>=20&&(p.updatedAt=y,S(p))}S(p)})().catch(()=>{});return c'
	},
	{
		// Batched only while no table slot is free and the reverse map is unbuilt, as at boot: then addFunction
		// would have grown the table for each function, in this order, and found none of them in it.
		name: 'the imported GOT function slots are filled from one module',
		from: `var reportUndefinedSymbols=()=>{for(var[e,t]of Object.entries(GOT))if(t.value==0){var r=resolveGlobalSymbol(e,!0).sym;if(!r&&!t.required)continue;if(typeof r=="function")t.value=addFunction(r,r.sig);else if(typeof r=="number")t.value=r;else throw new Error("bad export type for '".concat(e,"': ").concat(typeof r))}}`,
		to: `${ADD_JS_FUNCTIONS}var reportUndefinedSymbols=()=>{var J=[],B=!functionsInTableMap&&!freeTableIndexes.length&&typeof WebAssembly.Function!="function";for(var[e,t]of Object.entries(GOT))if(t.value==0){var r=resolveGlobalSymbol(e,!0).sym;if(!r&&!t.required)continue;if(typeof r=="function")B&&typeof r.sig=="string"?J.push([t,r]):t.value=addFunction(r,r.sig);else if(typeof r=="number")t.value=r;else throw new Error("bad export type for '".concat(e,"': ").concat(typeof r))}if(J.length)try{__aiadAddJsFunctions(J)}catch{for(var[t,r]of J)t.value=addFunction(r,r.sig)}}`
	},
	{
		name: 'instantiation waits for that module instead of downloading the wasm',
		from: 'let l=new Request(this.mainModuleURL),c=await fetch(l)',
		to: 'let l=new Request(this.mainModuleURL),c=await __aiadWasmFetch(l)'
	},
	{
		// Both ways in (the streamed module, and the array-buffer fallback) end here, before anything runs.
		name: 'a split primary is set up before the loader sees its instance',
		from: 'function createWasm(){var e=getWasmImports();function t(n,a){wasmExports=n.exports,',
		to: 'function createWasm(){var e=getWasmImports();function t(n,a){__aiadSplitSetup(n,e);wasmExports=n.exports,'
	},
	{
		name: 'and instantiates it',
		from: 'WebAssembly.instantiateStreaming(a,e).then(l=>{t(l.instance,l.module)})',
		to: '__aiadInstantiate(a,e).then(l=>{t(l.instance,l.module)})'
	}
];

export class BootPatchError extends Error {}

/**
 * The worker's source with every boot patch applied, and whether anything changed (a worker that already
 * starts with the marker is returned as it is). Throws a BootPatchError naming the first patch whose text is
 * not found exactly once.
 */
export function applyBootPatch(source: string): { source: string; changed: boolean } {
	if (source.startsWith(BOOT_PATCH_MARKER)) return { source, changed: false };
	if (source.startsWith(ANY_MARKER)) {
		throw new BootPatchError(
			'The DuckDB-wasm worker was patched by an earlier version of scripts/lib/duckdb-boot-patch.ts. Run `npm ci` to reinstall it; the install step then applies this version.'
		);
	}
	let out = source;
	for (const p of BOOT_PATCHES) {
		const at = out.indexOf(p.from);
		const again = at < 0 ? -1 : out.indexOf(p.from, at + 1);
		if (at < 0 || again >= 0) {
			throw new BootPatchError(
				`The DuckDB-wasm worker does not match the boot patch "${p.name}" (its text is found ${at < 0 ? 'nowhere' : 'more than once'}). ` +
					`The patch is written for @duckdb/duckdb-wasm ${DUCKDB_VERSION}: after an upgrade, re-check scripts/lib/duckdb-boot-patch.ts against the new worker.`
			);
		}
		out = out.slice(0, at) + p.to + out.slice(at + p.from.length);
	}
	return { source: `${BOOT_PATCH_MARKER}\n${out}`, changed: true };
}
