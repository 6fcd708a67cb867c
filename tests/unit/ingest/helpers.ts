import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ingest, type IngestOptions, type Summary } from '../../../scripts/ingest/run';

export const FIXTURES = 'data/fixtures/ingest';

export interface Run {
	out: string;
	summary: Summary;
	source: Record<string, unknown>;
	posts: Record<string, string>[];
	snapshots: Record<string, string>[];
	items: Record<string, string>[];
	rejects: Record<string, unknown>[];
}

/** Reads a CSV the way a test should: every value a string, empty cells as ''. */
export function readCsv(path: string): Record<string, string>[] {
	if (!existsSync(path)) return [];
	const p = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	if (p.errors.length) throw new Error(`${path}: ${p.errors[0].message}`);
	return p.data;
}

export function tmp(prefix = 'ingest-test-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the ingester into a fresh temporary folder and reads everything it wrote. */
export async function run(o: Omit<IngestOptions, 'out'> & { out?: string }): Promise<Run> {
	const out = o.out ?? join(tmp(), 'out');
	const summary = await ingest({ workers: 1, ...o, out });
	const rejectsPath = join(out, 'rejects.jsonl');
	return {
		out,
		summary,
		source: JSON.parse(readFileSync(join(out, 'source.json'), 'utf8')),
		posts: readCsv(join(out, 'posts.csv')),
		snapshots: readCsv(join(out, 'snapshots.csv')),
		items: readCsv(join(out, 'trending_items.csv')),
		rejects: existsSync(rejectsPath)
			? readFileSync(rejectsPath, 'utf8')
					.split('\n')
					.filter(Boolean)
					.map((l) => JSON.parse(l))
			: []
	};
}

export const byId = (rows: Record<string, string>[], key = 'post_id') =>
	new Map(rows.map((r) => [r[key], r]));

/** Per file: read / kept / duplicates / rejected, keyed by file name. */
export function counts(s: Summary): Record<string, [number, number, number, number]> {
	return Object.fromEntries(
		s.files.map((f) => [f.path.split('/').pop(), [f.read, f.kept, f.duplicates, f.rejected]])
	);
}
