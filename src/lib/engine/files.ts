/** The build's Arrow file index (static/data/arrow/index.json) and which files a view needs. */
export interface ArrowFile {
	/** Relative to /data/, e.g. `arrow/posts/2022-12-14.arrow`. */
	path: string;
	rows: number;
	bytes?: number;
	/** UTC day of a partition, YYYY-MM-DD. */
	day?: string;
}

export interface ArrowIndex {
	schemaVersion: string;
	tables: Record<string, { files: ArrowFile[]; columns: string[] }>;
}

/** UTC day (YYYY-MM-DD) of an instant. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Checks the shape of a parsed index.json; throws with a reason a reader can act on. */
export function validateIndex(x: unknown): ArrowIndex {
	const o = x as ArrowIndex;
	if (!o || typeof o !== 'object' || typeof o.tables !== 'object' || o.tables === null) {
		throw new Error('The data index (arrow/index.json) is not in the expected format.');
	}
	for (const [name, t] of Object.entries(o.tables)) {
		if (!Array.isArray(t?.files)) throw new Error(`The data index lists no files for ${name}.`);
		for (const f of t.files) {
			if (typeof f.path !== 'string' || !/^arrow\/[\w/.-]+\.arrow$/u.test(f.path) || f.path.includes('..')) {
				throw new Error(`The data index names an unexpected file for ${name}.`);
			}
		}
	}
	return o;
}
