/**
 * Stacks annotation markers into rows so close ones do not overlap: each marker (in x order) takes the lowest
 * row whose last marker is at least `gap` px to its left. Returns the row of each input, in input order.
 * Beyond `maxRows` rows a marker goes to the row where it overlaps least.
 */
export function annotationRows(xs: readonly number[], gap: number, maxRows = 3): number[] {
	const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
	const lastX: number[] = [];
	const rows = new Array<number>(xs.length).fill(0);
	for (const { x, i } of order) {
		let row = lastX.findIndex((lx) => x - lx >= gap);
		if (row < 0) {
			if (lastX.length < maxRows) row = lastX.length;
			else row = lastX.reduce((best, lx, r) => (lx < lastX[best] ? r : best), 0);
		}
		lastX[row] = x;
		rows[i] = row;
	}
	return rows;
}
