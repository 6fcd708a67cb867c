/**
 * CSV / TSV exports with a column mapping. Physical lines are read as bytes (so a line that is not UTF-8 is
 * caught on its own), joined into records while a quoted field is open (quoted newlines), and each record is
 * split by papaparse. The first non-blank record is the header. Delimiter: `--delimiter` or guessed from the
 * header among `,` `;` tab `|`.
 *
 * Mapping: contract column → source column (`--map post_id=id,created_at=time` or `--mapping file.json`); a
 * source column named like a contract column maps itself. Derived columns (stance, cascades, dup_of…) cannot
 * be mapped: the ingester computes them.
 */
import Papa from 'papaparse';
import { FEEDS } from '../../../src/lib/schema';
import {
	countOf,
	expandInputs,
	idString,
	rejectRecord,
	stagePost,
	type IngestContext,
	type Parsed,
	type RecordAt
} from '../common';
import { readLines } from '../lines';
import type { PostStage, StagedPost } from '../staging';
import { compactIso, toUtcIso } from '../time';
import type { TrendingItemInput } from '../trending';

export type CsvTable = 'posts' | 'trending_items';

export interface CsvOptions {
	table: CsvTable;
	/** Contract column → source column. */
	map: Record<string, string>;
	/** `,` `;` `\t` `|`; guessed from the header when absent. */
	delimiter?: string;
	/** Platform of every row when no column gives it (posts). */
	platform?: string;
	/** Language of every row when no column gives it (posts); else `und`. */
	lang?: string;
	/** Feed and dimension of every row when no column gives them (trending_items). */
	feed?: string;
	dimension?: string;
}

export const MAPPABLE: Record<CsvTable, readonly string[]> = {
	posts: [
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
		'reply_count'
	],
	trending_items: [
		'snapshot_id',
		'captured_at',
		'feed',
		'dimension',
		'original_url',
		'archive_url',
		'rank',
		'project_id',
		'hash_id',
		'title',
		'artist_username',
		'artist_name',
		'cover_url'
	]
};

const REQUIRED: Record<CsvTable, readonly (readonly string[])[]> = {
	posts: [['post_id'], ['created_at'], ['text'], ['author_id', 'author_handle']],
	trending_items: [['captured_at'], ['rank'], ['project_id'], ['title'], ['artist_username']]
};

export const DELIMITERS = [',', ';', '\t', '|'];

/** Parses `post_id=id,created_at=time` (repeatable) into a mapping. */
export function parseMapFlag(values: readonly string[]): Record<string, string> {
	const map: Record<string, string> = {};
	for (const v of values) {
		for (const pair of v.split(',')) {
			if (!pair.trim()) continue;
			const eq = pair.indexOf('=');
			if (eq <= 0) throw new Error(`--map: expected column=source, got "${pair}"`);
			map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
		}
	}
	return map;
}

/**
 * Joins physical lines into CSV records: a record goes on while a quoted field is open. A quote only opens a
 * field at the field's start (as papaparse reads it); `""` inside a quoted field is an escaped quote.
 */
export class CsvRecordJoiner {
	// 0 field start, 1 unquoted field, 2 inside quotes, 3 quote seen inside quotes
	private state = 0;
	private readonly delim: number;

	constructor(delimiter: string) {
		this.delim = delimiter.charCodeAt(0);
	}

	/** Feeds one physical line; true when the record is complete after it. */
	push(line: string): boolean {
		if (this.state === 0 && !line.includes('"')) return true;
		const d = this.delim;
		let s = this.state === 2 ? 2 : 0;
		for (let i = 0; i < line.length; i++) {
			const c = line.charCodeAt(i);
			if (s === 0) s = c === 34 ? 2 : c === d ? 0 : 1;
			else if (s === 1) s = c === d ? 0 : 1;
			else if (s === 2) s = c === 34 ? 3 : 2;
			else s = c === 34 ? 2 : c === d ? 0 : 1;
		}
		this.state = s === 2 ? 2 : 0;
		return s !== 2;
	}

	/** Whether a quoted field is still open (at end of file: an unclosed quote). */
	get open(): boolean {
		return this.state === 2;
	}

	reset(): void {
		this.state = 0;
	}
}

