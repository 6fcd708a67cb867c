/** Breakpoints as data. */
export interface ScatterLayout {
	minWidth: number;
	margin: { top: number; right: number; bottom: number; left: number };
	aspect: number;
	minHeight: number;
	pointArea: number;
	yTicks: number;
}

export const SCATTER_LAYOUTS: readonly ScatterLayout[] = [
	{
		minWidth: 0,
		margin: { top: 22, right: 12, bottom: 40, left: 44 },
		aspect: 0.85,
		minHeight: 260,
		pointArea: 18,
		yTicks: 4
	},
	{
		minWidth: 480,
		margin: { top: 24, right: 20, bottom: 42, left: 52 },
		aspect: 0.55,
		minHeight: 300,
		pointArea: 26,
		yTicks: 5
	},
	{
		minWidth: 800,
		margin: { top: 24, right: 24, bottom: 44, left: 56 },
		aspect: 0.45,
		minHeight: 340,
		pointArea: 30,
		yTicks: 6
	}
];

export const scatterLayoutFor = (width: number): ScatterLayout =>
	SCATTER_LAYOUTS.findLast((l) => width >= l.minWidth) ?? SCATTER_LAYOUTS[0];

/** Marker area for a mark standing for `count` cascades: grows with the square root, capped. */
export const markArea = (base: number, count: number): number => base * Math.min(12, Math.sqrt(count));
