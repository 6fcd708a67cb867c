// The engine joins data files of one table into one Arrow stream before inserting them (src/lib/engine/
// ipcConcat.ts). This runs the join on the build's own posts partitions and inserts them into DuckDB-wasm, the
// browser's engine (its Node build, on the same patched wasm), joined and one by one: the tables must match.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatIpcStreams } from '../../src/lib/engine/ipcConcat';
import { validateIndex } from '../../src/lib/engine/files';
import { LOCKDOWN_STATEMENTS } from '../../src/lib/queries/lockdown';
import { createEngineTableSql, INDEX_NAME, type EngineTable } from '../../src/lib/queries/tables';

const BUILD = 'build';
const dist = join(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), '..');

let db: duckdb.DuckDBBindings;
let conn: duckdb.DuckDBConnection;

beforeAll(async () => {
	db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate(() => undefined);
	db.open({});
	conn = db.connect();
	// The engine's own settings, as engine.ts applies them before anything else.
	for (const sql of LOCKDOWN_STATEMENTS) conn.query(sql);
});
afterAll(() => {
	conn?.close();
	db?.reset();
});

const index = () => validateIndex(JSON.parse(readFileSync(join(BUILD, 'data/arrow/index.json'), 'utf8')));

describe.each(['posts_core', 'posts_text'] as EngineTable[])('%s partitions, joined', (table) => {
	it('insert the same rows into DuckDB-wasm as the files one by one', () => {
		const files = index()
			.tables[INDEX_NAME[table]].files.filter((f) => f.rows > 0)
			.slice(0, 8);
		expect(files.length).toBeGreaterThan(1);
		const bytes = files.map((f) => new Uint8Array(readFileSync(join(BUILD, 'data', f.path))));
		const joined = concatIpcStreams(bytes);
		expect(joined).not.toBeNull();

		// The engine's own table, under two names.
		conn.query(createEngineTableSql(table, 'one_by_one'));
		conn.query(createEngineTableSql(table, 'joined'));
		for (const b of bytes) conn.insertArrowFromIPCStream(b, { name: 'one_by_one', create: false });
		conn.insertArrowFromIPCStream(joined!, { name: 'joined', create: false });

		const count = (sql: string) => Number(conn.query(sql).toArray()[0].n);
		const rows = files.reduce((n, f) => n + f.rows, 0);
		expect(count('SELECT count(*) AS n FROM joined')).toBe(rows);
		expect(count('SELECT count(*) AS n FROM one_by_one')).toBe(rows);
		expect(
			count('SELECT count(*) AS n FROM (SELECT * FROM joined EXCEPT ALL SELECT * FROM one_by_one)')
		).toBe(0);
		expect(
			count('SELECT count(*) AS n FROM (SELECT * FROM one_by_one EXCEPT ALL SELECT * FROM joined)')
		).toBe(0);
		conn.query('DROP TABLE joined; DROP TABLE one_by_one');
	});
});
