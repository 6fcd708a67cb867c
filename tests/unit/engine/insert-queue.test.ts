import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
// Int32 columns only: no dictionaries, so the queue can join these streams.
import { describe, expect, it } from 'vitest';
import { InsertQueue, takeBatch, type InsertJob } from '../../../src/lib/engine/insertQueue';

const stream = (...ids: number[]) => tableToIPC(tableFromArrays({ id: Int32Array.from(ids) }), 'stream');
const ids = (bytes: Uint8Array) => [...tableFromIPC(bytes).getChild('id')!].map(Number);
const job = (target: string, size: number): InsertJob => ({
	target,
	bytes: new Uint8Array(size),
	settle: () => undefined
});

describe('takeBatch', () => {
	it('takes the first job and every later one for its table, leaving the rest in order', () => {
		const q = [job('a', 1), job('b', 2), job('a', 3), job('c', 4), job('a', 5)];
		const [a1, b2, a3, c4, a5] = q;
		expect(takeBatch(q, 100)).toEqual([a1, a3, a5]);
		expect(q).toEqual([b2, c4]);
	});

	it('stops adding at the byte cap, but always takes the first job', () => {
		const q = [job('a', 50), job('a', 40), job('a', 20), job('a', 5)];
		const [j50, j40, j20, j5] = q;
		expect(takeBatch(q, 95)).toEqual([j50, j40, j5]);
		expect(q).toEqual([j20]);
		expect(takeBatch([job('a', 500)], 10)).toHaveLength(1);
		expect(takeBatch([], 10)).toEqual([]);
	});
});

describe('InsertQueue', () => {
	/** A fake table store: each insert records the ids it got; `failWhen` makes an insert reject. */
	function store(failWhen: (got: number[]) => boolean = () => false) {
		const calls: { target: string; ids: number[] }[] = [];
		let release: () => void = () => undefined;
		let gate: Promise<void> | null = null;
		const insert = async (target: string, bytes: Uint8Array) => {
			const got = ids(bytes);
			calls.push({ target, ids: got });
			if (gate) await gate;
			if (failWhen(got)) throw new Error(`bad file ${got.join(',')}`);
		};
		return {
			calls,
			insert,
			/** Holds every insert until `open()`, so files can pile up behind the first. */
			hold() {
				gate = new Promise<void>((r) => (release = r));
			},
			open() {
				gate = null;
				release();
			}
		};
	}

	it('inserts the files that arrive during an insert together, one insert per table', async () => {
		const s = store();
		const q = new InsertQueue<string>(s.insert, 1 << 20);
		s.hold();
		const first = q.add('posts', stream(1));
		const later = [q.add('posts', stream(2)), q.add('text', stream(10)), q.add('posts', stream(3, 4))];
		s.open();
		await Promise.all([first, ...later]);
		expect(s.calls).toEqual([
			{ target: 'posts', ids: [1] },
			{ target: 'posts', ids: [2, 3, 4] },
			{ target: 'text', ids: [10] }
		]);
	});

	it('when a joined insert fails, inserts its files one by one and fails only the bad one', async () => {
		const s = store((got) => got.includes(666));
		const q = new InsertQueue<string>(s.insert, 1 << 20);
		s.hold();
		const first = q.add('posts', stream(1));
		const good = q.add('posts', stream(2));
		const bad = q.add('posts', stream(666));
		const alsoGood = q.add('posts', stream(3));
		bad.catch(() => undefined);
		s.open();
		await expect(first).resolves.toBeGreaterThanOrEqual(0);
		await expect(good).resolves.toBeGreaterThanOrEqual(0);
		await expect(bad).rejects.toThrow('bad file 666');
		await expect(alsoGood).resolves.toBeGreaterThanOrEqual(0);
		expect(s.calls.map((c) => c.ids)).toEqual([[1], [2, 666, 3], [2], [666], [3]]);
	});

	it('keeps going after a failure: later files still go in', async () => {
		const s = store((got) => got.includes(666));
		const q = new InsertQueue<string>(s.insert, 1 << 20);
		await expect(q.add('posts', stream(666))).rejects.toThrow('bad file');
		await expect(q.add('posts', stream(7))).resolves.toBeGreaterThanOrEqual(0);
		expect(s.calls.map((c) => c.ids)).toEqual([[666], [7]]);
	});
});
