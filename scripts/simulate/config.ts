import { readFileSync } from 'node:fs';
import { FEEDS, STANCES, type Stance } from '../../src/lib/schema/vocab';
import { makeCurve, curveFirstPositive, type Curve } from './curve';
import { parseIsoSeconds } from './time';

/**
 * The simulator's calibration (data/simulator.config.json). Every parameter is written as
 * `{ "value": …, "reflects": "…" }`: the value, and the documented fact (with its facts.md source key) or
 * the gap it stands in for. This module checks the file and unwraps the values.
 */

export const DEFAULT_CONFIG_PATH = 'data/simulator.config.json';

export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

type Check<T> = (value: unknown, path: string) => T;

const show = (v: unknown): string => {
	const s = JSON.stringify(v);
	return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '…' : s;
};
const fail = (path: string, expected: string, got: unknown): never => {
	throw new ConfigError(`${path} must be ${expected} (got ${show(got)})`);
};

const num =
	(min = -Infinity, max = Infinity, open: 'closed' | 'open-max' | 'open-min' = 'closed'): Check<number> =>
	(v, path) => {
		const lowOk = open === 'open-min' ? (v as number) > min : (v as number) >= min;
		const highOk = open === 'open-max' ? (v as number) < max : (v as number) <= max;
		if (typeof v !== 'number' || !Number.isFinite(v) || !lowOk || !highOk) {
			const lo = open === 'open-min' ? `(${min}` : `[${min}`;
			const hi = open === 'open-max' ? `${max})` : `${max}]`;
			fail(path, `a number in ${lo}, ${hi}`, v);
		}
		return v as number;
	};
const positive = num(0, Infinity, 'open-min');
const nonNegative = num(0);
const probability = num(0, 1);
const int =
	(min: number, max = Number.MAX_SAFE_INTEGER): Check<number> =>
	(v, path) => {
		if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
			fail(path, `an integer in [${min}, ${max}]`, v);
		}
		return v as number;
	};
const str: Check<string> = (v, path) =>
	typeof v === 'string' && v.length > 0 ? v : fail(path, 'a non-empty string', v);
const oneOf =
	<T extends string>(values: readonly T[]): Check<T> =>
	(v, path) =>
		values.includes(v as T) ? (v as T) : fail(path, `one of ${values.join(', ')}`, v);
const iso: Check<number> = (v, path) => {
	const t = typeof v === 'string' ? parseIsoSeconds(v) : null;
	return t === null ? fail(path, 'a UTC time like "2022-12-14T03:15:00Z"', v) : t;
};
const nullable =
	<T>(check: Check<T>): Check<T | null> =>
	(v, path) =>
		v === null ? null : check(v, path);
const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };
const obj =
	<S extends Shape>(shape: S): Check<Out<S>> =>
	(v, path) => {
		if (!isRecord(v)) fail(path, 'an object', v);
		const rec = v as Record<string, unknown>;
		const out = {} as Record<string, unknown>;
		for (const key of Object.keys(shape)) {
			if (!(key in rec)) throw new ConfigError(`${path}.${key} is missing`);
			out[key] = shape[key](rec[key], `${path}.${key}`);
		}
		for (const key of Object.keys(rec)) {
			if (!(key in shape)) throw new ConfigError(`${path}.${key} is not a known parameter`);
		}
		return out as Out<S>;
	};
const arr =
	<T>(check: Check<T>, minLength = 1): Check<T[]> =>
	(v, path) => {
		if (!Array.isArray(v) || v.length < minLength) fail(path, `an array of at least ${minLength} item(s)`, v);
		return (v as unknown[]).map((item, i) => check(item, `${path}[${i}]`));
	};
/** An object used as a map: any keys matching `keyPattern`, each checked by `check`, order kept. */
const dict =
	<T>(check: Check<T>, keyPattern = /^[a-z][a-z0-9_]*$/): Check<[string, T][]> =>
	(v, path) => {
		if (!isRecord(v) || Object.keys(v).length === 0) fail(path, 'a non-empty object', v);
		return Object.entries(v as Record<string, unknown>).map(([k, item]) => {
			if (!keyPattern.test(k)) throw new ConfigError(`${path}: key ${show(k)} must match ${keyPattern}`);
			return [k, check(item, `${path}.${k}`)] as [string, T];
		});
	};
