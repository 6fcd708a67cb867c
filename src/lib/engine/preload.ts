/**
 * Background loading of the posts partitions no view has asked for yet. A brush whose first table page falls
 * on a partition that is not loaded waits for its download and insert: on the 2-core bench machine a partition
 * (about 0.6 MB of light columns and 0.5 MB of text at 1M posts, decoded) took 25–70 ms to download over
 * loopback and 10–20 ms to insert, most of the brush tail at 1M. Loaded while the reader looks, it costs nothing
 * when the brush comes, and the first full-text search is as fast as the next.
 *
 * What it spends is bandwidth and memory, so it runs only within a budget the device can afford, never when the
 * reader asked to save data, and it keeps out of the views' way: a step's downloads start, and each of its files
 * goes in, only once no view has loaded data or run a query for PRELOAD_QUIET_MS, no view is computing, no
 * pointer is down in the explorer and the page is idle. The next few steps download while one is inserted (the
 * worker is idle while they travel), so a brush waits behind at most one file's insert, and only when it comes
 * while that insert runs.
 */
import type { ArrowFile } from './files';

const MB = 1024 * 1024;
/** A step goes in only after no view has loaded data or run a query for this long. */
export const PRELOAD_QUIET_MS = 500;
/** Steps downloading ahead of the one being inserted. */
export const PRELOAD_AHEAD = 2;
/**
 * Consecutive partitions join one step up to this many decoded bytes (one partition at 1M posts): an insert per
 * table of 10–25 ms, which a brush may have to wait behind. With 2 MB steps and 4 ahead, brushes made during
 * the load had a p95 of 200–255 ms at 1M against 134–156 ms without it; with these settings 156 ms.
 */
export const PRELOAD_STEP_BYTES = 1 * MB;
/** Budget per GB of device memory, and the most any device gets. */
const MB_PER_GB = 64;
const MAX_BUDGET_MB = 512;
/** What a browser that does not report its memory (Firefox, Safari) is taken to have. */
const UNKNOWN_DEVICE_GB = 4;

/** The parts of `navigator` the budget reads (Chromium only reports them). */
export interface DeviceHints {
	deviceMemory?: number;
	connection?: { saveData?: boolean };
}

/** Decoded bytes of posts this device may load in the background: 0 when the reader asked to save data. */
export function preloadBudget(hints: DeviceHints): number {
	if (hints.connection?.saveData) return 0;
	const gb = hints.deviceMemory && hints.deviceMemory > 0 ? hints.deviceMemory : UNKNOWN_DEVICE_GB;
	return Math.min(MAX_BUDGET_MB, gb * MB_PER_GB) * MB;
}

/** One file of one table. */
export interface PreloadFile<T extends string> {
	table: T;
	file: ArrowFile;
}

/**
 * The files to preload in steps, in time order (so rows go into their tables roughly sorted, which keeps
 * DuckDB's min/max pruning of time filters useful). A step holds whole partitions (every table's file for the
 * same hours), consecutive ones joined up to `stepBytes`, leaving out files `loaded` says are in already. Empty
 * when the posts data as a whole does not fit the budget: half of it would leave most brushes as slow as none,
 * at the full cost in memory of what was loaded.
 */
export function preloadPlan<T extends string>(
	tables: Readonly<Record<T, readonly ArrowFile[]>>,
	budget: number,
	loaded: (table: T, file: ArrowFile) => boolean,
	stepBytes = PRELOAD_STEP_BYTES
): PreloadFile<T>[][] {
	const all = (Object.entries(tables) as [T, readonly ArrowFile[]][]).flatMap(([table, files]) =>
		files.map((file) => ({ table, file }))
	);
	const total = planBytes(all);
	if (total === 0 || total > budget) return [];
	const partitions = new Map<string, PreloadFile<T>[]>();
	for (const x of all) {
		if (loaded(x.table, x.file)) continue;
		const key = `${x.file.from ?? ''}/${x.file.to ?? ''}`;
		const part = partitions.get(key);
		if (part) part.push(x);
		else partitions.set(key, [x]);
	}
	const steps: PreloadFile<T>[][] = [];
	let size = 0;
	for (const part of [...partitions.values()].sort((a, b) => (a[0].file.from ?? 0) - (b[0].file.from ?? 0))) {
		const bytes = planBytes(part);
		if (steps.length === 0 || size + bytes > stepBytes) {
			steps.push([]);
			size = 0;
		}
		steps[steps.length - 1].push(...part);
		size += bytes;
	}
	return steps;
}

/** Decoded bytes of a plan or a step. */
export const planBytes = <T extends string>(files: readonly PreloadFile<T>[]): number =>
	files.reduce((s, x) => s + (x.file.bytes ?? 0), 0);

export interface PreloadRun<T extends string> {
	/** Starts a file's download without inserting it (the insert takes that download); settles with it. */
	prefetch(x: PreloadFile<T>): Promise<unknown>;
	/** Puts a file into its table (after its download); rejects when either fails. */
	insert(x: PreloadFile<T>): Promise<void>;
	/** Resolves when the views are quiet enough for the next step's downloads, or for a file's insert. */
	quiet(): Promise<void>;
	/** True once the engine is gone: the run stops without another step. */
	stopped(): boolean;
	/** After each step, with its decoded bytes. */
	progress(bytes: number): void;
	/** Steps whose downloads run ahead of the one being inserted. */
	ahead?: number;
}

/**
 * Runs a plan: each step waits for quiet, then its files go in while the next `ahead` steps download. Each file
 * waits for quiet again once its download is in: it took tens of milliseconds, and a brush that came meanwhile
 * should not share the two cores with an insert while its views repaint (at 1M posts, the brushes that did were
 * the tail of the brush times). `failed` when a file could not be loaded (a view that needs it asks again; the
 * background does not retry), `stopped` when the engine went.
 */
export async function runPreload<T extends string>(
	plan: readonly (readonly PreloadFile<T>[])[],
	run: PreloadRun<T>
): Promise<'done' | 'failed' | 'stopped'> {
	const ahead = run.ahead ?? PRELOAD_AHEAD;
	const downloads = new Map<PreloadFile<T>, Promise<unknown>>();
	let fetched = 0;
	const insert = async (x: PreloadFile<T>) => {
		// A failed download fails its insert, which says so.
		await downloads.get(x)?.catch(() => undefined);
		await run.quiet();
		if (run.stopped()) throw new Error('stopped');
		await run.insert(x);
	};
	for (let i = 0; i < plan.length; i++) {
		// Downloads start only in quiet too: the network and the main thread are shared with a brush's own.
		await run.quiet();
		if (run.stopped()) return 'stopped';
		for (; fetched < Math.min(plan.length, i + 1 + ahead); fetched++)
			for (const x of plan[fetched]) downloads.set(x, run.prefetch(x));
		try {
			await Promise.all(plan[i].map(insert));
		} catch {
			return run.stopped() ? 'stopped' : 'failed';
		}
		plan[i].forEach((x) => downloads.delete(x));
		run.progress(planBytes(plan[i]));
	}
	return 'done';
}
