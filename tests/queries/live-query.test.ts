/** A view keeps only the result of its latest inputs: results of superseded runs are dropped. */
import { describe, expect, it } from 'vitest';
import { LiveQuery } from '../../src/lib/explore/live.svelte';
import { QueryAbortedError } from '../../src/lib/queries/runner';

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('LiveQuery', () => {
	it('drops a result that arrives after its inputs changed', async () => {
		const view = new LiveQuery<string>();
		const slow = deferred<string>();
		const fast = deferred<string>();
		const stopSlow = view.run('k1', () => slow.promise);
		stopSlow();
		view.run('k2', () => fast.promise);
		fast.resolve('second');
		await tick();
		slow.resolve('first');
		await tick();
		expect(view.data).toBe('second');
		expect(view.have).toBe('k2');
	});

	it('fetches again a prerendered result it was told to forget, and keeps it on screen meanwhile', async () => {
		const view = new LiveQuery<string>('prerendered', 'k1');
		view.run('k1', async () => 'never');
		await tick();
		expect([view.data, view.have]).toEqual(['prerendered', 'k1']);
		view.forget();
		expect([view.data, view.have]).toEqual(['prerendered', '']);
		const next = deferred<string>();
		view.run('k1', () => next.promise);
		next.resolve('from the engine');
		await tick();
		expect([view.data, view.have]).toEqual(['from the engine', 'k1']);
	});

	it('does not forget what a run in flight is about to replace', () => {
		const view = new LiveQuery<string>('prerendered', 'k1');
		view.run('k2', () => new Promise<string>(() => undefined));
		view.forget();
		expect(view.have).toBe('k1');
	});

	it('takes a seeded result as on screen, so a run with its key does nothing', async () => {
		const view = new LiveQuery<string>();
		view.seed('from the statement', 'k1');
		let ran = false;
		view.run('k1', async () => {
			ran = true;
			return 'from the cube';
		});
		await tick();
		expect([view.data, view.have, ran]).toEqual(['from the statement', 'k1', false]);
	});

	it('ignores a seed while a run is in flight', async () => {
		const view = new LiveQuery<string>();
		const pending = deferred<string>();
		view.run('k2', () => pending.promise);
		view.seed('stale', 'k1');
		expect(view.have).toBe('');
		pending.resolve('fresh');
		await tick();
		expect([view.data, view.have]).toEqual(['fresh', 'k2']);
	});

	it('passes an aborted signal to the superseded run', async () => {
		const view = new LiveQuery<string>();
		let seen: AbortSignal | null = null;
		const stop = view.run('k1', (signal) => {
			seen = signal;
			return new Promise(() => undefined);
		});
		stop();
		expect(seen!.aborted).toBe(true);
	});

	it('does not run again for inputs already on screen', () => {
		const view = new LiveQuery<string>('seed', 'k0');
		let runs = 0;
		view.run('k0', async () => (runs++, 'x'));
		expect(runs).toBe(0);
		expect(view.data).toBe('seed');
	});

	it('shows an error in words, but ignores aborts', async () => {
		const view = new LiveQuery<string>();
		view.run('k1', () => Promise.reject(new QueryAbortedError()));
		await tick();
		expect(view.error).toBe('');
		view.run('k2', () => Promise.reject(new Error('Binder Error: nope')));
		await tick();
		expect(view.error).toBe('Binder Error: nope');
		expect(view.have).toBe('k2');
	});
});
