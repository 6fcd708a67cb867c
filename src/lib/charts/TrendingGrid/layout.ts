/** Breakpoints as data: more columns and larger type as the grid widens. */
export interface GridLayout {
	minWidth: number;
	columns: number;
	gap: number;
	fontSize: number;
	titleLines: number;
}

export const GRID_LAYOUTS: readonly GridLayout[] = [
	{ minWidth: 0, columns: 4, gap: 4, fontSize: 9, titleLines: 3 },
	{ minWidth: 480, columns: 5, gap: 5, fontSize: 10, titleLines: 3 },
	{ minWidth: 640, columns: 6, gap: 6, fontSize: 10, titleLines: 3 },
	{ minWidth: 840, columns: 8, gap: 6, fontSize: 10.5, titleLines: 3 },
	{ minWidth: 1000, columns: 10, gap: 6, fontSize: 11, titleLines: 3 }
];

export const gridLayoutFor = (width: number): GridLayout =>
	GRID_LAYOUTS.findLast((l) => width >= l.minWidth) ?? GRID_LAYOUTS[0];

/** Tile size and position of the i-th tile (rank order, row by row). */
export function tileBox(i: number, width: number, l: GridLayout) {
	const size = (width - (l.columns - 1) * l.gap) / l.columns;
	return {
		x: (i % l.columns) * (size + l.gap),
		y: Math.floor(i / l.columns) * (size + l.gap),
		size
	};
}