const weights = (keys: readonly string[]): Check<Record<string, number>> => {
	const shape: Shape = {};
	for (const k of keys) shape[k] = nonNegative;
	const check = obj(shape) as Check<Record<string, number>>;
	return (v, path) => {
		const w = check(v, path);
		if (!(Object.values(w).reduce((a, b) => a + b, 0) > 0)) fail(path, 'weights with a positive sum', v);
		return w;
	};
};
/** `[["2022-12-13T00:00:00Z", 0.1], …]`, times strictly increasing, values in [min, max]. */
const curve =
	(min = 0, max = Infinity): Check<Curve> =>
	(v, path) => {
		const pts = arr((p, at) => {
			if (!Array.isArray(p) || p.length !== 2) fail(at, 'a [time, value] pair', p);
			const pair = p as unknown[];
			return [iso(pair[0], `${at}[0]`), num(min, max)(pair[1], `${at}[1]`)] as const;
		})(v, path);
		for (let i = 1; i < pts.length; i++) {
			if (pts[i][0] <= pts[i - 1][0])
				fail(`${path}[${i}][0]`, 'later than the point before it', (v as unknown[][])[i][0]);
		}
		return makeCurve(pts);
	};

/** `{ "value": …, "reflects": "…" }` → the checked value. */
const param =
	<T>(check: Check<T>): Check<T> =>
	(v, path) => {
		if (!isRecord(v)) fail(path, 'a parameter object { "value": …, "reflects": "…" }', v);
		const rec = v as Record<string, unknown>;
		if (!('value' in rec)) throw new ConfigError(`${path}.value is missing`);
		if (typeof rec.reflects !== 'string' || rec.reflects.trim().length < 8) {
			fail(
				`${path}.reflects`,
				'a sentence naming the documented fact (facts.md key) or "GAP: …"',
				rec.reflects
			);
		}
		for (const key of Object.keys(rec)) {
			if (key !== 'value' && key !== 'reflects')
				throw new ConfigError(`${path}.${key} is not allowed in a parameter`);
		}
		return check(rec.value, `${path}.value`);
	};

const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];
export const EDGE_KINDS_SIMULATED = ['repost', 'quote', 'reply'] as const;
export type SimEdgeKind = (typeof EDGE_KINDS_SIMULATED)[number];

const streamShape = {
	id: (v: unknown, path: string) =>
		typeof v === 'string' && /^[a-z][a-z0-9_-]*$/.test(v)
			? v
			: fail(path, 'a lower-case id like "claim-en"', v),
	lang: param(oneOf(LANGS)),
	stance: param(oneOf(STANCES)),
	claimId: param(nullable(str)),
	share: param(probability),
	rootRate: param(curve()),
	anchor: param(nullable(obj({ at: iso, influence: positive }))),
	rootInfluence: param(obj({ xmin: positive, alpha: num(1, Infinity, 'open-min') })),
	offspring: param(obj({ mean: num(0, 1, 'open-max'), dispersion: positive })),
	delayMinutes: param(obj({ median: positive, sigma: nonNegative })),
	edgeWeights: param(weights(EDGE_KINDS_SIMULATED)),
	counterReplies: param(nullable(obj({ stance: oneOf(STANCES), probability })))
};

