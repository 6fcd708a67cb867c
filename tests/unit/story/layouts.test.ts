import { describe, expect, it } from 'vitest';
import { calendarGeometry, calendarLayoutFor, gaugePath } from '$lib/charts/CaptureCalendar/layout';
import { scatterLayoutFor, markArea } from '$lib/charts/CascadeScatter/layout';
import { timeTicks, treeHeight, treeLayoutFor, treePositions } from '$lib/charts/CascadeTree/layout';
import { claimLayoutFor } from '$lib/charts/ClaimDebunkChart/layout';
import { zoneDayTicks } from '$lib/charts/ClaimDebunkChart/scales';
import { gapLayoutFor, stackRows } from '$lib/charts/CorrectionGapChart/layout';
import { gridLayoutFor, tileBox } from '$lib/charts/TrendingGrid/layout';
import { waveLayoutFor } from '$lib/charts/WaveChart/layout';
import { annotationRows } from '$lib/charts/layers/annotationRows';
import { nextIndex } from '$lib/charts/layers/keyNav';
import { edgeAnchor, fitText, textWidth, wrapText } from '$lib/charts/layers/text';

describe('breakpoints as data: the widest layout that fits wins', () => {
	it.each([
		{ width: 320, wave: 0, claim: 0, calendar: 0, grid: 4, tree: 0, scatter: 0, gap: 0 },
		{ width: 479, wave: 0, claim: 0, calendar: 0, grid: 4, tree: 0, scatter: 0, gap: 0 },
		{ width: 480, wave: 480, claim: 480, calendar: 0, grid: 5, tree: 0, scatter: 480, gap: 0 },
		{ width: 640, wave: 480, claim: 480, calendar: 600, grid: 6, tree: 560, scatter: 480, gap: 560 },
		{ width: 960, wave: 800, claim: 800, calendar: 600, grid: 8, tree: 900, scatter: 800, gap: 900 },
		{ width: 1440, wave: 800, claim: 800, calendar: 1100, grid: 10, tree: 900, scatter: 800, gap: 900 }
	])('$width px', ({ width, wave, claim, calendar, grid, tree, scatter, gap }) => {
		expect(waveLayoutFor(width).minWidth).toBe(wave);
		expect(claimLayoutFor(width).minWidth).toBe(claim);
		expect(calendarLayoutFor(width).minWidth).toBe(calendar);
		expect(gridLayoutFor(width).columns).toBe(grid);
		expect(treeLayoutFor(width).minWidth).toBe(tree);
		expect(scatterLayoutFor(width).minWidth).toBe(scatter);
		expect(gapLayoutFor(width).minWidth).toBe(gap);
	});
	it('narrow layouts put labels where they fit and drop end labels', () => {
		expect(gapLayoutFor(320).labelAbove).toBe(true);
		expect(gapLayoutFor(640).labelAbove).toBe(false);
		expect(claimLayoutFor(320).endLabels).toBe(false);
		expect(claimLayoutFor(960).endLabels).toBe(true);
		expect(calendarLayoutFor(320).monthsPerRow).toBe(1);
		expect(calendarLayoutFor(960).monthsPerRow).toBe(2);
	});
});

