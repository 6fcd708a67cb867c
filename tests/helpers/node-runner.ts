/**
 * SqlRunner over @duckdb/node-api, for tests: same interface and the same plain values as the WASM runner
 * (counts as numbers, big ids as strings, times as epoch ms).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
	plainRow,
	QueryAbortedError,
	QueryTimeoutError,
	type QueryOptions,
	type SqlRunner
} from '../../src/lib/queries/runner';

export interface NodeRunner extends SqlRunner {
	/** Runs statements that return nothing (DDL, inserts). */
	exec(sql: string): Promise<void>;
	close(): void;
	readonly connection: DuckDBConnection;
}

export async function nodeRunner(path = ':memory:'): Promise<NodeRunner> {
	const instance = await DuckDBInstance.create(path);
	const connection = await instance.connect();
	return {
		connection,
		async rows<T>(sql: string, options: QueryOptions = {}): Promise<T[]> {
			if (options.signal?.aborted) throw new QueryAbortedError();
			let timedOut = false;
			const timer =
				options.timeoutMs !== undefined
					? setTimeout(() => {
							timedOut = true;
							connection.interrupt();
						}, options.timeoutMs)
					: undefined;
			const onAbort = () => connection.interrupt();
			options.signal?.addEventListener('abort', onAbort);
			try {
				const reader = await connection.runAndReadAll(sql);
				return reader.getRowObjectsJS().map((r) => plainRow<T>(r as Record<string, unknown>));
			} catch (e) {
				if (timedOut) throw new QueryTimeoutError(options.timeoutMs ?? 0);
				if (options.signal?.aborted) throw new QueryAbortedError();
				throw e;
			} finally {
				clearTimeout(timer);
				options.signal?.removeEventListener('abort', onAbort);
			}
		},
		async exec(sql: string) {
			await connection.run(sql);
		},
		close() {
			connection.closeSync();
			instance.closeSync();
		}
	};
}
