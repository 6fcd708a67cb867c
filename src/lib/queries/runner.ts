/** One interface runs every query: DuckDB-WASM in the browser, @duckdb/node-api in tests. */
export interface QueryOptions {
	/** Aborting skips a query still waiting in line, or cancels it while it runs. */
	signal?: AbortSignal;
	/** Watchdog: the query is cancelled after this many milliseconds. */
	timeoutMs?: number;
	/**
	 * A query with a small result from our own builders: the browser runs it in one round trip to the worker
	 * instead of streaming it (a streamed query takes three or more, and a brush runs about ten queries). It
	 * cannot be cancelled midway: past its timeout the engine is restarted. Never set it for readers' SQL.
	 */
	small?: boolean;
}

export interface SqlRunner {
	rows<T = Record<string, unknown>>(sql: string, options?: QueryOptions): Promise<T[]>;
}

/** Thrown when a query was dropped because its inputs changed (stale) or the reader left. */
export class QueryAbortedError extends Error {
	constructor() {
		super('Query aborted');
		this.name = 'QueryAbortedError';
	}
}

/** Thrown when the watchdog stopped a query that ran too long. */
export class QueryTimeoutError extends Error {
	constructor(
		readonly ms: number,
		/** True when cancelling did not work and the engine had to be restarted. */
		readonly restarted = false
	) {
		super(`Query stopped after ${Math.round(ms / 1000)} s`);
		this.name = 'QueryTimeoutError';
	}
}

export const isAbort = (e: unknown): boolean => e instanceof QueryAbortedError;

/**
 * Makes one result value plain and identical across engines: 64-bit integers become numbers when they fit
 * (counts) or strings when they do not (ids), times become epoch milliseconds, lists and structs plain JSON.
 */
export function plainValue(v: unknown): unknown {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint')
		return v >= Number.MIN_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER ? Number(v) : v.toString();
	if (v instanceof Date) return v.getTime();
	if (typeof v !== 'object') return v;
	if (Array.isArray(v)) return v.map(plainValue);
	if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>, plainValue);
	const maybe = v as { toJSON?: () => unknown; toArray?: () => unknown };
	if (typeof maybe.toArray === 'function' && typeof maybe.toJSON === 'function') {
		// Arrow vectors (lists) and structs.
		const j = maybe.toJSON();
		return Array.isArray(j) ? j.map(plainValue) : plainValue(j);
	}
	if (typeof maybe.toJSON === 'function' && !(v.constructor === Object)) return plainValue(maybe.toJSON());
	const out: Record<string, unknown> = {};
	for (const [k, x] of Object.entries(v)) out[k] = plainValue(x);
	return out;
}

export function plainRow<T>(row: Record<string, unknown>): T {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
	return out as T;
}
