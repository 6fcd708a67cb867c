/** A claim moment and the matching debunk moment (first post, or peak bin) for one language. */
export interface GapLag {
	key: string;
	group: string;
	label: string;
	claimAt: number | null;
	debunkAt: number | null;
	/** Already formatted, e.g. "+14 h later". */
	lagText: string;
}

/** Debunk posts ÷ claim posts within a window after the claim's first post. */
export interface GapReach {
	key: string;
	group: string;
	label: string;
	ratio: number | null;
	claims: number;
	debunks: number;
}
