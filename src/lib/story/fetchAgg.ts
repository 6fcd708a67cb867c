import { loadAgg } from '$lib/data/loadAgg';

const cache = new Map<string, Promise<unknown>>();

/**
 * Fetches an aggregate once per page life (drill-down files, other captures, other cascades). A failed
 * request is forgotten so the reader can retry.
 */
export function fetchAggOnce<T>(name: string): Promise<T> {
	let p = cache.get(name) as Promise<T> | undefined;
	if (!p) {
		p = loadAgg<T>(fetch, name);
		cache.set(name, p);
		p.catch(() => cache.delete(name));
	}
	return p;
}

/** Like fetchAggOnce, but a missing file (404) resolves to null: a day without claim posts has no file. */
export function fetchAggOrNull<T>(name: string): Promise<T | null> {
	return fetchAggOnce<T>(name).catch((e: Error) => {
		if (/HTTP 404/.test(e.message)) return null;
		throw e;
	});
}
