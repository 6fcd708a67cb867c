/**
 * Every UI string exists in English and Korean: the shared tables (src/lib/i18n/en.ts, ko.ts) and every local
 * `{ en: …, ko: … }` object a component keeps for itself (found by parsing each module's code, so a new one is
 * checked without being registered here). Same keys, no empty values, the same `{placeholders}`, and no
 * Korean value left as a copy of the English sentence.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en';
import { ko } from '../../../src/lib/i18n/ko';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * A Korean value that is a copy of a real English sentence (two or more words of three or more letters), as
 * opposed to a name or code kept in both languages (DuckDB, SQL, CSV, 'Mastodon').
 */
const untranslatedCopy = (enValue: string, koValue: string) =>
	enValue === koValue &&
	!/[\uac00-\ud7a3]/.test(koValue) &&
	(enValue.match(/[A-Za-z]{3,}/g) ?? []).length >= 2;

interface Problem {
	where: string;
	issue: string;
}

/** Compares one English/Korean pair of values (strings, nested tables, arrays). */
function comparePair(where: string, a: unknown, b: unknown, out: Problem[]) {
	if (typeof a === 'string' || typeof b === 'string') {
		if (typeof a !== 'string' || typeof b !== 'string') {
			out.push({ where, issue: `a string in one language only (en ${typeof a}, ko ${typeof b})` });
			return;
		}
		if (!a.trim()) out.push({ where, issue: 'empty English value' });
		if (!b.trim()) out.push({ where, issue: 'empty Korean value' });
		const pa = placeholders(a).join(',');
		const pb = placeholders(b).join(',');
		if (pa !== pb) out.push({ where, issue: `placeholders differ: en {${pa}} ko {${pb}}` });
		if (untranslatedCopy(a, b)) out.push({ where, issue: `Korean value is the English text: "${b}"` });
		return;
	}
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
			out.push({ where, issue: 'lists of different lengths' });
			return;
		}
		a.forEach((v, i) => comparePair(`${where}[${i}]`, v, b[i], out));
		return;
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		for (const k of ka) if (!(k in b)) out.push({ where: `${where}.${k}`, issue: 'missing in Korean' });
		for (const k of kb) if (!(k in a)) out.push({ where: `${where}.${k}`, issue: 'missing in English' });
		for (const k of ka)
			if (k in b)
				comparePair(
					`${where}.${k}`,
					(a as Record<string, unknown>)[k],
					(b as Record<string, unknown>)[k],
					out
				);
	}
	// Anything else (functions, numbers, computed values) only has to exist on both sides.
}

/** A parsed literal: strings, objects and arrays; any other expression becomes an opaque marker. */
const OPAQUE = Symbol('expression');
function literal(node: ts.Expression): unknown {
	while (
		ts.isAsExpression(node) ||
		ts.isSatisfiesExpression(node) ||
		ts.isParenthesizedExpression(node) ||
		ts.isTypeAssertionExpression(node)
	)
		node = node.expression;
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
	if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => literal(e));
	if (ts.isObjectLiteralExpression(node)) {
		const out: Record<string, unknown> = {};
		for (const p of node.properties) {
			const name =
				p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
			if (!name) continue;
			if (ts.isPropertyAssignment(p)) out[name] = literal(p.initializer);
			else out[name] = OPAQUE;
		}
		return out;
	}
	return OPAQUE;
}

interface LocalTable {
	file: string;
	line: number;
	en: unknown;
	ko: unknown;
}