/** The delimiter that splits the header line into the most fields (ties: the earlier of `, ; \t |`). */
export function guessDelimiter(header: string): string {
	let best = ',';
	let most = 1;
	for (const d of DELIMITERS) {
		const n = Papa.parse<string[]>(header, { delimiter: d, newline: '\n' }).data[0]?.length ?? 0;
		if (n > most) {
			best = d;
			most = n;
		}
	}
	return best;
}

function splitRecord(text: string, delimiter: string): Parsed<string[]> {
	const p = Papa.parse<string[]>(text, { delimiter, newline: '\n', quoteChar: '"' });
	if (p.errors.length) return { ok: false, reason: 'csv-quotes', detail: p.errors[0].message };
	return { ok: true, value: p.data[0] ?? [''] };
}

type Post = Omit<StagedPost, 'stance' | 'claim_id' | 'stance_rule'>;

/** Resolves the mapping against a header: contract column → field index. Throws on a usage error. */
export function resolveMapping(
	table: CsvTable,
	header: readonly string[],
	map: Record<string, string>,
	path: string
) {
	const cols: Record<string, number> = {};
	for (const target of Object.keys(map)) {
		if (!MAPPABLE[table].includes(target)) {
			throw new Error(`--map: "${target}" is not a mappable ${table} column (${MAPPABLE[table].join(', ')})`);
		}
	}
	for (const target of MAPPABLE[table]) {
		const source = map[target] ?? (header.includes(target) ? target : undefined);
		if (source === undefined) continue;
		const i = header.indexOf(source);
		if (i < 0)
			throw new Error(
				`${path}: mapped column "${source}" (for ${target}) is not in the header: ${header.join(', ')}`
			);
		cols[target] = i;
	}
	for (const alts of REQUIRED[table]) {
		if (!alts.some((a) => a in cols)) {
			throw new Error(
				`${path}: no column for ${alts.join(' or ')}; map one with --map ${alts[0]}=<source column>`
			);
		}
	}
	return cols;
}

export function rowToPost(
	get: (col: string) => string | undefined,
	opts: CsvOptions,
	ctx: Pick<IngestContext, 'time'>
): Parsed<Post> {
	const platform = (get('platform') || opts.platform || '').trim().toLowerCase();
	if (!platform)
		return { ok: false, reason: 'missing-platform', detail: 'no platform column value and no --platform' };
	if (!/^[a-z][a-z0-9_.-]*$/.test(platform)) return { ok: false, reason: 'bad-platform', detail: platform };
	// Ids are qualified with the platform (`twitter:1603…`) unless they already are; an id with spaces or
	// control characters is not an id.
	let badId: string | null = null;
	const q = (id: string | undefined): string | null => {
		const s = id?.trim();
		if (!s) return null;
		if (idString(s) === null) badId = s;
		return s.startsWith(platform + ':') ? s : `${platform}:${s}`;
	};
	const postId = q(get('post_id'));
	if (!postId) return { ok: false, reason: 'missing-id' };
	const handle = get('author_handle')?.trim() || null;
	const rawAuthor = get('author_id')?.trim() || null;
	if (!handle && !rawAuthor) return { ok: false, reason: 'missing-author' };
	const authorId = q(rawAuthor ?? handle ?? undefined) as string;
	const refs = {
		reply_to_id: q(get('reply_to_id')),
		quote_of_id: q(get('quote_of_id')),
		repost_of_id: q(get('repost_of_id'))
	};
	if (badId !== null) return { ok: false, reason: 'bad-id', detail: JSON.stringify(badId) };
	const text = get('text') ?? '';
	if (text.trim() === '') return { ok: false, reason: 'empty-text' };
	const time = toUtcIso(get('created_at'), ctx.time);
	if (!time.ok)
		return { ok: false, reason: time.error, detail: `created_at ${JSON.stringify(get('created_at'))}` };
	const counts: number[] = [];
	for (const col of ['like_count', 'repost_count', 'reply_count']) {
		const v = get(col)?.trim();
		const n = v ? countOf(v) : 0;
		if (n === null) return { ok: false, reason: 'bad-count', detail: `${col} ${JSON.stringify(v)}` };
		counts.push(n);
	}
	return {
		ok: true,
		value: {
			post_id: postId,
			platform,
			author_id: authorId,
			author_handle: handle ?? (rawAuthor as string),
			created_at: time.iso,
			created_us: time.us,
			lang: get('lang')?.trim() || opts.lang || 'und',
			text,
			url: get('url')?.trim() || null,
			...refs,
			like_count: counts[0],
			repost_count: counts[1],
			reply_count: counts[2]
		}
	};
}

