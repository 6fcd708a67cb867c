/** Breakpoints as data: the widest layout whose minWidth fits the measured width wins. */
export interface ClaimLayout {
	minWidth: number;
	xTicks: number;
	yTicks: number;
	margin: { top: number; right: number; bottom: number; left: number };
	aspect: number;
	minHeight: number;
	/** Draw point markers when a bin is at least this wide (px). */
	markerMinBinWidth: number;
	/** Series names at the line ends (else only in the legend). */
	endLabels: boolean;
}

export const CLAIM_LAYOUTS: readonly ClaimLayout[] = [
	{
		minWidth: 0,
		xTicks: 3,
		yTicks: 4,
		margin: { top: 34, right: 14, bottom: 30, left: 44 },
		aspect: 0.8,
		minHeight: 230,
		markerMinBinWidth: 12,
		endLabels: false
	},
	{
		minWidth: 480,
		xTicks: 5,
		yTicks: 5,
		margin: { top: 34, right: 64, bottom: 30, left: 50 },
		aspect: 0.5,
		minHeight: 260,
		markerMinBinWidth: 9,
		endLabels: true
	},
	{
		minWidth: 800,
		xTicks: 8,
		yTicks: 5,
		margin: { top: 36, right: 72, bottom: 32, left: 54 },
		aspect: 0.4,
		minHeight: 300,
		markerMinBinWidth: 8,
		endLabels: true
	}
];

export const claimLayoutFor = (width: number): ClaimLayout =>
	CLAIM_LAYOUTS.findLast((l) => width >= l.minWidth) ?? CLAIM_LAYOUTS[0];
