import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../../src/lib/export/palette';

const css = readFileSync('src/lib/styles/global.css', 'utf8');

/** The custom properties declared in the first block whose selector matches. */
function block(selector: string): Record<string, string> {
	const start = css.indexOf(selector);
	expect(start, `selector ${selector}`).toBeGreaterThanOrEqual(0);
	const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
	return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

describe('image-export palettes follow global.css', () => {
	it('light = :root', () => {
		const root = block(':root {');
		for (const [k, v] of Object.entries(PALETTES.light)) expect(root[k], k).toBe(v);
	});
	it("dark = :root[data-theme='dark']", () => {
		const dark = block(":root[data-theme='dark'] {");
		for (const [k, v] of Object.entries(PALETTES.dark)) expect(dark[k], k).toBe(v);
	});
	// The e2e dark axe run sets the attribute (synchronous); this makes it cover the system setting too.
	it("the system's dark (prefers-color-scheme) = :root[data-theme='dark']", () => {
		const system = block(":root:not([data-theme='light']) {");
		expect(Object.keys(system).length).toBeGreaterThan(10);
		expect(system).toEqual(block(":root[data-theme='dark'] {"));
	});
	it('covers every colour variable the site defines', () => {
		const colours = Object.keys(block(':root {')).filter((k) => k !== '--font');
		expect(Object.keys(PALETTES.light).sort()).toEqual(colours.sort());
	});
});
