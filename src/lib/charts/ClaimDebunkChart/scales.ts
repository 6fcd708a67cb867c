import { scaleLinear, scaleLog, scaleUtc } from 'd3';
import { ZONES, type Zone } from '$lib/i18n';

const DAY = 86_400_000;

/** Time scale over the bins' full extent. */
export const claimX = (from: number, to: number, left: number, right: number) =>
	scaleUtc()
		.domain([new Date(from), new Date(to)])
		.range([left, right]);

/**
 * Value scale. Linear from zero, or log from the smallest positive value (zeros then leave gaps: a log axis
 * has no zero). Both are niced so tick labels are round.
 */
export function claimY(values: readonly (number | null)[], log: boolean, top: number, bottom: number) {
	const positive = values.filter((v): v is number => v !== null && v > 0);
	const max = positive.length ? Math.max(...positive) : 1;
	if (log) {
		const min = positive.length ? Math.min(...positive) : 1;
		return scaleLog()
			.domain([min === max ? min / 10 : min, max])
			.range([bottom, top])
			.nice();
	}
	return scaleLinear().domain([0, max]).range([bottom, top]).nice();
}

/** Day starts (in `zone`) inside [from, to), thinned to at most `count`. */
export function zoneDayTicks(from: number, to: number, zone: Zone, count: number): number[] {
	const off = ZONES[zone] * 3_600_000;
	const first = Math.ceil((from + off) / DAY) * DAY - off;
	const days: number[] = [];
	for (let t = first; t < to; t += DAY) days.push(t);
	if (days.length <= count) return days;
	const step = Math.ceil(days.length / count);
	return days.filter((_, i) => i % step === 0);
}
