import { loadAgg } from '$lib/data/loadAgg';
import type { DocumentedAgg } from '$lib/data/types';
import type { PageRowWithText } from '$lib/queries/explore';
import { seedFromSpread, type ExplorerSeed, type SpreadAgg } from '$lib/explore/seed';
import type { PageServerLoad } from './$types';

// A server load, so only the small seed (not the aggregates it is computed from) is inlined in the page: the
// overview chart is in the prerendered HTML before any engine starts. Without it the explorer still works.
export const load: PageServerLoad = async ({ fetch }): Promise<{ seed: ExplorerSeed | null }> => {
	try {
		const [spread, documented, table, version] = await Promise.all([
			loadAgg<SpreadAgg>(fetch, 'spread'),
			loadAgg<DocumentedAgg>(fetch, 'documented'),
			// The table's first page: without it (an older build) the table waits for the engine, as before.
			loadAgg<PageRowWithText[]>(fetch, 'table-default').catch(() => null),
			fetch('/data/arrow/index.json')
				.then((r) => r.json() as Promise<{ datasetVersion?: string }>)
				.then((index) => index.datasetVersion ?? null)
				.catch(() => null)
		]);
		return {
			seed: seedFromSpread(
				spread,
				documented.claims.map((c) => c.claim_id),
				table,
				version
			)
		};
	} catch {
		return { seed: null };
	}
};