describe('calendarGeometry', () => {
	const caps = [
		{ id: 'a', at: Date.UTC(2022, 11, 14, 1), share: 0.5, protest: 50, total: 100, provenance: 'simulated' },
		{ id: 'b', at: Date.UTC(2022, 11, 14, 9), share: 1, protest: 100, total: 100, provenance: 'simulated' },
		{ id: 'c', at: Date.UTC(2023, 0, 2, 0), share: 0, protest: 0, total: 100, provenance: 'simulated' }
	];
	const geo = calendarGeometry(caps, 320);
	it('has one block per month from the first capture to the last, weeks starting on Monday', () => {
		expect(geo.months.map((m) => `${m.year}-${m.month + 1}`)).toEqual(['2022-12', '2023-1']);
		// 1 Dec 2022 was a Thursday: the fourth column.
		const dec1 = geo.months[0].cells[0];
		expect(dec1.x).toBe(3 * dec1.w);
		// 2 Jan 2023 was a Monday: the first column.
		expect(geo.months[1].cells[1].x).toBe(geo.months[1].x);
	});
	it('puts each capture in its UTC day, in time order for the keyboard', () => {
		const dec14 = geo.months[0].cells[13];
		expect(dec14.date).toBe('2022-12-14');
		expect(dec14.captures.map((c) => [c.id, c.index])).toEqual([
			['a', 0],
			['b', 1]
		]);
		expect(dec14.captures[1].cx).toBeGreaterThan(dec14.captures[0].cx);
		expect(geo.months[1].cells[1].captures.map((c) => c.id)).toEqual(['c']);
	});
	it('stacks months on narrow screens and sets them side by side on wide ones', () => {
		expect(geo.months[1].y).toBeGreaterThan(geo.months[0].y);
		const wide = calendarGeometry(caps, 960);
		expect(wide.months[1].y).toBe(wide.months[0].y);
		expect(wide.months[1].x).toBeGreaterThan(0);
	});
	it('is empty without captures', () => {
		expect(calendarGeometry([], 640)).toMatchObject({ months: [], height: 0 });
	});
});

describe('gaugePath', () => {
	it.each([
		{ share: 0, want: '' },
		{ share: 0.5, want: 'M5,10A5,5 0 0 0 15,10Z' },
		{ share: 0.75, want: 'M5.67,7.5A5,5 0 1 0 14.33,7.5Z' }
	])('share $share', ({ share, want }) => expect(gaugePath(10, 10, 5, share)).toBe(want));
});

describe('tileBox', () => {
	it('lays tiles row by row at the layout’s column count', () => {
		const l = gridLayoutFor(320);
		const size = (320 - 3 * l.gap) / 4;
		expect(tileBox(0, 320, l)).toEqual({ x: 0, y: 0, size });
		expect(tileBox(5, 320, l)).toEqual({ x: size + l.gap, y: size + l.gap, size });
	});
});

describe('annotationRows', () => {
	it.each([
		{ name: 'far apart: one row', xs: [0, 40, 80], want: [0, 0, 0] },
		{ name: 'close: the next row', xs: [0, 10, 40], want: [0, 1, 0] },
		{ name: 'order of input is kept', xs: [40, 10, 0], want: [0, 1, 0] },
		{ name: 'beyond the last row: the least crowded one', xs: [0, 1, 2, 3], want: [0, 1, 2, 0] }
	])('$name', ({ xs, want }) => expect(annotationRows(xs, 18, 3)).toEqual(want));
});

describe('nextIndex (keyboard)', () => {
	it.each([
		{ key: 'ArrowRight', cur: -1, want: 0 },
		{ key: 'ArrowRight', cur: 3, want: 4 },
		{ key: 'ArrowRight', cur: 9, want: 9 },
		{ key: 'ArrowLeft', cur: 0, want: 0 },
		{ key: 'ArrowDown', cur: 1, want: 5, columns: 4 },
		{ key: 'ArrowUp', cur: 1, want: 0, columns: 4 },
		{ key: 'PageDown', cur: 2, want: 9 },
		{ key: 'Home', cur: 5, want: 0 },
		{ key: 'End', cur: 5, want: 9 },
		{ key: 'Tab', cur: 5, want: null },
		{ key: 'a', cur: 5, want: null }
	])('$key from $cur', ({ key, cur, want, columns }) =>
		expect(nextIndex(key, cur, 10, { columns, page: 10 })).toBe(want)
	);
	it('does nothing without marks', () => expect(nextIndex('ArrowRight', -1, 0)).toBeNull());
});

describe('edgeAnchor', () => {
	// "Feb 1" at 11 px is about 34 px wide.
	const w = textWidth('Feb 1', 11);
	it('centres a label that fits around its tick', () => {
		expect(edgeAnchor(200, 'Feb 1', 11, 0, 390)).toBe('middle');
	});
	it('ends a label at its tick near the right edge, so the SVG does not cut it', () => {
		expect(edgeAnchor(385, 'Feb 1', 11, 0, 390)).toBe('end');
		expect(edgeAnchor(390 - w / 2 + 1, 'Feb 1', 11, 0, 390)).toBe('end');
		expect(edgeAnchor(390 - w / 2 - 1, 'Feb 1', 11, 0, 390)).toBe('middle');
	});
	it('starts a label at its tick near the left edge', () => {
		expect(edgeAnchor(4, 'Feb 1', 11, 0, 390)).toBe('start');
	});
	it('measures Hangul as wide', () => {
		expect(textWidth('2월 1일', 10)).toBeGreaterThan(textWidth('Feb 1', 10));
	});
});

