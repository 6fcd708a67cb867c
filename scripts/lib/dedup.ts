/** Copies posted again by the same author within this many hours count as near-duplicates. */
export const DEDUP_WINDOW_HOURS = 24;

/** The text key two copies must share: trimmed, spaces folded, lower case. */
export const NORMALIZED_TEXT_SQL = `lower(regexp_replace(trim("text"), '\\s+', ' ', 'g'))`;

/**
 * SELECT over `source` that returns every row with `dup_of` set to the first copy's post_id when the same
 * platform account posted the same normalized text earlier within the window. Reposts are not authored
 * text, and empty texts carry no signal, so neither is ever marked. A `dup_of` already set by the source
 * (e.g. an ingester that knows better) is kept.
 */
export function markNearDuplicatesSql(
	source: string,
	columns: readonly string[],
	windowHours = DEDUP_WINDOW_HOURS
): string {
	const keep = columns.map((c) => (c === 'dup_of' ? 'dup_of_marked AS dup_of' : `"${c}"`)).join(', ');
	return `
WITH keyed AS (
	SELECT *, ${NORMALIZED_TEXT_SQL} AS _norm,
		(edge_kind IS DISTINCT FROM 'repost' AND ${NORMALIZED_TEXT_SQL} <> '') AS _eligible
	FROM ${source}
), firsts AS (
	SELECT *,
		first_value(post_id) OVER w AS _first_id,
		first_value(created_at) OVER w AS _first_at
	FROM keyed
	WINDOW w AS (PARTITION BY platform, author_id, _norm, _eligible ORDER BY created_at, post_id)
), marked AS (
	SELECT *, coalesce(dup_of, CASE
		WHEN _eligible AND post_id <> _first_id AND created_at - _first_at <= INTERVAL ${Math.trunc(windowHours)} HOUR
		THEN _first_id END) AS dup_of_marked
	FROM firsts
)
SELECT ${keep} FROM marked`;
}
