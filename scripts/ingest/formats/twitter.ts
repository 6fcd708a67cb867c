/**
 * Twitter API v2 / twarc2 JSON lines. A line is either one response page (`{data: [...], includes: {users,
 * tweets}, errors, meta}`, what `twarc2 search` writes) or one tweet (`twarc2 flatten`, or a bare tweet object);
 * a pretty-printed single document works too. Records: every tweet in `data` and `includes.tweets`, every
 * fully expanded tweet in a flattened tweet's `referenced_tweets`, and every `errors` entry (rejected as
 * `api-error`: a tweet the API could not return). A line with none of these is one rejected record.
 */
import {
	countOf,
	fail,
	idString,
	isObject,
	LOSSY,
	rejectRecord,
	stagePost,
	type IngestContext,
	type Parsed,
	type RecordAt
} from '../common';
import type { StagedPost } from '../staging';
import { toUtcIso } from '../time';

type Post = Omit<StagedPost, 'stance' | 'claim_id' | 'stance_rule'>;

const looksLikeTweet = (v: Record<string, unknown>): boolean =>
	(typeof v.id === 'string' || typeof v.id === 'number') &&
	('text' in v || 'created_at' in v || 'author_id' in v);

/** A referenced tweet that carries its own content (flattened output), not just `{type, id}`. */
const isExpandedTweet = (v: unknown): v is Record<string, unknown> =>
	isObject(v) &&
	typeof v.text === 'string' &&
	v.created_at !== undefined &&
	(v.author_id !== undefined || isObject(v.author));

/** Maps one v2 tweet object to a post; `users` maps author ids to handles (from the page's includes). */
export function tweetToPost(
	t: unknown,
	users: ReadonlyMap<string, string>,
	ctx: Pick<IngestContext, 'warn' | 'time'>
): Parsed<Post> {
	if (!isObject(t)) return fail('not-an-object');
	const id = idString(t.id);
	if (id === LOSSY)
		return fail('lossy-numeric-id', 'id is an unquoted number above 2^53; JSON.parse has rounded it');
	if (id === null || !/^\d{1,20}$/.test(id)) return fail('missing-id', `id ${JSON.stringify(t.id)}`);
	const author = isObject(t.author) ? t.author : null;
	const authorId = idString(t.author_id ?? author?.id);
	if (authorId === LOSSY) return fail('lossy-numeric-id', 'author_id is an unquoted number above 2^53');
	if (authorId === null) return fail('missing-author');
	const time = toUtcIso(t.created_at, ctx.time);
	if (!time.ok) return fail(time.error, `created_at ${JSON.stringify(t.created_at)}`);
	const note = isObject(t.note_tweet) && typeof t.note_tweet.text === 'string' ? t.note_tweet.text : null;
	const text = note ?? t.text;
	if (typeof text !== 'string') return fail('missing-text');
	// posts.text may not be empty in a source directory (empty is null there, and text is required).
	if (text.trim() === '') return fail('empty-text');

	let repost: string | null = null;
	let quote: string | null = null;
	let reply: string | null = null;
	const refs = t.referenced_tweets;
	if (refs !== undefined && !Array.isArray(refs)) return fail('bad-referenced-tweets');
	for (const r of (refs as unknown[] | undefined) ?? []) {
		if (!isObject(r)) return fail('bad-referenced-tweets');
		const rid = idString(r.id);
		if (rid === LOSSY)
			return fail('lossy-numeric-id', 'referenced_tweets[].id is an unquoted number above 2^53');
		if (rid === null) return fail('bad-referenced-tweets', JSON.stringify(r).slice(0, 200));
		if (r.type === 'retweeted') repost ??= `twitter:${rid}`;
		else if (r.type === 'quoted') quote ??= `twitter:${rid}`;
		else if (r.type === 'replied_to') reply ??= `twitter:${rid}`;
		else return fail('bad-referenced-tweets', JSON.stringify(r).slice(0, 200));
	}

	let handle =
		typeof author?.username === 'string' && author.username ? author.username : (users.get(authorId) ?? null);
	const quality = handle === null ? 0 : 1;
	if (handle === null) ctx.warn('twitter-handle-unknown');
	const pm = isObject(t.public_metrics) ? t.public_metrics : null;
	if (!pm) ctx.warn('twitter-metrics-missing');
	const likes = countOf(pm?.like_count);
	const reposts = countOf(pm?.retweet_count);
	const replies = countOf(pm?.reply_count);
	if (pm && (likes === null || reposts === null || replies === null)) ctx.warn('twitter-metrics-invalid');
	const url = `https://twitter.com/${handle ?? 'i/web'}/status/${id}`;
	handle ??= authorId;
	return {
		ok: true,
		value: {
			post_id: `twitter:${id}`,
			platform: 'twitter',
			author_id: `twitter:${authorId}`,
			author_handle: handle,
			created_at: time.iso,
			created_us: time.us,
			lang: typeof t.lang === 'string' && t.lang ? t.lang : 'und',
			text,
			url,
			reply_to_id: reply,
			quote_of_id: quote,
			repost_of_id: repost,
			like_count: likes ?? 0,
			repost_count: reposts ?? 0,
			reply_count: replies ?? 0,
			quality
		}
	};
}

