import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { columnNames, TABLES } from '../../src/lib/schema';
import { CascadeSimulator, type PostRow } from './cascades';
import { DEFAULT_CONFIG_PATH, loadConfig } from './config';
import { CsvWriter, csvField } from './csv';
import { formatIso } from './time';
import { simulateTrending } from './trending';

/**
 * The seeded simulator: writes a source directory (data/README.md, "Source directory format") with
 * snapshots.csv, trending_items.csv, posts.csv and source.json. Same seed, post count and config give
 * byte-identical files. Memory holds one cascade (and the live trending pool) at a time.
 */

export const SIMULATOR_NAME = 'scripts/simulate';
export const SIMULATOR_VERSION = '1.0.0';
export const MIN_POSTS = 1000;
export const MAX_POSTS = 50_000_000;

export interface SimOptions {
	/** Any non-negative safe integer. */
	seed: number;
	/** Rows of posts.csv (exactly; duplicates included). */
	posts: number;
	/** Directory to write; created if missing, files in it overwritten. */
	outDir: string;
	/** Defaults to data/simulator.config.json (relative to the working directory). */
	configPath?: string;
}

export interface FileSummary {
	path: string;
	rows: number;
	bytes: number;
}

export interface SimSummary {
	outDir: string;
	seed: number;
	files: { snapshots: FileSummary; trending_items: FileSummary; posts: FileSummary; source: FileSummary };
	trending: {
		captures: number;
		firstCaptureAt: string | null;
		lastCaptureAt: string | null;
		/** Highest share of protest titles in one capture, and when. */
		peakProtestShare: number;
		peakProtestAt: string | null;
	};
	posts: {
		rows: number;
		cascades: number;
		/** Planted copies (same author, same text, new post_id) among the rows. */
		duplicates: number;
		largestCascade: number;
		byStream: Record<string, { rows: number; cascades: number; largestCascade: number }>;
	};
}

const PROVENANCE = 'simulated';

/** The contract's column order, checked against the order our row builders use. */
function header(table: keyof typeof TABLES, ours: readonly string[]): string[] {
	const contract = columnNames(TABLES[table]);
	if (contract.join(',') !== ours.join(',')) {
		throw new Error(
			`simulator out of date: ${table} columns are [${contract.join(', ')}] in the contract but the simulator writes [${ours.join(', ')}]`
		);
	}
	return contract;
}

const SNAPSHOT_COLUMNS = [
	'snapshot_id',
	'feed',
	'dimension',
	'captured_at',
	'original_url',
	'archive_url',
	'item_count',
	'provenance'
];
const ITEM_COLUMNS = [
	'snapshot_id',
	'rank',
	'project_id',
	'hash_id',
	'title',
	'artist_username',
	'artist_name',
	'cover_url',
	'is_protest',
	'protest_signal',
	'provenance'
];
const POST_COLUMNS = [
	'post_id',
	'platform',
	'author_id',
	'author_handle',
	'created_at',
	'lang',
	'text',
	'url',
	'reply_to_id',
	'quote_of_id',
	'repost_of_id',
	'like_count',
	'repost_count',
	'reply_count',
	'stance',
	'claim_id',
	'cascade_id',
	'parent_id',
	'edge_kind',
	'depth',
	'dup_of',
	'provenance'
];

/** posts.csv line. Ids, handles, numbers and vocabulary values never need quoting; only the text can. */
function postLine(r: PostRow): string {
	return (
		`${r.postId},${r.platform},${r.authorId},${r.authorHandle},${formatIso(r.createdAt)},${r.lang},` +
		`${csvField(r.text)},,${r.replyToId ?? ''},${r.quoteOfId ?? ''},${r.repostOfId ?? ''},` +
		`${r.likeCount},${r.repostCount},${r.replyCount},${r.stance},${r.claimId ?? ''},${r.cascadeId},` +
		`${r.parentId ?? ''},${r.edgeKind ?? ''},${r.depth},,${PROVENANCE}\n`
	);
}

function checkOptions(opts: SimOptions): void {
	if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) {
		throw new RangeError(`seed must be a non-negative integer (got ${opts.seed})`);
	}
	if (!Number.isSafeInteger(opts.posts) || opts.posts < MIN_POSTS || opts.posts > MAX_POSTS) {
		throw new RangeError(`posts must be an integer from ${MIN_POSTS} to ${MAX_POSTS} (got ${opts.posts})`);
	}
	if (typeof opts.outDir !== 'string' || opts.outDir.length === 0) throw new RangeError('outDir is required');
}

