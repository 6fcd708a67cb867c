import { describe, expect, it } from 'vitest';
import type { ArrowFile } from '../../../src/lib/engine/files';
import {
	preloadBudget,
	preloadPlan,
	runPreload,
	type PreloadFile,
	type PreloadRun
} from '../../../src/lib/engine/preload';

const MB = 1024 * 1024;
const HOUR = 3_600_000;

/** A partition's file of `table` for hour `h`, of `mb` decoded megabytes. */
const file = (table: string, h: number, mb = 1): ArrowFile => ({
	path: `arrow/${table}/${h}.arrow`,
	rows: 100,
	bytes: mb * MB,
	from: h * HOUR,
	to: (h + 1) * HOUR
});
const names = (plan: PreloadFile<string>[][]) => plan.map((s) => s.map((x) => x.file.path));

describe('preloadBudget', () => {
	it('is nothing when the reader asked to save data, whatever the memory', () => {
		expect(preloadBudget({ deviceMemory: 8, connection: { saveData: true } })).toBe(0);
	});
	it('grows with device memory up to a cap, and assumes a modest device when it is not reported', () => {
		expect(preloadBudget({ deviceMemory: 2 })).toBe(128 * MB);
		expect(preloadBudget({ deviceMemory: 8 })).toBe(512 * MB);
		expect(preloadBudget({ deviceMemory: 32 })).toBe(512 * MB);
		expect(preloadBudget({})).toBe(256 * MB);
		expect(preloadBudget({ deviceMemory: 0.5 })).toBeLessThan(preloadBudget({}));
	});
});

describe('preloadPlan', () => {
	const tables = {
		core: [file('core', 2), file('core', 0), file('core', 1)],
		text: [file('text', 0), file('text', 1), file('text', 2)]
	};
	const none = () => false;

	it('puts each partition’s files of every table in one step, in time order', () => {
		expect(names(preloadPlan(tables, 100 * MB, none, 2 * MB))).toEqual([
			['arrow/core/0.arrow', 'arrow/text/0.arrow'],
			['arrow/core/1.arrow', 'arrow/text/1.arrow'],
			['arrow/core/2.arrow', 'arrow/text/2.arrow']
		]);
	});

	it('joins consecutive partitions up to the step size, and never splits one', () => {
		expect(names(preloadPlan(tables, 100 * MB, none, 4 * MB)).map((s) => s.length)).toEqual([4, 2]);
		expect(names(preloadPlan(tables, 100 * MB, none, 1 * MB)).map((s) => s.length)).toEqual([2, 2, 2]);
	});

	it('leaves out the files already loaded', () => {
		const plan = preloadPlan(tables, 100 * MB, (t, f) => t === 'core' && f.from === HOUR, 2 * MB);
		expect(names(plan)).toEqual([
			['arrow/core/0.arrow', 'arrow/text/0.arrow'],
			['arrow/text/1.arrow'],
			['arrow/core/2.arrow', 'arrow/text/2.arrow']
		]);
	});

	it('plans nothing when the posts as a whole exceed the budget (loaded ones count too)', () => {
		expect(preloadPlan(tables, 5 * MB, none)).toEqual([]);
		expect(preloadPlan(tables, 5 * MB, () => true)).toEqual([]);
		expect(preloadPlan(tables, 6 * MB, none)).not.toEqual([]);
		expect(preloadPlan({ core: [] }, 6 * MB, none)).toEqual([]);
	});
});

