import type { SimConfig } from './config';
import { curveAt } from './curve';
import { exponential, lognormal, normal, poisson, uniformInt, WeightedPicker } from './distributions';
import { mix32, rngFor, type Rng } from './random';
import { normalTitle } from './titles';
import { compactIso, DAY, HOUR } from './time';

/**
 * The Trending feed as a persistent pool of projects. Uploads arrive over time (ordinary ones at a steady
 * rate, protest ones following the protest-intensity curve); each project has an appeal, and its score
 * decays with age, so a capture is the top N of the pool at that moment. Projects therefore persist and
 * move between captures, as on the real feed, instead of being redrawn for every capture.
 */

export interface Project {
	projectId: string;
	hashId: string;
	title: string;
	artistNumber: number;
	isProtest: boolean;
	uploadedAt: number;
	appeal: number;
}

export interface Capture {
	snapshotId: string;
	capturedAt: number;
	items: Project[];
}

type TrendingConfig = SimConfig['trending'];

/** Wayback-like capture times: a Poisson process whose daily rate follows `capturesPerDay`. */
export function captureTimes(cfg: TrendingConfig, seed: number): number[] {
	const rng = rngFor(seed, 'trending:captures');
	const times: number[] = [];
	for (let hour = cfg.captureStart; hour < cfg.captureEnd; hour += HOUR) {
		const count = poisson(rng, curveAt(cfg.capturesPerDay, hour + HOUR / 2) / 24);
		for (let i = 0; i < count; i++) {
			const t = hour + uniformInt(rng, HOUR);
			if (t <= cfg.captureEnd) times.push(t);
		}
	}
	times.sort((a, b) => a - b);
	// Two captures in the same second would share a snapshot_id; keep the first.
	return times.filter((t, i) => i === 0 || t !== times[i - 1]);
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HASH_SPACE = 62n ** 6n;
// Odd and not a multiple of 31, hence invertible modulo 62^6 = 2^6 · 31^6: distinct ids get distinct hashes.
const HASH_MULTIPLIER = 16807n * 48271n;

/** A 6-character ArtStation-like hash_id; a bijection of the project id, so never a collision. */
export function hashIdFor(projectId: number, seed: number): string {
	let x = (BigInt(projectId) * HASH_MULTIPLIER + BigInt(mix32(seed))) % HASH_SPACE;
	let out = '';
	for (let i = 0; i < 6; i++) {
		out = BASE62[Number(x % 62n)] + out;
		x /= 62n;
	}
	return out;
}

class TitlePicker {
	private readonly picker: WeightedPicker<{ title: string; from: number | null }>;
	constructor(titles: TrendingConfig['protestTitles']) {
		this.picker = new WeightedPicker(
			titles,
			titles.map((t) => t.weight)
		);
		if (!titles.some((t) => t.from === null)) {
			throw new Error('trending.protestTitles needs at least one title without a "from" date');
		}
	}
	/** A protest title that already existed at time t ("round two" variants only after their date). */
	pick(rng: Rng, t: number): string {
		for (;;) {
			const choice = this.picker.pick(rng);
			if (choice.from === null || choice.from <= t) return choice.title;
		}
	}
}

/** Generates uploads hour by hour, on demand, in time order. */
class UploadStream {
	private readonly rng: Rng;
	private hour: number;
	private nextId: number;
	private pending: Project[] = [];
	private readonly titles: TitlePicker;

	constructor(
		private readonly cfg: TrendingConfig,
		private readonly seed: number
	) {
		this.rng = rngFor(seed, 'trending:uploads');
		this.hour = cfg.captureStart - Math.round(cfg.warmupDays * DAY);
		this.nextId = cfg.firstProjectId;
		this.titles = new TitlePicker(cfg.protestTitles);
	}

	/** Every upload made at or before t, oldest first. */
	takeUntil(t: number): Project[] {
		while (this.hour <= t) this.generateHour();
		const ready: Project[] = [];
		let i = 0;
		while (i < this.pending.length && this.pending[i].uploadedAt <= t) ready.push(this.pending[i++]);
		this.pending = this.pending.slice(i);
		return ready;
	}

	private generateHour(): void {
		const { cfg, rng } = this;
		const mid = this.hour + HOUR / 2;
		const normalCount = poisson(rng, cfg.normalUploadsPerDay / 24);
		const protestRate = (cfg.protestUploadsPerDayAtPeak * curveAt(cfg.protestIntensity, mid)) / 24;
		const protestCount = poisson(rng, protestRate);
		const batch: { at: number; protest: boolean }[] = [];
		for (let i = 0; i < normalCount; i++)
			batch.push({ at: this.hour + uniformInt(rng, HOUR), protest: false });
		for (let i = 0; i < protestCount; i++)
			batch.push({ at: this.hour + uniformInt(rng, HOUR), protest: true });
		// Stable sort by time: project ids then increase with upload time, as on the real site.
		batch.sort((a, b) => a.at - b.at);
		for (const { at, protest } of batch) this.pending.push(this.makeProject(at, protest));
		this.hour += HOUR;
	}

	private makeProject(at: number, protest: boolean): Project {
		const { cfg, rng } = this;
		// Only projects that could trend are modelled; the gap stands for all the uploads in between.
		this.nextId += 1 + Math.floor(exponential(rng, cfg.projectIdGapMean - 1));
		const artistNumber = protest
			? 1 + uniformInt(rng, cfg.artistPoolSize)
			: 1 + Math.floor(cfg.artistPoolSize * Math.pow(rng(), 1.5));
		const appeal =
			lognormal(rng, cfg.appeal.median, cfg.appeal.sigma) * (protest ? cfg.protestAppealMultiplier : 1);
		return {
			projectId: String(this.nextId),
			hashId: hashIdFor(this.nextId, this.seed),
			title: protest ? this.titles.pick(rng, at) : normalTitle(rng),
			artistNumber,
			isProtest: protest,
			uploadedAt: at,
			appeal
		};
	}
}

/** The captures in time order, each with its top-N items. Holds only the live pool in memory. */
export function* simulateTrending(cfg: TrendingConfig, seed: number): Generator<Capture> {
	const uploads = new UploadStream(cfg, seed);
	const noise = rngFor(seed, 'trending:noise');
	const maxAge = cfg.maxAgeDays * DAY;
	const tau = cfg.scoreDecay.tauHours * HOUR;
	let pool: Project[] = [];
	for (const t of captureTimes(cfg, seed)) {
		pool.push(...uploads.takeUntil(t));
		pool = pool.filter((p) => t - p.uploadedAt <= maxAge);
		const visibility = curveAt(cfg.protestVisibility, t);
		const scored = pool.map((p, i) => {
			const age = t - p.uploadedAt;
			const decay = Math.pow(1 + age / tau, -cfg.scoreDecay.exponent);
			const jitter = Math.exp(cfg.rankNoiseSigma * normal(noise));
			return { i, score: p.appeal * decay * jitter * (p.isProtest ? visibility : 1) };
		});
		// Ties (practically impossible) fall back to pool order, which is upload order: deterministic.
		scored.sort((a, b) => b.score - a.score || a.i - b.i);
		const items = scored.slice(0, cfg.itemsPerCapture).map((s) => pool[s.i]);
		yield { snapshotId: `${cfg.feed}-${cfg.dimension}-${compactIso(t)}`, capturedAt: t, items };
	}
}
