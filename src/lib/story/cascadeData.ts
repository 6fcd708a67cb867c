import type { CascadeSummaryAgg, CascadeTreeAgg } from '$lib/data/types';
import { formatDate, translate, type Lang } from '$lib/i18n';
import { formatCount, formatDuration } from './format';

/** One post of a cascade drawing, flat (the chart's input and the drill-down row). */
export interface CascadeNode {
	index: number;
	postId: string;
	/** Index of the parent node; -1 for the root. */
	parent: number;
	/** Seconds after the root post. */
	t: number;
	depth: number;
	edgeKind: string | null;
	stance: string;
	lang: string;
	platform: string;
	handle: string;
	text: string;
	url: string | null;
	likes: number;
	provenance: string;
}

export function cascadeNodes(tree: CascadeTreeAgg): CascadeNode[] {
	const n = tree.nodes;
	return n.postId.map((postId, i) => ({
		index: i,
		postId,
		parent: n.parent[i],
		t: n.t[i],
		depth: n.depth[i],
		edgeKind: n.edgeKind[i],
		stance: n.stance[i],
		lang: n.lang[i],
		platform: n.platform[i],
		handle: n.handle[i],
		text: n.text[i],
		url: n.url[i],
		likes: n.likes[i],
		provenance: n.provenance[i]
	}));
}

/** Counts per edge kind among the drawn nodes (the root has none). */
export function edgeKindCounts(nodes: readonly CascadeNode[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const node of nodes) if (node.edgeKind) out[node.edgeKind] = (out[node.edgeKind] ?? 0) + 1;
	return out;
}

/** How many nodes have appeared by `until` seconds (nodes are in parent-first order, not time order). */
export const visibleCount = (nodes: readonly CascadeNode[], until: number): number =>
	nodes.reduce((n, node) => n + (node.t <= until ? 1 : 0), 0);

/**
 * Playback runs on a log-like clock so the first minutes and the last days both get screen time:
 * progress p ∈ [0, 1] ↦ seconds (1 + tMax)^p − 1, and back.
 */
export const progressToSeconds = (p: number, tMax: number): number =>
	Math.round(Math.pow(1 + Math.max(0, tMax), Math.min(1, Math.max(0, p))) - 1);
export const secondsToProgress = (s: number, tMax: number): number =>
	tMax <= 0 ? 1 : Math.log(1 + Math.max(0, s)) / Math.log(1 + tMax);

/** The explorer's written description, computed from the cascade. */
export function describeCascade(summary: CascadeSummaryAgg, tree: CascadeTreeAgg, lang: Lang): string {
	const nodes = cascadeNodes(tree);
	const counts = edgeKindCounts(nodes);
	const last = nodes.reduce((m, node) => Math.max(m, node.t), 0);
	const stance = translate(lang, `stance.${summary.stance}` as 'stance.claim');
	const whole = translate(lang, 'cascade.describe', {
		stance: lang === 'en' ? stance.toLowerCase() : stance,
		at: formatDate(summary.firstAt, lang, 'UTC', true),
		size: formatCount(summary.size),
		depth: summary.depth,
		breadth: formatCount(summary.maxBreadth),
		virality: summary.structuralVirality === null ? '–' : summary.structuralVirality.toFixed(2),
		span: formatDuration((summary.lastAt - summary.firstAt) / 60_000, lang)
	});
	const drawn = translate(
		lang,
		tree.shown < tree.size ? 'cascade.describeDrawnPart' : 'cascade.describeDrawn',
		{
			shown: formatCount(tree.shown),
			size: formatCount(tree.size),
			span: formatDuration(last / 60, lang),
			reposts: counts.repost ?? 0,
			quotes: counts.quote ?? 0,
			replies: counts.reply ?? 0,
			inferred: counts.inferred ?? 0
		}
	);
	return `${whole} ${drawn}`;
}