describe('runPreload', () => {
	/** Five steps of one file each (or what `plan` says), a quiet gate the test opens, downloads the test
	 * finishes, and a log of what happened in order. */
	function harness(over: Partial<PreloadRun<string>> = {}, plan = [0, 1, 2, 3, 4].map((h) => [h])) {
		const steps = plan.map((hs) => hs.map((h) => ({ table: 'core', file: file('core', h) })));
		const log: string[] = [];
		let waiting: (() => void)[] = [];
		const arrived = new Map<number, () => void>();
		let progress = 0;
		const run: PreloadRun<string> = {
			prefetch: (x) => {
				log.push(`fetch ${x.file.from! / HOUR}`);
				return new Promise<void>((r) => arrived.set(x.file.from! / HOUR, r));
			},
			insert: async (x) => void log.push(`insert ${x.file.from! / HOUR}`),
			quiet: () => new Promise<void>((r) => waiting.push(r)),
			stopped: () => false,
			progress: (b) => (progress += b),
			ahead: 2,
			...over
		};
		const tick = () => new Promise((r) => setTimeout(r, 0));
		/** Opens the quiet gate for whatever waits on it now, and lets that run. */
		const quietNow = async () => {
			await tick();
			const now = waiting;
			waiting = [];
			now.forEach((r) => r());
			await tick();
		};
		/** Finishes the download of hour `h`. */
		const arrive = async (h: number) => {
			arrived.get(h)!();
			await tick();
		};
		return {
			plan: steps,
			run,
			log,
			quietNow,
			arrive,
			waiting: () => waiting.length,
			progress: () => progress
		};
	}

	it('downloads only once the views are quiet, then `ahead` steps early, and inserts each file in quiet again', async () => {
		const h = harness();
		const result = runPreload(h.plan, h.run);
		await new Promise((r) => setTimeout(r, 0));
		expect(h.log).toEqual([]);
		await h.quietNow();
		expect(h.log).toEqual(['fetch 0', 'fetch 1', 'fetch 2']);
		// The download is in, but the views are busy (a brush came meanwhile): no insert yet.
		await h.arrive(0);
		expect(h.log).toEqual(['fetch 0', 'fetch 1', 'fetch 2']);
		expect(h.waiting()).toBe(1);
		await h.quietNow();
		expect(h.log.slice(3)).toEqual(['insert 0']);
		await h.quietNow();
		expect(h.log.slice(4)).toEqual(['fetch 3']);
		for (const x of [1, 2, 3, 4]) {
			await h.arrive(x);
			// The step's own quiet (past the first), then its file's.
			while (!h.log.includes(`insert ${x}`)) await h.quietNow();
		}
		expect(await result).toBe('done');
		expect(h.log.filter((l) => l.startsWith('insert'))).toEqual([0, 1, 2, 3, 4].map((i) => `insert ${i}`));
		expect(h.log.filter((l) => l.startsWith('fetch'))).toHaveLength(5);
		expect(h.progress()).toBe(5 * MB);
	});

	it('inserts no file of a step before its own download is in', async () => {
		const h = harness({ quiet: async () => undefined }, [[0, 1]]);
		const result = runPreload(h.plan, h.run);
		await new Promise((r) => setTimeout(r, 0));
		await h.arrive(1);
		expect(h.log).toEqual(['fetch 0', 'fetch 1', 'insert 1']);
		await h.arrive(0);
		expect(await result).toBe('done');
		expect(h.log.at(-1)).toBe('insert 0');
	});

	it('stops at the first file that fails, without retrying or going on', async () => {
		const h = harness({
			prefetch: async () => undefined,
			insert: async (x) => {
				if (x.file.from === HOUR) throw new Error('404');
			},
			quiet: async () => undefined
		});
		expect(await runPreload(h.plan, h.run)).toBe('failed');
		expect(h.progress()).toBe(1 * MB);
	});

	it('tries the insert of a file whose download failed (the insert reports it)', async () => {
		const tried: number[] = [];
		const h = harness({
			prefetch: async (x) => {
				if (x.file.from === 0) throw new Error('offline');
			},
			insert: async (x) => {
				tried.push(x.file.from! / HOUR);
				throw new Error('offline');
			},
			quiet: async () => undefined
		});
		expect(await runPreload(h.plan, h.run)).toBe('failed');
		expect(tried).toEqual([0]);
	});

	it('stops without another insert once the engine is gone, even with a file waiting for quiet', async () => {
		let gone = false;
		const inserted: number[] = [];
		const h = harness({
			prefetch: async () => undefined,
			insert: async (x) => {
				inserted.push(x.file.from! / HOUR);
				gone = true;
			},
			quiet: async () => undefined,
			stopped: () => gone
		});
		expect(await runPreload(h.plan, h.run)).toBe('stopped');
		expect(inserted).toEqual([0]);

		const g = harness({ prefetch: async () => undefined }, [[0, 1]]);
		let stop = false;
		g.run.stopped = () => stop;
		g.run.insert = async (x) => void inserted.push(x.file.from! / HOUR);
		const result = runPreload(g.plan, g.run);
		await g.quietNow();
		expect(g.waiting()).toBe(2);
		stop = true;
		await g.quietNow();
		expect(await result).toBe('stopped');
		expect(inserted).toEqual([0]);
	});
});
