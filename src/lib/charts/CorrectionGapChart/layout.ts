/** Breakpoints as data. Narrow layouts put each row's label above its marks instead of beside them. */
export interface GapLayout {
	minWidth: number;
	labelAbove: boolean;
	/** Width of the label column when labels sit beside the marks. */
	labelWidth: number;
	right: number;
	rowHeight: number;
	groupGap: number;
	barHeight: number;
	xTicks: number;
}

export const GAP_LAYOUTS: readonly GapLayout[] = [
	{
		minWidth: 0,
		labelAbove: true,
		labelWidth: 14,
		right: 14,
		rowHeight: 34,
		groupGap: 12,
		barHeight: 12,
		xTicks: 3
	},
	{
		minWidth: 560,
		labelAbove: false,
		labelWidth: 150,
		right: 24,
		rowHeight: 26,
		groupGap: 16,
		barHeight: 15,
		xTicks: 5
	},
	{
		minWidth: 900,
		labelAbove: false,
		labelWidth: 170,
		right: 40,
		rowHeight: 28,
		groupGap: 18,
		barHeight: 16,
		xTicks: 7
	}
];

export const gapLayoutFor = (width: number): GapLayout =>
	GAP_LAYOUTS.findLast((l) => width >= l.minWidth) ?? GAP_LAYOUTS[0];

/** Rows grouped in order of first appearance, with the y of each row and each group heading. */
export function stackRows<T extends { group: string }>(
	rows: readonly T[],
	top: number,
	rowHeight: number,
	groupGap: number
) {
	const out: { row: T; y: number }[] = [];
	const heads: { group: string; y: number }[] = [];
	let y = top;
	let last: string | null = null;
	for (const row of rows) {
		if (row.group !== last) {
			if (last !== null) y += groupGap;
			heads.push({ group: row.group, y: y + 12 });
			y += 18;
			last = row.group;
		}
		out.push({ row, y: y + rowHeight / 2 });
		y += rowHeight;
	}
	return { rows: out, heads, bottom: y };
}
