import { scaleLinear, scaleUtc, utcDay } from 'd3';

/** Time scale over the captures, padded by half a day so edge points are not clipped. */
export function waveX(ats: readonly number[], left: number, right: number) {
	const min = Math.min(...ats);
	const max = Math.max(...ats);
	const pad = 12 * 3_600_000;
	return scaleUtc()
		.domain([new Date(min - pad), new Date(max + pad)])
		.range([left, right]);
}

export const waveY = (top: number, bottom: number) => scaleLinear().domain([0, 1]).range([bottom, top]);

/** At most `count` evenly spaced UTC midnights within the domain. */
export function dayTicks(x: ReturnType<typeof waveX>, count: number): number[] {
	const [a, b] = x.domain();
	const days = utcDay.range(utcDay.ceil(a), b).map((d) => d.getTime());
	if (days.length <= count) return days;
	const step = Math.ceil(days.length / count);
	return days.filter((_, i) => i % step === 0);
}
