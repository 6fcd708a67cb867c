import type { CalendarCapture } from './types';

/** Breakpoints as data. */
export interface CalendarLayout {
	minWidth: number;
	monthsPerRow: number;
	/** Dot radius and the gap between dots, px. */
	dotRadius: number;
	dotGap: number;
	monthGap: number;
	/** Height of a month title and of the weekday header. */
	titleHeight: number;
	headerHeight: number;
	dayNumberHeight: number;
}

export const CALENDAR_LAYOUTS: readonly CalendarLayout[] = [
	{
		minWidth: 0,
		monthsPerRow: 1,
		dotRadius: 4.5,
		dotGap: 3,
		monthGap: 18,
		titleHeight: 22,
		headerHeight: 16,
		dayNumberHeight: 13
	},
	{
		minWidth: 600,
		monthsPerRow: 2,
		dotRadius: 4.5,
		dotGap: 3,
		monthGap: 24,
		titleHeight: 24,
		headerHeight: 16,
		dayNumberHeight: 13
	},
	{
		minWidth: 1100,
		monthsPerRow: 3,
		dotRadius: 5,
		dotGap: 3,
		monthGap: 28,
		titleHeight: 24,
		headerHeight: 16,
		dayNumberHeight: 13
	}
];

export const calendarLayoutFor = (width: number): CalendarLayout =>
	CALENDAR_LAYOUTS.findLast((l) => width >= l.minWidth) ?? CALENDAR_LAYOUTS[0];

export interface PlacedCapture extends CalendarCapture {
	/** Index in time order (the keyboard order). */
	index: number;
	cx: number;
	cy: number;
}

export interface DayCell {
	/** YYYY-MM-DD (UTC). */
	date: string;
	day: number;
	x: number;
	y: number;
	w: number;
	h: number;
	captures: PlacedCapture[];
}

export interface MonthBlock {
	year: number;
	/** 0-based. */
	month: number;
	x: number;
	y: number;
	w: number;
	cells: DayCell[];
	/** Weekday header x positions (Monday first). */
	weekdayX: number[];
}

const DAY = 86_400_000;

/**
 * Places captures on a Wayback-style calendar: one block per UTC month from the first capture to the last,
 * weeks starting on Monday, each capture a dot in its day's cell (wrapping into rows when a day has many).
 */
export function calendarGeometry(captures: readonly CalendarCapture[], width: number) {
	const l = calendarLayoutFor(width);
	if (!captures.length) return { layout: l, months: [] as MonthBlock[], height: 0 };
	const sorted = [...captures].sort((a, b) => a.at - b.at);
	const first = new Date(sorted[0].at);
	const last = new Date(sorted[sorted.length - 1].at);
	const monthsList: { year: number; month: number }[] = [];
	for (
		let y = first.getUTCFullYear(), mo = first.getUTCMonth();
		y < last.getUTCFullYear() || (y === last.getUTCFullYear() && mo <= last.getUTCMonth());
		mo === 11 ? ((y += 1), (mo = 0)) : (mo += 1)
	)
		monthsList.push({ year: y, month: mo });

	const perRow = Math.min(l.monthsPerRow, monthsList.length);
	const blockW = Math.floor((width - (perRow - 1) * l.monthGap) / perRow);
	const cellW = Math.floor(blockW / 7);
	const pitch = l.dotRadius * 2 + l.dotGap;
	const perLine = Math.max(1, Math.floor((cellW - l.dotGap) / pitch));

	const byDay = new Map<string, PlacedCapture[]>();
	sorted.forEach((c, index) => {
		const date = new Date(c.at).toISOString().slice(0, 10);
		const list = byDay.get(date) ?? [];
		list.push({ ...c, index, cx: 0, cy: 0 });
		byDay.set(date, list);
	});
	const maxPerDay = Math.max(...[...byDay.values()].map((v) => v.length));
	const cellH = l.dayNumberHeight + Math.ceil(maxPerDay / perLine) * pitch + l.dotGap;

	const months: MonthBlock[] = [];
	let rowY = 0;
	for (let i = 0; i < monthsList.length; i += perRow) {
		let rowH = 0;
		monthsList.slice(i, i + perRow).forEach(({ year, month }, k) => {
			const x = k * (blockW + l.monthGap);
			const start = Date.UTC(year, month, 1);
			const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
			const lead = (new Date(start).getUTCDay() + 6) % 7; // Monday = 0
			const cells: DayCell[] = [];
			for (let d = 1; d <= days; d++) {
				const slot = lead + d - 1;
				const cx = x + (slot % 7) * cellW;
				const cy = rowY + l.titleHeight + l.headerHeight + Math.floor(slot / 7) * cellH;
				const date = new Date(start + (d - 1) * DAY).toISOString().slice(0, 10);
				const caps = (byDay.get(date) ?? []).map((c, j) => ({
					...c,
					cx: cx + l.dotGap + l.dotRadius + (j % perLine) * pitch,
					cy: cy + l.dayNumberHeight + l.dotRadius + Math.floor(j / perLine) * pitch
				}));
				cells.push({ date, day: d, x: cx, y: cy, w: cellW, h: cellH, captures: caps });
			}
			const weeks = Math.ceil((lead + days) / 7);
			rowH = Math.max(rowH, l.titleHeight + l.headerHeight + weeks * cellH);
			months.push({
				year,
				month,
				x,
				y: rowY,
				w: blockW,
				cells,
				weekdayX: Array.from({ length: 7 }, (_, j) => x + j * cellW + cellW / 2)
			});
		});
		rowY += rowH + l.monthGap;
	}
	return { layout: l, months, height: rowY - l.monthGap };
}

/**
 * The filled part of a dot whose fill level (from the bottom) is `share` of its height: a circular segment,
 * so the share reads without colour. Empty for 0; the caller draws a full circle for 1.
 */
export function gaugePath(cx: number, cy: number, r: number, share: number): string {
	if (share <= 0) return '';
	const s = Math.min(1, share);
	const level = cy + r - 2 * r * s;
	const dy = level - cy;
	const dx = Math.sqrt(Math.max(0, r * r - dy * dy));
	const f = (v: number) => Math.round(v * 100) / 100;
	return `M${f(cx - dx)},${f(level)}A${r},${r} 0 ${s > 0.5 ? 1 : 0} 0 ${f(cx + dx)},${f(level)}Z`;
}
