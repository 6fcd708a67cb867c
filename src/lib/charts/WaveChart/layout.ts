/** Breakpoints as data: the widest layout whose minWidth fits the measured width wins. */
export interface WaveLayout {
	minWidth: number;
	xTicks: number;
	margin: { top: number; right: number; bottom: number; left: number };
	/** Height as a share of width. */
	aspect: number;
	minHeight: number;
	pointRadius: number;
}

export const WAVE_LAYOUTS: readonly WaveLayout[] = [
	{
		minWidth: 0,
		xTicks: 3,
		margin: { top: 30, right: 12, bottom: 30, left: 40 },
		aspect: 0.75,
		minHeight: 220,
		pointRadius: 2
	},
	{
		minWidth: 480,
		xTicks: 5,
		margin: { top: 30, right: 16, bottom: 30, left: 44 },
		aspect: 0.5,
		minHeight: 260,
		pointRadius: 2.5
	},
	{
		minWidth: 800,
		xTicks: 8,
		margin: { top: 32, right: 20, bottom: 32, left: 48 },
		aspect: 0.4,
		minHeight: 300,
		pointRadius: 3
	}
];

export const waveLayoutFor = (width: number): WaveLayout =>
	WAVE_LAYOUTS.findLast((l) => width >= l.minWidth) ?? WAVE_LAYOUTS[0];
