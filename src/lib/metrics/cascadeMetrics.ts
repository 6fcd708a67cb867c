import { breadthByDepth, maxBreadth } from './breadth';
import { computeDepths } from './depths';
import { indexParents, type ParentIndex } from './indexParents';
import { structuralVirality } from './structuralVirality';
import { earliestAtDepth, minutesToDepth } from './timeToDepth';
import { minutesToSize } from './timeToSize';

/** One cascade as parallel arrays: node i has id ids[i], parent parents[i] (null for the root), time times[i]. */
export interface CascadeInput {
	ids: ArrayLike<string>;
	parents: ArrayLike<string | null>;
	/** Epoch milliseconds. */
	times: ArrayLike<number>;
}

export interface CascadeMetricsOptions {
	/** Sizes N for which to precompute τ_users(N) into `minutesToSizes`, e.g. [100]. */
	sizes?: readonly number[];
	/** Depths d for which to precompute τ_depth(d) into `minutesToDepths`. */
	depths?: readonly number[];
}

/** Vosoughi et al. (2018) / Goel et al. (2016) cascade metrics; see research/anchors-features.md §3. */
export interface CascadeMetrics {
	/** Nodes, root included. */
	size: number;
	/** Most hops from the root to any node. */
	depth: number;
	/** Largest entry of `breadthByDepth`. */
	maxBreadth: number;
	/** breadthByDepth[k] = nodes exactly k hops from the root; [0] is the root (always 1). */
	breadthByDepth: number[];
	/** Mean distance over all pairs of nodes; null when size < 2. */
	structuralVirality: number | null;
	/** Time of the root post (epoch ms), the origin of every τ. */
	rootAt: number;
	/** Earliest and latest node times (epoch ms). */
	firstAt: number;
	lastAt: number;
	/** τ_users(N) in minutes for each N in `opts.sizes` (null if never reached). */
	minutesToSizes: Record<number, number | null>;
	/** τ_depth(d) in minutes for each d in `opts.depths` (null if never reached). */
	minutesToDepths: Record<number, number | null>;
	/** τ_users(N): minutes from the root until N nodes have appeared; null if the cascade stays smaller. */
	minutesToSize(n: number): number | null;
	/** τ_depth(d): minutes from the root until some node is ≥ d hops deep; null if it never gets that deep. */
	minutesToDepth(d: number): number | null;
}

/**
 * All per-cascade metrics in O(n) (plus one sort of the times, done only if τ_users is asked for).
 * Throws on a parent missing from `ids`, zero or several roots, a cycle, duplicate ids, mismatched array
 * lengths, or a non-finite time: each means the cascade was built wrongly, and a number would hide that.
 */
export function cascadeMetrics(input: CascadeInput, opts: CascadeMetricsOptions = {}): CascadeMetrics {
	const { ids, parents, times } = input;
	if (times.length !== ids.length) {
		throw new RangeError(`cascade: ids has ${ids.length} entries but times has ${times.length}`);
	}
	return cascadeMetricsFromIndex(indexParents(ids, parents), times, opts, ids);
}

/**
 * The same metrics from parent links already resolved to row indices (parent[i] = -1 for the root only).
 * Most of `cascadeMetrics`' time on a large cascade goes into matching id strings; a build that can get
 * parent row numbers from SQL skips that entirely. `ids` only names nodes in error messages.
 */
export function cascadeMetricsFromIndex(
	index: ParentIndex,
	times: ArrayLike<number>,
	opts: CascadeMetricsOptions = {},
	ids?: ArrayLike<string>
): CascadeMetrics {
	const { parent, root } = index;
	const n = parent.length;
	if (times.length !== n) throw new RangeError(`cascade: ${n} parent links but ${times.length} times`);
	const { depth, order, maxDepth } = computeDepths(parent, root, ids);

	let firstAt = Infinity;
	let lastAt = -Infinity;
	for (let i = 0; i < n; i++) {
		const t = times[i];
		if (!Number.isFinite(t)) {
			throw new TypeError(`cascade: time of ${ids ? `"${ids[i]}"` : `#${i}`} is ${t}, expected epoch ms`);
		}
		if (t < firstAt) firstAt = t;
		if (t > lastAt) lastAt = t;
	}
	const rootAt = times[root];

	const breadth = breadthByDepth(depth, maxDepth);
	const earliest = earliestAtDepth(depth, times, maxDepth);
	// Sorting is the only O(n log n) step; many callers never ask for τ_users, so sort on first use.
	let sortedTimes: Float64Array | undefined;
	const toSize = (size: number) =>
		minutesToSize((sortedTimes ??= new Float64Array(times).sort()), rootAt, size);
	const toDepth = (d: number) => minutesToDepth(earliest, rootAt, d);

	const minutesToSizes: Record<number, number | null> = {};
	for (const size of opts.sizes ?? []) minutesToSizes[size] = toSize(size);
	const minutesToDepths: Record<number, number | null> = {};
	for (const d of opts.depths ?? []) minutesToDepths[d] = toDepth(d);

	return {
		size: n,
		depth: maxDepth,
		maxBreadth: maxBreadth(breadth),
		breadthByDepth: breadth,
		structuralVirality: structuralVirality(parent, order),
		rootAt,
		firstAt,
		lastAt,
		minutesToSizes,
		minutesToDepths,
		minutesToSize: toSize,
		minutesToDepth: toDepth
	};
}
