/**
 * The reproducibility bundle of one view: a zip (fflate) with the chart as SVG and PNG, the rows as CSV, the
 * SQL or derivation that produced them, the dataset version and the citation, plus a README that lists them.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface BundleParts {
	/** Base name of the files inside, e.g. "wave" or "wave-SIMULATED". */
	base: string;
	svg?: string;
	png?: Uint8Array;
	csv: string;
	query: string;
	dataset: Record<string, unknown>;
	citationText: string;
	bibtex: string;
	readme: string;
}

/** SQL is kept as is; a prose derivation is written as SQL comments so the file still runs as a no-op. */
export function queryFile(query: string, header: readonly string[]): string {
	const head = header.map((l) => `-- ${l}`).join('\n');
	const body = query.trim();
	if (!body) return `${head}\n-- (no query: the rows come straight from the chart's pre-aggregated data)\n`;
	const isSql = /^(--|\/\*|select\b|with\b|from\b|pivot\b|values\b)/i.test(body);
	return `${head}\n${isSql ? body : body.replace(/^/gm, '-- ')}\n`;
}

/** The file names inside the zip (also what the README lists). */
export function bundleNames(base: string) {
	return {
		svg: `${base}.svg`,
		png: `${base}.png`,
		csv: `${base}.csv`,
		query: 'query.sql',
		dataset: 'dataset.json',
		citation: 'CITATION.txt',
		bibtex: 'citation.bib',
		readme: 'README.txt'
	};
}

export function makeBundle(p: BundleParts): Uint8Array {
	const n = bundleNames(p.base);
	const files: Zippable = {
		[n.readme]: strToU8(p.readme),
		[n.csv]: strToU8(p.csv),
		[n.query]: strToU8(p.query),
		[n.dataset]: strToU8(JSON.stringify(p.dataset, null, 2) + '\n'),
		[n.citation]: strToU8(p.citationText + '\n'),
		[n.bibtex]: strToU8(p.bibtex)
	};
	if (p.svg) files[n.svg] = strToU8(p.svg);
	// PNG is already compressed: store it.
	if (p.png) files[n.png] = [p.png, { level: 0 }];
	return zipSync(files, { level: 6 });
}