const configShape = {
	about: str,
	postsWindow: obj({ start: param(iso), end: param(iso) }),
	trending: obj({
		feed: param(oneOf(FEEDS)),
		dimension: param(str),
		originalUrl: param(str),
		captureStart: param(iso),
		captureEnd: param(iso),
		capturesPerDay: param(curve()),
		itemsPerCapture: param(int(1, 1000)),
		warmupDays: param(nonNegative),
		maxAgeDays: param(positive),
		normalUploadsPerDay: param(positive),
		protestUploadsPerDayAtPeak: param(nonNegative),
		protestIntensity: param(curve(0, 1)),
		protestVisibility: param(curve(0, 1)),
		appeal: param(obj({ median: positive, sigma: nonNegative })),
		protestAppealMultiplier: param(positive),
		scoreDecay: param(obj({ tauHours: positive, exponent: positive })),
		rankNoiseSigma: param(nonNegative),
		protestTitles: param(arr(obj({ title: str, weight: positive, from: nullable(iso) }))),
		artistPoolSize: param(int(10, 9999)),
		firstProjectId: param(int(1_000_000, 8_000_000)),
		projectIdGapMean: param(num(1, 100))
	}),
	posts: obj({
		authorsPerPost: param(num(0.001, 1)),
		minAuthorsPerLang: param(int(100)),
		authorActivitySkew: param(num(1, 4)),
		platforms: param(obj({ en: dict(nonNegative), ko: dict(nonNegative) })),
		edgeMix: param(dict(weights(EDGE_KINDS_SIMULATED))),
		edgeDelayFactor: param(obj({ repost: positive, quote: positive, reply: positive })),
		diurnal: param(
			obj({
				en: obj({ peakHourUtc: num(0, 24, 'open-max'), amplitude: num(0, 1, 'open-max') }),
				ko: obj({ peakHourUtc: num(0, 24, 'open-max'), amplitude: num(0, 1, 'open-max') })
			})
		),
		maxCascadeSize: param(int(10, 1_000_000)),
		duplicates: param(
			obj({
				leafReplyProbability: probability,
				extraCopiesWeights: arr(nonNegative),
				gapMinutesMean: positive
			})
		),
		likes: param(obj({ perEngagementMedian: positive, sigma: nonNegative, baselineMean: nonNegative })),
		streams: arr(obj(streamShape))
	})
};

export type SimConfig = Out<typeof configShape>;
export type StreamConfig = SimConfig['posts']['streams'][number];

/** Checks a parsed config object; throws ConfigError naming the first bad parameter. */
export function validateConfig(raw: unknown, source = 'config'): SimConfig {
	let cfg: SimConfig;
	try {
		cfg = obj(configShape)(raw, 'config');
	} catch (e) {
		if (e instanceof ConfigError) throw new ConfigError(`${source}: ${e.message}`);
		throw e;
	}
	const problem = crossCheck(cfg);
	if (problem) throw new ConfigError(`${source}: ${problem}`);
	return cfg;
}

/** Rules that span several parameters. Returns a message, or null when all hold. */
function crossCheck(cfg: SimConfig): string | null {
	const { postsWindow: w, trending: tr, posts: p } = cfg;
	if (w.end <= w.start) return 'postsWindow.end must be after postsWindow.start';
	if (tr.captureEnd <= tr.captureStart) return 'trending.captureEnd must be after trending.captureStart';
	const ids = new Set<string>();
	let shareSum = 0;
	for (const [i, s] of p.streams.entries()) {
		const at = `posts.streams[${i}] (${s.id})`;
		if (ids.has(s.id)) return `${at}: duplicate stream id`;
		ids.add(s.id);
		shareSum += s.share;
		const platforms = p.platforms[s.lang];
		for (const [name] of platforms) {
			if (!p.edgeMix.some(([k]) => k === name)) return `posts.edgeMix has no entry for platform "${name}"`;
		}
		if (s.stance === 'claim' || s.stance === 'debunk') {
			if (!s.claimId) return `${at}: a ${s.stance} stream needs a claimId`;
		}
		if (s.counterReplies && s.counterReplies.stance === s.stance) {
			return `${at}: counterReplies.stance must differ from the stream's stance`;
		}
		const first = curveFirstPositive(s.rootRate);
		if (first === Infinity && !s.anchor) return `${at}: rootRate is never positive and there is no anchor`;
		if (s.anchor) {
			if (s.anchor.at < w.start || s.anchor.at > w.end) return `${at}: anchor.at is outside postsWindow`;
			if (s.anchor.at > first)
				return `${at}: anchor.at must not be later than the first positive rootRate point`;
		}
	}
	if (Math.abs(shareSum - 1) > 1e-6) return `posts.streams shares must sum to 1 (they sum to ${shareSum})`;
	for (const lang of LANGS) {
		if (!p.platforms[lang].some(([, wgt]) => wgt > 0))
			return `posts.platforms.${lang} needs a positive weight`;
	}
	return null;
}

/** Reads and checks a config file; returns the checked values and the raw object (for source.json). */
export function loadConfig(path = DEFAULT_CONFIG_PATH): { config: SimConfig; raw: unknown } {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		throw new ConfigError(
			`${path}: cannot read the simulator config (${(e as NodeJS.ErrnoException).code ?? e})`
		);
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		throw new ConfigError(`${path}: not valid JSON (${(e as Error).message})`);
	}
	return { config: validateConfig(raw, path), raw };
}

export type { Stance };
