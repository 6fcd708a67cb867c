import {
	EMPTY_FILTERS,
	PAGE_SIZE,
	postsPageWithTextSql,
	type PageRowWithText
} from '../../../src/lib/queries/explore';
import { postsCoreFromPostsSql } from '../../../src/lib/queries/tables';
import type { Duck } from '../duck';

/**
 * The explorer's posts table as a reader first finds it (no filter, newest first, page 1), by the explorer's own
 * query over the two posts tables the browser engine holds, run once here. The page is prerendered with it, so
 * the newest posts are on screen before any engine starts, and stay there if it cannot.
 */
export async function tableDefaultAggregate(duck: Duck): Promise<PageRowWithText[]> {
	await duck.run(`CREATE TEMP VIEW posts_core AS ${postsCoreFromPostsSql('posts')}`);
	await duck.run(
		`CREATE TEMP VIEW posts_text AS SELECT post_id, created_at, author_handle, "text", url FROM posts`
	);
	try {
		return await duck.all<PageRowWithText>(postsPageWithTextSql(EMPTY_FILTERS, 'newest', 0, PAGE_SIZE));
	} finally {
		await duck.run('DROP VIEW posts_core; DROP VIEW posts_text');
	}
}
