/**
 * Hook for *inferred* cascade edges (`edge_kind = 'inferred'`), for posts whose observed references (repost,
 * quote, reply) do not reach a post in the archive: e.g. a later rule that attributes a post to the earliest
 * post of the same claim that its author could have seen. None is defined yet; `ingest()` takes a list.
 *
 * A rule is SQL, so it runs in DuckDB over every kept post without holding them in JS:
 *   - it reads the view `posts_kept` (every staged column, see staging.ts, plus `ts TIMESTAMP`),
 *   - and returns rows `(post_id VARCHAR, parent_id VARCHAR)`: candidate parents.
 * The cascade pass then only uses a candidate when the post has no observed in-archive parent and the parent
 * is strictly earlier (by `ts`, then `post_id`), which keeps every cascade a tree. When several candidates
 * remain, the rule listed first wins, then the latest parent (the nearest in time), then the smallest id.
 */
export interface InferredAttributionRule {
	/** Short stable name, recorded in source.json. */
	id: string;
	description: string;
	/** A SELECT returning `post_id, parent_id` over the view `posts_kept`. */
	sql: string;
}
