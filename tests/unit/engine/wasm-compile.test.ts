import { describe, expect, it } from 'vitest';
import {
	PROGRESS_EVERY_MS,
	compileWasm,
	type CompileDeps,
	type CompileReport,
	type ModuleMessage
} from '../../../src/lib/engine/wasmCompileJob';

/** A module with one exported function, so a compiled module can be told from another. */
const WASM = new Uint8Array([
	0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 4, 1, 2, 0, 11
]);
const URL_ = 'http://localhost:4173/_app/immutable/assets/duckdb-eh.abc.wasm';

/** A response streaming `bytes` in chunks of `chunk`, with the headers a server would send. */
function response(bytes: Uint8Array, chunk: number, headers: Record<string, string>, status = 200): Response {
	let at = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(c) {
			if (at >= bytes.length) return c.close();
			c.enqueue(bytes.slice(at, at + chunk));
			at += chunk;
		}
	});
	return new Response(body, { status, headers });
}

/** A port that keeps what is posted on it. */
function port() {
	const posted: ModuleMessage[] = [];
	return {
		posted,
		closed: false,
		postMessage(m: ModuleMessage) {
			posted.push(m);
		},
		close() {
			this.closed = true;
		}
	};
}

function deps(
	res: Response,
	clock = { t: 0, step: 0 },
	warmUp: CompileDeps['warmUp'] = () => Promise.resolve(null)
): CompileDeps & { asked: string[] } {
	const asked: string[] = [];
	return {
		asked,
		fetch: (input) => (asked.push(String(input)), Promise.resolve(res)),
		compileStreaming: (source) => WebAssembly.compileStreaming(source),
		now: () => (clock.t += clock.step),
		warmUp
	};
}

