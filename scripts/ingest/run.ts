import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { loadProtestRules } from '../lib/protest-rules';
import { DEDUP_WINDOW_HOURS } from '../lib/dedup';
import { SCHEMA_VERSION } from '../../src/lib/schema';
import type { InferredAttributionRule } from './attribution';
import { sha256File, type IngestContext } from './common';
import { finalizePosts, type FinalizeResult } from './finalize';
import { ingestCsv, type CsvOptions } from './formats/csv';
import { ingestJsonLines } from './jsonl';
import { defaultWorkers, inThread, WorkerPool } from './pool';
import { DEFAULT_WINDOW_MINUTES, ingestWayback } from './formats/wayback';
import { DEFAULT_MAX_RAW_BYTES, Ledger, type FileCounts } from './ledger';
import { DEFAULT_MAX_LINE_BYTES } from './lines';
import { partPaths, PostStage, type StagePart } from './staging';
import { loadStanceLabels, loadStanceRules, StanceClassifier } from './stance';
import { TrendingSink } from './trending';

export const FORMATS = ['wayback', 'twitter-v2', 'mastodon', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface IngestOptions {
	format: Format;
	inputs: string[];
	out: string;
	/** Folder with protest-rules.csv, protest-overrides.csv, stance-rules.csv (default data/rules). */
	rulesDir?: string;
	/** Manual stance labels (default <rulesDir>/stance-labels.csv). */
	labels?: string;
	/** Read timestamps without an offset as UTC instead of rejecting them. */
	assumeUtc?: boolean;
	maxRawBytes?: number;
	maxLineBytes?: number;
	/** Apply the build's near-duplicate SQL here too, filling posts.dup_of (default: leave it to the build). */
	markNearDuplicates?: boolean;
	inferredRules?: InferredAttributionRule[];
	memoryLimit?: string;
	threads?: number;
	/** Worker threads for large JSON-lines files (default: one per CPU; 1 = read in this thread). */
	workers?: number;
	/** JSON-lines files at least this large are split across the workers (default 64 MiB). */
	parallelMinBytes?: number;
	keepStaging?: boolean;
	wayback?: { windowMinutes?: number; bodies?: string };
	mastodon?: { instance?: string };
	csv?: CsvOptions;
}

export interface FileSummary extends Omit<FileCounts, 'staged'> {
	balanced: boolean;
}

export interface Summary {
	format: Format;
	out: string;
	balanced: boolean;
	total: {
		read: number;
		kept: number;
		duplicates: number;
		rejected: number;
		lines: number;
		blank_lines: number;
	};
	files: FileSummary[];
	bodies?: { files: number; bytes: number };
	outputs: { posts: number; snapshots: number; trending_items: number; protest_items: number };
	warnings: Record<string, number>;
	posts?: Omit<FinalizeResult, 'staged' | 'duplicates' | 'posts'>;
	rejects: string | null;
	seconds: number;
	/** Seconds spent reading the inputs and in the run-wide DuckDB passes (wall), and CPU seconds of the process. */
	timings: Record<string, number>;
}

const OUTPUT_FILES = [
	'posts.csv',
	'snapshots.csv',
	'trending_items.csv',
	'source.json',
	'summary.json',
	'rejects.jsonl'
];

/** A path as written in source.json / summary.json: relative to the working directory when inside it. */
export function displayPath(p: string): string {
	const r = relative(process.cwd(), p);
	return r && !r.startsWith('..') && !isAbsolute(r) ? r.split('\\').join('/') : p;
}

/**
 * Reads the inputs of one format into a source directory (posts.csv or snapshots.csv + trending_items.csv,
 * source.json, summary.json, rejects.jsonl). Returns the summary; `summary.balanced` is false when some file's
 * records do not add up (read ≠ kept + duplicates + rejected).
 */
export async function ingest(o: IngestOptions): Promise<Summary> {
	const started = performance.now();
	const cpu0 = process.cpuUsage();
	const rulesDir = o.rulesDir ?? 'data/rules';
	const labelsPath = o.labels ?? join(rulesDir, 'stance-labels.csv');
	const stanceRulesPath = join(rulesDir, 'stance-rules.csv');
	const protest = loadProtestRules(rulesDir);
	const stanceRules = loadStanceRules(stanceRulesPath);
	const labels = existsSync(labelsPath) ? loadStanceLabels(labelsPath) : [];
	const maxLineBytes = o.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;

	mkdirSync(o.out, { recursive: true });
	for (const f of OUTPUT_FILES) rmSync(join(o.out, f), { force: true });
	const stagingDir = join(o.out, `.staging-${process.pid}`);
	mkdirSync(stagingDir, { recursive: true });

	const rejectsPath = join(o.out, 'rejects.jsonl');
	const ledger = new Ledger(rejectsPath, o.maxRawBytes ?? DEFAULT_MAX_RAW_BYTES);
	const parts: StagePart[] = [];
	const allocPart = (): StagePart => {
		const part = partPaths(stagingDir, parts.length);
		parts.push(part);
		return part;
	};
	// Readers that run in this thread (CSV) stage into a part per file; this one only keeps the type honest.
	const posts = new PostStage(allocPart());
	const workers = o.workers ?? defaultWorkers();
	const pool = workers > 1 ? new WorkerPool(workers) : null;
	const trending = new TrendingSink(o.out, protest);
	const warnings: Record<string, number> = {};
	const ctx: IngestContext = {
		ledger,
		posts,
		trending,
		stance: new StanceClassifier(stanceRules),
		protest,
		maxLineBytes,
		time: { assumeUtc: o.assumeUtc ?? false },
		warn: (key, n = 1) => {
			warnings[key] = (warnings[key] ?? 0) + n;
		},
		recordStats: (file, s) => {
			const f = ledger.files[file];
			Object.assign(f, {
				bytes: s.bytes,
				sha256: s.sha256,
				lines: s.lines,
				blank_lines: s.blankLines,
				bom: s.bom
			});
			f.crlf_lines = s.crlf;
		}
	};

	let result: FinalizeResult | null = null;
	const timings: Record<string, number> = {};
	try {
		switch (o.format) {
			case 'twitter-v2':
			case 'mastodon':
				await ingestJsonLines(ctx, o.format, o.inputs, {
					instance: o.mastodon?.instance,
					stagingDir,
					stanceRulesPath,
					maxRawBytes: o.maxRawBytes ?? DEFAULT_MAX_RAW_BYTES,
					parallelMinBytes: o.parallelMinBytes,
					runner: pool ?? inThread,
					allocPart
				});
				break;
			case 'csv':
				if (!o.csv) throw new Error('csv: options missing');
				await ingestCsv(ctx, o.inputs, o.csv, () => new PostStage(allocPart()));
				break;
			case 'wayback':
				await ingestWayback(ctx, o.inputs, o.wayback);
				break;
			default:
				throw new Error(`unknown format ${String(o.format)}`);
		}
		await posts.close();
		await trending.close();
		await ledger.close();
		await pool?.close();
		timings.read = Math.round(performance.now() - started) / 1000;
		const cpu1 = process.cpuUsage(cpu0);
		timings.read_cpu = Math.round((cpu1.user + cpu1.system) / 1000) / 1000;
		const staged = ledger.files.reduce((a, f) => a + f.staged, 0);
		if (staged > 0) {
			result = await finalizePosts({
				parts,
				outPath: join(o.out, 'posts.csv'),
				workDir: stagingDir,
				files: ledger.files.length,
				labels,
				inferredRules: o.inferredRules,
				markNearDuplicates: o.markNearDuplicates,
				memoryLimit: o.memoryLimit,
				threads: o.threads,
				maxRecordBytes: maxLineBytes
			});
			result.staged.forEach((n, i) => {
				const f = ledger.files[i];
				// Every staged row must have reached DuckDB; otherwise the counts cannot balance.
				if (n !== f.staged) f.kept = Number.NaN;
				else {
					f.kept += n - result!.duplicates[i];
					f.duplicates += result!.duplicates[i];
				}
			});
		} else {
			for (const f of ledger.files) if (f.staged !== 0) f.kept = Number.NaN;
		}
	} finally {
		await posts.close().catch(() => undefined);
		await ledger.close().catch(() => undefined);
		await pool?.close().catch(() => undefined);
		if (!o.keepStaging) rmSync(stagingDir, { recursive: true, force: true });
	}

	const records = ledger.files.filter((f) => f.role === 'records');
	const bodies = ledger.files.filter((f) => f.role === 'body');
	const files: FileSummary[] = records.map(({ staged: _staged, ...f }) => ({
		...f,
		path: displayPath(f.path),
		balanced:
			f.read === f.kept + f.duplicates + f.rejected &&
			(!f.items || f.items.read === f.items.kept + f.items.rejected)
	}));
	const sum = (k: 'read' | 'kept' | 'duplicates' | 'rejected' | 'lines' | 'blank_lines') =>
		records.reduce((a, f) => a + f[k], 0);
	const rejected = sum('rejected');
	if (rejected === 0) rmSync(rejectsPath, { force: true });
	const { staged: _s, duplicates: _d, posts: _p, ...postStats } = result ?? ({} as FinalizeResult);
	const summary: Summary = {
		format: o.format,
		out: displayPath(o.out),
		balanced: files.every((f) => f.balanced),
		total: {
			read: sum('read'),
			kept: sum('kept'),
			duplicates: sum('duplicates'),
			rejected,
			lines: sum('lines'),
			blank_lines: sum('blank_lines')
		},
		files,
		...(bodies.length
			? { bodies: { files: bodies.length, bytes: bodies.reduce((a, f) => a + f.bytes, 0) } }
			: {}),
		outputs: {
			posts: result?.posts ?? 0,
			snapshots: trending.snapshotCount,
			trending_items: trending.itemCount,
			protest_items: trending.protestCount
		},
		warnings,
		...(result ? { posts: postStats } : {}),
		rejects: rejected ? displayPath(rejectsPath) : null,
		seconds: Math.round((performance.now() - started) / 10) / 100,
		timings: {
			...timings,
			finalize: Math.round(performance.now() - started - (timings.read ?? 0) * 1000) / 1000,
			cpu: Math.round((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000) / 1000
		}
	};

	const rule = (p: string) => ({ path: displayPath(p), ...sha256File(p) });
	const source = {
		name: o.out.split(/[\\/]/).filter(Boolean).pop(),
		provenance: 'observed',
		format: o.format,
		schema_version: SCHEMA_VERSION,
		generator: 'scripts/ingest (npm run data:ingest)',
		inputs: [...records, ...bodies].map((f) => ({
			path: displayPath(f.path),
			role: f.role,
			format: o.format,
			bytes: f.bytes,
			sha256: f.sha256,
			...(f.role === 'records'
				? { counts: { read: f.read, kept: f.kept, duplicates: f.duplicates, rejected: f.rejected } }
				: {})
		})),
		counts: summary.outputs,
		rules: {
			protest_rules: rule(join(rulesDir, 'protest-rules.csv')),
			protest_overrides: rule(join(rulesDir, 'protest-overrides.csv')),
			stance_rules: rule(stanceRulesPath),
			stance_labels: existsSync(labelsPath) ? rule(labelsPath) : null,
			inferred_attribution: (o.inferredRules ?? []).map((r) => r.id)
		},
		options: {
			...(o.format === 'wayback'
				? {
						window_minutes: o.wayback?.windowMinutes ?? DEFAULT_WINDOW_MINUTES,
						bodies: o.wayback?.bodies ?? null
					}
				: {}),
			...(o.format === 'mastodon' ? { instance: o.mastodon?.instance ?? null } : {}),
			...(o.format === 'csv' ? { csv: o.csv } : {}),
			assume_utc: o.assumeUtc ?? false,
			near_duplicates: o.markNearDuplicates
				? `marked here (same SQL as the build, ${DEDUP_WINDOW_HOURS} h)`
				: 'left to the build'
		}
	};
	writeFileSync(join(o.out, 'source.json'), JSON.stringify(source, null, '\t') + '\n');
	writeFileSync(join(o.out, 'summary.json'), JSON.stringify(summary, null, '\t') + '\n');
	return summary;
}
