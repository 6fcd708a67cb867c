/** Cascades with the same stance, size and metric value, drawn as one mark. */
export interface ScatterMark {
	id: string;
	stance: 'claim' | 'debunk' | string;
	size: number;
	value: number;
	/** How many cascades the mark stands for (its area grows with it). */
	count: number;
	/** Accessible name. */
	label: string;
}

/** Median of each stance within a size class [from, to]. */
export interface SizeClassMedian {
	from: number;
	to: number;
	claim: number | null;
	debunk: number | null;
}
