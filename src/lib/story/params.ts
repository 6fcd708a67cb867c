/**
 * Reading view state from the URL. Every reader returns the value to use and, when the link asked for
 * something that does not exist, the raw value it asked for, so the page can say it fell back.
 */
export interface Param<T> {
	value: T;
	/** The rejected raw value, or null when the parameter was absent or valid. */
	invalid: string | null;
}

/** One of a fixed set of values. */
export function choiceParam<T extends string>(
	params: URLSearchParams,
	name: string,
	allowed: readonly T[],
	fallback: T
): Param<T> {
	const raw = params.get(name);
	if (raw === null || raw === '') return { value: fallback, invalid: null };
	return (allowed as readonly string[]).includes(raw)
		? { value: raw as T, invalid: null }
		: { value: fallback, invalid: raw };
}

/** An id that must exist in `ids` (a capture, a cascade); absent means `fallback`. */
export function idParam(
	params: URLSearchParams,
	name: string,
	ids: ReadonlySet<string> | readonly string[],
	fallback: string | null
): Param<string | null> {
	const raw = params.get(name);
	if (raw === null || raw === '') return { value: fallback, invalid: null };
	const has = Array.isArray(ids) ? ids.includes(raw) : (ids as ReadonlySet<string>).has(raw);
	return has ? { value: raw, invalid: null } : { value: fallback, invalid: raw };
}

/** A whole number within [min, max]. */
export function intParam(
	params: URLSearchParams,
	name: string,
	min: number,
	max: number,
	fallback: number | null
): Param<number | null> {
	const raw = params.get(name);
	if (raw === null || raw === '') return { value: fallback, invalid: null };
	if (!/^-?\d+$/.test(raw)) return { value: fallback, invalid: raw };
	const n = Number(raw);
	return n >= min && n <= max ? { value: n, invalid: null } : { value: fallback, invalid: raw };
}

/** A boolean flag written as 1/0 (also true/false). */
export function flagParam(params: URLSearchParams, name: string, fallback: boolean): Param<boolean> {
	const raw = params.get(name);
	if (raw === null || raw === '') return { value: fallback, invalid: null };
	if (raw === '1' || raw === 'true') return { value: true, invalid: null };
	if (raw === '0' || raw === 'false') return { value: false, invalid: null };
	return { value: fallback, invalid: raw };
}

/** The (name, raw value) pairs a page rejected, for its notice. */
export const rejected = (entries: Record<string, Param<unknown>>): { name: string; raw: string }[] =>
	Object.entries(entries)
		.filter(([, p]) => p.invalid !== null)
		.map(([name, p]) => ({ name, raw: p.invalid! }));

/**
 * The search string for a view: `updates` applied to `current`, values equal to their default dropped so
 * links stay short. Returns '' or '?a=1&b=2'.
 */
export function withParams(
	current: URLSearchParams,
	updates: Record<string, string | null>,
	defaults: Record<string, string> = {}
): string {
	const next = new URLSearchParams(current);
	for (const [k, v] of Object.entries(updates)) {
		if (v === null || v === defaults[k]) next.delete(k);
		else next.set(k, v);
	}
	next.sort();
	const s = next.toString();
	return s ? `?${s}` : '';
}
