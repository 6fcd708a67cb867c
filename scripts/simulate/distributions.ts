import type { Rng } from './random';

/** A uniform number in (0, 1]: safe to take the logarithm of. */
export const unitOpen = (rng: Rng): number => 1 - rng();

/** A uniform integer in [0, n). */
export const uniformInt = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** Exponential with the given mean. */
export const exponential = (rng: Rng, mean: number): number => -mean * Math.log(unitOpen(rng));

/** Standard normal, by Box–Muller (one value per call, so the stream position never depends on caching). */
export function normal(rng: Rng): number {
	return Math.sqrt(-2 * Math.log(unitOpen(rng))) * Math.cos(2 * Math.PI * rng());
}

/** Lognormal given its median (= e^mu) and the sigma of the underlying normal. */
export const lognormal = (rng: Rng, median: number, sigma: number): number =>
	median * Math.exp(sigma * normal(rng));

/** Pareto (type I): P(X > x) = (xmin / x)^alpha for x ≥ xmin. Mean is finite only for alpha > 1. */
export const pareto = (rng: Rng, xmin: number, alpha: number): number =>
	xmin / Math.pow(unitOpen(rng), 1 / alpha);

/** Gamma(shape, scale) by Marsaglia–Tsang, with the shape < 1 boost. */
export function gamma(rng: Rng, shape: number, scale = 1): number {
	if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(unitOpen(rng), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = normal(rng);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = unitOpen(rng);
		if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
		if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
	}
}

/** log(k!) — exact table for small k, Stirling series beyond. */
const LOG_FACT: number[] = [0];
for (let k = 1; k < 256; k++) LOG_FACT[k] = LOG_FACT[k - 1] + Math.log(k);
export function logFactorial(k: number): number {
	if (k < LOG_FACT.length) return LOG_FACT[k];
	const x = k + 1;
	return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/**
 * Poisson: Knuth's product method for small means, Hörmann's PTRS (transformed rejection, as in NumPy)
 * for means ≥ 10. Both are exact.
 */
export function poisson(rng: Rng, mean: number): number {
	if (!(mean > 0)) return 0;
	if (mean < 10) {
		const limit = Math.exp(-mean);
		let k = 0;
		let p = rng();
		while (p > limit) {
			k++;
			p *= rng();
		}
		return k;
	}
	const slam = Math.sqrt(mean);
	const loglam = Math.log(mean);
	const b = 0.931 + 2.53 * slam;
	const a = -0.059 + 0.02483 * b;
	const invalpha = 1.1239 + 1.1328 / (b - 3.4);
	const vr = 0.9277 - 3.6224 / (b - 2);
	for (;;) {
		const u = rng() - 0.5;
		const v = rng();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
		if (us >= 0.07 && v <= vr) return k;
		if (k < 0 || (us < 0.013 && v > us)) continue;
		if (
			Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
			-mean + k * loglam - logFactorial(k)
		) {
			return k;
		}
	}
}

/**
 * Negative binomial as a gamma–Poisson mixture: mean `mean`, variance mean + mean²/dispersion. Small
 * dispersion = heavy overdispersion (a few nodes get many offspring, most get none).
 */
export function negativeBinomial(rng: Rng, mean: number, dispersion: number): number {
	if (!(mean > 0)) return 0;
	return poisson(rng, mean * gamma(rng, dispersion, 1 / dispersion));
}

/** Picks indices with fixed weights in O(log n): cumulative weights + binary search. */
export class WeightedPicker<T> {
	readonly items: readonly T[];
	private readonly cumulative: Float64Array;
	readonly total: number;

	constructor(items: readonly T[], weights: readonly number[]) {
		if (items.length !== weights.length)
			throw new Error('WeightedPicker: items and weights differ in length');
		if (items.length === 0) throw new Error('WeightedPicker: nothing to pick from');
		this.items = items;
		this.cumulative = new Float64Array(weights.length);
		let sum = 0;
		for (let i = 0; i < weights.length; i++) {
			const w = weights[i];
			if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`WeightedPicker: weight ${i} is ${w}`);
			sum += w;
			this.cumulative[i] = sum;
		}
		if (!(sum > 0)) throw new Error('WeightedPicker: all weights are zero');
		this.total = sum;
	}

	index(rng: Rng): number {
		const target = rng() * this.total;
		let lo = 0;
		let hi = this.cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.cumulative[mid] > target) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	pick(rng: Rng): T {
		return this.items[this.index(rng)];
	}
}

/** One-off weighted choice (builds no table; fine for a handful of options). */
export function weightedChoice<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
	return new WeightedPicker(items, weights).pick(rng);
}
