import type { Stance } from '../../src/lib/schema/vocab';
import {
	EDGE_KINDS_SIMULATED,
	type Lang,
	type SimConfig,
	type SimEdgeKind,
	type StreamConfig
} from './config';
import { curveAt } from './curve';
import {
	exponential,
	lognormal,
	negativeBinomial,
	pareto,
	poisson,
	uniformInt,
	WeightedPicker
} from './distributions';
import { mix32, rngFor, type Rng } from './random';
import { authoredText, textFamily } from './texts';
import { HOUR, MINUTE } from './time';

/**
 * Posts as cascades. Each stream (stance × language) gets a fixed share of the post budget; its roots
 * arrive at times drawn from the stream's rate curve (times a daily rhythm), and every cascade grows as a
 * branching process: the root's offspring count is Poisson with a Pareto-distributed mean (a few posts
 * reach very far), every other post's is negative binomial with mean < 1, and each child comes a lognormal
 * delay after its parent (Hawkes-like). One cascade is built at a time, then handed to the writer.
 */

const KIND_ROOT = 0;
const KIND_CODE: Record<SimEdgeKind, number> = { repost: 1, quote: 2, reply: 3 };
const KIND_NAME: readonly (SimEdgeKind | null)[] = [null, 'repost', 'quote', 'reply'];

/** One output row of posts.csv, before formatting. */
export interface PostRow {
	postId: string;
	platform: string;
	authorId: string;
	authorHandle: string;
	createdAt: number;
	lang: Lang;
	text: string;
	replyToId: string | null;
	quoteOfId: string | null;
	repostOfId: string | null;
	likeCount: number;
	repostCount: number;
	replyCount: number;
	stance: Stance;
	claimId: string | null;
	cascadeId: string;
	parentId: string | null;
	edgeKind: SimEdgeKind | null;
	depth: number;
}

/** A finished cascade: its rows in tree order (parents first, planted duplicates right after the original). */
export interface Cascade {
	streamId: string;
	rows: PostRow[];
	/** Posts in the tree, duplicates excluded. */
	size: number;
	duplicates: number;
}

/** Splits `total` into integer parts proportional to `shares` (largest remainder; ties by position). */
export function apportion(total: number, shares: readonly number[]): number[] {
	const sum = shares.reduce((a, b) => a + b, 0);
	const exact = shares.map((s) => (total * s) / sum);
	const parts = exact.map(Math.floor);
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => ({ i, frac: x - Math.floor(x) }))
		.sort((a, b) => b.frac - a.frac || a.i - b.i);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
	return parts;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A language's pool of synthetic accounts, with per-account text counters (see texts.ts). */
class AuthorPool {
	readonly size: number;
	private readonly counters: Int32Array;
	private readonly salt: number;

	constructor(
		readonly lang: Lang,
		size: number,
		/** Account numbers start here, so English and Korean accounts never share an id. */
		readonly firstNumber: number,
		private readonly skew: number,
		seed: number
	) {
		this.size = size;
		this.counters = new Int32Array(size);
		this.salt = mix32(seed ^ 0x9e3779b9);
	}

	/** Draws an account not in `used` (heavy-tailed activity: low indexes post more). */
	draw(rng: Rng, used: Set<number>): number {
		for (let attempt = 0; attempt < 32; attempt++) {
			const a = Math.floor(this.size * Math.pow(rng(), this.skew));
			if (!used.has(a)) {
				used.add(a);
				return a;
			}
		}
		// Very large cascades can exhaust the busy accounts; walk to the next free one.
		let a = uniformInt(rng, this.size);
		while (used.has(a)) a = (a + 1) % this.size;
		used.add(a);
		return a;
	}

	number(a: number): number {
		return this.firstNumber + a;
	}
	handle(a: number): string {
		return `sim_${this.lang}_${pad(this.number(a), 7)}`;
	}
	id(platform: string, a: number): string {
		return `${platform}:simu${pad(this.number(a), 7)}`;
	}
	/** The account's next authored text in a family (never a repeat of one of its own earlier texts). */
	nextText(a: number, stance: Stance, role: 'root' | 'response'): string {
		const k = this.counters[a]++;
		return authoredText(textFamily(stance, this.lang, role), mix32(a ^ this.salt), k);
	}
}

/** Root times of a stream: hourly bins weighted by rate curve × daily rhythm. */
class RootClock {
	private readonly picker: WeightedPicker<number> | null;
	constructor(stream: StreamConfig, cfg: SimConfig) {
		const { start, end } = cfg.postsWindow;
		const rhythm = cfg.posts.diurnal[stream.lang];
		const bins: number[] = [];
		const weights: number[] = [];
		for (let t = start; t + HOUR - 1 <= end; t += HOUR) {
			const mid = t + HOUR / 2;
			const hourOfDay = (mid % 86400) / HOUR;
			const daily = 1 + rhythm.amplitude * Math.cos((2 * Math.PI * (hourOfDay - rhythm.peakHourUtc)) / 24);
			bins.push(t);
			weights.push(curveAt(stream.rootRate, mid) * daily);
		}
		this.picker = weights.some((w) => w > 0) ? new WeightedPicker(bins, weights) : null;
	}
	next(rng: Rng): number | null {
		return this.picker ? this.picker.pick(rng) + uniformInt(rng, HOUR) : null;
	}
}

