import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	DuckDBInstance,
	type DuckDBAppender,
	type DuckDBConnection,
	type DuckDBDataChunk
} from '@duckdb/node-api';

/** A DuckDB connection with the few helpers the build needs. */
export interface Duck {
	conn: DuckDBConnection;
	run(sql: string): Promise<void>;
	/** All rows as JSON-safe objects (BIGINT → string, timestamps → ISO-like strings). */
	all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
	/** Streams a query chunk by chunk (columns of plain JS values), so 10M rows never sit in memory at once. */
	each(sql: string, onChunk: (columns: unknown[][], rowCount: number) => void | Promise<void>): Promise<void>;
	/** Like `each`, but hands over the chunk itself, for readers that take values straight from its vectors. */
	chunks(sql: string, onChunk: (chunk: DuckDBDataChunk) => void | Promise<void>): Promise<void>;
	/**
	 * A second connection to the same database. A query on the connection that is streaming a result ends
	 * that stream early and silently, so writes made while streaming must go through this one.
	 */
	side: Pick<Duck, 'run' | 'all'> & { appender(table: string): Promise<DuckDBAppender> };
	close(): void;
}

export async function openDuck(path = ':memory:'): Promise<Duck> {
	const instance = await DuckDBInstance.create(path);
	const conn = await instance.connect();
	const sideConn = await instance.connect();
	// Ordered writes keep output files byte-identical across rebuilds.
	await conn.run(`SET preserve_insertion_order = true`);
	// Bounded memory: DuckDB spills to disk past this, so a 10M-post build fits the machines we run on.
	await conn.run(`SET memory_limit = '${process.env.DATA_BUILD_MEMORY ?? '1GB'}'`);
	// One spill directory per process: DuckDB's temp file names are not unique across processes.
	const spill = mkdtempSync(join(tmpdir(), 'ai-art-duckdb-spill-'));
	await conn.run(`SET temp_directory = '${spill}'`);
	return {
		conn,
		run: async (sql) => {
			await conn.run(sql);
		},
		all: async <T>(sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[],
		each: (sql, onChunk) =>
			streamChunks(conn, sql, (chunk) => onChunk(chunk.getColumns() as unknown[][], chunk.rowCount)),
		chunks: (sql, onChunk) => streamChunks(conn, sql, onChunk),
		side: {
			run: async (sql) => {
				await sideConn.run(sql);
			},
			all: async <T>(sql: string) => (await sideConn.runAndReadAll(sql)).getRowObjectsJson() as T[],
			appender: (table: string) => sideConn.createAppender(table)
		},
		close: () => {
			sideConn.closeSync();
			conn.closeSync();
			instance.closeSync();
			rmSync(spill, { recursive: true, force: true });
		}
	};
}

async function streamChunks(
	conn: DuckDBConnection,
	sql: string,
	onChunk: (chunk: DuckDBDataChunk) => void | Promise<void>
): Promise<void> {
	const result = await conn.stream(sql);
	for (;;) {
		const chunk = await result.fetchChunk();
		if (!chunk || chunk.rowCount === 0) break;
		await onChunk(chunk);
	}
}

/** Single-quoted SQL string literal. */
export const lit = (value: string): string => `'${value.replaceAll("'", "''")}'`;
