/**
 * Mastodon Status entities: JSON lines (one status, or one array of statuses such as a saved API page, per
 * line) or a pretty-printed JSON array. Records: every status, plus the status inside a boost (`reblog`) and a
 * quoted status (`quote.quoted_status`, Mastodon ≥ 4.4) when present.
 *
 * Status ids are local to the server the data was fetched from, so ids are qualified with that server's host:
 * `mastodon:<host>:<id>`. The host is `--instance`, or else the host of the first status in the file written
 * by a local account (`account.acct` without `@`); a file where neither is known is an error, never a guess.
 */
import { readLines } from '../lines';
import {
	countOf,
	fail,
	idString,
	isObject,
	LOSSY,
	parseJson,
	rejectRecord,
	stagePost,
	type IngestContext,
	type Parsed,
	type RecordAt
} from '../common';
import { htmlToText } from '../html';
import type { StagedPost } from '../staging';
import { toUtcIso } from '../time';

type Post = Omit<StagedPost, 'stance' | 'claim_id' | 'stance_rule'>;

const looksLikeStatus = (v: unknown): v is Record<string, unknown> =>
	isObject(v) && v.id !== undefined && ('content' in v || 'account' in v);

/** The id of a related status (reply target, boost, quote), qualified; LOSSY or null when unusable. */
function relatedId(v: unknown, host: string): string | null | typeof LOSSY {
	if (v === null || v === undefined) return null;
	const id = idString(v);
	return id === LOSSY || id === null ? id : `mastodon:${host}:${id}`;
}

function quotedOf(
	s: Record<string, unknown>
): { id: unknown; status: Record<string, unknown> | null } | null {
	const q = s.quote;
	if (!isObject(q)) return null;
	if (looksLikeStatus(q.quoted_status)) return { id: q.quoted_status.id, status: q.quoted_status };
	if (q.quoted_status_id !== undefined && q.quoted_status_id !== null)
		return { id: q.quoted_status_id, status: null };
	return null;
}

/** Maps one Status to a post. A boost's text is the boosted status's text (the boost itself has none). */
export function statusToPost(
	s: unknown,
	host: string,
	ctx: Pick<IngestContext, 'warn' | 'time'>
): Parsed<Post> {
	if (!isObject(s)) return fail('not-an-object');
	const id = idString(s.id);
	if (id === LOSSY)
		return fail('lossy-numeric-id', 'id is an unquoted number above 2^53; JSON.parse has rounded it');
	if (id === null) return fail('missing-id');
	const account = isObject(s.account) ? s.account : null;
	const accountId = idString(account?.id);
	if (accountId === LOSSY) return fail('lossy-numeric-id', 'account.id is an unquoted number above 2^53');
	if (!account || accountId === null || typeof account.acct !== 'string' || !account.acct)
		return fail('missing-account');
	const time = toUtcIso(s.created_at, ctx.time);
	if (!time.ok) return fail(time.error, `created_at ${JSON.stringify(s.created_at)}`);
	if (s.content !== undefined && s.content !== null && typeof s.content !== 'string')
		return fail('bad-content');
	const reblog = isObject(s.reblog) ? s.reblog : null;
	let text = htmlToText((s.content as string | null | undefined) ?? '');
	if (!text && reblog && typeof reblog.content === 'string') text = htmlToText(reblog.content);
	// posts.text may not be empty in a source directory (empty is null there, and text is required): an
	// image-only status is rejected as `empty-text`, its raw JSON kept in rejects.jsonl.
	if (!text) return fail('empty-text');

	const reply = relatedId(s.in_reply_to_id, host);
	const repost = relatedId(reblog?.id, host);
	const quote = quotedOf(s);
	const quoted = quote ? relatedId(quote.id, host) : null;
	if (reply === LOSSY || repost === LOSSY || quoted === LOSSY) {
		return fail('lossy-numeric-id', 'a related status id is an unquoted number above 2^53');
	}
	const counts = [s.favourites_count, s.reblogs_count, s.replies_count].map((v) => countOf(v));
	if (counts.some((c) => c === null)) ctx.warn('mastodon-counts-missing');
	const lang = [s.language, reblog?.language].find((l): l is string => typeof l === 'string' && l !== '');
	const url = [s.url, s.uri].find((u): u is string => typeof u === 'string' && u !== '');
	return {
		ok: true,
		value: {
			post_id: `mastodon:${host}:${id}`,
			platform: 'mastodon',
			author_id: `mastodon:${host}:${accountId}`,
			author_handle: account.acct,
			created_at: time.iso,
			created_us: time.us,
			lang: lang ?? 'und',
			text,
			url: url ?? null,
			reply_to_id: reply,
			quote_of_id: quoted,
			repost_of_id: repost,
			like_count: counts[0] ?? 0,
			repost_count: counts[1] ?? 0,
			reply_count: counts[2] ?? 0
		}
	};
}

