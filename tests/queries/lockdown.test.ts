/**
 * The lock-down settings on a real DuckDB (node). The same statements are proven in the browser engine by
 * tests/e2e/sql.spec.ts; here each hostile statement must fail once they are applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKDOWN_EXPECTED, LOCKDOWN_STATEMENTS, lockdownCheckSql } from '../../src/lib/queries/lockdown';
import { nodeRunner, type NodeRunner } from '../helpers/node-runner';

describe('lock-down', () => {
	let db: NodeRunner;
	beforeAll(async () => {
		db = await nodeRunner();
		await db.exec('CREATE TABLE posts AS SELECT 1 AS a');
		for (const s of LOCKDOWN_STATEMENTS) await db.exec(s);
	});
	afterAll(() => db.close());

	it('ends with lock_configuration, after every other setting', () => {
		expect(LOCKDOWN_STATEMENTS.at(-1)).toMatch(/lock_configuration\s*=\s*true/i);
	});

	it('turns automatic checkpoints off (each one stalled the engine for over a second)', async () => {
		const [{ v }] = await db.rows<{ v: string }>(
			"SELECT CAST(current_setting('checkpoint_threshold') AS VARCHAR) AS v"
		);
		// 1 GB (decimal) as DuckDB prints it; its default is 16.0 MiB.
		expect(v).toBe('953.6 MiB');
	});

	it('reads back every expected setting', async () => {
		const rows = await db.rows<{ name: string; value: string }>(lockdownCheckSql());
		expect(Object.fromEntries(rows.map((r) => [r.name, r.value]))).toEqual(LOCKDOWN_EXPECTED);
	});

	it.each([
		['reading a remote CSV', "SELECT * FROM read_csv('https://example.com/a.csv')", /Permission|disabled/i],
		['reading a local file', "SELECT * FROM read_csv('/etc/passwd')", /Permission|disabled/i],
		['globbing the file system', "SELECT * FROM glob('/*')", /Permission|disabled/i],
		[
			'attaching a remote database',
			"ATTACH 'https://example.com/x.db' AS x",
			/Permission|disabled|Missing Extension/i
		],
		['loading an extension', 'LOAD spatial', /Permission|disabled|not found|extension/i],
		['copying a table to a file', "COPY posts TO 'x.csv'", /Permission|disabled/i],
		['exporting the database', "EXPORT DATABASE 'dump'", /Permission|disabled/i],
		['turning external access back on', 'SET enable_external_access = true', /locked/i],
		['turning autoload back on', 'SET autoload_known_extensions = true', /locked/i],
		['allowing community extensions', 'SET allow_community_extensions = true', /locked/i],
		['unlocking the configuration', 'SET lock_configuration = false', /locked/i],
		['resetting the lock', 'RESET lock_configuration', /locked/i],
		['raising the memory limit', "SET memory_limit = '64GB'", /locked/i]
	])('refuses %s', async (_, sql, message) => {
		await expect(db.rows(sql)).rejects.toThrow(message);
	});

	it('still answers ordinary queries', async () => {
		expect(await db.rows('SELECT count(*) AS n FROM posts')).toEqual([{ n: 1 }]);
	});

	it('lets the watchdog stop a query that would run for hours', async () => {
		const started = Date.now();
		await expect(db.rows('SELECT count(*) FROM range(100000000000)', { timeoutMs: 300 })).rejects.toThrow(
			/stopped/
		);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('refuses range(1e11) before it runs: a DOUBLE argument does not bind', async () => {
		await expect(db.rows('SELECT count(*) FROM range(1e11)')).rejects.toThrow(/range\(DOUBLE\)/);
	});
});
