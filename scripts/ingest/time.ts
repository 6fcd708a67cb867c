/** Why a timestamp could not be read. Timestamps are never guessed: these become rejects. */
export type TimeError =
	'missing-timestamp' | 'unparseable-timestamp' | 'no-timezone' | 'out-of-range-timestamp';

export type TimeResult =
	| {
			ok: true;
			iso: string;
			/** Microseconds since 1970-01-01T00:00:00Z (exact: years are limited to 1970–2199). */
			us: number;
	  }
	| { ok: false; error: TimeError };

export interface TimeOptions {
	/** Read a timestamp without an offset as UTC (an explicit choice, e.g. `--assume-utc` for a known export). */
	assumeUtc?: boolean;
}

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// Twitter API v1.1 / many exports: "Wed Dec 14 03:15:00 +0000 2022".
const V1 = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
// RFC 2822 (RSS, e-mail): "Wed, 14 Dec 2022 03:15:00 +0000" (weekday optional).
const RFC2822 =
	/^(?:[A-Z][a-z]{2},\s*)?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|GMT|UTC|Z)$/;
// Wayback CDX: 14 digits, always UTC.
const CDX = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

const MONTHS: Record<string, number> = {
	Jan: 1,
	Feb: 2,
	Mar: 3,
	Apr: 4,
	May: 5,
	Jun: 6,
	Jul: 7,
	Aug: 8,
	Sep: 9,
	Oct: 10,
	Nov: 11,
	Dec: 12
};

const pad = (n: number, w = 2): string => (w === 2 && n >= 10 ? String(n) : String(n).padStart(w, '0'));
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_MS = Date.UTC(2200, 0, 1);

/** Offset in minutes east of UTC, from `Z`, `+09:00`, `+0900`, `-05`. */
function offsetMinutes(zone: string): number | null {
	const z = zone.toUpperCase();
	if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
	const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
	if (!m) return null;
	const h = Number(m[2]);
	const min = Number(m[3] ?? '0');
	if (h > 14 || min > 59) return null;
	return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

function build(
	y: number,
	mo: number,
	d: number,
	h: number,
	mi: number,
	s: number,
	fraction: string,
	offset: number
): TimeResult {
	if (y < 1970 || y > 2199 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) {
		return { ok: false, error: 'out-of-range-timestamp' };
	}
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	if (d > (mo === 2 && leap ? 29 : DAYS[mo - 1])) return { ok: false, error: 'out-of-range-timestamp' };
	const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
	if (ms < 0 || ms >= MAX_MS) return { ok: false, error: 'out-of-range-timestamp' };
	// Microseconds are the finest unit DuckDB's TIMESTAMP keeps; trailing zeros carry nothing.
	const frac = fraction.length > 6 ? fraction.slice(0, 6).replace(/0+$/, '') : fraction.replace(/0+$/, '');
	let date: string;
	if (offset === 0) {
		date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
	} else {
		const t = new Date(ms);
		date =
			`${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
			`T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
	}
	const iso = frac ? `${date}.${frac}Z` : `${date}Z`;
	return { ok: true, iso, us: ms * 1000 + Number(frac.padEnd(6, '0')) };
}

/**
 * Reads a timestamp and returns it in UTC as `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`. Accepts ISO 8601 with `Z` or an
 * offset, Twitter v1.1 (`Wed Dec 14 03:15:00 +0000 2022`) and RFC 2822; a timestamp without a zone is an
 * error unless `assumeUtc` is set.
 */
export function toUtcIso(value: unknown, options: TimeOptions = {}): TimeResult {
	if (value === null || value === undefined || value === '') return { ok: false, error: 'missing-timestamp' };
	if (typeof value !== 'string') return { ok: false, error: 'unparseable-timestamp' };
	const v = value.trim();
	let m = ISO.exec(v);
	if (m) {
		let offset = 0;
		if (m[8] === undefined) {
			if (!options.assumeUtc) return { ok: false, error: 'no-timezone' };
		} else {
			const o = offsetMinutes(m[8]);
			if (o === null) return { ok: false, error: 'unparseable-timestamp' };
			offset = o;
		}
		return build(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), m[7] ?? '', offset);
	}
	m = V1.exec(v);
	if (m) {
		const mo = MONTHS[m[1]];
		const o = offsetMinutes(m[6]);
		if (!mo || o === null) return { ok: false, error: 'unparseable-timestamp' };
		return build(+m[7], mo, +m[2], +m[3], +m[4], +m[5], '', o);
	}
	m = RFC2822.exec(v);
	if (m) {
		const mo = MONTHS[m[2]];
		const o = offsetMinutes(m[7]);
		if (!mo || o === null) return { ok: false, error: 'unparseable-timestamp' };
		return build(+m[3], mo, +m[1], +m[4], +m[5], +(m[6] ?? 0), '', o);
	}
	return { ok: false, error: 'unparseable-timestamp' };
}

/** A Wayback CDX timestamp (`20221214031500`, UTC) as ISO 8601, or null when it is not 14 valid digits. */
export function cdxTimestampToIso(ts: string): string | null {
	const m = CDX.exec(ts);
	if (!m) return null;
	const r = build(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], '', 0);
	return r.ok ? r.iso : null;
}

/** `2022-12-14T03:15:00Z` → `20221214T031500Z`, for identifiers. */
export const compactIso = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
