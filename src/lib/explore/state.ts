/**
 * The explorer's state lives in the URL, so a link reproduces a view. `parseState` never fails: a bad or stale
 * parameter falls back to its default and leaves a notice saying so; `serializeState` writes only what differs
 * from the defaults, in a fixed order, so equal states give equal URLs.
 */
import { PROVENANCE, STANCES } from '../schema/vocab';
import {
	BINS,
	EMPTY_FILTERS,
	FACETS,
	NO_CLAIM,
	SORT_KEYS,
	type Bin,
	type Facet,
	type Filters,
	type SortKey
} from '../queries/explore';

export const TABS = ['posts', 'sql'] as const;
export type Tab = (typeof TABS)[number];

export interface ExploreState {
	filters: Filters;
	sort: SortKey;
	page: number;
	bin: Bin;
	tab: Tab;
	/** The SQL console's text; never run from a link. */
	sql: string;
}

export const DEFAULT_STATE: ExploreState = {
	filters: EMPTY_FILTERS,
	sort: 'newest',
	page: 1,
	bin: 'day',
	tab: 'posts',
	sql: ''
};

/** What the data holds, when known, so values and times outside it can be reported. */
export interface Known {
	platform?: readonly string[];
	lang?: readonly string[];
	claim?: readonly string[];
	/** First and last hour of the data, epoch ms. */
	extent?: { lo: number; hi: number };
}

export type NoticeKind =
	| 'bad-time'
	| 'time-order'
	| 'time-outside'
	| 'unknown-value'
	| 'bad-page'
	| 'bad-choice'
	| 'too-long'
	| 'unknown-param';

export interface Notice {
	kind: NoticeKind;
	param: string;
	/** The offending value, cut to a readable length. */
	value: string;
}

/** URL parameter of each facet. */
export const FACET_PARAM: Record<Facet, string> = {
	platform: 'platform',
	lang: 'lang',
	stance: 'stance',
	claim: 'claim',
	provenance: 'prov'
};

const PARAMS = ['from', 'to', ...Object.values(FACET_PARAM), 'q', 'sort', 'page', 'bin', 'tab', 'sql'];
export const MAX_Q = 200;
export const MAX_SQL = 20_000;
const HOUR = 3_600_000;
const TOKEN = /^[\p{L}\p{N}_:.-]{1,64}$/u;

const show = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}…` : v);

/** `2022-12-14`, `2022-12-14T03`, `2022-12-14T03:00`, `…:00Z` — always read as UTC. */
export function parseUtc(v: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?Z?$/u.exec(v.trim());
	if (!m) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
	const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	const back = new Date(ms);
	// Reject rolled-over dates such as 2022-02-31.
	if (!Number.isFinite(ms) || back.getUTCDate() !== +d || back.getUTCMonth() !== +mo - 1 || +h > 23)
		return null;
	return ms;
}

/** Minute-precision UTC, the form written to URLs: `2022-12-14T03:00Z`. */
export const formatUtc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16)}Z`;