export async function simulate(opts: SimOptions): Promise<SimSummary> {
	checkOptions(opts);
	const { seed, outDir } = opts;
	const { config, raw } = loadConfig(opts.configPath ?? DEFAULT_CONFIG_PATH);
	await mkdir(outDir, { recursive: true });

	// Trending captures and their items.
	const tr = config.trending;
	const snapshots = new CsvWriter(join(outDir, 'snapshots.csv'), header('snapshots', SNAPSHOT_COLUMNS));
	const items = new CsvWriter(join(outDir, 'trending_items.csv'), header('trending_items', ITEM_COLUMNS));
	const protestTitles = new Set(tr.protestTitles.map((t) => t.title));
	let captures = 0;
	let firstAt: number | null = null;
	let lastAt: number | null = null;
	let peakShare = 0;
	let peakAt: number | null = null;
	for (const capture of simulateTrending(tr, seed)) {
		captures++;
		firstAt ??= capture.capturedAt;
		lastAt = capture.capturedAt;
		const at = formatIso(capture.capturedAt);
		await snapshots.write([
			capture.snapshotId,
			tr.feed,
			tr.dimension,
			at,
			tr.originalUrl,
			null,
			capture.items.length,
			PROVENANCE
		]);
		let protest = 0;
		for (const [i, p] of capture.items.entries()) {
			if (protestTitles.has(p.title)) protest++;
			await items.write([
				capture.snapshotId,
				i + 1,
				p.projectId,
				p.hashId,
				p.title,
				`sim_artist_${String(p.artistNumber).padStart(4, '0')}`,
				`Sim Artist ${p.artistNumber}`,
				null,
				null,
				null,
				PROVENANCE
			]);
		}
		const share = capture.items.length ? protest / capture.items.length : 0;
		if (share > peakShare) {
			peakShare = share;
			peakAt = capture.capturedAt;
		}
	}
	const snapshotBytes = await snapshots.close();
	const itemBytes = await items.close();

	// Posts, one cascade at a time.
	const postsFile = new CsvWriter(join(outDir, 'posts.csv'), header('posts', POST_COLUMNS));
	const sim = new CascadeSimulator(config, seed, opts.posts);
	const byStream: SimSummary['posts']['byStream'] = {};
	for (const s of config.posts.streams) byStream[s.id] = { rows: 0, cascades: 0, largestCascade: 0 };
	let cascades = 0;
	let duplicates = 0;
	let largest = 0;
	let batch = '';
	for (const cascade of sim.cascades()) {
		cascades++;
		duplicates += cascade.duplicates;
		largest = Math.max(largest, cascade.size);
		const stat = byStream[cascade.streamId];
		stat.rows += cascade.rows.length;
		stat.cascades++;
		stat.largestCascade = Math.max(stat.largestCascade, cascade.size);
		for (const row of cascade.rows) {
			batch += postLine(row);
			if (batch.length >= 1 << 16) {
				await postsFile.writeRaw(batch, 0);
				batch = '';
			}
		}
		await postsFile.writeRaw(batch, cascade.rows.length);
		batch = '';
	}
	const postBytes = await postsFile.close();

	const source = {
		name: `seed-${seed}-posts-${opts.posts}`,
		provenance: PROVENANCE,
		generator: { name: SIMULATOR_NAME, version: SIMULATOR_VERSION, seed, posts: opts.posts, config: raw },
		rows: { snapshots: snapshots.rows, trending_items: items.rows, posts: postsFile.rows }
	};
	const sourceText = JSON.stringify(source, null, '\t') + '\n';
	await writeFile(join(outDir, 'source.json'), sourceText, 'utf8');

	const iso = (t: number | null) => (t === null ? null : formatIso(t));
	return {
		outDir,
		seed,
		files: {
			snapshots: { path: snapshots.path, rows: snapshots.rows, bytes: snapshotBytes },
			trending_items: { path: items.path, rows: items.rows, bytes: itemBytes },
			posts: { path: postsFile.path, rows: postsFile.rows, bytes: postBytes },
			source: { path: join(outDir, 'source.json'), rows: 1, bytes: Buffer.byteLength(sourceText) }
		},
		trending: {
			captures,
			firstCaptureAt: iso(firstAt),
			lastCaptureAt: iso(lastAt),
			peakProtestShare: peakShare,
			peakProtestAt: iso(peakAt)
		},
		posts: { rows: postsFile.rows, cascades, duplicates, largestCascade: largest, byStream }
	};
}
