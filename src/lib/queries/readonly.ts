/**
 * The SQL console's gate: one statement, read-only kinds only. It runs before the engine sees the text and
 * gives readers a clear message; the engine's lock-down (lockdown.ts) is the real barrier behind it. A small
 * lexer skips strings, quoted names, dollar-quoted text and comments so that words inside them never count.
 */

/** Statement kinds the console runs. */
export const READ_ONLY_STARTS = [
	'SELECT',
	'WITH',
	'FROM',
	'VALUES',
	'TABLE',
	'EXPLAIN',
	'DESCRIBE',
	'DESC',
	'SHOW',
	'SUMMARIZE',
	'PIVOT',
	'UNPIVOT'
] as const;

/** Keywords that change state or reach outside the database, refused anywhere in a statement. */
export const REFUSED_KEYWORDS = [
	'INSERT',
	'UPDATE',
	'DELETE',
	'MERGE',
	'UPSERT',
	'TRUNCATE',
	'CREATE',
	'DROP',
	'ALTER',
	'ATTACH',
	'DETACH',
	'INSTALL',
	'LOAD',
	'FORCE',
	'COPY',
	'EXPORT',
	'IMPORT',
	'SET',
	'RESET',
	'PRAGMA',
	'CALL',
	'CHECKPOINT',
	'VACUUM',
	'USE',
	'BEGIN',
	'COMMIT',
	'ROLLBACK',
	'ABORT',
	'PREPARE',
	'EXECUTE',
	'DEALLOCATE',
	'GRANT',
	'REVOKE'
] as const;

export type GateResult =
	| { ok: true; sql: string }
	| { ok: false; reason: 'empty' | 'multiple' | 'not-read-only' | 'unterminated'; word?: string };

const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/u;

interface Token {
	kind: 'word' | 'quoted' | 'semicolon' | 'paren' | 'other';
	text: string;
}

/** Splits SQL into the tokens the gate needs; returns null when a string or comment never ends. */
export function lexSql(sql: string): Token[] | null {
	const out: Token[] = [];
	let i = 0;
	const n = sql.length;
	while (i < n) {
		const c = sql[i];
		if (/\s/u.test(c)) {
			i++;
		} else if (c === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			i = end < 0 ? n : end + 1;
		} else if (c === '/' && sql[i + 1] === '*') {
			// Comments nest in DuckDB's (Postgres-derived) grammar.
			let depth = 1;
			i += 2;
			while (i < n && depth > 0) {
				if (sql[i] === '/' && sql[i + 1] === '*') {
					depth++;
					i += 2;
				} else if (sql[i] === '*' && sql[i + 1] === '/') {
					depth--;
					i += 2;
				} else i++;
			}
			if (depth > 0) return null;
		} else if (c === "'" || ((c === 'E' || c === 'e') && sql[i + 1] === "'")) {
			const escapes = c !== "'";
			i += escapes ? 2 : 1;
			let closed = false;
			while (i < n) {
				if (escapes && sql[i] === '\\') i += 2;
				else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
				else if (sql[i] === "'") {
					i++;
					closed = true;
					break;
				} else i++;
			}
			if (!closed) return null;
			out.push({ kind: 'other', text: "''" });
		} else if (c === '"') {
			const start = ++i;
			let closed = false;
			while (i < n) {
				if (sql[i] === '"' && sql[i + 1] === '"') i += 2;
				else if (sql[i] === '"') {
					i++;
					closed = true;
					break;
				} else i++;
			}
			if (!closed) return null;
			out.push({ kind: 'quoted', text: sql.slice(start, i - 1).replaceAll('""', '"') });
		} else if (c === '$' && DOLLAR_TAG.test(sql.slice(i, i + 200))) {
			// Dollar-quoted text, `$$…$$` or `$tag$…$tag$` (a tag never starts with a digit: `$1` is a parameter).
			const tag = DOLLAR_TAG.exec(sql.slice(i, i + 200))![0];
			const end = sql.indexOf(tag, i + tag.length);
			if (end < 0) return null;
			i = end + tag.length;
			out.push({ kind: 'other', text: "''" });
		} else if (/[A-Za-z_\u0080-\uffff]/u.test(c)) {
			let j = i + 1;
			while (j < n && /[A-Za-z0-9_$\u0080-\uffff]/u.test(sql[j])) j++;
			out.push({ kind: 'word', text: sql.slice(i, j).toUpperCase() });
			i = j;
		} else if (c === ';') {
			out.push({ kind: 'semicolon', text: ';' });
			i++;
		} else if (c === '(' || c === ')') {
			out.push({ kind: 'paren', text: c });
			i++;
		} else {
			out.push({ kind: 'other', text: c });
			i++;
		}
	}
	return out;
}

/** Accepts exactly one read-only statement (a trailing semicolon is fine). */
export function checkReadOnly(sql: string): GateResult {
	const tokens = lexSql(sql);
	if (tokens === null) return { ok: false, reason: 'unterminated' };
	const statements: Token[][] = [[]];
	for (const t of tokens) {
		if (t.kind === 'semicolon') statements.push([]);
		else statements.at(-1)!.push(t);
	}
	const nonEmpty = statements.filter((s) => s.length > 0);
	if (nonEmpty.length === 0) return { ok: false, reason: 'empty' };
	if (nonEmpty.length > 1) return { ok: false, reason: 'multiple' };
	const stmt = nonEmpty[0];
	const first = stmt.find((t) => t.kind !== 'paren');
	if (!first || first.kind !== 'word' || !(READ_ONLY_STARTS as readonly string[]).includes(first.text)) {
		return { ok: false, reason: 'not-read-only', word: first?.text };
	}
	const refused = stmt.find(
		(t) => t.kind === 'word' && (REFUSED_KEYWORDS as readonly string[]).includes(t.text)
	);
	if (refused) return { ok: false, reason: 'not-read-only', word: refused.text };
	return { ok: true, sql: sql.trim().replace(/\s*;\s*$/u, '') };
}

/** Unquoted words of a statement, lower-cased (to find which tables it reads). */
export function wordsOf(sql: string): Set<string> {
	const tokens = lexSql(sql) ?? [];
	return new Set(
		tokens.filter((t) => t.kind === 'word' || t.kind === 'quoted').map((t) => t.text.toLowerCase())
	);
}