/** Every object literal with both an `en` and a `ko` property, in a module's code. */
function localTables(file: string, code: string, offsetLine = 0): LocalTable[] {
	const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const found: LocalTable[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isObjectLiteralExpression(node)) {
			const props = new Map<string, ts.Expression>();
			for (const p of node.properties)
				if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
					props.set(p.name.text, p.initializer);
			if (props.has('en') && props.has('ko')) {
				const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1 + offsetLine;
				found.push({ file, line, en: literal(props.get('en')!), ko: literal(props.get('ko')!) });
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** The <script> blocks of a Svelte component, with the line each starts on. */
function svelteScripts(code: string): { code: string; line: number }[] {
	return [...code.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({
		code: m[1],
		line: code.slice(0, m.index! + m[0].indexOf('>') + 1).split('\n').length - 1
	}));
}

function allLocalTables(root = 'src'): LocalTable[] {
	const tables: LocalTable[] = [];
	for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
		const file = join(root, entry);
		if (/[\\/]i18n[\\/](en|ko)\.ts$/.test(file) || !statSync(file).isFile()) continue;
		if (file.endsWith('.svelte')) {
			for (const s of svelteScripts(readFileSync(file, 'utf8')))
				tables.push(...localTables(file, s.code, s.line));
		} else if (/\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')) {
			tables.push(...localTables(file, readFileSync(file, 'utf8')));
		}
	}
	return tables;
}

describe('shared UI strings (src/lib/i18n)', () => {
	it('has every English key in Korean and no Korean key without an English one', () => {
		const missing = Object.keys(en).filter((k) => !(k in ko));
		const extra = Object.keys(ko).filter((k) => !(k in en));
		expect({ missing, extra }).toEqual({ missing: [], extra: [] });
	});

	it.each(Object.keys(en))('%s is filled in both languages with the same placeholders', (key) => {
		const out: Problem[] = [];
		comparePair(key, en[key as keyof typeof en], ko[key as keyof typeof ko], out);
		expect(out).toEqual([]);
	});
});

describe('local { en, ko } string tables in components and modules', () => {
	const tables = allLocalTables();

	it('are found (the parser sees the explorer’s tables)', () => {
		expect(tables.length).toBeGreaterThan(0);
	});

	it.each(tables.map((t) => [`${t.file}:${t.line}`, t] as const))(
		'%s: same keys, no empty values, same placeholders, translated',
		(_where, table) => {
			const out: Problem[] = [];
			comparePair(`${table.file}:${table.line}`, table.en, table.ko, out);
			expect(out.map((p) => `${p.where}: ${p.issue}`)).toEqual([]);
		}
	);
});

describe('the checker itself', () => {
	it.each([
		['a missing key', { a: 'x', b: 'y' }, { a: '엑스' }, /missing in Korean/],
		['an extra key', { a: 'x' }, { a: '엑스', b: '와이' }, /missing in English/],
		['an empty value', { a: 'Hello there' }, { a: ' ' }, /empty Korean/],
		['different placeholders', { a: '{n} posts' }, { a: '게시물 {count}개' }, /placeholders differ/],
		['an untranslated sentence', { a: 'Show the table' }, { a: 'Show the table' }, /is the English text/]
	])('reports %s', (_name, a, b, re) => {
		const out: Problem[] = [];
		comparePair('t', a, b, out);
		expect(out.map((p) => p.issue).join('\n')).toMatch(re);
	});

	it.each([
		['a shared name', { a: 'DuckDB' }, { a: 'DuckDB' }],
		['reordered placeholders', { a: '{a} of {b}' }, { a: '{b}의 {a}' }],
		['nested tables', { s: { x: 'Newest first' } }, { s: { x: '최신순' } }]
	])('accepts %s', (_name, a, b) => {
		const out: Problem[] = [];
		comparePair('t', a, b, out);
		expect(out).toEqual([]);
	});

	it('finds tables in Svelte scripts, through `as` and nested objects', () => {
		const code = `<script lang="ts">\n\tconst t = { en: { a: 'Posts', s: { x: 'New' } as Record<string, string> }, ko: { a: '게시물', s: { x: '새' } } };\n</script>`;
		const [script] = svelteScripts(code);
		const [table] = localTables('x.svelte', script.code, script.line);
		expect(table).toMatchObject({ line: 2, en: { a: 'Posts', s: { x: 'New' } }, ko: { a: '게시물' } });
	});
});
