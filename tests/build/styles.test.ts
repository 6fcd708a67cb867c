// Every prerendered page arrives styled: each Svelte scoped class in its HTML has its rules in a stylesheet the
// page links (or inlines). A component whose CSS reaches the page only with its JavaScript (a lazy import) shows
// unstyled until then, and never in a static embed, which has no JavaScript.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILD = 'build';

function pages(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const path = join(dir, d.name);
		if (d.isDirectory()) return d.name === '_app' || d.name === 'data' ? [] : pages(path);
		return d.name.endsWith('.html') ? [path] : [];
	});
}

/** The CSS a page gets without running any script: linked stylesheets and inline <style> elements. */
function pageCss(file: string, html: string): string {
	const linked = [...html.matchAll(/<link\b[^>]*>/g)]
		.map((m) => m[0])
		.filter((tag) => /\brel="stylesheet"/.test(tag))
		.map((tag) => /\bhref="([^"]+)"/.exec(tag)![1])
		.map((href) =>
			readFileSync(href.startsWith('/') ? join(BUILD, href) : resolve(dirname(file), href), 'utf8')
		);
	const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
	return [...linked, ...inline].join('\n');
}

const scopedClasses = (html: string) =>
	new Set([...html.matchAll(/\bclass="([^"]*)"/g)].flatMap((m) => m[1].match(/\bsvelte-[a-z0-9]+\b/g) ?? []));

const files = pages(BUILD);

describe.skipIf(!files.length)('prerendered pages carry their own styles', () => {
	it('finds the embeds and the story pages', () => {
		const names = files.map((f) => relative(BUILD, f));
		expect(names).toContain('embed/wave/static/index.html');
		expect(names).toContain('ko/index.html');
	});

	it.each(files.map((f) => relative(BUILD, f)))('%s', (name) => {
		const file = join(BUILD, name);
		const html = readFileSync(file, 'utf8');
		const css = pageCss(file, html);
		const missing = [...scopedClasses(html)].filter((c) => !css.includes(`.${c}`));
		expect(missing, `scoped classes with no rules in the page's stylesheets`).toEqual([]);
	});
});