/** Host of a status written by an account of the server it was fetched from, or null. */
export function localHostOf(s: unknown): string | null {
	if (!looksLikeStatus(s)) return null;
	const acct = isObject(s.account) ? s.account.acct : undefined;
	if (typeof acct !== 'string' || acct.includes('@')) return null;
	for (const u of [s.uri, s.url]) {
		if (typeof u !== 'string') continue;
		try {
			return new URL(u).host.toLowerCase();
		} catch {
			/* try the next one */
		}
	}
	return null;
}

function findHost(v: unknown): string | null {
	if (Array.isArray(v)) {
		for (const el of v) {
			const h = findHost(el);
			if (h) return h;
		}
		return null;
	}
	if (!looksLikeStatus(v)) return null;
	return localHostOf(v) ?? findHost(v.reblog);
}

/** Streams a file until a status by a local account names the server's host (bounded: stops at the first). */
export async function detectHost(path: string, maxLineBytes: number): Promise<string | null> {
	let host: string | null = null;
	let first: string | null = null;
	await readLines(
		path,
		(line) => {
			if (line.blank || line.text === null) return;
			first ??= line.text.trim();
			if (first === '[' || first === '{') return false;
			const p = parseJson(line.text, line.unterminated);
			if (p.ok) host = findHost(p.value);
			return host === null;
		},
		{ maxLineBytes }
	);
	if (host === null && (first === '[' || first === '{')) {
		const { readFileSync } = await import('node:fs');
		const p = parseJson(readFileSync(path, 'utf8'), false);
		if (p.ok) host = findHost(p.value);
	}
	return host;
}

function ingestStatus(ctx: IngestContext, file: number, s: unknown, host: string, at: RecordAt): void {
	const r = statusToPost(s, host, ctx);
	if (!r.ok) {
		const raw = at.index === undefined || r.reason === 'lossy-numeric-id' ? at.raw : JSON.stringify(s);
		rejectRecord(ctx, file, { ...at, raw, rawBytes: undefined }, r.reason, r.detail);
	} else {
		ctx.ledger.read(file);
		stagePost(ctx, file, r.value);
	}
	if (!isObject(s)) return;
	const idx = (x: string) => (at.index ? `${at.index}.${x}` : x);
	if (looksLikeStatus(s.reblog)) ingestStatus(ctx, file, s.reblog, host, { ...at, index: idx('reblog') });
	const q = quotedOf(s);
	if (q?.status) ingestStatus(ctx, file, q.status, host, { ...at, index: idx('quote.quoted_status') });
}

/** Handles one parsed line (or document) of Mastodon input: a Status or an array of them. */
export function ingestValue(
	ctx: IngestContext,
	file: number,
	v: unknown,
	host: string,
	at: RecordAt,
	prefix: string
): void {
	if (Array.isArray(v)) {
		if (v.length === 0) rejectRecord(ctx, file, at, 'empty-page');
		v.forEach((el, i) => ingestValue(ctx, file, el, host, at, `${prefix}[${i}]`));
		return;
	}
	if (!looksLikeStatus(v)) {
		rejectRecord(ctx, file, { ...at, index: prefix || undefined }, 'unknown-shape', 'not a Mastodon Status');
		return;
	}
	ingestStatus(ctx, file, v, host, { ...at, index: prefix || undefined });
}
