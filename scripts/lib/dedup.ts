import { DEDUP_WINDOW_HOURS } from '../../src/lib/schema';
export { DEDUP_WINDOW_HOURS };

/** The text key two copies must share: trimmed, spaces folded, lower case. */
export const NORMALIZED_TEXT_SQL = `lower(regexp_replace(trim("text"), '\\s+', ' ', 'g'))`;

/**
 * SELECT over `source` that returns every row with `dup_of` set to the first copy's post_id when the same
 * platform account posted the same normalized text earlier within the window. Reposts are not authored
 * text, and empty texts carry no signal, so neither is ever marked. A `dup_of` already set by the source
 * (e.g. an ingester that knows better) is kept.
 *
 * Only (account, text-hash) groups with more than one post are windowed, and within them the exact text
 * decides, so a hash collision can never mark a post; sorting every post by its full text was the slowest
 * step of the build.
 */
export function markNearDuplicatesSql(
	source: string,
	columns: readonly string[],
	windowHours = DEDUP_WINDOW_HOURS
): string {
	const keep = columns.map((c) => (c === 'dup_of' ? `coalesce(s.dup_of, m.first_id) AS dup_of` : `s."${c}"`));
	return `
WITH keyed AS (
	SELECT post_id, platform, author_id, created_at, ${NORMALIZED_TEXT_SQL} AS norm
	FROM ${source}
	WHERE edge_kind IS DISTINCT FROM 'repost'
), eligible AS (
	SELECT *, hash(norm) AS h FROM keyed WHERE norm <> ''
), repeated AS (
	SELECT platform, author_id, h FROM eligible GROUP BY ALL HAVING count(*) > 1
), firsts AS (
	SELECT e.post_id, e.created_at,
		first_value(e.post_id) OVER w AS first_id,
		first_value(e.created_at) OVER w AS first_at
	FROM eligible e SEMI JOIN repeated r ON e.platform = r.platform AND e.author_id = r.author_id AND e.h = r.h
	WINDOW w AS (PARTITION BY e.platform, e.author_id, e.norm ORDER BY e.created_at, e.post_id)
), marks AS (
	SELECT post_id, first_id FROM firsts
	WHERE post_id <> first_id AND created_at - first_at <= INTERVAL ${Math.trunc(windowHours)} HOUR
)
SELECT ${keep.join(', ')} FROM ${source} s LEFT JOIN marks m ON m.post_id = s.post_id`;
}
