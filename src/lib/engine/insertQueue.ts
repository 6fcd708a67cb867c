/**
 * The engine's data files on their way into their tables: one insert at a time (one admin connection, one
 * worker thread), and every file of the same table that has arrived by then goes in with it, joined into one
 * Arrow stream (ipcConcat.ts), up to `maxBytes` so a query waiting behind them is not held up long. A joined
 * insert is one statement, so when it fails nothing of it was kept: its files then go in one by one, each
 * settled on its own, so one bad file costs only itself.
 */
import { concatIpcStreams } from './ipcConcat';

export interface InsertJob<T extends string = string> {
	target: T;
	bytes: Uint8Array;
	/** Called once: `error` null when the file is in its table; `insertMs` its share of the insert's time. */
	settle: (error: unknown, insertMs: number) => void;
}

/** Removes from `queue` and returns the first job and every later one for its table, within `maxBytes`. */
export function takeBatch<J extends InsertJob>(queue: J[], maxBytes: number): J[] {
	if (queue.length === 0) return [];
	const target = queue[0].target;
	const batch: J[] = [];
	let size = 0;
	for (let i = 0; i < queue.length;) {
		const job = queue[i];
		if (job.target === target && (batch.length === 0 || size + job.bytes.byteLength <= maxBytes)) {
			batch.push(job);
			size += job.bytes.byteLength;
			queue.splice(i, 1);
		} else i++;
	}
	return batch;
}

export class InsertQueue<T extends string> {
	private readonly queue: InsertJob<T>[] = [];
	private draining = false;

	/** `insert` puts one Arrow IPC stream into a table; it may take the buffer (a worker transfer empties it). */
	constructor(
		private readonly insert: (target: T, bytes: Uint8Array) => Promise<unknown>,
		private readonly maxBytes: number
	) {}

	/** Resolves with the file's share of its insert's time (ms) once it is in `target`. */
	add(target: T, bytes: Uint8Array): Promise<number> {
		return new Promise<number>((resolve, reject) => {
			this.queue.push({ target, bytes, settle: (e, ms) => (e === null ? resolve(ms) : reject(e)) });
			void this.drain();
		});
	}

	private async drain(): Promise<void> {
		if (this.draining) return;
		this.draining = true;
		try {
			while (this.queue.length > 0) await this.run(takeBatch(this.queue, this.maxBytes));
		} finally {
			this.draining = false;
		}
	}

	private async run(batch: InsertJob<T>[]): Promise<void> {
		const target = batch[0].target;
		// Joined from the jobs' buffers into a new one, which the insert may take: theirs stay whole for the
		// one-by-one inserts if this fails.
		const joined = concatIpcStreams(batch.map((j) => j.bytes));
		if (joined) {
			const t0 = performance.now();
			try {
				await this.insert(target, joined);
				const ms = (performance.now() - t0) / batch.length;
				for (const j of batch) j.settle(null, ms);
				return;
			} catch {
				// One by one below, each with its own error.
			}
		}
		for (const j of batch) {
			const t0 = performance.now();
			try {
				await this.insert(target, j.bytes);
				j.settle(null, performance.now() - t0);
			} catch (e) {
				j.settle(e, 0);
			}
		}
	}
}
