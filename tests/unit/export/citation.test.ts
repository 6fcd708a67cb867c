import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bibEscape, bibtex, CITE, plainCitation } from '../../../src/lib/export/citation';

const cff = readFileSync('CITATION.cff', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
/** A top-level scalar of the YAML file, unquoted (Prettier writes single quotes). */
const field = (name: string) => new RegExp(`^${name}:\\s*(['"]?)([^'"\\n]+)\\1\\s*$`, 'm').exec(cff)?.[2];

describe('CITATION.cff', () => {
	it('is CFF 1.2.0 with the title, version and authors the site shows', () => {
		expect(field('cff-version')).toBe('1.2.0');
		expect(field('title')).toBe(CITE.title);
		expect(field('version')).toBe(pkg.version);
		expect(cff).toMatch(new RegExp(`- name: (['"])${CITE.authors}\\1`));
		expect(cff).toMatch(new RegExp(`^  year: ${CITE.year}$`, 'm'));
	});

	it('tells readers to cite the dataset version', () => {
		expect(cff).toMatch(/datasetVersion/);
	});
});

describe('citations', () => {
	const chart = {
		chartTitle: 'Protest images on ArtStation’s Trending page',
		datasetVersion: 'b58ae3e7ad63c21f',
		url: 'https://example.org/wave/?top=50',
		sources: ['Wayback Machine', 'documented events'],
		simulated: true
	};

	it('plain text names authors, year, chart, dataset version, URL, sources and simulated data', () => {
		expect(plainCitation(chart)).toBe(
			'AI Art Discourse Explorer contributors (2026). “Protest images on ArtStation’s Trending page” [chart]. ' +
				'AI Art Discourse Explorer, dataset version b58ae3e7ad63c21f. https://example.org/wave/?top=50. ' +
				'Sources: Wayback Machine; documented events. Contains simulated data.'
		);
	});

	it('cites the dataset itself when no chart is given', () => {
		expect(plainCitation({ datasetVersion: 'v1', url: '/data/' })).toBe(
			'AI Art Discourse Explorer contributors (2026). AI Art Discourse Explorer dataset [data set], dataset version v1. /data/.'
		);
	});

	it('BibTeX is one @misc entry with the version in key, version and note', () => {
		const b = bibtex(chart);
		expect(b).toMatch(/^@misc\{aiart_chart_b58ae3e7,\n/);
		expect(b).toContain('  author = {{AI Art Discourse Explorer contributors}}');
		expect(b).toContain('  version = {b58ae3e7ad63c21f}');
		expect(b).toContain('  year = {2026}');
		expect(b).toContain('  url = {https://example.org/wave/?top=50}');
		expect(b).toContain('Contains simulated data');
		expect(b.trimEnd().endsWith('}')).toBe(true);
		// Balanced braces: the entry parses.
		expect([...b].filter((c) => c === '{').length).toBe([...b].filter((c) => c === '}').length);
	});

	it.each([
		['50% & more_#1', '50\\% \\& more\\_\\#1'],
		['{x}', '\\{x\\}'],
		['plain', 'plain']
	])('bibEscape(%j) = %j', (input, out) => {
		expect(bibEscape(input)).toBe(out);
	});
});
