import { MS_PER_MINUTE } from './durations';

/**
 * τ_users(N) (Vosoughi et al. 2018, Fig. 2F): minutes from the root post until N nodes, root included, have
 * appeared, i.e. the N-th smallest time minus the root's. Null when the cascade never reaches N nodes.
 * `sortedTimes` must be ascending. If bad timestamps put a reshare before its root the answer can be negative;
 * we return it as is rather than hide the data problem.
 */
export function minutesToSize(sortedTimes: ArrayLike<number>, rootAt: number, n: number): number | null {
	if (!Number.isInteger(n) || n < 1)
		throw new RangeError(`minutesToSize: size must be an integer ≥ 1, got ${n}`);
	if (n > sortedTimes.length) return null;
	return (sortedTimes[n - 1] - rootAt) / MS_PER_MINUTE;
}
