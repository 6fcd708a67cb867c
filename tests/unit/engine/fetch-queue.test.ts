import { describe, expect, it } from 'vitest';
import { FetchQueue } from '../../../src/lib/engine/fetchQueue';

/** Tasks that finish when the test says so, recording the order they started in. */
function tasks() {
	const started: string[] = [];
	const finish = new Map<string, () => void>();
	const task = (key: string) => () =>
		new Promise<string>((resolve) => {
			started.push(key);
			finish.set(key, () => resolve(key));
		});
	const done = async (key: string) => {
		finish.get(key)!();
		await new Promise((r) => setTimeout(r, 0));
	};
	return { started, task, done };
}

describe('FetchQueue', () => {
	it('runs at most `limit` tasks at once, the rest as slots free up', async () => {
		const q = new FetchQueue(2);
		const t = tasks();
		const results = ['a', 'b', 'c', 'd'].map((k) => q.run(k, t.task(k)));
		expect(t.started).toEqual(['a', 'b']);
		expect(q.queued).toBe(2);
		await t.done('a');
		expect(t.started).toHaveLength(3);
		await t.done('b');
		await t.done(t.started[2]);
		await t.done(t.started[3]);
		expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
		expect(q.queued).toBe(0);
	});

	it('serves the most recently asked first, so a late small request does not wait behind a bulk one', async () => {
		const q = new FetchQueue(1);
		const t = tasks();
		void q.run('running', t.task('running'));
		for (const k of ['bulk1', 'bulk2', 'bulk3']) void q.run(k, t.task(k));
		void q.run('page', t.task('page'));
		await t.done('running');
		expect(t.started).toEqual(['running', 'page']);
	});

	it('moves a waiting task to the front when it is asked for again', async () => {
		const q = new FetchQueue(1);
		const t = tasks();
		void q.run('running', t.task('running'));
		for (const k of ['x', 'y', 'z']) void q.run(k, t.task(k));
		q.bump('x');
		q.bump('not-waiting');
		await t.done('running');
		expect(t.started).toEqual(['running', 'x']);
		await t.done('x');
		expect(t.started).toEqual(['running', 'x', 'z']);
	});

	it('a failed task frees its slot and rejects only its own caller', async () => {
		const q = new FetchQueue(1);
		const bad = q.run('bad', () => Promise.reject(new Error('HTTP 500')));
		const good = q.run('good', () => Promise.resolve('ok'));
		await expect(bad).rejects.toThrow('HTTP 500');
		await expect(good).resolves.toBe('ok');
	});
});
