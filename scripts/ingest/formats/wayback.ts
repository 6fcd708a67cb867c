/**
 * Wayback Machine captures of ArtStation's explore feed
 * (`https://www.artstation.com/api/v2/community/explore/projects/{trending,latest}.json?page=N&dimension=…&per_page=…`).
 *
 * Input: a CDX listing (`output=json`: an array of rows, the first naming the fields — by default `urlkey,
 * timestamp, original, mimetype, statuscode, digest, length`) and the raw capture bodies
 * (`https://web.archive.org/web/<timestamp>id_/<original>`) saved next to it, one file per capture, named by
 * the CDX timestamp; the first of these names that exists is the body:
 *
 *   <timestamp>-<feed>-<dimension>-p<page>.json   e.g. 20221214031500-trending-all-p2.json
 *   <timestamp>-p<page>.json                      e.g. 20221214031500-p2.json
 *   <timestamp>.json                              e.g. 20221214031500.json
 *
 * A name that two CDX rows would both use is ambiguous: both are rejected. `--input` is a CDX file (bodies in
 * its folder, or `--bodies <dir>`) or a folder holding `cdx.json` / `*.cdx.json` and the bodies.
 *
 * Records are CDX rows (captures). A capture is kept when its status is 200 (or it is a `warc/revisit` whose
 * body was saved), its body is a JSON object with a `data` array of at most `per_page` items. Captures of one
 * feed, dimension and page size are grouped into snapshots: a snapshot starts at a capture and takes every
 * later capture within the window (default 30 minutes) whose page it does not hold yet; a repeated page starts
 * the next snapshot. Rank = position + per_page × (page − 1).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
	idString,
	isObject,
	LOSSY,
	parseJson,
	rejectRecord,
	rejectUnreadableLine,
	type IngestContext
} from '../common';
import { readLines } from '../lines';
import { cdxTimestampToIso, compactIso } from '../time';
import type { TrendingItemInput } from '../trending';

export const DEFAULT_WINDOW_MINUTES = 30;
const DEFAULT_FIELDS = ['urlkey', 'timestamp', 'original', 'mimetype', 'statuscode', 'digest', 'length'];
const FEED_PATH = /^\/api\/v2\/community\/explore\/projects\/(trending|latest)\.json$/;
// Parameters that do not change what the feed shows.
const NEUTRAL_PARAMS = new Set(['page', 'per_page', 'dimension']);

export interface FeedUrl {
	feed: 'trending' | 'latest';
	dimension: string;
	page: number;
	perPage: number | null;
	/** Other query parameters (filters such as `medium_ids[]`), sorted; part of what identifies a feed. */
	variant: string;
}

/** Reads feed, dimension, page and page size from a captured feed URL; null when it is not a feed URL. */
export function parseFeedUrl(original: string): FeedUrl | { error: string } {
	let u: URL;
	try {
		u = new URL(original);
	} catch {
		return { error: 'not a URL' };
	}
	const host = u.hostname.toLowerCase();
	const m = FEED_PATH.exec(u.pathname);
	if (!(host === 'artstation.com' || host.endsWith('.artstation.com')) || !m)
		return { error: 'not an explore feed URL' };
	const int = (name: string): number | null | 'bad' => {
		const v = u.searchParams.get(name);
		if (v === null || v === '') return null;
		return /^\d{1,6}$/.test(v) && Number(v) >= 1 ? Number(v) : 'bad';
	};
	const page = int('page');
	const perPage = int('per_page');
	if (page === 'bad' || perPage === 'bad') return { error: `bad page/per_page in ${u.search}` };
	const variant = [...u.searchParams.entries()]
		.filter(([k]) => !NEUTRAL_PARAMS.has(k))
		.map(([k, v]) => `${k}=${v}`)
		.sort()
		.join('&');
	return {
		feed: m[1] as FeedUrl['feed'],
		dimension: (u.searchParams.get('dimension') || 'all').toLowerCase(),
		page: page ?? 1,
		perPage,
		variant
	};
}

/** Body file names tried for a capture, most specific first. */
export const bodyNames = (ts: string, f: FeedUrl): string[] => [
	`${ts}-${f.feed}-${f.dimension}-p${f.page}.json`,
	`${ts}-p${f.page}.json`,
	`${ts}.json`
];

