/** Small, hand-made inputs for the chart snapshots: fixed times, no randomness, no built data. */
import type { CalendarCapture } from '$lib/charts/CaptureCalendar/types';
import type { ScatterMark } from '$lib/charts/CascadeScatter/types';
import type { TreeNode } from '$lib/charts/CascadeTree/types';
import type { ChartAnnotation, ChartMarker, ClaimDebunkBin } from '$lib/charts/ClaimDebunkChart/types';
import type { GapLag, GapReach } from '$lib/charts/CorrectionGapChart/types';
import type { GridTile } from '$lib/charts/TrendingGrid/types';
import type { WaveAnnotation, WavePoint } from '$lib/charts/WaveChart/types';

const H = 3_600_000;
const T0 = Date.UTC(2022, 11, 12, 0);

/** Protest share per capture rising to 96 % on Dec 14 and falling after Dec 16. */
const SHARES = [0, 0, 0.02, 0.1, 0.35, 0.62, 0.88, 0.96, 0.9, 0.7, 0.45, 0.2, 0.05, 0];
const HOURS = [0, 10, 20, 30, 36, 42, 48, 54, 66, 80, 100, 130, 170, 230];

export const wavePoints: WavePoint[] = SHARES.map((share, i) => ({
	id: `trending-all-${i}`,
	at: T0 + HOURS[i] * H,
	share,
	protest: Math.round(share * 100),
	total: 100,
	provenance: 'simulated'
}));

export const waveAnnotations: WaveAnnotation[] = [
	{
		id: 'kole',
		at: Date.UTC(2022, 11, 13, 12),
		label: 'Mass posting begins',
		detail: 'Dec 13, 2022 · C2 · kotaku.com',
		href: 'https://example.org/kole'
	},
	{
		id: 'kotaku',
		at: Date.UTC(2022, 11, 13, 13),
		label: 'Kotaku reports',
		detail: 'Dec 13, 2022 · C2 · kotaku.com',
		href: 'https://example.org/k'
	},
	{
		id: 'faq',
		at: Date.UTC(2022, 11, 15, 2),
		label: 'ArtStation FAQ',
		detail: 'Dec 14, 2022 · C2',
		href: 'https://example.org/faq'
	},
	{
		id: 'noai',
		at: Date.UTC(2022, 11, 16, 12),
		label: 'NoAI tag',
		detail: 'Dec 16, 2022 · C2',
		href: 'https://example.org/noai'
	}
];

export const calendarCaptures: CalendarCapture[] = wavePoints.map((p) => ({
	id: p.id,
	at: p.at,
	share: p.share,
	protest: p.protest,
	total: p.total,
	provenance: p.provenance
}));

/** Daily bins Dec 14–24: the claim spikes on Dec 15, the Korean report on Dec 19, debunks trail. */
const CLAIMS = [0, 190, 120, 80, 40, 150, 90, 50, 30, 20, 10];
const DEBUNKS = [0, 40, 95, 70, 45, 30, 60, 55, 35, 25, 15];
export const claimBins: ClaimDebunkBin[] = CLAIMS.map((c, i) => ({
	start: Date.UTC(2022, 11, 14 + i),
	end: Date.UTC(2022, 11, 15 + i),
	claim: c,
	debunk: DEBUNKS[i],
	claimN: c,
	debunkN: DEBUNKS[i],
	allN: 1000 - i * 50
}));
export const claimAnnotations: ChartAnnotation[] = [
	{
		id: 'joke',
		at: Date.UTC(2022, 11, 15, 12),
		label: 'A joke post',
		detail: 'Dec 15, 2022 · U',
		href: 'https://example.org/j'
	},
	{
		id: 'ko',
		at: Date.UTC(2022, 11, 16, 12),
		label: 'Korean report',
		detail: 'Dec 16, 2022 · S1',
		href: 'https://example.org/ko'
	}
];
export const claimMarkers: ChartMarker[] = [
	{ id: 'ko-report', at: Date.UTC(2022, 11, 19, 1), label: 'Korean report' }
];

