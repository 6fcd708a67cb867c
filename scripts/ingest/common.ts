import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProtestOverride, ProtestRule } from '../../src/lib/classify/protestRules';
import type { Ledger } from './ledger';
import { readLines, type FileReadStats, type Line } from './lines';
import type { ByteRange } from './ranges';
import type { PostStage, StagedPost } from './staging';
import type { StanceClassifier } from './stance';
import type { TrendingSink } from './trending';
import type { TimeOptions } from './time';

/** What every format reader gets: where records go, the rules, and the options that concern it. */
export interface IngestContext {
	ledger: Ledger;
	/** Where posts of the file being read go (one staging part per file, or per byte range of a large file). */
	posts: PostStage;
	trending: TrendingSink;
	stance: StanceClassifier;
	protest: { rules: readonly ProtestRule[]; overrides: ReadonlyMap<string, ProtestOverride> };
	maxLineBytes: number;
	time: TimeOptions;
	/** Counters of things that were accepted but worth knowing (a handle that had to stand in, missing metrics…). */
	warn(key: string, n?: number): void;
	/** Records a file's read statistics (bytes, sha256, lines) in the ledger. */
	recordStats(file: number, stats: FileReadStats): void;
}

/** Where a record came from, for rejects.jsonl. */
export interface RecordAt {
	line: number | null;
	offset: number | null;
	index?: string;
	/** The line (or document) the record was read from, used as `raw` when the record cannot be re-serialized. */
	raw: string | Buffer;
	rawBytes?: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; detail?: string };

export const fail = (reason: string, detail?: string): { ok: false; reason: string; detail?: string } => ({
	ok: false,
	reason,
	detail
});

export const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Marker for an id that JSON.parse already turned into an inexact number (> 2^53). */
export const LOSSY = Symbol('lossy');

/**
 * An identifier as a string. Strings are kept as written (trimmed); a JSON number is accepted only when it is a
 * safe integer, because JSON.parse has already rounded anything larger (1603456789012345678 comes back as
 * 1603456789012345600): such ids are reported as LOSSY and the record is rejected, never stored rounded.
 */
export function idString(v: unknown): string | null | typeof LOSSY {
	if (typeof v === 'string') {
		const s = v.trim();
		return s && s.length <= 200 && !/[\s\p{Cc}]/u.test(s) ? s : null;
	}
	if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : LOSSY;
	if (typeof v === 'bigint') return v.toString();
	return null;
}

const INT_MAX = 2_147_483_647;

/** A non-negative engagement count, or null when absent or not a usable integer. */
export function countOf(v: unknown): number | null {
	if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= INT_MAX) return v;
	if (typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) && Number(v) <= INT_MAX) return Number(v);
	return null;
}

/** JSON.parse with the failure named: a line cut short (typically the last one of an interrupted write) or not JSON. */
export function parseJson(text: string, unterminated: boolean): Parsed<unknown> {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (e) {
		const msg = (e as Error).message;
		const pos = /position (\d+)/.exec(msg);
		const atEnd = /Unexpected end/.test(msg) || (pos !== null && Number(pos[1]) >= text.length);
		return fail(atEnd ? (unterminated ? 'truncated-line' : 'truncated-json') : 'invalid-json', msg);
	}
}

/** Classifies a post's stance, counts it as staged and appends it to the staging file. */
export function stagePost(
	ctx: IngestContext,
	file: number,
	post: Omit<StagedPost, 'stance' | 'claim_id' | 'stance_rule'>
): void {
	const v = ctx.stance.classify(post.text);
	const p = post as StagedPost;
	p.stance = v.stance;
	p.claim_id = v.claimId;
	p.stance_rule = v.ruleId;
	ctx.posts.add(file, p);
	ctx.ledger.staged(file);
}

/** Counts one read record and rejects it. */
export function rejectRecord(
	ctx: IngestContext,
	file: number,
	at: RecordAt,
	reason: string,
	detail?: string
): void {
	ctx.ledger.read(file);
	ctx.ledger.reject(file, {
		line: at.line,
		offset: at.offset,
		index: at.index,
		reason,
		detail,
		raw: at.raw,
		rawBytes: at.rawBytes
	});
}

