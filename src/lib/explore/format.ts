/** Formatting shared by the explorer's views. Times are always shown in UTC, the data's own zone. */
import type { PostRow, PostTextRow } from '../queries/explore';

export type UiLang = 'en' | 'ko';

/** A posts-table row: light columns plus, once its day's text is loaded, handle, text and link. */
export type TableRow = PostRow & Partial<Omit<PostTextRow, 'post_id'>>;

// Counts are written by hand, not with Intl.NumberFormat: Korean groups digits as English does, and the first
// Intl object a page makes sets up ICU's data, 10–30 ms of the explorer's hydration in Chromium.
export { formatCount } from '../story/format';

/** `2022-12-14 03:10` (UTC). */
export const formatUtcMinute = (ms: number): string =>
	new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** `2022-12-14` or `2022-12-14 03:00`, by bin. */
export const formatBin = (ms: number, bin: 'hour' | 'day'): string =>
	bin === 'day' ? new Date(ms).toISOString().slice(0, 10) : formatUtcMinute(ms);

export const formatMB = (bytes: number): string =>
	bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Only http(s) links are ever rendered as links. */
export const safeHref = (url: string | null | undefined): string | null =>
	typeof url === 'string' && /^https?:\/\/[^\s]+$/iu.test(url) ? url : null;

/** A console cell as text: times as ISO (UTC), lists and structs as JSON, NULL spelled out. */
export function formatCell(v: unknown, type: string): string {
	if (v === null || v === undefined) return 'NULL';
	if (typeof v === 'number' && /^Timestamp/u.test(type))
		return new Date(v).toISOString().replace('.000Z', 'Z');
	if (typeof v === 'number' && /^Date/u.test(type)) return new Date(v).toISOString().slice(0, 10);
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}
