/**
 * JSON-lines formats (twitter-v2, mastodon): each file is read as one job, or — when it is large and there are
 * several CPUs — cut into byte ranges at newlines (ranges.ts) that worker threads read in parallel, each into
 * its own staging part. Counts, statistics and rejects of the ranges are merged back in input order: line
 * numbers of a range are shifted by the newlines before it, counted while the file is hashed.
 */
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expandInputs, isJsonDocument, readJsonValues, type IngestContext, type RecordAt } from './common';
import { ingestValue as mastodonValue, detectHost } from './formats/mastodon';
import { ingestValue as twitterValue } from './formats/twitter';
import { Ledger } from './ledger';
import type { FileReadStats } from './lines';
import { hashAndCountLines, planRanges, type ByteRange } from './ranges';
import { PostStage, type StagePart } from './staging';
import { loadStanceRules, StanceClassifier } from './stance';

export type JsonLinesFormat = 'twitter-v2' | 'mastodon';

/** One job: a whole file, or one byte range of it, read into one staging part. */
export interface RangeTask {
	format: JsonLinesFormat;
	path: string;
	/** The file's index in the run's ledger (written to the staging rows). */
	file: number;
	part: StagePart;
	rejectsPath: string;
	/** null: the whole file (which may then be one pretty-printed JSON document). */
	range: ByteRange | null;
	host?: string;
	stanceRulesPath: string;
	maxLineBytes: number;
	maxRawBytes: number;
	assumeUtc: boolean;
}

export interface RangeResult {
	read: number;
	staged: number;
	rejected: number;
	reasons: Record<string, number>;
	stats: FileReadStats | null;
	warnings: Record<string, number>;
}

const classifiers = new Map<string, StanceClassifier>();

/** Reads one range (or file) with its own ledger and staging part; runs in a worker or in the main thread. */
export async function runRange(task: RangeTask): Promise<RangeResult> {
	let stance = classifiers.get(task.stanceRulesPath);
	if (!stance) {
		stance = new StanceClassifier(loadStanceRules(task.stanceRulesPath));
		classifiers.set(task.stanceRulesPath, stance);
	}
	const ledger = new Ledger(task.rejectsPath, task.maxRawBytes);
	const file = ledger.addFile(task.path);
	const posts = new PostStage(task.part, task.file);
	const warnings: Record<string, number> = {};
	let stats: FileReadStats | null = null;
	const ctx: IngestContext = {
		ledger,
		posts,
		// Only Wayback and CSV trending rows use these.
		trending: null as never,
		protest: null as never,
		stance,
		maxLineBytes: task.maxLineBytes,
		time: { assumeUtc: task.assumeUtc },
		warn: (key, n = 1) => {
			warnings[key] = (warnings[key] ?? 0) + n;
		},
		recordStats: (_file, s) => {
			stats = s;
		}
	};
	const host = task.host ?? '';
	const onValue =
		task.format === 'twitter-v2'
			? (v: unknown, at: RecordAt) => twitterValue(ctx, file, v, at, '')
			: (v: unknown, at: RecordAt) => mastodonValue(ctx, file, v, host, at, '');
	try {
		await readJsonValues(ctx, file, task.path, onValue, task.range);
	} finally {
		await posts.close();
		await ledger.close();
	}
	const f = ledger.files[file];
	return { read: f.read, staged: f.staged, rejected: f.rejected, reasons: f.reasons, stats, warnings };
}

/** Runs range jobs, in worker threads when there is a pool, else in this thread. */
export interface RangeRunner {
	workers: number;
	run(task: RangeTask): Promise<RangeResult>;
}

export interface JsonLinesOptions {
	instance?: string;
	stagingDir: string;
	stanceRulesPath: string;
	maxRawBytes: number;
	/** Files at least this large are cut into ranges for the workers (default 64 MiB). */
	parallelMinBytes?: number;
	runner: RangeRunner;
	allocPart(): StagePart;
}

/** Copies a range's rejects into the run's rejects file, shifting line numbers by the lines before the range. */
async function mergeRejects(ctx: IngestContext, path: string, lineBase: number): Promise<void> {
	let stream;
	try {
		stream = createReadStream(path, { encoding: 'utf8' });
		for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
			if (!line) continue;
			const entry = JSON.parse(line) as { line: number | null };
			if (entry.line !== null && lineBase) entry.line += lineBase;
			ctx.ledger.writeEntry(entry);
			await ctx.ledger.drain();
		}
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
}

export async function ingestJsonLines(
	ctx: IngestContext,
	format: JsonLinesFormat,
	inputs: readonly string[],
	o: JsonLinesOptions
): Promise<void> {
	for (const path of expandInputs(inputs, (n) => /\.(jsonl?|ndjson)$/i.test(n))) {
		let host: string | undefined;
		if (format === 'mastodon') {
			host = o.instance?.toLowerCase() ?? (await detectHost(path, ctx.maxLineBytes)) ?? undefined;
			if (!host) {
				throw new Error(
					`${path}: cannot tell which server these statuses were fetched from (no status by a local account); pass --instance <host>`
				);
			}
		}
		const file = ctx.ledger.addFile(path);
		const size = statSync(path).size;
		const parallel =
			o.runner.workers > 1 && size >= (o.parallelMinBytes ?? 64 << 20) && !(await isJsonDocument(path));
		const ranges: (ByteRange | null)[] = parallel
			? await planRanges(path, size, o.runner.workers, ctx.maxLineBytes)
			: [null];
		const tasks: RangeTask[] = ranges.map((range) => {
			const part = o.allocPart();
			return {
				format,
				path,
				file,
				part,
				rejectsPath: join(o.stagingDir, `rejects-${part.index}.jsonl`),
				range,
				host,
				stanceRulesPath: o.stanceRulesPath,
				maxLineBytes: ctx.maxLineBytes,
				maxRawBytes: o.maxRawBytes,
				assumeUtc: ctx.time.assumeUtc ?? false
			};
		});
		const [whole, results] = await Promise.all([
			parallel
				? hashAndCountLines(
						path,
						ranges.map((r) => (r as ByteRange).start)
					)
				: null,
			Promise.all(tasks.map((t) => o.runner.run(t)))
		]);
		const f = ctx.ledger.files[file];
		const stats: FileReadStats = {
			bytes: whole?.bytes ?? results[0].stats?.bytes ?? 0,
			sha256: whole?.sha256 ?? results[0].stats?.sha256 ?? '',
			lines: 0,
			blankLines: 0,
			bom: results[0].stats?.bom ?? false,
			crlf: 0,
			stopped: false
		};
		for (const r of results) {
			f.read += r.read;
			f.staged += r.staged;
			f.rejected += r.rejected;
			for (const [k, v] of Object.entries(r.reasons)) f.reasons[k] = (f.reasons[k] ?? 0) + v;
			for (const [k, v] of Object.entries(r.warnings)) ctx.warn(k, v);
			stats.lines += r.stats?.lines ?? 0;
			stats.blankLines += r.stats?.blankLines ?? 0;
			stats.crlf += r.stats?.crlf ?? 0;
		}
		ctx.recordStats(file, stats);
		for (let i = 0; i < tasks.length; i++)
			await mergeRejects(ctx, tasks[i].rejectsPath, whole?.linesBefore[i] ?? 0);
	}
}