export function parseState(
	params: URLSearchParams,
	known: Known = {}
): { state: ExploreState; notices: Notice[] } {
	const notices: Notice[] = [];
	const note = (kind: NoticeKind, param: string, value: string) =>
		notices.push({ kind, param, value: show(value) });

	for (const key of new Set(params.keys()))
		if (!PARAMS.includes(key)) note('unknown-param', key, params.get(key) ?? '');

	// Time range: snapped outward to whole hours, dropped together when unreadable, reversed or outside the data.
	let from: number | null = null;
	let to: number | null = null;
	for (const key of ['from', 'to'] as const) {
		const raw = params.get(key);
		if (raw === null || raw === '') continue;
		const ms = parseUtc(raw);
		if (ms === null) note('bad-time', key, raw);
		else if (key === 'from') from = Math.floor(ms / HOUR) * HOUR;
		else to = Math.ceil(ms / HOUR) * HOUR;
	}
	if (from !== null && to !== null && from >= to) {
		note('time-order', 'from', `${params.get('from')} – ${params.get('to')}`);
		from = to = null;
	} else if (known.extent && (from !== null || to !== null)) {
		const { lo, hi } = known.extent;
		if ((from !== null && from > hi) || (to !== null && to <= lo)) {
			note(
				'time-outside',
				from !== null ? 'from' : 'to',
				`${params.get('from') ?? ''} – ${params.get('to') ?? ''}`
			);
			from = to = null;
		}
	}

	const facets = {} as Record<Facet, string[]>;
	for (const facet of FACETS) {
		const key = FACET_PARAM[facet];
		const allowed: readonly string[] | undefined =
			facet === 'stance'
				? STANCES
				: facet === 'provenance'
					? PROVENANCE
					: facet === 'claim' && known.claim
						? [...known.claim, NO_CLAIM]
						: facet === 'platform'
							? known.platform
							: facet === 'lang'
								? known.lang
								: undefined;
		const values: string[] = [];
		for (const raw of params.getAll(key).flatMap((v) => v.split(','))) {
			const v = raw.trim();
			if (v === '') continue;
			if (!TOKEN.test(v) || (allowed && !allowed.includes(v))) note('unknown-value', key, v);
			else if (!values.includes(v)) values.push(v);
		}
		facets[facet] = values.sort();
	}

	let q = params.get('q') ?? '';
	if (q.length > MAX_Q) {
		note('too-long', 'q', q);
		q = q.slice(0, MAX_Q);
	}

	const choice = <T extends string>(key: string, options: readonly T[], fallback: T): T => {
		const raw = params.get(key);
		if (raw === null || raw === '') return fallback;
		if ((options as readonly string[]).includes(raw)) return raw as T;
		note('bad-choice', key, raw);
		return fallback;
	};

	let page = 1;
	const rawPage = params.get('page');
	if (rawPage !== null && rawPage !== '') {
		if (/^\d{1,6}$/u.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
		else note('bad-page', 'page', rawPage);
	}

	let sql = params.get('sql') ?? '';
	if (sql.length > MAX_SQL) {
		note('too-long', 'sql', sql);
		sql = '';
	}

	return {
		state: {
			filters: { from, to, ...facets, q },
			sort: choice('sort', SORT_KEYS, DEFAULT_STATE.sort),
			page,
			bin: choice('bin', BINS, DEFAULT_STATE.bin),
			tab: choice('tab', TABS, DEFAULT_STATE.tab),
			sql
		},
		notices
	};
}

export function serializeState(s: ExploreState): URLSearchParams {
	const p = new URLSearchParams();
	const f = s.filters;
	if (f.from !== null) p.set('from', formatUtc(f.from));
	if (f.to !== null) p.set('to', formatUtc(f.to));
	for (const facet of FACETS) if (f[facet].length) p.set(FACET_PARAM[facet], [...f[facet]].sort().join(','));
	if (f.q.trim()) p.set('q', f.q);
	if (s.sort !== DEFAULT_STATE.sort) p.set('sort', s.sort);
	if (s.page !== 1) p.set('page', String(s.page));
	if (s.bin !== DEFAULT_STATE.bin) p.set('bin', s.bin);
	if (s.tab !== DEFAULT_STATE.tab) p.set('tab', s.tab);
	if (s.sql) p.set('sql', s.sql);
	return p;
}

/** A state with one facet value toggled; any filter change goes back to page 1. */
export function toggleFacet(s: ExploreState, facet: Facet, value: string): ExploreState {
	const cur = s.filters[facet];
	const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value].sort();
	return { ...s, page: 1, filters: { ...s.filters, [facet]: next } };
}

export function withFilters(s: ExploreState, patch: Partial<Filters>): ExploreState {
	return { ...s, page: 1, filters: { ...s.filters, ...patch } };
}

/** A stable key of the parts of the filters a view depends on. */
export function filtersKey(f: Filters, except?: Facet | 'time'): string {
	const parts: unknown[] = [except === 'time' ? null : f.from, except === 'time' ? null : f.to];
	for (const facet of FACETS) parts.push(facet === except ? null : f[facet]);
	parts.push(f.q.trim());
	return JSON.stringify(parts);
}

/** The query string of a state, keeping `:` and `,` readable (both are allowed in a query). */
export function stateQuery(s: ExploreState): string {
	const parts: string[] = [];
	for (const [k, v] of serializeState(s)) {
		parts.push(`${k}=${encodeURIComponent(v).replaceAll('%3A', ':').replaceAll('%2C', ',')}`);
	}
	return parts.length ? `?${parts.join('&')}` : '';
}
