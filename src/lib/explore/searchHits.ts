/**
 * One materialised hit list per search, shared by every view of that search (histogram, facets, summary,
 * table), so the text is scanned once per search instead of once per view. Hit tables are TEMP tables of the
 * explorer's own connection; the oldest are dropped as new searches come in.
 */
import type { Engine } from '../engine/engine';
import type { WasmRunner } from '../engine/runner';
import { createSearchHitsSql, searchTerms, type BuildOptions } from '../queries/explore';
import { ident } from '../queries/sql';

const KEEP = 4;

export class SearchHits {
	private readonly tables = new Map<string, Promise<string>>();
	private seq = 0;

	constructor(
		private readonly engine: Engine,
		private readonly runner: WasmRunner,
		private readonly view: string
	) {}

	/** Builder options for a search: `{}` without one, `{ hits }` once its hit table exists. */
	async optionsFor(q: string): Promise<BuildOptions> {
		const terms = searchTerms(q);
		if (terms.length === 0) return {};
		// A search covers all time (the histogram shows all of it), so all text and light columns are needed.
		const everything = [[null, null]] as const;
		await Promise.all([
			this.engine.ensureRanges('posts_core', everything, this.view),
			this.engine.ensureRanges('posts_text', everything, this.view)
		]);
		const key = terms.join('\u0000');
		let table = this.tables.get(key);
		if (!table) {
			const name = `search_hits_${++this.seq}`;
			table = this.runner.rows(createSearchHitsSql(q, name), { timeoutMs: 120_000 }).then(() => name);
			table.catch(() => this.tables.delete(key));
			this.tables.set(key, table);
			this.evict();
		}
		return { hits: await table };
	}

	private evict() {
		while (this.tables.size > KEEP) {
			const [key, table] = this.tables.entries().next().value as [string, Promise<string>];
			this.tables.delete(key);
			table.then((name) => this.runner.rows(`DROP TABLE IF EXISTS ${ident(name)}`)).catch(() => undefined);
		}
	}
}
