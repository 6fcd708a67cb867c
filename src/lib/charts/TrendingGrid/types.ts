/** One tile of the reconstructed trending grid, in rank order. */
export interface GridTile {
	rank: number;
	/** Stable key (the project id). */
	id: string;
	title: string;
	artist: string;
	isProtest: boolean;
	/** Set in compare mode: how the tile moved since the earlier capture. */
	movement?: { kind: 'entered' } | { kind: 'same' } | { kind: 'up' | 'down'; by: number };
}
