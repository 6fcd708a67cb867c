import { describe, expect, it } from 'vitest';
import CaptureCalendar from '$lib/charts/CaptureCalendar/CaptureCalendar.svelte';
import CascadeScatter from '$lib/charts/CascadeScatter/CascadeScatter.svelte';
import CascadeTree from '$lib/charts/CascadeTree/CascadeTree.svelte';
import ClaimDebunkChart from '$lib/charts/ClaimDebunkChart/ClaimDebunkChart.svelte';
import CorrectionGapChart from '$lib/charts/CorrectionGapChart/CorrectionGapChart.svelte';
import TrendingGrid from '$lib/charts/TrendingGrid/TrendingGrid.svelte';
import WaveChart from '$lib/charts/WaveChart/WaveChart.svelte';
import * as fx from './fixtures';
import { chartSvg, count, hasBadNumbers, renderChart, WIDTHS } from './render';

const snap = (name: string, width: number) => `./__svg__/${name}-${width}.svg`;

describe.each(WIDTHS)('at %i px', (width) => {
	it('WaveChart', async () => {
		const svg = renderChart(WaveChart, {
			points: fx.wavePoints,
			annotations: fx.waveAnnotations,
			lang: 'en',
			width,
			label: 'Protest share',
			selected: 'trending-all-7'
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(svg).toContain(`viewBox="0 0 ${width} `);
		expect(count(svg, /role="option"/g)).toBe(fx.wavePoints.length);
		expect(count(svg, /aria-selected="true"/g)).toBe(1);
		// Close annotations are stacked into rows: no two numbered circles at the same spot.
		const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="8"/g)].map(
			(m) => `${m[1]},${m[2]}`
		);
		expect(new Set(circles).size).toBe(fx.waveAnnotations.length);
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('wave', width));
	});

	it('ClaimDebunkChart, counts', async () => {
		const svg = renderChart(ClaimDebunkChart, {
			bins: fx.claimBins,
			format: (v: number) => String(v),
			annotations: fx.claimAnnotations,
			markers: fx.claimMarkers,
			zone: 'UTC',
			hourly: false,
			lang: 'en',
			width,
			label: 'Claim vs debunk',
			selected: 1
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(svg).toMatch(/<path class="series claim" d="M[^"]+"/);
		expect(svg).toMatch(/<path class="series debunk" d="M[^"]+"/);
		expect(count(svg, /role="option"/g)).toBe(fx.claimBins.length);
		expect(svg).toContain('Korean report');
		expect(svg).toContain('class="selected-band"');
		// Series are told apart by shape and label too: circles for claims, squares for debunks.
		expect(svg).toMatch(/class="pt claim"/);
		expect(svg).toMatch(/class="pt debunk"/);
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('claims', width));
	});

	it('ClaimDebunkChart, log scale in KST (zeros leave gaps)', async () => {
		const svg = renderChart(ClaimDebunkChart, {
			bins: fx.claimBins,
			format: (v: number) => String(v),
			log: true,
			zone: 'KST',
			hourly: false,
			lang: 'ko',
			width,
			label: '주장과 반박'
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(svg).toContain('>KST<');
		expect(svg).toContain('>log<');
		expect(svg).toContain('12월 15일');
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('claims-log-ko', width));
	});

	it('CaptureCalendar', async () => {
		const svg = renderChart(CaptureCalendar, {
			captures: fx.calendarCaptures,
			lang: 'en',
			width,
			label: 'Captures',
			selected: 'trending-all-7',
			compare: 'trending-all-6'
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(count(svg, /role="option"/g)).toBe(fx.calendarCaptures.length);
		expect(count(svg, /class="ring selected"/g)).toBe(1);
		expect(count(svg, /class="ring compare"/g)).toBe(1);
		// Share as fill level: full circles for 100 %, none for 0 %, segments in between.
		expect(count(svg, /<path class="fill"/g)).toBe(
			fx.calendarCaptures.filter((c) => c.share > 0 && c.share < 1).length
		);
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('calendar', width));
	});

	it('TrendingGrid', async () => {
		const svg = renderChart(TrendingGrid, {
			tiles: fx.gridTiles,
			lang: 'en',
			width,
			label: 'Grid',
			selected: 'p4'
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(count(svg, /<g class="no-ai"/g)).toBe(fx.gridTiles.filter((t) => t.isProtest).length);
		expect(count(svg, /role="option"/g)).toBe(fx.gridTiles.length);
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('grid', width));
	});

	it('TrendingGrid, compared', async () => {
		const svg = renderChart(TrendingGrid, { tiles: fx.gridTilesCompared, lang: 'en', width, label: 'Grid' });
		expect(count(svg, />NEW</g)).toBe(3);
		expect(count(svg, />▲3</g)).toBe(3);
		expect(count(svg, />▼12</g)).toBe(3);
		expect(svg).toContain('aria-label="#2 Misty Creature, sim_artist_1037, up 3"');
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('grid-compare', width));
	});

	it('CascadeTree, radial', async () => {
		const svg = renderChart(CascadeTree, { nodes: fx.treeNodes, lang: 'en', width, label: 'Cascade' });
		expect(hasBadNumbers(svg)).toBe(false);
		expect(count(svg, /role="option"/g)).toBe(fx.treeNodes.length);
		// Edge kinds by dash pattern, not colour: reposts solid, the others dashed in their own way.
		expect(count(svg, /class="edge repost"(?! stroke-dasharray)/g)).toBeGreaterThanOrEqual(6);
		expect(svg).toMatch(/class="edge inferred" stroke-dasharray="5 4"/);
		expect(svg).toMatch(/class="edge reply" stroke-dasharray="1.5 2.5"/);
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('tree-radial', width));
	});

	it('CascadeTree, time on x, replayed to 15 minutes', async () => {
		const svg = renderChart(CascadeTree, {
			nodes: fx.treeNodes,
			mode: 'time',
			until: 900,
			lang: 'en',
			width,
			label: 'Cascade'
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(count(svg, /role="option"/g)).toBe(fx.treeNodes.filter((n) => n.t <= 900).length);
		expect(svg).toContain('>10 min<');
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('tree-time', width));
	});

	it('CascadeScatter', async () => {
		const svg = renderChart(CascadeScatter, {
			marks: fx.scatterMarks,
			medians: fx.scatterMedians,
			format: (v: number) => v.toFixed(1),
			yLabel: 'Structural virality',
			lang: 'en',
			width,
			label: 'Metric by size'
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(count(svg, /role="option"/g)).toBe(fx.scatterMarks.length);
		const medians = svg.slice(svg.indexOf('<g class="medians"'), svg.indexOf('</svg>'));
		expect(count(medians, /class="median claim"/g)).toBe(4);
		expect(count(medians, /class="median debunk"/g)).toBe(3);
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('scatter', width));
	});

	it('CorrectionGapChart', async () => {
		const svg = renderChart(CorrectionGapChart, {
			lags: fx.gapLags,
			reach: fx.gapReach,
			groupLabel: (g: string) => ({ all: 'All languages', en: 'English', ko: 'Korean' })[g] ?? g,
			zone: 'UTC',
			lang: 'en',
			width,
			label: 'Correction gap'
		});
		expect(hasBadNumbers(svg)).toBe(false);
		expect(count(svg, /role="option"/g)).toBe(fx.gapLags.length + fx.gapReach.length);
		expect(count(svg, /class="bar"/g)).toBeGreaterThanOrEqual(fx.gapReach.length);
		expect(svg).toContain('>14 h later<');
		await expect(chartSvg(svg)).toMatchFileSnapshot(snap('correction', width));
	});
});

describe('empty states say why', () => {
	it('ClaimDebunkChart with no posts in view', () => {
		const bins = fx.claimBins.map((b) => ({ ...b, claim: 0, debunk: 0, claimN: 0, debunkN: 0 }));
		const svg = renderChart(ClaimDebunkChart, {
			bins,
			format: String,
			zone: 'UTC',
			hourly: false,
			lang: 'en',
			label: 'x'
		});
		expect(svg).toContain('No data to show for this selection.');
		expect(hasBadNumbers(svg)).toBe(false);
	});
	it('CascadeScatter with no cascades', () => {
		const svg = renderChart(CascadeScatter, {
			marks: [],
			format: String,
			yLabel: 'y',
			lang: 'ko',
			label: 'x'
		});
		expect(svg).toContain('이 선택에 해당하는 데이터가 없습니다.');
		expect(hasBadNumbers(svg)).toBe(false);
	});

	it.each([
		[
			'CaptureCalendar',
			() => renderChart(CaptureCalendar, { captures: [], lang: 'en', label: 'x' }),
			'No captures to show.'
		],
		[
			'TrendingGrid',
			() => renderChart(TrendingGrid, { tiles: [], lang: 'en', label: 'x' }),
			'This capture holds no tiles.'
		],
		[
			'CascadeTree',
			() => renderChart(CascadeTree, { nodes: [], lang: 'ko', label: 'x' }),
			'보여 줄 확산 단위가 없습니다.'
		]
	])('%s', (_, draw, text) => {
		const html = draw();
		expect(html).toContain(text);
		expect(html).not.toContain('<svg viewBox');
	});
});

describe('DrillPanel', () => {
	it('links only http(s) and same-site URLs from the data', async () => {
		const { default: DrillPanel } = await import('$lib/story/DrillPanel.svelte');
		const rows = [
			{ id: 'a', url: 'https://example.org/post/1' },
			{ id: 'b', url: 'javascript:alert(1)' },
			{ id: 'c', url: '/cascades/?cascade=x' },
			{ id: 'd', url: '//evil.example/' }
		];
		const html = renderChart(DrillPanel, {
			heading: 'Rows',
			columns: [{ key: 'url', label: 'URL', href: (r: object) => (r as { url: string }).url }],
			rows,
			provenance: ['simulated'],
			lang: 'en',
			onclose: () => {}
		});
		expect(html).toContain('href="https://example.org/post/1"');
		expect(html).toContain('href="/cascades/?cascade=x"');
		expect(html).not.toContain('href="javascript:');
		expect(html).not.toContain('href="//evil');
		expect(html).toContain('data-provenance="simulated"');
	});
});