const TITLES = [
	'Witch Fan Art 09',
	'Misty Creature',
	'Sleeping Sentinel Prop Design',
	'Crimson Forest',
	'Shrine Environment Design 45'
];
/** 12 tiles: every third a protest tile; in compare mode some entered and some moved. */
export const gridTiles: GridTile[] = Array.from({ length: 12 }, (_, i) => ({
	rank: i + 1,
	id: `p${i}`,
	title: i % 3 === 0 ? 'No to AI Generated Images' : TITLES[i % TITLES.length],
	artist: `sim_artist_${String(1000 + i * 37)}`,
	isProtest: i % 3 === 0
}));
export const gridTilesCompared: GridTile[] = gridTiles.map((t, i) => ({
	...t,
	movement:
		i % 4 === 0
			? { kind: 'entered' }
			: i % 4 === 1
				? { kind: 'up', by: 3 }
				: i % 4 === 2
					? { kind: 'down', by: 12 }
					: { kind: 'same' }
}));

/** A root with a broadcast of 6 reposts, a reply chain of 3 and a quote with an inferred follow-on. */
export const treeNodes: TreeNode[] = [
	{ parent: -1, t: 0, depth: 0, edgeKind: null, stance: 'claim', label: '@root' },
	...Array.from({ length: 6 }, (_, i) => ({
		parent: 0,
		t: 30 + i * 40,
		depth: 1,
		edgeKind: 'repost',
		stance: 'claim',
		label: `@r${i}`
	})),
	{ parent: 0, t: 600, depth: 1, edgeKind: 'reply', stance: 'debunk', label: '@d1' },
	{ parent: 7, t: 1800, depth: 2, edgeKind: 'reply', stance: 'claim', label: '@d2' },
	{ parent: 8, t: 7200, depth: 3, edgeKind: 'reply', stance: 'debunk', label: '@d3' },
	{ parent: 0, t: 900, depth: 1, edgeKind: 'quote', stance: 'claim', label: '@q1' },
	{ parent: 10, t: 86_400, depth: 2, edgeKind: 'inferred', stance: 'other', label: '@i1' }
];

/** Claim and debunk marks over sizes 2–200 with metric values that grow with size. */
export const scatterMarks: ScatterMark[] = [
	[2, 1, 40],
	[3, 1.33, 12],
	[5, 1.6, 4],
	[8, 2.1, 2],
	[13, 2.6, 1],
	[40, 3.4, 1],
	[120, 5.2, 1]
].flatMap(([size, v, count], i) => [
	{
		id: `claim|${size}|${v}`,
		stance: 'claim',
		size,
		value: v + (i % 2) * 0.2,
		count,
		label: `claim ${size}`
	},
	{
		id: `debunk|${size}|${v}`,
		stance: 'debunk',
		size: Math.round(size * 1.2),
		value: v,
		count: Math.max(1, count - 3),
		label: `debunk ${size}`
	}
]);
export const scatterMedians = [
	{ from: 2, to: 2, claim: 1, debunk: 1 },
	{ from: 3, to: 4, claim: 1.33, debunk: 1.33 },
	{ from: 9, to: 16, claim: 2.6, debunk: 2.1 },
	{ from: 33, to: 64, claim: 3.4, debunk: null }
];

const C = Date.UTC(2022, 11, 15, 3);
export const gapLags: GapLag[] = ['all', 'en', 'ko'].flatMap((g, k) => [
	{
		key: `${g}:first`,
		group: g,
		label: 'First post',
		claimAt: C + k * 96 * H,
		debunkAt: C + k * 96 * H + 34_000,
		lagText: '34 s later'
	},
	{
		key: `${g}:peak`,
		group: g,
		label: 'Peak hour',
		claimAt: C + k * 96 * H,
		debunkAt: C + k * 96 * H + 14 * H,
		lagText: '14 h later'
	}
]);
export const gapReach: GapReach[] = ['all', 'en', 'ko'].flatMap((g, k) =>
	['first 24 h', 'all posts'].map((label, j) => ({
		key: `${g}:reach:${j}`,
		group: g,
		label,
		ratio: j === 0 ? 0.4 - k * 0.1 : 0.7 + k * 0.2,
		claims: 100,
		debunks: j === 0 ? 40 - k * 10 : 70 + k * 20
	}))
);