export interface TrendingRow {
	item: TrendingItemInput;
	captured_at: string;
	feed: string;
	dimension: string;
	original_url: string;
	archive_url: string | null;
}

export function rowToTrending(
	get: (col: string) => string | undefined,
	opts: CsvOptions,
	ctx: Pick<IngestContext, 'time'>
): Parsed<TrendingRow> {
	const time = toUtcIso(get('captured_at'), ctx.time);
	if (!time.ok)
		return { ok: false, reason: time.error, detail: `captured_at ${JSON.stringify(get('captured_at'))}` };
	const feed = (get('feed')?.trim() || opts.feed || 'trending').toLowerCase();
	if (!(FEEDS as readonly string[]).includes(feed)) return { ok: false, reason: 'bad-feed', detail: feed };
	const dimension = (get('dimension')?.trim() || opts.dimension || 'all').toLowerCase();
	const rankText = get('rank')?.trim() ?? '';
	if (!/^\d{1,7}$/.test(rankText) || Number(rankText) < 1)
		return { ok: false, reason: 'bad-rank', detail: rankText };
	const projectId = get('project_id')?.trim();
	if (!projectId) return { ok: false, reason: 'missing-id' };
	if (idString(projectId) === null) return { ok: false, reason: 'bad-id', detail: JSON.stringify(projectId) };
	const title = get('title') ?? '';
	if (!title.trim()) return { ok: false, reason: 'missing-title' };
	const user = get('artist_username')?.trim();
	if (!user) return { ok: false, reason: 'missing-user' };
	const opt = (c: string) => get(c)?.trim() || null;
	const snapshotId = opt('snapshot_id') ?? `${feed}-${dimension}-${compactIso(time.iso)}`;
	return {
		ok: true,
		value: {
			item: {
				snapshot_id: snapshotId,
				rank: Number(rankText),
				project_id: projectId,
				hash_id: opt('hash_id'),
				title,
				artist_username: user,
				artist_name: opt('artist_name'),
				cover_url: opt('cover_url')
			},
			captured_at: time.iso,
			feed,
			dimension,
			original_url:
				opt('original_url') ??
				`https://www.artstation.com/api/v2/community/explore/projects/${feed}.json?dimension=${encodeURIComponent(dimension)}`,
			archive_url: opt('archive_url')
		}
	};
}

