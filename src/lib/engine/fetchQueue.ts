/**
 * The engine's data downloads, a few dozen at a time. A search at 1M posts asks for all 716 posts files at
 * once: started together, the fetch() calls alone held the main thread for 0.7 s right after the reader pressed
 * Enter (the submit handler took 702 ms; with 24 at a time, 69 ms), and a browser runs only six per host over
 * HTTP/1.1 anyway. Here at most `limit` run and the rest wait, the most recently asked for first: a view that
 * needs a file now (a brush's page while a search loads everything) is not served after hundreds of others,
 * and a waiting file asked for again moves to the front too.
 */
export class FetchQueue {
	private readonly waiting: { key: string; start: () => void }[] = [];
	private running = 0;

	constructor(private readonly limit: number) {}

	/** Runs `task` once a slot is free; `key` names it for `bump`. */
	run<T>(key: string, task: () => Promise<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const start = () => {
				this.running++;
				task()
					.then(resolve, reject)
					.finally(() => {
						this.running--;
						this.next();
					});
			};
			this.waiting.unshift({ key, start });
			this.next();
		});
	}

	/** Moves the waiting task named `key`, if any, to the front of the line. */
	bump(key: string): void {
		const i = this.waiting.findIndex((w) => w.key === key);
		if (i > 0) this.waiting.unshift(...this.waiting.splice(i, 1));
	}

	/** Tasks waiting for a slot. */
	get queued(): number {
		return this.waiting.length;
	}

	private next() {
		while (this.running < this.limit && this.waiting.length > 0) this.waiting.shift()!.start();
	}
}
