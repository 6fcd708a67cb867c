// Tree builders and a seeded PRNG shared by the metrics tests. Not a test file itself (no .test suffix).
import type { CascadeInput } from '$lib/metrics';

const MINUTE = 60_000;
export const T0 = Date.UTC(2022, 11, 13, 12, 0);

/** mulberry32: a tiny seeded PRNG, so "random" trees are the same on every run and machine. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A cascade from [id, parent, minutes after T0] rows. */
export function timedTree(rows: readonly (readonly [string, string | null, number])[]): CascadeInput {
	return {
		ids: rows.map((r) => r[0]),
		parents: rows.map((r) => r[1]),
		times: rows.map((r) => T0 + r[2] * MINUTE)
	};
}

/** Root "n0" with n−1 leaves, all posted at T0. */
export function star(n: number): CascadeInput {
	return timedTree(Array.from({ length: n }, (_, i) => [`n${i}`, i === 0 ? null : 'n0', 0] as const));
}

/** n0 → n1 → … → n(n−1), node i posted i minutes after T0. `reversed` lists the deepest node first. */
export function chain(n: number, reversed = false): CascadeInput {
	const ids: string[] = new Array(n);
	const parents: (string | null)[] = new Array(n);
	const times: number[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const slot = reversed ? n - 1 - i : i;
		ids[slot] = `n${i}`;
		parents[slot] = i === 0 ? null : `n${i - 1}`;
		times[slot] = T0 + i * MINUTE;
	}
	return { ids, parents, times };
}

/**
 * A random recursive tree (node i picks a parent among 0..i−1), listed in shuffled order so the metrics cannot
 * rely on parents coming before children. Times grow with i.
 */
export function randomTree(n: number, random: () => number): CascadeInput {
	const parentOf = new Int32Array(n);
	parentOf[0] = -1;
	for (let i = 1; i < n; i++) parentOf[i] = Math.floor(random() * i);
	const slots = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[slots[i], slots[j]] = [slots[j], slots[i]];
	}
	const ids: string[] = new Array(n);
	const parents: (string | null)[] = new Array(n);
	const times: number[] = new Array(n);
	for (let i = 0; i < n; i++) {
		ids[slots[i]] = `u${i}`;
		parents[slots[i]] = i === 0 ? null : `u${parentOf[i]}`;
		times[slots[i]] = T0 + i * 1000;
	}
	return { ids, parents, times };
}

/** ν by definition: BFS from every node over the undirected tree, mean distance over ordered pairs. O(n²). */
export function bruteForceVirality({ ids, parents }: CascadeInput): number | null {
	const n = ids.length;
	if (n < 2) return null;
	const indexOf = new Map(Array.from(ids, (id, i) => [id, i]));
	const neighbours: number[][] = Array.from({ length: n }, () => []);
	for (let i = 0; i < n; i++) {
		const p = parents[i];
		if (p === null) continue;
		const j = indexOf.get(p)!;
		neighbours[i].push(j);
		neighbours[j].push(i);
	}
	let sum = 0;
	for (let source = 0; source < n; source++) {
		const dist = new Array<number>(n).fill(-1);
		dist[source] = 0;
		const queue = [source];
		for (let q = 0; q < queue.length; q++) {
			for (const next of neighbours[queue[q]]) {
				if (dist[next] >= 0) continue;
				dist[next] = dist[queue[q]] + 1;
				sum += dist[next];
				queue.push(next);
			}
		}
	}
	return sum / (n * (n - 1));
}