describe('compileWasm (the compile worker’s job)', () => {
	it('posts the compiled module on the port, closes it, and counts the download in decoded bytes', async () => {
		const p = port();
		const reports: CompileReport[] = [];
		const d = deps(
			response(WASM, 8, { 'content-type': 'application/wasm', 'content-length': String(WASM.length) })
		);
		await compileWasm(URL_, p, (r) => reports.push(r), d);
		expect(d.asked).toEqual([URL_]);
		expect(p.posted).toHaveLength(1);
		const module = p.posted[0] as WebAssembly.Module;
		expect(module).toBeInstanceOf(WebAssembly.Module);
		expect(WebAssembly.Module.exports(module)).toEqual([{ name: 'f', kind: 'function' }]);
		expect(p.closed).toBe(true);
		expect(reports.at(-1)).toEqual({ type: 'progress', loaded: WASM.length, total: WASM.length });
		for (const r of reports) expect(r.type).toBe('progress');
	});

	it('downloads before the port has come, and posts the module, or the failure, once it is there', async () => {
		const headers = { 'content-type': 'application/wasm' };
		for (const [res, want] of [
			[response(WASM, 8, headers), 'module'],
			[response(new Uint8Array(0), 8, {}, 404), 'error']
		] as const) {
			const p = port();
			let give: (x: typeof p) => void = () => undefined;
			const later = new Promise<typeof p>((resolve) => (give = resolve));
			const d = deps(res);
			const job = compileWasm(URL_, later, () => undefined, d);
			await new Promise((r) => setTimeout(r, 20));
			// The download did not wait for the page's message.
			expect(d.asked).toEqual([URL_]);
			expect(p.posted).toEqual([]);
			give(p);
			await job;
			expect(p.posted).toHaveLength(1);
			expect(p.posted[0] instanceof WebAssembly.Module ? 'module' : 'error').toBe(want);
			expect(p.closed).toBe(true);
		}
	});

	it('leaves the total unknown when the response is compressed (its length counts compressed bytes)', async () => {
		const reports: CompileReport[] = [];
		const headers = { 'content-type': 'application/wasm', 'content-encoding': 'br', 'content-length': '9' };
		await compileWasm(URL_, port(), (r) => reports.push(r), deps(response(WASM, 8, headers)));
		expect(reports.at(-1)).toEqual({ type: 'progress', loaded: WASM.length, total: 0 });
	});

	it('reports at most once per interval while the bytes come, and always the last count', async () => {
		const quick: CompileReport[] = [];
		const headers = { 'content-type': 'application/wasm' };
		// The clock moves 1 ms per reading: chunks of one byte come far faster than the interval.
		await compileWasm(
			URL_,
			port(),
			(r) => quick.push(r),
			deps(response(WASM, 1, headers), { t: 0, step: 1 })
		);
		expect(quick.length).toBeLessThan(WASM.length / 2);
		expect(quick[0]).toEqual({ type: 'progress', loaded: 1, total: 0 });
		expect(quick.at(-1)).toEqual({ type: 'progress', loaded: WASM.length, total: 0 });
		// A clock that moves a whole interval per reading reports every chunk, then the last count again.
		const slow: CompileReport[] = [];
		const clock = { t: 0, step: PROGRESS_EVERY_MS };
		await compileWasm(URL_, port(), (r) => slow.push(r), deps(response(WASM, 8, headers), clock));
		expect(slow.map((r) => (r.type === 'progress' ? r.loaded : -1))).toEqual([8, 16, 24, 31, 31]);
	});

	it('warms the module up once it is posted, and reports how long that took or why it failed', async () => {
		const headers = { 'content-type': 'application/wasm' };
		const p = port();
		const reports: CompileReport[] = [];
		const warmed: WebAssembly.Module[] = [];
		const warmUp = (m: WebAssembly.Module) => {
			// DuckDB's worker has its module before the warm-up begins.
			expect(p.posted).toEqual([m]);
			warmed.push(m);
			return Promise.resolve(12);
		};
		await compileWasm(URL_, p, (r) => reports.push(r), deps(response(WASM, 8, headers), undefined, warmUp));
		expect(warmed).toHaveLength(1);
		expect(reports.at(-1)).toEqual({ type: 'warm', ms: 12 });
		// A module without a warm-up reports none; a warm-up that throws says why, and the module was posted.
		const none: CompileReport[] = [];
		await compileWasm(URL_, port(), (r) => none.push(r), deps(response(WASM, 8, headers)));
		expect(none.some((r) => r.type === 'warm')).toBe(false);
		const failed: CompileReport[] = [];
		const q = port();
		const broken = () => Promise.reject(new Error('no instance'));
		await compileWasm(URL_, q, (r) => failed.push(r), deps(response(WASM, 8, headers), undefined, broken));
		expect(q.posted[0]).toBeInstanceOf(WebAssembly.Module);
		expect(failed.at(-1)).toEqual({ type: 'warm', ms: expect.any(Number), error: 'no instance' });
	});

	it('on an HTTP error, posts the reason instead of a module and tells the page', async () => {
		const p = port();
		const reports: CompileReport[] = [];
		await compileWasm(URL_, p, (r) => reports.push(r), deps(response(new Uint8Array(0), 8, {}, 404)));
		const message = 'Could not download the query engine (HTTP 404).';
		expect(p.posted).toEqual([{ error: message }]);
		expect(reports).toEqual([{ type: 'error', message }]);
		expect(p.closed).toBe(true);
	});

	it('when the bytes do not compile, posts why, so DuckDB’s worker downloads the wasm itself', async () => {
		const p = port();
		const reports: CompileReport[] = [];
		const bad = new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]);
		await compileWasm(
			URL_,
			p,
			(r) => reports.push(r),
			deps(response(bad, 8, { 'content-type': 'application/wasm' }))
		);
		expect(p.posted).toHaveLength(1);
		expect(p.posted[0]).toEqual({ error: expect.any(String) });
		expect(reports.at(-1)).toMatchObject({ type: 'error' });
		expect(p.closed).toBe(true);
	});
});