interface Capture {
	file: number;
	order: number;
	line: number;
	offset: number;
	raw: string;
	ts: string;
	iso: string;
	ms: number;
	original: string;
	feed: FeedUrl;
	key: string;
	body: string | null;
}

type Body = { ok: true; items: unknown[] } | { ok: false; reason: string; detail?: string };

/** Reads and checks a saved capture body. */
export function readBody(path: string, perPage: number | null): Body & { bytes?: Buffer } {
	let bytes = readFileSync(path);
	const raw = bytes;
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
		try {
			bytes = gunzipSync(bytes);
		} catch (e) {
			const msg = (e as Error).message;
			return {
				ok: false,
				reason: /unexpected end/i.test(msg) ? 'truncated-body' : 'invalid-gzip',
				detail: msg,
				bytes: raw
			};
		}
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, reason: 'invalid-utf8', bytes: raw };
	}
	const t = text.trim();
	if (t === '') return { ok: false, reason: 'empty-body', bytes: raw };
	if (t[0] === '<') return { ok: false, reason: 'html-body', detail: t.slice(0, 80), bytes: raw };
	const parsed = parseJson(t, true);
	if (!parsed.ok) {
		const reason = parsed.reason === 'invalid-json' ? 'invalid-json' : 'truncated-body';
		return { ok: false, reason, detail: parsed.detail, bytes: raw };
	}
	const v = parsed.value;
	if (!isObject(v) || !Array.isArray(v.data)) return { ok: false, reason: 'no-data-array', bytes: raw };
	if (perPage !== null && v.data.length > perPage) {
		return {
			ok: false,
			reason: 'too-many-items',
			detail: `${v.data.length} items > per_page ${perPage}`,
			bytes: raw
		};
	}
	return { ok: true, items: v.data };
}

/** One feed item as a trending row, or the reason it cannot be one. */
export function itemToRow(
	item: unknown,
	snapshotId: string,
	rank: number
): { ok: true; row: TrendingItemInput } | { ok: false; reason: string } {
	if (!isObject(item)) return { ok: false, reason: 'item-not-an-object' };
	const id = idString(item.id);
	if (id === LOSSY) return { ok: false, reason: 'lossy-numeric-id' };
	if (id === null) return { ok: false, reason: 'item-missing-id' };
	if (typeof item.title !== 'string' || item.title.trim() === '')
		return { ok: false, reason: 'item-missing-title' };
	const user = isObject(item.user) ? item.user : null;
	if (!user || typeof user.username !== 'string' || !user.username)
		return { ok: false, reason: 'item-missing-user' };
	const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
	return {
		ok: true,
		row: {
			snapshot_id: snapshotId,
			rank,
			project_id: id,
			hash_id: str(item.hash_id),
			title: item.title,
			artist_username: user.username,
			artist_name: str(user.full_name),
			cover_url: str(item.small_square_cover_url) ?? str(item.smaller_square_cover_url)
		}
	};
}

/** The CDX listings and body folders of the inputs. */
function listingsOf(inputs: readonly string[], bodiesDir?: string): { cdx: string; bodies: string }[] {
	const out: { cdx: string; bodies: string }[] = [];
	for (const input of inputs) {
		if (statSync(input).isDirectory()) {
			const names = readdirSync(input)
				.filter((n) => n === 'cdx.json' || n.endsWith('.cdx.json'))
				.sort();
			if (names.length === 0) throw new Error(`${input}: no cdx.json or *.cdx.json in this folder`);
			for (const n of names) out.push({ cdx: join(input, n), bodies: bodiesDir ?? input });
		} else out.push({ cdx: input, bodies: bodiesDir ?? dirname(input) });
	}
	return out;
}

