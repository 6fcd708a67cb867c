/** The build's Arrow file index (static/data/arrow/index.json) and which files a view needs. */
export interface ArrowFile {
	/** Relative to /data/, e.g. `arrow/posts/2022-12-14T05.arrow`. */
	path: string;
	rows: number;
	bytes?: number;
	/** Posts partitions: the whole hours they hold, epoch ms UTC, `to` exclusive. */
	from?: number;
	to?: number;
}

/** A time range, epoch ms, end exclusive; null = open. */
export type Range = readonly [from: number | null, to: number | null];

/** Whether a partition holds any instant of one of the ranges (a file without a time span holds everything). */
export function overlaps(file: Pick<ArrowFile, 'from' | 'to'>, ranges: readonly Range[]): boolean {
	if (file.from === undefined || file.to === undefined) return true;
	return ranges.some(([from, to]) => (to === null || file.from! < to) && (from === null || file.to! > from));
}

export interface ArrowIndex {
	schemaVersion: string;
	/** The build's dataset version (manifest.json's), when the index gives it. */
	datasetVersion?: string;
	tables: Record<string, { files: ArrowFile[]; columns: string[]; perEnd?: number }>;
}

const HOUR = 3_600_000;

/** `2022-12-14T05`: how the build names a file by the hour it starts at (posts partitions, hour heads). */
export const hourName = (ms: number) => new Date(ms).toISOString().slice(0, 13);

/** The file of an hour's head; the build writes one for every hour that holds a first copy. */
export const headPath = (hour: number) => `arrow/posts_head/${hourName(hour)}.arrow`;

/**
 * The hour heads' files for some hours, as the engine loads them. The index does not list them (the build's
 * `browserIndex` says why): their names come from the hour, and `rows` only needs to say they are not empty.
 */
export const headFiles = (hours: readonly number[]): ArrowFile[] =>
	hours.map((t) => ({ path: headPath(t), rows: 1, from: t, to: t + HOUR }));

/** Rows per end of each hour the build's hour heads keep; 0 for a build without them. */
export const headRowsOf = (index: ArrowIndex): number => index.tables.posts_head?.perEnd ?? 0;

/** Checks the shape of a parsed index.json; throws with a reason a reader can act on. */
export function validateIndex(x: unknown): ArrowIndex {
	const o = x as ArrowIndex;
	if (!o || typeof o !== 'object' || typeof o.tables !== 'object' || o.tables === null) {
		throw new Error('The data index (arrow/index.json) is not in the expected format.');
	}
	for (const [name, t] of Object.entries(o.tables)) {
		if (!Array.isArray(t?.files)) throw new Error(`The data index lists no files for ${name}.`);
		if (t.perEnd !== undefined && !(Number.isInteger(t.perEnd) && t.perEnd >= 0)) {
			throw new Error(`The data index gives a bad head size for ${name}.`);
		}
		for (const f of t.files) {
			if (typeof f.path !== 'string' || !/^arrow\/[\w/.-]+\.arrow$/u.test(f.path) || f.path.includes('..')) {
				throw new Error(`The data index names an unexpected file for ${name}.`);
			}
			const span = [f.from, f.to];
			if (
				span.some((v) => v !== undefined && !Number.isFinite(v)) ||
				(f.from === undefined) !== (f.to === undefined)
			) {
				throw new Error(`The data index gives a bad time span for ${f.path}.`);
			}
		}
	}
	return o;
}

/** True when the index lists rows for a table: a build made before the table existed lists none. */
export function hasRows(index: ArrowIndex, name: string): boolean {
	return (index.tables[name]?.files ?? []).some((f) => f.rows > 0);
}

/**
 * First and last hour of the posts, from the partitions' spans (they are cut from the posts in time order, so
 * this is min and max of the hourly pre-aggregate without a query); null without posts partitions.
 */
export function postsExtent(index: ArrowIndex): { lo: number; hi: number } | null {
	const files = (index.tables.posts?.files ?? []).filter(
		(f) => f.from !== undefined && f.to !== undefined && f.rows > 0
	);
	if (files.length === 0) return null;
	return { lo: Math.min(...files.map((f) => f.from!)), hi: Math.max(...files.map((f) => f.to!)) - HOUR };
}

/**
 * The posts partition a time-sorted page of the range most likely needs: for `newest`, the last one starting
 * before the range ends; for `oldest`, the first one ending after it starts. A guess made while the reader is
 * still dragging a brush, so its download can start early; the page itself still asks for what it needs.
 */
export function edgePartition(
	files: readonly ArrowFile[],
	range: { from: number; to: number },
	sort: 'newest' | 'oldest'
): ArrowFile | null {
	const inRange = files.filter((f) => f.from !== undefined && overlaps(f, [[range.from, range.to]]));
	return (sort === 'newest' ? inRange.at(-1) : inRange[0]) ?? null;
}

/**
 * How many body bytes a response will deliver to JS, for progress: its Content-Length only when the body is
 * not content-encoded (then the header counts compressed bytes, and the reader sees decoded ones), else what
 * the caller expects (the file's size in the data index, or the engine's known size).
 */
export function decodedLength(headers: { get(name: string): string | null }, expected: number): number {
	const encoding = headers.get('content-encoding');
	const length = Number(headers.get('content-length'));
	return (!encoding || encoding === 'identity') && length > 0 ? length : expected;
}
