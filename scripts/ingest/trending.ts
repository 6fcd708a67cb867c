import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { classifyProtest, type ProtestOverride, type ProtestRule } from '../../src/lib/classify/protestRules';
import { columnNames, snapshots, trendingItems } from '../../src/lib/schema';
import { csvField } from './staging';

export interface SnapshotRow {
	snapshot_id: string;
	feed: string;
	dimension: string;
	captured_at: string;
	original_url: string;
	archive_url: string | null;
	item_count: number;
}

export type TrendingItemInput = {
	snapshot_id: string;
	rank: number;
	project_id: string;
	hash_id: string | null;
	title: string;
	artist_username: string;
	artist_name: string | null;
	cover_url: string | null;
};

export const csvLine = (values: readonly (string | number | boolean | null | undefined)[]): string =>
	values.map(csvField).join(',') + '\n';

const ITEM_COLUMNS = columnNames(trendingItems);
const SNAPSHOT_COLUMNS = columnNames(snapshots);

/**
 * Collects trending tiles and their snapshots. Tiles are classified with the protest rules and streamed to
 * trending_items.csv as they come; snapshots (one row per capture set, few) are written at the end.
 */
export class TrendingSink {
	private items: WriteStream | null = null;
	private readonly snapshots = new Map<string, SnapshotRow>();
	itemCount = 0;
	protestCount = 0;

	constructor(
		private readonly outDir: string,
		private readonly protest: {
			rules: readonly ProtestRule[];
			overrides: ReadonlyMap<string, ProtestOverride>;
		}
	) {}

	addItem(item: TrendingItemInput): void {
		if (!this.items) {
			this.items = createWriteStream(join(this.outDir, 'trending_items.csv'));
			this.items.write(ITEM_COLUMNS.join(',') + '\n');
		}
		const verdict = classifyProtest(item.title, item.project_id, this.protest.rules, this.protest.overrides);
		const row: Record<string, string | number | boolean | null> = {
			...item,
			is_protest: verdict.isProtest,
			protest_signal: verdict.signal,
			provenance: 'observed'
		};
		this.items.write(csvLine(ITEM_COLUMNS.map((c) => row[c])));
		this.itemCount++;
		if (verdict.isProtest) this.protestCount++;
	}

	hasSnapshot(id: string): boolean {
		return this.snapshots.has(id);
	}

	getSnapshot(id: string): SnapshotRow | undefined {
		return this.snapshots.get(id);
	}

	setSnapshot(row: SnapshotRow): void {
		this.snapshots.set(row.snapshot_id, row);
	}

	async drain(): Promise<void> {
		if (this.items?.writableNeedDrain) await once(this.items, 'drain');
	}

	get snapshotCount(): number {
		return this.snapshots.size;
	}

	async close(): Promise<void> {
		if (this.items) {
			const out = this.items;
			this.items = null;
			await new Promise<void>((resolve, reject) =>
				out.end((err?: Error | null) => (err ? reject(err) : resolve()))
			);
		}
		if (this.snapshots.size === 0) return;
		const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
		const rows = [...this.snapshots.values()].sort(
			(a, b) => cmp(a.captured_at, b.captured_at) || cmp(a.snapshot_id, b.snapshot_id)
		);
		const body = rows.map((r) => {
			const row: Record<string, string | number | null> = { ...r, provenance: 'observed' };
			return csvLine(SNAPSHOT_COLUMNS.map((c) => row[c]));
		});
		writeFileSync(join(this.outDir, 'snapshots.csv'), SNAPSHOT_COLUMNS.join(',') + '\n' + body.join(''));
	}
}
