import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runRange, type RangeResult, type RangeRunner, type RangeTask } from './jsonl';

/** The number of worker threads to use by default: one per CPU, at most 8. */
export const defaultWorkers = (): number => Math.max(1, Math.min(8, availableParallelism()));

/** Runs jobs in this thread (one worker: no threads at all). */
export const inThread: RangeRunner = { workers: 1, run: runRange };

/** A fixed set of worker threads, started on first use; each runs one job at a time. */
export class WorkerPool implements RangeRunner {
	private readonly idle: Worker[] = [];
	private readonly all: Worker[] = [];
	private readonly queue: {
		task: RangeTask;
		resolve: (r: RangeResult) => void;
		reject: (e: Error) => void;
	}[] = [];
	private readonly pending = new Map<
		number,
		{ resolve: (r: RangeResult) => void; reject: (e: Error) => void }
	>();
	private nextId = 0;
	private closing = false;

	constructor(readonly workers: number) {}

	run(task: RangeTask): Promise<RangeResult> {
		return new Promise((resolve, reject) => {
			this.queue.push({ task, resolve, reject });
			this.pump();
		});
	}

	private spawn(): Worker {
		const w = new Worker(new URL('./worker-entry.mjs', import.meta.url));
		w.on('message', (m: { id: number; result?: RangeResult; error?: string }) => {
			const p = this.pending.get(m.id);
			this.pending.delete(m.id);
			if (m.error !== undefined) p?.reject(new Error(`worker: ${m.error}`));
			else p?.resolve(m.result as RangeResult);
			this.idle.push(w);
			this.pump();
		});
		const fail = (e: Error) => {
			for (const p of this.pending.values()) p.reject(e);
			this.pending.clear();
		};
		w.on('error', fail);
		w.on('exit', (code) => {
			if (code !== 0 && !this.closing) fail(new Error(`worker stopped with exit code ${code}`));
		});
		this.all.push(w);
		return w;
	}

	private pump(): void {
		while (this.queue.length) {
			const w = this.idle.pop() ?? (this.all.length < this.workers ? this.spawn() : undefined);
			if (!w) return;
			const job = this.queue.shift()!;
			const id = this.nextId++;
			this.pending.set(id, { resolve: job.resolve, reject: job.reject });
			w.postMessage({ id, task: job.task });
		}
	}

	async close(): Promise<void> {
		this.closing = true;
		await Promise.all(this.all.map((w) => w.terminate()));
	}
}
