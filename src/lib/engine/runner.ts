/**
 * SqlRunner over one DuckDB-WASM connection. Queries on a connection run one at a time (a new pending query
 * would invalidate the previous one), so they wait in a line; a query whose signal aborted while waiting is
 * dropped without running. A watchdog cancels a query that runs too long (`cancelSent`), and if cancelling does
 * not stop it the engine is terminated and booted again on next use.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { QueryAbortedError, QueryTimeoutError, type QueryOptions, type SqlRunner } from '../queries/runner';
import { plainColumns, plainRows } from './arrowRows';

export const DEFAULT_TIMEOUT_MS = 20_000;
/** How long a cancelled query may take to stop before the worker is killed. */
export const CANCEL_GRACE_MS = 3_000;

export interface ResultColumn {
	name: string;
	/** Arrow type name, e.g. Utf8, Int64, Timestamp<MICROSECOND>. */
	type: string;
}

export interface TableResult {
	columns: ResultColumn[];
	rows: Record<string, unknown>[];
	/** More rows existed than `maxRows`; they were not read. */
	truncated: boolean;
	ms: number;
	/** With `columnar`: the result as columns, and `rows` empty. */
	data?: Record<string, ArrayLike<unknown>>;
}

export interface TableOptions extends QueryOptions {
	/** Stop reading after this many rows (the rest is cancelled, never transferred). */
	maxRows?: number;
	/** With `small`: return columns (`plainColumns`), not rows. */
	columnar?: boolean;
}

export interface EngineHandle {
	/** Rejects once the engine is killed, so a query stuck in the worker still settles. */
	readonly killed: Promise<never>;
	kill(reason: string): void;
	/** Told when a query starts (+1) and ends (-1): the background load waits while the views query. */
	active?(delta: 1 | -1): void;
}

export class WasmRunner implements SqlRunner {
	private line: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly conn: AsyncDuckDBConnection,
		private readonly engine: EngineHandle
	) {}

	async rows<T = Record<string, unknown>>(sql: string, options: QueryOptions = {}): Promise<T[]> {
		const result = await this.table(sql, options);
		return result.rows as T[];
	}

	/** A small builder query's result as columns: for results of many rows of a few numbers. */
	async columns(sql: string, options: QueryOptions = {}): Promise<Record<string, ArrayLike<unknown>>> {
		const result = await this.table(sql, { ...options, small: true, columnar: true });
		return result.data ?? {};
	}

	/** Rows with column names and types, for the SQL console. */
	table(sql: string, options: TableOptions = {}): Promise<TableResult> {
		const job = this.line.then(() => this.run(sql, options));
		this.line = job.catch(() => undefined);
		return job;
	}

	private async run(sql: string, options: TableOptions): Promise<TableResult> {
		const { signal, timeoutMs = DEFAULT_TIMEOUT_MS, maxRows } = options;
		if (signal?.aborted) throw new QueryAbortedError();
		const started = performance.now();
		let stopped: 'timeout' | 'abort' | 'killed' | null = null;
		let killTimer: ReturnType<typeof setTimeout> | undefined;
		const cancel = (why: 'timeout' | 'abort') => {
			if (stopped) return;
			// A small query cannot be cancelled: a stale one is left to finish (its result is dropped) rather than
			// restarting the engine; only the watchdog's timeout does that.
			if (why === 'abort' && options.small) return;
			stopped = why;
			this.conn.cancelSent().catch(() => undefined);
			killTimer = setTimeout(() => {
				stopped = 'killed';
				this.engine.kill(`a query did not stop ${CANCEL_GRACE_MS} ms after it was cancelled`);
			}, CANCEL_GRACE_MS);
		};
		const timer = setTimeout(() => cancel('timeout'), timeoutMs);
		const onAbort = () => cancel('abort');
		signal?.addEventListener('abort', onAbort);
		this.engine.active?.(1);
		try {
			const work = (async () => {
				if (options.small) {
					const table = await this.conn.query(sql);
					const columns = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
					if (options.columnar)
						return {
							columns,
							rows: [],
							data: plainColumns(table),
							truncated: false,
							ms: performance.now() - started
						};
					const rows = plainRows(table);
					return { columns, rows, truncated: false, ms: performance.now() - started };
				}
				const reader = await this.conn.send(sql, true);
				// The schema is read before iterating: a finished reader no longer has it.
				let fields = reader.schema?.fields;
				const rows: Record<string, unknown>[] = [];
				let truncated = false;
				for await (const batch of reader) {
					fields ??= batch.schema.fields;
					const room = maxRows === undefined ? Infinity : maxRows - rows.length;
					const got = plainRows(batch);
					if (got.length > room) truncated = true;
					for (const r of truncated ? got.slice(0, room) : got) rows.push(r);
					if (truncated) break;
				}
				// Stop the rest of a streamed result so the next query on this connection starts clean.
				if (truncated) await this.conn.cancelSent().catch(() => undefined);
				const columns = (fields ?? []).map((f) => ({ name: f.name, type: String(f.type) }));
				return { columns, rows, truncated, ms: performance.now() - started };
			})();
			return await Promise.race([work, this.engine.killed]);
		} catch (e) {
			if (stopped === 'timeout') throw new QueryTimeoutError(timeoutMs);
			if (stopped === 'killed') throw new QueryTimeoutError(timeoutMs, true);
			if (stopped === 'abort') throw new QueryAbortedError();
			throw e;
		} finally {
			this.engine.active?.(-1);
			clearTimeout(timer);
			clearTimeout(killTimer);
			signal?.removeEventListener('abort', onAbort);
		}
	}
}
