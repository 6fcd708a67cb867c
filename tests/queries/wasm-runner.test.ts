/**
 * The browser runner's line, watchdog and stale-query handling, over a fake connection (the real engine is
 * covered by tests/e2e/sql.spec.ts). Each fake query resolves when the test says so, or when cancelled.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { describe, expect, it, vi } from 'vitest';
import { WasmRunner, type EngineHandle } from '../../src/lib/engine/runner';
import { QueryAbortedError, QueryTimeoutError } from '../../src/lib/queries/runner';

interface Pending {
	sql: string;
	finish(rows: Record<string, unknown>[]): void;
	fail(e: Error): void;
}

function fakeConnection(opts: { cancellable?: boolean } = {}) {
	const { cancellable = true } = opts;
	const started: Pending[] = [];
	let current: Pending | null = null;
	const conn = {
		send: vi.fn(
			(sql: string) =>
				new Promise((resolve, reject) => {
					const p: Pending = {
						sql,
						finish(rows) {
							current = null;
							const names = Object.keys(rows[0] ?? {});
							const batch = {
								numRows: rows.length,
								schema: { fields: names.map((name) => ({ name, type: 'Int32' })) },
								getChildAt: (i: number) => ({ get: (r: number) => rows[r][names[i]] })
							};
							resolve({
								schema: { fields: Object.keys(rows[0] ?? {}).map((name) => ({ name, type: 'Int32' })) },
								async *[Symbol.asyncIterator]() {
									yield batch;
								}
							});
						},
						fail(e) {
							current = null;
							reject(e);
						}
					};
					current = p;
					started.push(p);
				})
		),
		// One round trip: the whole result at once (small builder queries). Only a restart can stop it.
		query: vi.fn(
			(sql: string) =>
				new Promise((resolve, reject) => {
					started.push({
						sql,
						finish(rows) {
							const names = Object.keys(rows[0] ?? {});
							resolve({
								numRows: rows.length,
								schema: { fields: names.map((name) => ({ name, type: 'Int32' })) },
								getChildAt: (i: number) => ({ get: (r: number) => rows[r][names[i]] })
							});
						},
						fail: reject
					});
				})
		),
		cancelSent: vi.fn(async () => {
			if (cancellable && current) current.fail(new Error('query was canceled'));
			return cancellable;
		})
	};
	return { conn: conn as unknown as AsyncDuckDBConnection, started, raw: conn };
}

function fakeEngine() {
	let reject: (e: Error) => void = () => undefined;
	const killed = new Promise<never>((_, r) => (reject = r));
	killed.catch(() => undefined);
	const handle: EngineHandle & { kill: ReturnType<typeof vi.fn> } = {
		killed,
		kill: vi.fn((reason: string) => reject(new Error(reason)))
	};
	return handle;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('WasmRunner', () => {
	it('runs queries one at a time, in order, and returns plain rows', async () => {
		const { conn, started } = fakeConnection();
		const runner = new WasmRunner(conn, fakeEngine());
		const a = runner.rows('SELECT 1');
		const b = runner.rows('SELECT 2');
		await tick();
		expect(started.map((p) => p.sql)).toEqual(['SELECT 1']);
		started[0].finish([{ n: 1n }]);
		expect(await a).toEqual([{ n: 1 }]);
		await tick();
		expect(started.map((p) => p.sql)).toEqual(['SELECT 1', 'SELECT 2']);
		started[1].finish([{ id: 12345678901234567n }]);
		expect(await b).toEqual([{ id: '12345678901234567' }]);
	});

	it('tells the engine while a query runs, failed ones too (the background load waits for quiet)', async () => {
		const { conn, started } = fakeConnection();
		const deltas: number[] = [];
		const runner = new WasmRunner(conn, { ...fakeEngine(), active: (d) => deltas.push(d) });
		const a = runner.rows('SELECT 1');
		await tick();
		expect(deltas).toEqual([1]);
		started[0].finish([{ n: 1 }]);
		await a;
		expect(deltas).toEqual([1, -1]);
		const b = runner.rows('SELECT broken');
		await tick();
		started[1].fail(new Error('Parser Error'));
		await expect(b).rejects.toThrow('Parser Error');
		expect(deltas).toEqual([1, -1, 1, -1]);
	});

	it('drops a query whose signal aborted while it waited in line, without running it', async () => {
		const { conn, started } = fakeConnection();
		const runner = new WasmRunner(conn, fakeEngine());
		const first = runner.rows('SELECT 1');
		const ctl = new AbortController();
		const stale = runner.rows('SELECT stale', { signal: ctl.signal });
		ctl.abort();
		await tick();
		started[0].finish([{ n: 1 }]);
		await first;
		await expect(stale).rejects.toBeInstanceOf(QueryAbortedError);
		expect(started.map((p) => p.sql)).toEqual(['SELECT 1']);
	});

	it('cancels a running query when its signal aborts', async () => {
		const { conn, raw } = fakeConnection();
		const runner = new WasmRunner(conn, fakeEngine());
		const ctl = new AbortController();
		const q = runner.rows('SELECT slow', { signal: ctl.signal });
		await tick();
		ctl.abort();
		await expect(q).rejects.toBeInstanceOf(QueryAbortedError);
		expect(raw.cancelSent).toHaveBeenCalled();
	});

	it('the watchdog cancels a query that runs too long, and the next query still runs', async () => {
		const { conn, started, raw } = fakeConnection();
		const engine = fakeEngine();
		const runner = new WasmRunner(conn, engine);
		const slow = runner.rows('SELECT forever', { timeoutMs: 20 });
		await expect(slow).rejects.toBeInstanceOf(QueryTimeoutError);
		expect(raw.cancelSent).toHaveBeenCalledTimes(1);
		expect(engine.kill).not.toHaveBeenCalled();
		const next = runner.rows('SELECT 1');
		await tick();
		started.at(-1)!.finish([{ n: 1 }]);
		expect(await next).toEqual([{ n: 1 }]);
	});

	it('kills the engine when a cancelled query does not stop', async () => {
		vi.useFakeTimers();
		try {
			const { conn } = fakeConnection({ cancellable: false });
			const engine = fakeEngine();
			const runner = new WasmRunner(conn, engine);
			const stuck = runner.rows('SELECT stuck', { timeoutMs: 100 });
			const outcome = stuck.catch((e: unknown) => e);
			await vi.advanceTimersByTimeAsync(100);
			expect(engine.kill).not.toHaveBeenCalled();
			await vi.advanceTimersByTimeAsync(3_000);
			expect(engine.kill).toHaveBeenCalledTimes(1);
			const e = await outcome;
			expect(e).toBeInstanceOf(QueryTimeoutError);
			expect((e as QueryTimeoutError).restarted).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});

	it('runs a small query in one round trip, in the same line', async () => {
		const { conn, started, raw } = fakeConnection();
		const runner = new WasmRunner(conn, fakeEngine());
		const a = runner.rows('SELECT streamed');
		const b = runner.rows('SELECT small', { small: true });
		await tick();
		expect(started.map((p) => p.sql)).toEqual(['SELECT streamed']);
		started[0].finish([{ n: 1 }]);
		await a;
		await tick();
		expect(raw.query).toHaveBeenCalledWith('SELECT small');
		expect(raw.send).toHaveBeenCalledTimes(1);
		started[1].finish([{ id: 12345678901234567n }]);
		expect(await b).toEqual([{ id: '12345678901234567' }]);
	});

	it('lets a small query whose view went stale finish instead of restarting the engine', async () => {
		vi.useFakeTimers();
		try {
			const { conn, started } = fakeConnection();
			const engine = fakeEngine();
			const runner = new WasmRunner(conn, engine);
			const ctl = new AbortController();
			const q = runner.rows('SELECT slow', { small: true, signal: ctl.signal });
			await vi.advanceTimersByTimeAsync(0);
			ctl.abort();
			await vi.advanceTimersByTimeAsync(5_000);
			expect(engine.kill).not.toHaveBeenCalled();
			started[0].finish([{ n: 1 }]);
			expect(await q).toEqual([{ n: 1 }]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('restarts the engine when a small query outlives its timeout (it cannot be cancelled)', async () => {
		vi.useFakeTimers();
		try {
			const { conn } = fakeConnection();
			const engine = fakeEngine();
			const runner = new WasmRunner(conn, engine);
			const outcome = runner.rows('SELECT stuck', { timeoutMs: 100, small: true }).catch((e: unknown) => e);
			await vi.advanceTimersByTimeAsync(3_100);
			expect(engine.kill).toHaveBeenCalledTimes(1);
			expect(((await outcome) as QueryTimeoutError).restarted).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});

	it('stops reading at maxRows and says the result was cut', async () => {
		const { conn, started, raw } = fakeConnection();
		const runner = new WasmRunner(conn, fakeEngine());
		const q = runner.table('SELECT * FROM range(10)', { maxRows: 3 });
		await tick();
		started[0].finish(Array.from({ length: 10 }, (_, i) => ({ i })));
		const result = await q;
		expect(result.rows).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
		expect(result.truncated).toBe(true);
		expect(result.columns).toEqual([{ name: 'i', type: 'Int32' }]);
		expect(raw.cancelSent).toHaveBeenCalled();
	});
});
