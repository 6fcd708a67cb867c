import { describe, expect, it } from 'vitest';
import { checkReadOnly, wordsOf } from '../../src/lib/queries/readonly';
import { tablesReferenced } from '../../src/lib/queries/tables';

describe('checkReadOnly accepts one read-only statement', () => {
	it.each([
		'SELECT 1',
		'select count(*) from posts;',
		'  WITH x AS (SELECT 1) SELECT * FROM x  ',
		'FROM posts LIMIT 3',
		'(SELECT 1) UNION (SELECT 2)',
		'DESCRIBE posts',
		'SHOW TABLES',
		'SUMMARIZE posts_hourly',
		'EXPLAIN SELECT 1',
		"SELECT 'DROP TABLE posts; INSERT' AS s",
		'SELECT "set", "delete" FROM t',
		'SELECT 1 -- ; DROP TABLE posts',
		'SELECT /* ; CREATE /* nested */ TABLE */ 1',
		'SELECT $$ ; DELETE $$ AS s',
		"SELECT E'it\\'s ; DROP' AS s",
		"SELECT * FROM read_csv('https://example.com/a.csv')",
		'SELECT 미드저니 FROM t'
	])('accepts %j', (sql) => {
		expect(checkReadOnly(sql)).toMatchObject({ ok: true });
	});
});

describe('checkReadOnly refuses', () => {
	it.each([
		['an empty box', '', 'empty'],
		['only a comment', '-- nothing', 'empty'],
		['two statements', 'SELECT 1; SELECT 2', 'multiple'],
		['a statement smuggled after a select', 'SELECT 1; DROP TABLE posts', 'multiple'],
		['ATTACH', "ATTACH 'https://example.com/x.db' AS x", 'not-read-only'],
		['ATTACH in memory', "ATTACH ':memory:' AS x", 'not-read-only'],
		['INSTALL', 'INSTALL spatial', 'not-read-only'],
		['LOAD', 'LOAD httpfs', 'not-read-only'],
		['INSTALL FROM community', 'INSTALL h3 FROM community', 'not-read-only'],
		['SET', 'SET enable_external_access = true', 'not-read-only'],
		['RESET', 'RESET lock_configuration', 'not-read-only'],
		['COPY TO', "COPY posts TO 'x.csv'", 'not-read-only'],
		['CREATE', 'CREATE TABLE t AS SELECT 1', 'not-read-only'],
		['DROP', 'DROP TABLE posts', 'not-read-only'],
		['a CTE that inserts', 'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', 'not-read-only'],
		['a DELETE hidden in parentheses', '(DELETE FROM posts)', 'not-read-only'],
		['PRAGMA', 'PRAGMA enable_profiling', 'not-read-only'],
		['CALL', 'CALL pragma_version()', 'not-read-only'],
		['EXPORT', "EXPORT DATABASE 'd'", 'not-read-only'],
		[
			'a statement hidden after a dollar tag with digits',
			"SELECT $a1$ ' $a1$ ; DROP TABLE x; -- '",
			'multiple'
		],
		['a statement after a nested comment closes', 'SELECT 1 /* /* */ */ ; DROP TABLE posts', 'multiple'],
		['an unterminated string', "SELECT 'abc", 'unterminated'],
		['an unterminated comment', 'SELECT 1 /* hi', 'unterminated'],
		['an unterminated quoted name', 'SELECT "abc', 'unterminated']
	])('%s', (_, sql, reason) => {
		expect(checkReadOnly(sql)).toMatchObject({ ok: false, reason });
	});

	it('names the word it refused', () => {
		expect(checkReadOnly('WITH x AS (SELECT 1) INSERT INTO t SELECT 1')).toEqual({
			ok: false,
			reason: 'not-read-only',
			word: 'INSERT'
		});
	});

	it('strips one trailing semicolon from what it passes on', () => {
		expect(checkReadOnly('SELECT 1 ;  ')).toEqual({ ok: true, sql: 'SELECT 1' });
	});
});

describe('tables a console query reads', () => {
	it.each([
		['the posts view, both parts', 'SELECT count(*) FROM posts', ['posts_core', 'posts_text']],
		['a quoted name', 'SELECT * FROM "claims"', ['claims']],
		['several tables', 'SELECT * FROM cascades JOIN claims USING (claim_id)', ['claims', 'cascades']],
		['nothing from strings or comments', "SELECT 'posts' -- events\n", []],
		['no table at all', 'SELECT 1', []]
	])('%s', (_, sql, expected) => {
		expect(tablesReferenced(wordsOf(sql)).sort()).toEqual([...expected].sort());
	});
});
