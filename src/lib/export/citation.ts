/**
 * How to cite the site, a chart or the dataset: plain text and BibTeX, always with the dataset version
 * (manifest.json `datasetVersion`) so a citation names the exact data. CITATION.cff at the repository root
 * carries the same title, authors and year (tests/unit/export/citation.test.ts checks they agree).
 */

export const CITE = {
	title: 'AI Art Discourse Explorer',
	authors: 'AI Art Discourse Explorer contributors',
	/** Year of the release being cited. Fixed, never read from the clock, so builds are reproducible. */
	year: 2026
} as const;

export interface CiteInput {
	/** Chart title; absent when citing the dataset itself. */
	chartTitle?: string;
	datasetVersion: string;
	/** Absolute URL of the chart or data page (a path before hydration). */
	url: string;
	/** Labels of the chart's own sources (archives, documented facts). */
	sources?: readonly string[];
	simulated?: boolean;
}

/** One-line citation for readers and footnotes. */
export function plainCitation(c: CiteInput): string {
	const what = c.chartTitle ? `“${c.chartTitle}” [chart]. ${CITE.title}` : `${CITE.title} dataset [data set]`;
	const sources = c.sources?.length ? ` Sources: ${c.sources.join('; ')}.` : '';
	const sim = c.simulated ? ' Contains simulated data.' : '';
	return `${CITE.authors} (${CITE.year}). ${what}, dataset version ${c.datasetVersion}. ${c.url}.${sources}${sim}`;
}

/** Escapes the characters BibTeX treats specially. */
export const bibEscape = (s: string): string => s.replace(/[\\{}%&$#_^~]/g, (ch) => `\\${ch}`);

/** A BibTeX @misc entry whose key names the chart and the dataset version. */
export function bibtex(c: CiteInput): string {
	const slug = (c.chartTitle ? 'chart' : 'dataset') + '_' + c.datasetVersion.slice(0, 8);
	const key = `aiart_${slug}`.replace(/[^\w]/g, '');
	const title = c.chartTitle ? `${c.chartTitle} (chart)` : `${CITE.title} dataset`;
	const notes = [
		`Dataset version ${c.datasetVersion}`,
		...(c.sources?.length ? [`Sources: ${c.sources.join('; ')}`] : []),
		...(c.simulated ? ['Contains simulated data'] : [])
	];
	const fields: [string, string][] = [
		['author', `{${CITE.authors}}`],
		['title', `{${bibEscape(title)}}`],
		['howpublished', bibEscape(CITE.title)],
		['year', String(CITE.year)],
		['version', bibEscape(c.datasetVersion)],
		['url', c.url],
		['note', bibEscape(notes.join('. '))]
	];
	return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}
