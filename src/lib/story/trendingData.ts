import type { CaptureAgg, WaveAgg } from '$lib/data/types';
import { formatDate, formatPercent, translate, type Lang } from '$lib/i18n';
import type { WaveTop } from './waveData';

/** One tile of a reconstructed trending grid. */
export interface Tile {
	rank: number;
	projectId: string;
	hashId: string | null;
	title: string;
	artist: string;
	isProtest: boolean;
	protestSignal: string | null;
	provenance: string;
}

/** A capture's tiles within the top N, in rank order. */
export function captureTiles(capture: CaptureAgg, top: number): Tile[] {
	const c = capture.items;
	const tiles: Tile[] = [];
	for (let i = 0; i < c.rank.length; i++) {
		if (c.rank[i] > top) continue;
		tiles.push({
			rank: c.rank[i],
			projectId: c.projectId[i],
			hashId: c.hashId[i],
			title: c.title[i],
			artist: c.artist[i],
			isProtest: c.isProtest[i] === 1,
			protestSignal: c.protestSignal[i],
			provenance: c.provenance[i]
		});
	}
	return tiles.sort((a, b) => a.rank - b.rank);
}

/** How a tile of the later capture relates to the earlier one. */
export type Movement =
	{ kind: 'entered' } | { kind: 'same' } | { kind: 'up' | 'down'; from: number; by: number };

export interface CaptureDiff {
	/** Keyed by project id: the movement of each tile of the later capture. */
	movement: Map<string, Movement>;
	entered: Tile[];
	/** Tiles of the earlier capture missing from the later one, in their old rank order. */
	left: Tile[];
	up: number;
	down: number;
	same: number;
	/** Protest tiles among those that entered / left. */
	protestEntered: number;
	protestLeft: number;
}

/**
 * Compares two captures tile by tile (by project id, within the same top N): which tiles entered the grid,
 * which left it, and which moved up or down. "Up" means a smaller rank number.
 */
export function compareCaptures(before: readonly Tile[], after: readonly Tile[]): CaptureDiff {
	const old = new Map(before.map((t) => [t.projectId, t]));
	const now = new Set(after.map((t) => t.projectId));
	const movement = new Map<string, Movement>();
	const entered: Tile[] = [];
	let up = 0;
	let down = 0;
	let same = 0;
	for (const t of after) {
		const prev = old.get(t.projectId);
		if (!prev) {
			movement.set(t.projectId, { kind: 'entered' });
			entered.push(t);
		} else if (prev.rank === t.rank) {
			movement.set(t.projectId, { kind: 'same' });
			same++;
		} else if (t.rank < prev.rank) {
			movement.set(t.projectId, { kind: 'up', from: prev.rank, by: prev.rank - t.rank });
			up++;
		} else {
			movement.set(t.projectId, { kind: 'down', from: prev.rank, by: t.rank - prev.rank });
			down++;
		}
	}
	const left = before.filter((t) => !now.has(t.projectId));
	return {
		movement,
		entered,
		left,
		up,
		down,
		same,
		protestEntered: entered.filter((t) => t.isProtest).length,
		protestLeft: left.filter((t) => t.isProtest).length
	};
}

/** The capture before `id` in time (the natural "compare with"), or null for the first one. */
export function previousCaptureId(wave: WaveAgg, id: string): string | null {
	const i = wave.captures.findIndex((c) => c.snapshotId === id);
	return i > 0 ? wave.captures[i - 1].snapshotId : null;
}

/** Where a tile can be seen: its ArtStation page when a hash is known (observed data), else nothing. */
export const tileUrl = (t: Tile): string | null =>
	t.hashId && t.provenance === 'observed'
		? `https://www.artstation.com/artwork/${encodeURIComponent(t.hashId)}`
		: null;

/** The written description of a reconstructed grid, computed from its tiles. */
export function describeGrid(capture: CaptureAgg, tiles: readonly Tile[], lang: Lang): string {
	if (!tiles.length) return translate(lang, 'trending.describe.empty');
	const protest = tiles.filter((t) => t.isProtest);
	return translate(lang, 'trending.describe', {
		at: formatDate(capture.at, lang, 'UTC', true),
		n: tiles.length,
		protest: protest.length,
		share: formatPercent(protest.length / tiles.length),
		first: protest.length ? protest[0].rank : '–'
	});
}

/** The written description of a comparison. */
export function describeDiff(before: CaptureAgg, after: CaptureAgg, diff: CaptureDiff, lang: Lang): string {
	return translate(lang, 'compare.describe', {
		from: formatDate(before.at, lang, 'UTC', true),
		to: formatDate(after.at, lang, 'UTC', true),
		entered: diff.entered.length,
		protestEntered: diff.protestEntered,
		left: diff.left.length,
		protestLeft: diff.protestLeft,
		up: diff.up,
		down: diff.down,
		same: diff.same
	});
}

/** The calendar's description: how many captures on how many days, and the busiest day. */
export function describeCalendar(wave: WaveAgg, top: WaveTop, lang: Lang): string {
	const caps = wave.captures;
	if (!caps.length) return translate(lang, 'calendar.describe.empty');
	const perDay = new Map<string, number>();
	for (const c of caps) {
		const day = new Date(c.at).toISOString().slice(0, 10);
		perDay.set(day, (perDay.get(day) ?? 0) + 1);
	}
	let busiest = '';
	let most = 0;
	for (const [day, n] of perDay)
		if (n > most) {
			busiest = day;
			most = n;
		}
	const m = wave.metrics[`top${top}`];
	return translate(lang, 'calendar.describe', {
		count: caps.length,
		days: perDay.size,
		busiest: formatDate(Date.parse(`${busiest}T00:00:00Z`), lang),
		most,
		peak: m.peak ? formatPercent(m.peak.share) : '–',
		peakAt: m.peak ? formatDate(m.peak.at, lang, 'UTC', true) : '–'
	});
}