/** JSON rows of one CDX line: the CDX server writes `[["urlkey",…],` / `["com,…",…],` / `…]]`. */
function cdxRows(text: string): unknown[] | null {
	let s = text.trim();
	if (s.endsWith(',')) s = s.slice(0, -1);
	const tries = [s];
	if (s.startsWith('[[')) tries.push(s.slice(1));
	if (s.endsWith(']]')) tries.push(s.slice(0, -1));
	if (s.startsWith('[[') && s.endsWith(']]')) tries.push(s.slice(1, -1));
	for (const t of tries) {
		const p = parseJson(t, false);
		if (!p.ok || !Array.isArray(p.value)) continue;
		// A whole listing on one line is an array of rows; a row is an array of strings.
		return p.value.length > 0 && Array.isArray(p.value[0]) ? p.value : p.value.length === 0 ? [] : [p.value];
	}
	return null;
}

export interface WaybackOptions {
	windowMinutes?: number;
	bodies?: string;
}

export async function ingestWayback(
	ctx: IngestContext,
	inputs: readonly string[],
	options: WaybackOptions = {}
) {
	const windowMs = (options.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60_000;
	const captures: Capture[] = [];
	const seen = new Set<string>();
	const bodyUsers = new Map<string, Capture[]>();
	const bodyDirs = new Map<string, Set<string>>();
	const cdxFiles = new Set<string>();
	let order = 0;

	// Phase 1: read every CDX row; reject rows that cannot be a capture; find each capture's body file.
	for (const { cdx, bodies } of listingsOf(inputs, options.bodies)) {
		cdxFiles.add(cdx);
		if (!bodyDirs.has(bodies)) bodyDirs.set(bodies, new Set(existsSync(bodies) ? readdirSync(bodies) : []));
		const names = bodyDirs.get(bodies) as Set<string>;
		const file = ctx.ledger.addFile(cdx);
		let fields: string[] | null = null;
		const stats = await readLines(
			cdx,
			(line) => {
				if (line.blank) return;
				if (rejectUnreadableLine(ctx, file, line)) return;
				const text = line.text as string;
				const at = { line: line.lineNo, offset: line.offset, raw: text };
				const rows = cdxRows(text);
				if (rows === null) {
					rejectRecord(ctx, file, at, 'bad-cdx-row', 'not a JSON array');
					return;
				}
				rows.forEach((row, i) => {
					const where = { ...at, index: rows.length > 1 ? `[${i}]` : undefined };
					const isStrings = Array.isArray(row) && row.every((c) => typeof c === 'string');
					if (fields === null) {
						if (isStrings && row.includes('timestamp') && row.includes('original')) {
							fields = row as string[];
							return;
						}
						fields = DEFAULT_FIELDS;
					}
					if (!isStrings || row.length !== fields.length) {
						rejectRecord(ctx, file, where, 'bad-cdx-row', `expected ${fields.length} string fields`);
						return;
					}
					const r = Object.fromEntries(fields.map((f, j) => [f, row[j] as string]));
					const iso = cdxTimestampToIso(r.timestamp ?? '');
					if (!iso) {
						rejectRecord(ctx, file, where, 'bad-timestamp', `timestamp ${JSON.stringify(r.timestamp)}`);
						return;
					}
					const feed = parseFeedUrl(r.original ?? '');
					if ('error' in feed) {
						rejectRecord(ctx, file, where, 'not-a-feed-url', feed.error);
						return;
					}
					const revisit = r.statuscode === '-' && r.mimetype === 'warc/revisit';
					if (r.statuscode !== '200' && !revisit) {
						rejectRecord(ctx, file, where, 'non-200', `statuscode ${r.statuscode}`);
						return;
					}
					if (feed.page > 1 && feed.perPage === null) {
						rejectRecord(ctx, file, where, 'no-per-page', 'rank of a page after the first needs per_page');
						return;
					}
					const dupKey = `${r.timestamp} ${r.original}`;
					if (seen.has(dupKey)) {
						ctx.ledger.read(file);
						ctx.ledger.duplicate(file);
						return;
					}
					seen.add(dupKey);
					ctx.ledger.read(file);
					const bodyName = bodyNames(r.timestamp, feed).find((n) => names.has(n));
					const capture: Capture = {
						file,
						order: order++,
						line: line.lineNo,
						offset: line.offset,
						raw: JSON.stringify(row),
						ts: r.timestamp,
						iso,
						ms: Date.parse(iso),
						original: r.original,
						feed,
						key: [feed.feed, feed.dimension, feed.perPage ?? '', feed.variant].join('|'),
						body: bodyName ? join(bodies, bodyName) : null
					};
					captures.push(capture);
					if (capture.body) bodyUsers.set(capture.body, [...(bodyUsers.get(capture.body) ?? []), capture]);
				});
			},
			{ maxLineBytes: ctx.maxLineBytes }
		);
		ctx.recordStats(file, stats);
	}

	// Phase 2: in time order per feed, check each body and group the kept captures into snapshots.
	captures.sort((a, b) =>
		a.key < b.key ? -1 : a.key > b.key ? 1 : a.ms - b.ms || a.feed.page - b.feed.page || a.order - b.order
	);
	const bodyFiles = new Map<string, number>();
	let group: { key: string; t0: number; id: string; pages: Set<number> } | null = null;
	for (const c of captures) {
		const at = { line: c.line, offset: c.offset, raw: c.raw };
		const reject = (reason: string, detail?: string) => {
			ctx.ledger.reject(c.file, { ...at, reason, detail });
		};
		if (!c.body) {
			reject('missing-body', `none of ${bodyNames(c.ts, c.feed).join(', ')}`);
			continue;
		}
		const users = bodyUsers.get(c.body) ?? [];
		if (users.length > 1) {
			reject(
				'ambiguous-body',
				`${basename(c.body)} would serve ${users.length} captures; add -p<page> to the names`
			);
			continue;
		}
		if (!bodyFiles.has(c.body)) {
			const buf = readFileSync(c.body);
			const idx = ctx.ledger.addFile(c.body, 'body');
			ctx.recordStats(idx, {
				bytes: buf.length,
				sha256: createHash('sha256').update(buf).digest('hex'),
				lines: 0,
				blankLines: 0,
				bom: false,
				crlf: 0,
				stopped: false
			});
			bodyFiles.set(c.body, idx);
		}
		const body = readBody(c.body, c.feed.perPage);
		if (!body.ok) {
			ctx.ledger.reject(c.file, {
				...at,
				reason: body.reason,
				detail: `${basename(c.body)}${body.detail ? ': ' + body.detail : ''}`,
				raw: body.bytes ?? c.raw
			});
			continue;
		}
		const page = c.feed.page;
		if (!group || group.key !== c.key || c.ms - group.t0 > windowMs || group.pages.has(page)) {
			let id = `${c.feed.feed}-${c.feed.dimension.replace(/[^a-z0-9_]+/g, '_')}-${compactIso(c.iso)}`;
			if (ctx.trending.hasSnapshot(id))
				id += '-' + createHash('sha1').update(c.key).digest('hex').slice(0, 6);
			group = { key: c.key, t0: c.ms, id, pages: new Set() };
			ctx.trending.setSnapshot({
				snapshot_id: id,
				feed: c.feed.feed,
				dimension: c.feed.dimension,
				captured_at: c.iso,
				original_url: c.original,
				archive_url: `https://web.archive.org/web/${c.ts}id_/${c.original}`,
				item_count: 0
			});
		}
		group.pages.add(page);
		const snapshot = ctx.trending.getSnapshot(group.id);
		let kept = 0;
		body.items.forEach((item, i) => {
			const rank = i + 1 + (c.feed.perPage ?? 0) * (page - 1);
			const r = itemToRow(item, group!.id, rank);
			if (r.ok) {
				ctx.trending.addItem(r.row);
				kept++;
			} else {
				ctx.ledger.rejectItem(c.file, {
					line: c.line,
					offset: c.offset,
					index: `${basename(c.body!)}#data[${i}]`,
					reason: r.reason,
					raw: JSON.stringify(item) ?? String(item)
				});
			}
		});
		ctx.ledger.items(c.file, kept, kept);
		if (snapshot) snapshot.item_count += kept;
		ctx.ledger.kept(c.file);
		await ctx.trending.drain();
		await ctx.ledger.drain();
	}

	// Body files no CDX row points at are reported, not read.
	const used = new Set(bodyUsers.keys());
	for (const [dir, names] of bodyDirs) {
		for (const n of names) {
			const p = join(dir, n);
			if (/^\d{14}.*\.json$/.test(n) && !used.has(p) && !cdxFiles.has(p))
				ctx.warn('wayback-unreferenced-body');
		}
	}
}
