/**
 * What every download, citation and embed needs to know about the published dataset, read at build time from
 * static/data/manifest.json (which `npm run data:build` writes before `vite build`). Only these few keys are
 * bundled, not the whole manifest. A glob, not an import, so type checks still pass before the first build.
 */
interface TableInfo {
	rows: number;
	provenance: Record<string, number>;
	files: { path: string; rows?: number; bytes: number; sha256: string }[];
}

const versions = import.meta.glob<string>('/static/data/manifest.json', {
	eager: true,
	import: 'datasetVersion'
});
const schemas = import.meta.glob<string>('/static/data/manifest.json', {
	eager: true,
	import: 'schemaVersion'
});
const tableInfo = import.meta.glob<Record<string, TableInfo>>('/static/data/manifest.json', {
	eager: true,
	import: 'tables'
});

const first = <T>(m: Record<string, T>): T | undefined => Object.values(m)[0];

/** The manifest's content hash: changes whenever any published row, file or input changes. */
export const DATASET_VERSION: string = first(versions) ?? 'unbuilt';
export const SCHEMA_VERSION: string = first(schemas) ?? 'unbuilt';
const TABLE_INFO: Record<string, TableInfo> = first(tableInfo) ?? {};

/** Rows in a published contract table (null when the table is unknown). */
export const tableRows = (name: string): number | null => TABLE_INFO[name]?.rows ?? null;

/** Whether a published table holds any simulated rows. */
export const tableIsSimulated = (name: string): boolean => (TABLE_INFO[name]?.provenance.simulated ?? 0) > 0;

/** Download URL of a published table file: the same predictable names as on /data. */
export const tableFileUrl = (name: string, ext: 'csv' | 'parquet'): string => `/data/${name}.${ext}`;