/** Rejects a line that cannot be read as text: over the length limit or not valid UTF-8. Returns true if it did. */
export function rejectUnreadableLine(ctx: IngestContext, file: number, line: Line): boolean {
	const at: RecordAt = { line: line.lineNo, offset: line.offset, raw: line.bytes, rawBytes: line.byteLength };
	if (line.tooLong) {
		rejectRecord(
			ctx,
			file,
			at,
			'line-too-long',
			`${line.byteLength} bytes > --max-line-bytes ${ctx.maxLineBytes}`
		);
		return true;
	}
	if (line.text === null) {
		rejectRecord(ctx, file, at, 'invalid-utf8');
		return true;
	}
	return false;
}

/** Files of the inputs: a file as given, a directory as its files (sorted, not recursive, hidden files skipped). */
export function expandInputs(
	inputs: readonly string[],
	accept: (name: string) => boolean = () => true
): string[] {
	const out: string[] = [];
	for (const input of inputs) {
		const st = statSync(input);
		if (st.isDirectory()) {
			for (const name of readdirSync(input).sort()) {
				const p = join(input, name);
				if (!name.startsWith('.') && statSync(p).isFile() && accept(name)) out.push(p);
			}
		} else out.push(input);
	}
	return out;
}

export function sha256File(path: string): { sha256: string; bytes: number } {
	const buf = readFileSync(path);
	return { sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length };
}

/**
 * Reads a JSON-lines file, or a whole pretty-printed JSON document when the first non-blank line is only `[` or
 * `{`. `onValue` receives each parsed line (or the document) with where it came from; lines that cannot be read
 * or parsed are rejected here.
 */
/** Whether a file is one pretty-printed JSON document: its first non-blank line is only `[` or `{`. */
export async function isJsonDocument(path: string): Promise<boolean> {
	let first: string | null = null;
	await readLines(
		path,
		(line) => {
			if (line.blank) return true;
			first = line.text?.trim() ?? '';
			return false;
		},
		{ maxLineBytes: 1024 }
	);
	return first === '[' || first === '{';
}

export async function readJsonValues(
	ctx: IngestContext,
	file: number,
	path: string,
	onValue: (value: unknown, at: RecordAt) => void,
	range: ByteRange | null = null,
	maxDocumentBytes = 512 * 1024 * 1024
): Promise<void> {
	if (range === null && (await isJsonDocument(path))) {
		const buf = readFileSync(path);
		const stats: FileReadStats = {
			bytes: buf.length,
			sha256: createHash('sha256').update(buf).digest('hex'),
			lines: 0,
			blankLines: 0,
			bom: buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf,
			crlf: 0,
			stopped: false
		};
		for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) stats.lines++;
		if (buf.length && buf[buf.length - 1] !== 10) stats.lines++;
		ctx.recordStats(file, stats);
		const body = stats.bom ? buf.subarray(3) : buf;
		const at: RecordAt = { line: 1, offset: 0, raw: body };
		if (buf.length > maxDocumentBytes) {
			rejectRecord(
				ctx,
				file,
				at,
				'document-too-large',
				`${buf.length} bytes; convert to JSON lines (jq -c '.[]')`
			);
			return;
		}
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
		} catch {
			rejectRecord(ctx, file, at, 'invalid-utf8');
			return;
		}
		const parsed = parseJson(text, buf[buf.length - 1] !== 10);
		if (!parsed.ok) rejectRecord(ctx, file, { ...at, raw: text }, parsed.reason, parsed.detail);
		else onValue(parsed.value, { ...at, raw: text });
		return;
	}
	const stats = await readLines(
		path,
		async (line) => {
			if (line.blank) return;
			if (rejectUnreadableLine(ctx, file, line)) return;
			const text = line.text as string;
			const at: RecordAt = { line: line.lineNo, offset: line.offset, raw: text };
			const parsed = parseJson(text, line.unterminated);
			if (!parsed.ok) rejectRecord(ctx, file, at, parsed.reason, parsed.detail);
			else onValue(parsed.value, at);
			await ctx.posts.maybeFlush();
			await ctx.ledger.drain();
		},
		{ maxLineBytes: ctx.maxLineBytes, start: range?.start, end: range?.end }
	);
	ctx.recordStats(file, stats);
}
