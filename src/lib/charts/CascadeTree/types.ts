/** One post of a cascade, parents before children (parent indices point backwards). */
export interface TreeNode {
	parent: number;
	/** Seconds after the root post. */
	t: number;
	depth: number;
	edgeKind: string | null;
	stance: string;
	/** Accessible name: who, when, what. */
	label: string;
}

export type TreeMode = 'radial' | 'time';