interface Node {
	parent: number;
	kind: number;
	depth: number;
	time: number;
	author: number;
	stance: Stance;
	nRepost: number;
	nQuote: number;
	nReply: number;
	duplicates: number[];
}

/** Builds every stream's cascades, in config order, one cascade at a time. */
export class CascadeSimulator {
	private nextPostNumber = 1;
	private readonly pools: Record<Lang, AuthorPool>;
	readonly budgets: number[];

	constructor(
		private readonly cfg: SimConfig,
		private readonly seed: number,
		totalPosts: number
	) {
		const { posts } = cfg;
		this.budgets = apportion(
			totalPosts,
			posts.streams.map((s) => s.share)
		);
		const langShare = (lang: Lang) =>
			posts.streams.filter((s) => s.lang === lang).reduce((sum, s) => sum + s.share, 0);
		const size = (lang: Lang) =>
			Math.max(posts.minAuthorsPerLang, Math.round(totalPosts * langShare(lang) * posts.authorsPerPost));
		const en = size('en');
		this.pools = {
			en: new AuthorPool('en', en, 1, posts.authorActivitySkew, seed),
			ko: new AuthorPool('ko', size('ko'), 1 + en, posts.authorActivitySkew, seed)
		};
	}

	/** Yields every cascade of every stream; the row total equals the requested post count exactly. */
	*cascades(): Generator<Cascade> {
		for (const [i, stream] of this.cfg.posts.streams.entries()) {
			yield* this.streamCascades(stream, this.budgets[i]);
		}
	}

	private *streamCascades(stream: StreamConfig, budget: number): Generator<Cascade> {
		const { cfg } = this;
		const rng = rngFor(this.seed, `posts:${stream.id}`);
		const clock = new RootClock(stream, cfg);
		const pool = this.pools[stream.lang];
		const platforms = cfg.posts.platforms[stream.lang].filter(([, w]) => w > 0);
		const platformPicker = new WeightedPicker(
			platforms.map(([p]) => p),
			platforms.map(([, w]) => w)
		);
		const edgePickers = new Map<string, WeightedPicker<number>>();
		for (const [platform] of platforms) {
			const mix = cfg.posts.edgeMix.find(([p]) => p === platform)![1];
			const weights = EDGE_KINDS_SIMULATED.map((k) => mix[k] * stream.edgeWeights[k]);
			if (weights.some((w) => w > 0)) {
				edgePickers.set(
					platform,
					new WeightedPicker(
						EDGE_KINDS_SIMULATED.map((k) => KIND_CODE[k]),
						weights
					)
				);
			}
		}
		const maxSize = Math.min(cfg.posts.maxCascadeSize, Math.floor(pool.size / 2));
		let remaining = budget;
		let first = true;
		while (remaining > 0) {
			let rootTime: number | null;
			let influence: number;
			if (first && stream.anchor) {
				rootTime = stream.anchor.at;
				influence = stream.anchor.influence;
			} else {
				rootTime = clock.next(rng);
				influence = pareto(rng, stream.rootInfluence.xmin, stream.rootInfluence.alpha);
			}
			first = false;
			if (rootTime === null) throw new Error(`stream ${stream.id}: no root can be placed (rate is zero)`);
			const platform = platformPicker.pick(rng);
			const cascade = this.grow(stream, rng, pool, platform, edgePickers.get(platform) ?? null, {
				rootTime,
				influence,
				cap: Math.min(maxSize, remaining)
			});
			remaining -= cascade.rows.length;
			yield cascade;
		}
	}

