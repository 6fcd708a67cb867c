/**
 * Fetches one pre-aggregated JSON file from /data/agg/. Used in universal `load` functions: during prerender
 * SvelteKit reads it from static/ and inlines the response, so the first chart needs no extra request.
 */
export async function loadAgg<T>(fetch: typeof globalThis.fetch, name: string): Promise<T> {
	const res = await fetch(`/data/agg/${name}.json`);
	if (!res.ok) throw new Error(`/data/agg/${name}.json: HTTP ${res.status} (run \`npm run data:build\`)`);
	return (await res.json()) as T;
}

/** Splits the space-separated source_urls column into links with readable labels (the host name). */
export function sourceLinks(sourceUrls: string): { href: string; label: string }[] {
	return sourceUrls
		.split(/\s+/)
		.filter((u) => /^https?:\/\//.test(u))
		.map((href) => ({ href, label: new URL(href).hostname.replace(/^www\./, '') }));
}