export async function ingestCsv(
	ctx: IngestContext,
	inputs: readonly string[],
	opts: CsvOptions,
	openPart: () => PostStage
): Promise<void> {
	const seenItems = new Set<string>();
	for (const path of expandInputs(inputs, (n) => /\.(csv|tsv|txt)$/i.test(n))) {
		const file = ctx.ledger.addFile(path);
		if (opts.table === 'posts') ctx.posts = openPart();
		let delimiter = opts.delimiter ?? null;
		let joiner: CsvRecordJoiner | null = delimiter ? new CsvRecordJoiner(delimiter) : null;
		let cols: Record<string, number> | null = null;
		let width = 0;
		let parts: string[] = [];
		let start: { line: number; offset: number; bytes: number } | null = null;

		const handle = (text: string, at: RecordAt): void => {
			const split = splitRecord(text, delimiter as string);
			if (cols === null) {
				if (!split.ok) throw new Error(`${path}:${at.line}: cannot read the header: ${split.detail}`);
				const header = split.value.map((h) => h.trim());
				const dup = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
				if (dup) throw new Error(`${path}: column "${dup}" appears twice in the header`);
				cols = resolveMapping(opts.table, header, opts.map, path);
				width = header.length;
				return;
			}
			if (!split.ok) return rejectRecord(ctx, file, at, split.reason, split.detail);
			const fields = split.value;
			if (fields.length !== width) {
				return rejectRecord(ctx, file, at, 'field-count', `${fields.length} fields, header has ${width}`);
			}
			const c = cols;
			const get = (col: string) => (col in c ? fields[c[col]] : undefined);
			if (opts.table === 'posts') {
				const r = rowToPost(get, opts, ctx);
				if (!r.ok) return rejectRecord(ctx, file, at, r.reason, r.detail);
				ctx.ledger.read(file);
				stagePost(ctx, file, r.value);
				return;
			}
			const r = rowToTrending(get, opts, ctx);
			if (!r.ok) return rejectRecord(ctx, file, at, r.reason, r.detail);
			const t = r.value;
			ctx.ledger.read(file);
			const key = `${t.item.snapshot_id}\u0000${t.item.rank}`;
			if (seenItems.has(key)) {
				ctx.ledger.duplicate(file);
				return;
			}
			seenItems.add(key);
			const snap = ctx.trending.getSnapshot(t.item.snapshot_id);
			if (!snap) {
				ctx.trending.setSnapshot({
					snapshot_id: t.item.snapshot_id,
					feed: t.feed,
					dimension: t.dimension,
					captured_at: t.captured_at,
					original_url: t.original_url,
					archive_url: t.archive_url,
					item_count: 1
				});
			} else {
				snap.item_count++;
				if (t.captured_at < snap.captured_at) snap.captured_at = t.captured_at;
			}
			ctx.trending.addItem(t.item);
			ctx.ledger.kept(file);
		};

		const stats = await readLines(
			path,
			async (line) => {
				if (start === null) {
					if (line.blank) return;
					if (line.tooLong || line.text === null) {
						const reason = line.tooLong ? 'line-too-long' : 'invalid-utf8';
						if (cols === null) throw new Error(`${path}:${line.lineNo}: the header line is ${reason}`);
						// A bad line outside a quoted field is one record on its own.
						rejectRecord(
							ctx,
							file,
							{ line: line.lineNo, offset: line.offset, raw: line.bytes, rawBytes: line.byteLength },
							reason
						);
						return;
					}
					start = { line: line.lineNo, offset: line.offset, bytes: 0 };
				} else if (line.tooLong || line.text === null) {
					// A bad line inside a quoted field spoils the whole record; skip to its end is impossible to
					// know, so the record ends here and the quote state resets.
					const reason = line.tooLong ? 'line-too-long' : 'invalid-utf8';
					const raw = Buffer.concat([Buffer.from(parts.join('\n') + '\n'), line.bytes]);
					rejectRecord(
						ctx,
						file,
						{ line: start.line, offset: start.offset, raw },
						reason,
						`at line ${line.lineNo}`
					);
					joiner?.reset();
					parts = [];
					start = null;
					return;
				}
				const text = line.text as string;
				if (delimiter === null) {
					delimiter = guessDelimiter(text);
					joiner = new CsvRecordJoiner(delimiter);
				}
				parts.push(text);
				start.bytes += line.byteLength + 1;
				if (start.bytes > ctx.maxLineBytes) {
					rejectRecord(
						ctx,
						file,
						{ line: start.line, offset: start.offset, raw: parts.join('\n') },
						'record-too-long'
					);
					(joiner as CsvRecordJoiner).reset();
					parts = [];
					start = null;
					return;
				}
				if (!(joiner as CsvRecordJoiner).push(text)) return;
				const record = parts.length === 1 ? parts[0] : parts.join('\n');
				const at: RecordAt = { line: start.line, offset: start.offset, raw: record };
				parts = [];
				start = null;
				handle(record, at);
				await ctx.posts.maybeFlush();
				await ctx.trending.drain();
				await ctx.ledger.drain();
			},
			{ maxLineBytes: ctx.maxLineBytes }
		);
		const open = start as { line: number; offset: number } | null;
		if (open !== null) {
			rejectRecord(
				ctx,
				file,
				{ line: open.line, offset: open.offset, raw: parts.join('\n') },
				'unclosed-quote'
			);
		}
		if (opts.table === 'posts') await ctx.posts.close();
		if (opts.table === 'posts') await ctx.posts.close();
		if (cols === null && stats.lines > stats.blankLines) throw new Error(`${path}: no header`);
		ctx.recordStats(file, stats);
	}
}
