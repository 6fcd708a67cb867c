import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, TABLE_NAMES } from '../../src/lib/schema';
import type { Duck } from './duck';
import { fileBytes, sha256File, sha256Text } from './hash';
import type { BrowserEntry, FileEntry } from './outputs';

export interface ManifestFile {
	path: string;
	rows?: number;
	day?: string;
	bytes: number;
	sha256: string;
}

async function describe(outDir: string, files: readonly FileEntry[]): Promise<ManifestFile[]> {
	const out: ManifestFile[] = [];
	for (const f of files) {
		const abs = join(outDir, f.path);
		out.push({ ...f, bytes: fileBytes(abs), sha256: await sha256File(abs) });
	}
	return out;
}

/** Hashes of the inputs that shaped the data (documented facts, rules), so a reader can tell what changed. */
async function inputHashes(dirs: readonly string[]) {
	const out: { path: string; sha256: string }[] = [];
	for (const dir of dirs) {
		for (const name of readdirSync(dir).sort()) {
			if (!name.endsWith('.csv')) continue;
			out.push({ path: `${dir}/${name}`, sha256: await sha256File(join(dir, name)) });
		}
	}
	return out;
}

/**
 * Writes manifest.json: schema version, per table rows, provenance counts and files (bytes, sha256), the
 * browser files, the aggregates, and how the data was made. It holds no clock time, so a rebuild from the
 * same inputs reproduces it byte for byte; `datasetVersion` is the hash of everything else in it.
 */
export async function buildManifest(
	duck: Duck,
	outDir: string,
	downloads: Record<string, FileEntry[]>,
	browser: Record<string, BrowserEntry>,
	aggregates: FileEntry[],
	source: { dir: string; meta: unknown },
	inputs: { documentedDir: string; rulesDir: string }
) {
	const tables: Record<string, unknown> = {};
	for (const name of TABLE_NAMES) {
		const [{ rows }] = await duck.all<{ rows: number }>(`SELECT count(*)::INTEGER AS rows FROM ${name}`);
		const prov = await duck.all<{ provenance: string; n: number }>(
			`SELECT provenance, count(*)::INTEGER AS n FROM ${name} GROUP BY ALL ORDER BY provenance`
		);
		tables[name] = {
			rows,
			provenance: Object.fromEntries(prov.map((p) => [p.provenance, p.n])),
			files: await describe(outDir, downloads[name] ?? [])
		};
	}
	const browserFiles: Record<string, unknown> = {};
	for (const [name, entry] of Object.entries(browser)) {
		browserFiles[name] = { ...entry, files: await describe(outDir, entry.files) };
	}
	const [{ v }] = await duck.all<{ v: string }>(`SELECT version() AS v`);
	const body = {
		name: 'AI Art Discourse Explorer dataset',
		schemaVersion: SCHEMA_VERSION,
		source: { dir: source.dir, ...(source.meta as object) },
		inputs: await inputHashes([inputs.documentedDir, inputs.rulesDir]),
		tables,
		browser: browserFiles,
		aggregates: await describe(outDir, aggregates),
		tools: { duckdb: v }
	};
	const datasetVersion = sha256Text(JSON.stringify(body)).slice(0, 16);
	return { datasetVersion, ...body };
}

export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