	private grow(
		stream: StreamConfig,
		rng: Rng,
		pool: AuthorPool,
		platform: string,
		edges: WeightedPicker<number> | null,
		opts: { rootTime: number; influence: number; cap: number }
	): Cascade {
		const { cfg } = this;
		const end = cfg.postsWindow.end;
		const used = new Set<number>();
		const nodes: Node[] = [];
		const newNode = (parent: number, kind: number, time: number, stance: Stance): Node => {
			const node: Node = {
				parent,
				kind,
				depth: parent < 0 ? 0 : nodes[parent].depth + 1,
				time,
				author: pool.draw(rng, used),
				stance,
				nRepost: 0,
				nQuote: 0,
				nReply: 0,
				duplicates: []
			};
			nodes.push(node);
			return node;
		};
		newNode(-1, KIND_ROOT, opts.rootTime, stream.stance);

		// Breadth-first growth: parents always precede their children, so depth and time are set on creation.
		const factor = cfg.posts.edgeDelayFactor;
		for (let i = 0; i < nodes.length && nodes.length < opts.cap && edges; i++) {
			const parent = nodes[i];
			const children =
				i === 0
					? poisson(rng, opts.influence)
					: negativeBinomial(rng, stream.offspring.mean, stream.offspring.dispersion);
			for (let c = 0; c < children && nodes.length < opts.cap; c++) {
				const kind = edges.pick(rng);
				const delayFactor = kind === 1 ? factor.repost : kind === 2 ? factor.quote : factor.reply;
				const delay = lognormal(
					rng,
					stream.delayMinutes.median * MINUTE * delayFactor,
					stream.delayMinutes.sigma
				);
				const time = parent.time + Math.max(1, Math.round(delay));
				if (time > end) continue;
				let stance = parent.stance;
				const counter = stream.counterReplies;
				if (kind === 3 && counter && parent.stance === stream.stance && rng() < counter.probability) {
					stance = counter.stance;
				}
				newNode(i, kind, time, stance);
				if (kind === 1) parent.nRepost++;
				else if (kind === 2) parent.nQuote++;
				else parent.nReply++;
			}
		}

		// Planted duplicates: a leaf reply submitted again by the same account minutes later.
		const dup = cfg.posts.duplicates;
		const copiesPicker = new WeightedPicker(
			dup.extraCopiesWeights.map((_, k) => k + 1),
			dup.extraCopiesWeights
		);
		let rowCount = nodes.length;
		let duplicates = 0;
		const childCount = new Int32Array(nodes.length);
		for (let i = 1; i < nodes.length; i++) childCount[nodes[i].parent]++;
		for (let i = 1; i < nodes.length; i++) {
			const node = nodes[i];
			if (node.kind !== 3 || childCount[i] > 0 || !(rng() < dup.leafReplyProbability)) continue;
			const copies = copiesPicker.pick(rng);
			let t = node.time;
			for (let k = 0; k < copies && rowCount < opts.cap; k++) {
				t += Math.max(10, Math.round(exponential(rng, dup.gapMinutesMean * MINUTE)));
				if (t > end) break;
				node.duplicates.push(t);
				nodes[node.parent].nReply++;
				rowCount++;
				duplicates++;
			}
		}

		return {
			streamId: stream.id,
			rows: this.toRows(stream, rng, pool, platform, nodes),
			size: nodes.length,
			duplicates
		};
	}

	private toRows(
		stream: StreamConfig,
		rng: Rng,
		pool: AuthorPool,
		platform: string,
		nodes: Node[]
	): PostRow[] {
		const likes = this.cfg.posts.likes;
		const firstNumber = this.nextPostNumber;
		this.nextPostNumber += nodes.length;
		const idOf = (i: number) => `${platform}:sim${pad(firstNumber + i, 9)}`;
		const cascadeId = idOf(0);
		const texts: string[] = new Array(nodes.length);
		// A repost carries the text of the post whose words it spreads (the nearest non-repost ancestor).
		const source = new Int32Array(nodes.length);
		const rows: PostRow[] = [];
		for (let i = 0; i < nodes.length; i++) {
			const node = nodes[i];
			const parentId = node.parent < 0 ? null : idOf(node.parent);
			const kind = KIND_NAME[node.kind];
			let text: string;
			if (node.kind === 1) {
				const parent = nodes[node.parent];
				source[i] = parent.kind === 1 ? source[node.parent] : node.parent;
				const src = source[i];
				text = platform === 'twitter' ? `RT @${pool.handle(nodes[src].author)}: ${texts[src]}` : texts[src];
			} else {
				source[i] = i;
				text = pool.nextText(node.author, node.stance, i === 0 ? 'root' : 'response');
			}
			texts[i] = text;
			const engagement =
				node.nRepost + node.nQuote + 0.5 * node.nReply + exponential(rng, likes.baselineMean);
			const row: PostRow = {
				postId: idOf(i),
				platform,
				authorId: pool.id(platform, node.author),
				authorHandle: pool.handle(node.author),
				createdAt: node.time,
				lang: stream.lang,
				text,
				replyToId: kind === 'reply' ? parentId : null,
				quoteOfId: kind === 'quote' ? parentId : null,
				repostOfId: kind === 'repost' ? parentId : null,
				likeCount: Math.round(engagement * lognormal(rng, likes.perEngagementMedian, likes.sigma)),
				repostCount: node.nRepost,
				replyCount: node.nReply,
				stance: node.stance,
				claimId: node.stance === 'claim' || node.stance === 'debunk' ? stream.claimId : null,
				cascadeId,
				parentId,
				edgeKind: kind,
				depth: node.depth
			};
			rows.push(row);
			for (const t of node.duplicates) {
				rows.push({
					...row,
					postId: `${platform}:sim${pad(this.nextPostNumber++, 9)}`,
					createdAt: t,
					likeCount: 0,
					repostCount: 0,
					replyCount: 0
				});
			}
		}
		return rows;
	}
}
