import { describe, expect, it } from 'vitest';
import {
	exponential,
	gamma,
	lognormal,
	negativeBinomial,
	normal,
	pareto,
	poisson,
	weightedChoice,
	WeightedPicker
} from '../../../scripts/simulate/distributions';
import { hash128, rngFor, sfc32, type Rng } from '../../../scripts/simulate/random';

const draws = (n: number, f: () => number): number[] => Array.from({ length: n }, f);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('seeded generator', () => {
	it('repeats the same sequence for the same seed and label', () => {
		const a = rngFor(7, 'posts:claim-en');
		const b = rngFor(7, 'posts:claim-en');
		expect(draws(50, a)).toEqual(draws(50, b));
	});

	it.each([
		[7, 'x', 8, 'x'],
		[7, 'x', 7, 'y'],
		[1, 'posts', 11, 'posts']
	])('gives a different sequence for (%s, %s) and (%s, %s)', (s1, l1, s2, l2) => {
		expect(draws(5, rngFor(s1, l1))).not.toEqual(draws(5, rngFor(s2, l2)));
	});

	it('stays in [0, 1) and looks uniform', () => {
		const xs = draws(100_000, rngFor(1, 'uniform'));
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		expect(mean(xs)).toBeCloseTo(0.5, 2);
		const deciles = new Array(10).fill(0);
		for (const x of xs) deciles[Math.floor(x * 10)]++;
		for (const d of deciles) expect(Math.abs(d - 10_000)).toBeLessThan(500);
	});

	it('hashes strings to four 32-bit words that differ for near-identical inputs', () => {
		const [a, b] = [hash128('seed-1'), hash128('seed-2')];
		for (const w of [...a, ...b]) expect(w).toBe(w >>> 0);
		expect(a).not.toEqual(b);
	});

	it('matches an independent BigInt implementation of sfc32 (PractRand), warm-up included', () => {
		const M = 0xffffffffn;
		const reference = (seed: bigint[], count: number): number[] => {
			let [a, b, c, d] = seed;
			const out: number[] = [];
			for (let i = 0; i < 15 + count; i++) {
				const t = (a + b + d) & M;
				d = (d + 1n) & M;
				a = b ^ (b >> 9n);
				b = (c + (c << 3n)) & M;
				c = ((c << 21n) | (c >> 11n)) & M;
				c = (c + t) & M;
				if (i >= 15) out.push(Number(t) / 4294967296);
			}
			return out;
		};
		expect(draws(20, sfc32(1, 2, 3, 4))).toEqual(reference([1n, 2n, 3n, 4n], 20));
		const state = hash128('7\u0000anything');
		expect(draws(20, rngFor(7, 'anything'))).toEqual(reference(state.map(BigInt), 20));
	});
});

describe('distributions', () => {
	const rng: Rng = rngFor(42, 'distributions');
	const N = 40_000;

	it.each([
		['exponential mean 3', () => exponential(rng, 3), 3, 0.05],
		['poisson mean 0.6', () => poisson(rng, 0.6), 0.6, 0.03],
		['poisson mean 4 (product method)', () => poisson(rng, 4), 4, 0.05],
		['poisson mean 50 (PTRS)', () => poisson(rng, 50), 50, 0.3],
		['poisson mean 2000 (PTRS)', () => poisson(rng, 2000), 2000, 2],
		['gamma shape 0.5', () => gamma(rng, 0.5, 2), 1, 0.04],
		['gamma shape 3', () => gamma(rng, 3, 1), 3, 0.05],
		['negative binomial mean 0.6', () => negativeBinomial(rng, 0.6, 0.5), 0.6, 0.04],
		['normal', () => normal(rng), 0, 0.03]
	])('%s has the right mean', (_name, draw, expected, tolerance) => {
		expect(Math.abs(mean(draws(N, draw)) - expected)).toBeLessThan(tolerance);
	});

	it('poisson of mean 50 has variance ≈ 50', () => {
		const xs = draws(N, () => poisson(rng, 50));
		const m = mean(xs);
		expect(mean(xs.map((x) => (x - m) ** 2))).toBeGreaterThan(46);
		expect(mean(xs.map((x) => (x - m) ** 2))).toBeLessThan(54);
	});

	it('negative binomial is overdispersed (variance = mean + mean²/dispersion)', () => {
		const xs = draws(N, () => negativeBinomial(rng, 2, 0.5));
		const m = mean(xs);
		const variance = mean(xs.map((x) => (x - m) ** 2));
		expect(variance).toBeGreaterThan(8);
		expect(variance).toBeLessThan(12);
	});

	it('lognormal has the given median', () => {
		expect(median(draws(N, () => lognormal(rng, 20, 1.4)))).toBeGreaterThan(19);
		expect(median(draws(N, () => lognormal(rng, 20, 1.4)))).toBeLessThan(21);
	});

	it('pareto never goes below xmin and has a heavy tail', () => {
		const xs = draws(N, () => pareto(rng, 0.5, 1.5));
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.5);
		// P(X > 10 xmin) = 10^-1.5 ≈ 3.2 %
		const tail = xs.filter((x) => x > 5).length / N;
		expect(tail).toBeGreaterThan(0.027);
		expect(tail).toBeLessThan(0.037);
	});

	it('weighted picks follow the weights, and zero weights are never picked', () => {
		const picker = new WeightedPicker(['a', 'b', 'c'], [1, 3, 0]);
		const counts = { a: 0, b: 0, c: 0 };
		for (let i = 0; i < N; i++) counts[picker.pick(rng) as 'a' | 'b' | 'c']++;
		expect(counts.c).toBe(0);
		expect(counts.b / N).toBeGreaterThan(0.73);
		expect(counts.b / N).toBeLessThan(0.77);
		expect(['x', 'y']).toContain(weightedChoice(rng, ['x', 'y'], [1, 1]));
	});

	it.each([
		[[], []],
		[['a'], [0]],
		[['a'], [-1]],
		[['a', 'b'], [1]]
	])('rejects items %j with weights %j', (items, weights) => {
		expect(() => new WeightedPicker(items, weights)).toThrow(/WeightedPicker/);
	});
});
