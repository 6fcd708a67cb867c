/**
 * One view's query result. `run` is called from an effect with the key of the view's inputs; a result is kept
 * only if no newer run started since (stale results are dropped), and a run superseded while waiting in the
 * engine's line is skipped. `have` is the key of what is on screen, so `have === key` means "repainted".
 */
import { untrack } from 'svelte';
import { isAbort } from '../queries/runner';

export class LiveQuery<T> {
	data = $state<T | null>(null);
	error = $state('');
	have = $state('');
	/** Key of the run in flight, '' when idle. */
	running = $state('');

	constructor(initial: T | null = null, initialKey = '') {
		this.data = initial;
		this.have = initial === null ? '' : initialKey;
	}

	/** Shows a result computed elsewhere for `key` (a later `run` with that key then does nothing), unless a run
	 * is in flight. */
	seed(value: T, key: string): void {
		if (untrack(() => this.running !== '')) return;
		this.data = value;
		this.error = '';
		this.have = key;
	}

	/** Lets the next `run` fetch again what is on screen (it came from data that turned out not to be current). */
	forget(): void {
		if (untrack(() => this.running === '')) this.have = '';
	}

	/** Starts a run unless `key` is already on screen; returns the cleanup for the calling effect. */
	run(key: string, fn: (signal: AbortSignal) => Promise<T>): () => void {
		if (untrack(() => this.have === key && !this.error)) return () => undefined;
		const ctl = new AbortController();
		this.running = key;
		fn(ctl.signal).then(
			(value) => {
				if (ctl.signal.aborted) return;
				this.data = value;
				this.error = '';
				this.have = key;
				this.running = '';
			},
			(e: unknown) => {
				if (ctl.signal.aborted || isAbort(e)) return;
				this.error = e instanceof Error ? e.message : String(e);
				this.have = key;
				this.running = '';
			}
		);
		return () => ctl.abort();
	}
}
