/** A piecewise-linear function of time: points sorted by time, linear between them, held flat outside. */
export interface Curve {
	times: Float64Array;
	values: Float64Array;
}

export function makeCurve(points: readonly (readonly [number, number])[]): Curve {
	return {
		times: Float64Array.from(points, (p) => p[0]),
		values: Float64Array.from(points, (p) => p[1])
	};
}

export function curveAt(curve: Curve, t: number): number {
	const { times, values } = curve;
	const n = times.length;
	if (t <= times[0]) return values[0];
	if (t >= times[n - 1]) return values[n - 1];
	let lo = 0;
	let hi = n - 1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >>> 1;
		if (times[mid] <= t) lo = mid;
		else hi = mid;
	}
	const f = (t - times[lo]) / (times[hi] - times[lo]);
	return values[lo] + f * (values[hi] - values[lo]);
}

/** The first time at which the curve is positive (Infinity when it never is). */
export function curveFirstPositive(curve: Curve): number {
	const { times, values } = curve;
	if (values[0] > 0) return -Infinity;
	for (let i = 1; i < times.length; i++) {
		if (values[i] > 0) return times[i - 1];
	}
	return Infinity;
}