describe('fitText / wrapText', () => {
	it('cuts Latin text by width with an ellipsis', () => {
		expect(fitText('Sleeping Sentinel Prop Design', 50, 10)).toBe('Sleepin…');
		expect(fitText('Short', 100, 10)).toBe('Short');
	});
	it('counts Hangul as wide', () => {
		expect(fitText('아트스테이션 시위', 40, 10)).toBe('아트스…');
	});
	it('wraps into lines and cuts the last one', () => {
		expect(wrapText('Sleeping Sentinel Prop Design', 60, 10, 2)).toEqual(['Sleeping', 'Sentinel…']);
		expect(wrapText('No AI', 60, 10, 3)).toEqual(['No AI']);
	});
});

describe('tree layout', () => {
	// Root, two children, one grandchild (parents first).
	const nodes = [
		{ parent: -1, t: 0, depth: 0, edgeKind: null, stance: 'claim', label: 'r' },
		{ parent: 0, t: 60, depth: 1, edgeKind: 'repost', stance: 'claim', label: 'a' },
		{ parent: 0, t: 600, depth: 1, edgeKind: 'reply', stance: 'debunk', label: 'b' },
		{ parent: 1, t: 7200, depth: 2, edgeKind: 'quote', stance: 'claim', label: 'c' }
	];
	it('radial: the root sits in the middle and deeper posts sit farther out', () => {
		const h = treeHeight('radial', 640, nodes.length);
		const { x, y } = treePositions(nodes, 'radial', 640, h);
		expect([x[0], y[0]]).toEqual([320, h / 2]);
		const r = (i: number) => Math.hypot(x[i] - x[0], y[i] - y[0]);
		expect(r(1)).toBeCloseTo(r(2), 5);
		expect(r(3)).toBeGreaterThan(r(1));
	});
	it('time: later posts sit farther right', () => {
		const { x } = treePositions(nodes, 'time', 640, treeHeight('time', 640, nodes.length));
		expect(x[0]).toBeLessThan(x[1]);
		expect(x[1]).toBeLessThan(x[2]);
		expect(x[2]).toBeLessThan(x[3]);
	});
	it('time ticks stay within the cascade and are thinned', () => {
		expect(timeTicks(7200, 10)).toEqual([0, 60, 600, 3600]);
		expect(timeTicks(14 * 86_400, 3)).toEqual([0, 3600, 86_400 * 3, 86_400 * 14]);
	});
	it('height is capped for both layouts', () => {
		expect(treeHeight('radial', 1400, 10)).toBe(640);
		expect(treeHeight('time', 320, 10_000)).toBe(520);
	});
});

describe('other helpers', () => {
	it('zoneDayTicks: KST midnights are 15:00 UTC', () => {
		const ticks = zoneDayTicks(Date.UTC(2022, 11, 14), Date.UTC(2022, 11, 16), 'KST', 10);
		expect(ticks).toEqual([Date.UTC(2022, 11, 14, 15), Date.UTC(2022, 11, 15, 15)]);
	});
	it('stackRows adds a heading per group and a gap between groups', () => {
		const s = stackRows([{ group: 'a' }, { group: 'a' }, { group: 'b' }], 0, 20, 10);
		expect(s.heads).toEqual([
			{ group: 'a', y: 12 },
			{ group: 'b', y: 80 }
		]);
		expect(s.rows.map((r) => r.y)).toEqual([28, 48, 96]);
		expect(s.bottom).toBe(106);
	});
	it('markArea grows with the square root of the count, capped', () => {
		expect(markArea(30, 1)).toBe(30);
		expect(markArea(30, 4)).toBe(60);
		expect(markArea(30, 10_000)).toBe(360);
	});
});