/** Handle map of a page's `includes.users` (ids that JSON.parse rounded are skipped, never matched). */
function usersOf(includes: unknown, ctx: IngestContext): Map<string, string> {
	const users = new Map<string, string>();
	if (!isObject(includes) || !Array.isArray(includes.users)) return users;
	for (const u of includes.users) {
		if (!isObject(u) || typeof u.username !== 'string') continue;
		const id = idString(u.id);
		if (id === LOSSY) ctx.warn('twitter-user-lossy-id');
		else if (id !== null) users.set(id, u.username);
	}
	return users;
}

/** `index` names where the tweet sits in its line; built only for a reject (most tweets need none). */
function ingestTweet(
	ctx: IngestContext,
	file: number,
	t: unknown,
	users: Map<string, string>,
	at: RecordAt,
	index?: () => string
): void {
	const r = tweetToPost(t, users, ctx);
	if (!r.ok) {
		const where = index?.() || undefined;
		// A tweet inside a page is shown alone, re-serialized; a whole line (or a record JSON.parse has
		// rounded, which cannot be re-serialized faithfully) is shown as read.
		const raw = where === undefined || r.reason === 'lossy-numeric-id' ? at.raw : JSON.stringify(t);
		rejectRecord(ctx, file, { ...at, index: where, raw, rawBytes: undefined }, r.reason, r.detail);
		return;
	}
	ctx.ledger.read(file);
	stagePost(ctx, file, r.value);
}

/** Handles one parsed line (or document) of twitter-v2 input: a page, a tweet, or an array of either. */
export function ingestValue(
	ctx: IngestContext,
	file: number,
	v: unknown,
	at: RecordAt,
	prefix: string
): void {
	if (Array.isArray(v)) {
		if (v.length === 0) rejectRecord(ctx, file, at, 'empty-page');
		v.forEach((el, i) => ingestValue(ctx, file, el, at, `${prefix}[${i}]`));
		return;
	}
	if (!isObject(v)) {
		rejectRecord(ctx, file, { ...at, index: prefix || undefined }, 'unknown-shape', `a JSON ${typeof v}`);
		return;
	}
	const idx = (s: string) => (prefix ? `${prefix}.${s}` : s);
	if (looksLikeTweet(v)) {
		const users = usersOf(v.includes, ctx);
		if (isObject(v.author) && typeof v.author.username === 'string') {
			const aid = idString(v.author.id);
			if (typeof aid === 'string') users.set(aid, v.author.username);
		}
		ingestTweet(ctx, file, v, users, at, () => prefix);
		if (Array.isArray(v.referenced_tweets)) {
			v.referenced_tweets.forEach((r, i) => {
				if (isExpandedTweet(r)) ingestTweet(ctx, file, r, users, at, () => idx(`referenced_tweets[${i}]`));
			});
		}
		return;
	}
	if (!('data' in v) && !('includes' in v) && !('errors' in v) && !('meta' in v)) {
		rejectRecord(
			ctx,
			file,
			{ ...at, index: prefix || undefined },
			'unknown-shape',
			'neither a tweet nor an API page'
		);
		return;
	}
	// An API response page.
	const users = usersOf(v.includes, ctx);
	const data = Array.isArray(v.data) ? v.data : v.data === undefined || v.data === null ? [] : [v.data];
	const included = isObject(v.includes) && Array.isArray(v.includes.tweets) ? v.includes.tweets : [];
	const errors = Array.isArray(v.errors) ? v.errors : [];
	if (data.length + included.length + errors.length === 0) {
		rejectRecord(
			ctx,
			file,
			{ ...at, index: prefix || undefined },
			'empty-page',
			'no data, includes.tweets or errors'
		);
		return;
	}
	const single = !Array.isArray(v.data);
	for (let i = 0; i < data.length; i++) {
		ingestTweet(ctx, file, data[i], users, at, () => idx(single ? 'data' : `data[${i}]`));
	}
	for (let i = 0; i < included.length; i++) {
		ingestTweet(ctx, file, included[i], users, at, () => idx(`includes.tweets[${i}]`));
	}
	errors.forEach((e, i) => {
		const detail = isObject(e)
			? [e.title, e.detail].filter((s) => typeof s === 'string').join(': ')
			: undefined;
		rejectRecord(
			ctx,
			file,
			{ ...at, index: idx(`errors[${i}]`), raw: JSON.stringify(e) },
			'api-error',
			detail
		);
	});
}
