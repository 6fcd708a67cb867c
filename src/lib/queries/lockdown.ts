/**
 * Engine settings applied right after the database opens and before any other SQL (see
 * research/perf-security.md C1). Order matters: `lock_configuration` goes last, after which no statement can
 * change any setting back. Verified on DuckDB-WASM 1.32 (DuckDB 1.4.3) and @duckdb/node-api 1.5 by
 * tests/queries/lockdown.test.ts and tests/e2e/sql.spec.ts.
 */
export const LOCKDOWN_STATEMENTS: readonly string[] = [
	// No file system or network access from SQL: read_csv('https://…'), ATTACH 'x.db', COPY … TO, glob().
	'SET enable_external_access = false',
	// Extensions are never fetched (extensions.duckdb.org is off-origin) nor loaded on demand.
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	'SET allow_community_extensions = false',
	// Bounded work for a shared tab; `threads` is already 1 in the single-threaded bundle.
	"SET memory_limit = '1GB'",
	// No automatic checkpoints. In an in-memory database a checkpoint compresses what was appended since the
	// last one, holding the worker (and every query behind it) for 1.2–1.6 s at a time: three times while a
	// 1M-post search loaded its data. Without them the inserts took half as long (8.0 → 3.8 s for all posts)
	// and the data sits uncompressed, in about twice the memory (216 → 421 MiB for 1M posts).
	"SET checkpoint_threshold = '1GB'",
	'SET lock_configuration = true'
];
// Not used: `SET disabled_filesystems = 'HTTPFileSystem'`. DuckDB-WASM 1.32 accepts it but its HTTP reads go
// through the browser's own file system, so `read_csv('http://…')` still worked after it (measured); only
// enable_external_access = false stopped them.

/** Settings a test reads back to prove the lock-down is in effect. */
export const LOCKDOWN_EXPECTED: Readonly<Record<string, string>> = {
	enable_external_access: 'false',
	autoinstall_known_extensions: 'false',
	autoload_known_extensions: 'false',
	allow_community_extensions: 'false',
	lock_configuration: 'true'
};

/** The settings of LOCKDOWN_EXPECTED as (name, value) rows; current_setting() is cheaper than duckdb_settings(). */
export function lockdownCheckSql(): string {
	return Object.keys(LOCKDOWN_EXPECTED)
		.sort()
		.map((n) => `SELECT '${n}' AS name, lower(CAST(current_setting('${n}') AS VARCHAR)) AS value`)
		.join(' UNION ALL ');
}
