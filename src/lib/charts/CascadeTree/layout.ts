import { hierarchy, scaleSymlog, tree, type HierarchyPointNode } from 'd3';
import type { TreeMode, TreeNode } from './types';

/** Breakpoints as data. */
export interface TreeLayout {
	minWidth: number;
	margin: number;
	/** Marker areas (px²). */
	nodeArea: number;
	rootArea: number;
	/** Height caps. */
	radialMaxHeight: number;
	timeMinHeight: number;
	timeMaxHeight: number;
	/** Time layout: px of height per node before the caps apply. */
	timePerNode: number;
	timeTicks: number;
}

export const TREE_LAYOUTS: readonly TreeLayout[] = [
	{
		minWidth: 0,
		margin: 14,
		nodeArea: 22,
		rootArea: 90,
		radialMaxHeight: 420,
		timeMinHeight: 260,
		timeMaxHeight: 520,
		timePerNode: 2,
		timeTicks: 3
	},
	{
		minWidth: 560,
		margin: 20,
		nodeArea: 30,
		rootArea: 120,
		radialMaxHeight: 560,
		timeMinHeight: 300,
		timeMaxHeight: 620,
		timePerNode: 2.5,
		timeTicks: 5
	},
	{
		minWidth: 900,
		margin: 24,
		nodeArea: 36,
		rootArea: 140,
		radialMaxHeight: 640,
		timeMinHeight: 320,
		timeMaxHeight: 680,
		timePerNode: 3,
		timeTicks: 7
	}
];

export const treeLayoutFor = (width: number): TreeLayout =>
	TREE_LAYOUTS.findLast((l) => width >= l.minWidth) ?? TREE_LAYOUTS[0];

export function treeHeight(mode: TreeMode, width: number, n: number): number {
	const l = treeLayoutFor(width);
	if (mode === 'radial') return Math.min(width, l.radialMaxHeight);
	return Math.round(Math.min(l.timeMaxHeight, Math.max(l.timeMinHeight, n * l.timePerNode)));
}

interface Datum {
	i: number;
	children: Datum[];
}

/** d3's tidy tree over the parent links (nodes must be parent-first; the first node is the root). */
function tidy(nodes: readonly TreeNode[]) {
	const data: Datum[] = nodes.map((_, i) => ({ i, children: [] }));
	for (let i = 1; i < nodes.length; i++) data[nodes[i].parent]?.children.push(data[i]);
	return hierarchy(data[0]);
}

/** Time axis of the time layout: symlog so seconds and days both get room. */
export function timeScale(tMax: number, left: number, right: number) {
	return scaleSymlog()
		.constant(60)
		.domain([0, Math.max(60, tMax)])
		.range([left, right]);
}

/** Tick values (seconds) for the time axis: 0, 1 min, 10 min, 1 h, 6 h, 1 d, 3 d, 1 w, within tMax. */
export function timeTicks(tMax: number, count: number): number[] {
	const all = [0, 60, 600, 3600, 6 * 3600, 86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400];
	const inside = all.filter((v) => v <= Math.max(60, tMax));
	if (inside.length <= count) return inside;
	const step = Math.ceil(inside.length / count);
	return inside.filter((_, i) => i % step === 0 || i === inside.length - 1);
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Node positions. Radial: d3's tidy tree around the root, one ring per depth, so a broadcast looks like a
 * star and a chain like a long arm. Time: the tidy tree's order top to bottom, time since the root left to
 * right, so the drawing reads as growth.
 */
export function treePositions(
	nodes: readonly TreeNode[],
	mode: TreeMode,
	width: number,
	height: number
): { x: number[]; y: number[] } {
	const l = treeLayoutFor(width);
	const x = new Array<number>(nodes.length).fill(0);
	const y = new Array<number>(nodes.length).fill(0);
	if (!nodes.length) return { x, y };
	const root = tidy(nodes);
	if (mode === 'radial') {
		const radius = Math.min(width, height) / 2 - l.margin;
		const laid = tree<Datum>()
			.size([2 * Math.PI, Math.max(1, radius)])
			.separation((a, b) => (a.parent === b.parent ? 1 : 2) / Math.max(1, a.depth))(root);
		const cx = width / 2;
		const cy = height / 2;
		// Rings on a square-root scale: the first generation, usually the largest, gets the most circumference.
		laid.each((d: HierarchyPointNode<Datum>) => {
			const r = radius * Math.sqrt(d.y / Math.max(1, radius));
			x[d.data.i] = round(cx + r * Math.sin(d.x));
			y[d.data.i] = round(cy - r * Math.cos(d.x));
		});
		return { x, y };
	}
	const tMax = Math.max(...nodes.map((n) => n.t));
	const sx = timeScale(tMax, l.margin + 4, width - l.margin);
	const laid = tree<Datum>()
		.size([Math.max(1, height - 2 * l.margin - 18), 1])
		.separation(() => 1)(root);
	laid.each((d: HierarchyPointNode<Datum>) => {
		x[d.data.i] = round(sx(nodes[d.data.i].t));
		y[d.data.i] = round(l.margin + d.x);
	});
	return { x, y };
}
