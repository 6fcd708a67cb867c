/** The subset of static/data/manifest.json that pages read (written by scripts/build/manifest.ts). */
export interface ManifestFile {
	path: string;
	rows?: number;
	day?: string;
	bytes: number;
	sha256: string;
}

export interface ManifestTable {
	rows: number;
	provenance: Record<string, number>;
	files: ManifestFile[];
}

export interface Manifest {
	name: string;
	datasetVersion: string;
	schemaVersion: string;
	source: {
		dir: string;
		name?: string;
		provenance?: string;
		generator?: { name: string; version?: string; seed?: number; posts?: number; config?: unknown };
		inputs?: unknown;
	};
	inputs: { path: string; sha256: string }[];
	tables: Record<string, ManifestTable>;
	tools: { duckdb: string };
}

export async function loadManifest(fetch: typeof globalThis.fetch): Promise<Manifest> {
	const res = await fetch('/data/manifest.json');
	if (!res.ok) throw new Error(`/data/manifest.json: HTTP ${res.status} (run \`npm run data:build\`)`);
	return (await res.json()) as Manifest;
}

export const formatBytes = (n: number): string =>
	n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
