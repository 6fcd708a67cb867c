import type { Lang } from './lang';

/** Zones we show dates in. KST has no daylight saving, so a fixed offset is exact. */
export const ZONES = { UTC: 0, KST: 9 } as const;
export type Zone = keyof typeof ZONES;

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function parts(ms: number, zone: Zone) {
	const d = new Date(ms + ZONES[zone] * 3_600_000);
	return {
		y: d.getUTCFullYear(),
		m: d.getUTCMonth(),
		d: d.getUTCDate(),
		h: d.getUTCHours(),
		min: d.getUTCMinutes()
	};
}

/**
 * Formats an instant for readers, always naming the zone. Done by hand rather than with Intl because Node's
 * ICU data may lack Korean, and prerendered HTML must match what the browser renders after hydration.
 */
export function formatDate(ms: number, lang: Lang, zone: Zone = 'UTC', withTime = false): string {
	const p = parts(ms, zone);
	const time = withTime ? ` ${pad(p.h)}:${pad(p.min)} ${zone}` : '';
	return lang === 'ko' ? `${p.y}년 ${p.m + 1}월 ${p.d}일${time}` : `${MONTHS_EN[p.m]} ${p.d}, ${p.y}${time}`;
}

/** Short day label for axes: "Dec 14" / "12월 14일". */
export function formatDay(ms: number, lang: Lang, zone: Zone = 'UTC'): string {
	const p = parts(ms, zone);
	return lang === 'ko' ? `${p.m + 1}월 ${p.d}일` : `${MONTHS_EN[p.m]} ${p.d}`;
}

/** Day and time for axes that span hours: "Dec 14 03:00" / "12월 14일 03:00". */
export function formatDayTime(ms: number, lang: Lang, zone: Zone = 'UTC'): string {
	const p = parts(ms, zone);
	return `${formatDay(ms, lang, zone)} ${pad(p.h)}:${pad(p.min)}`;
}

/** A calendar date string (YYYY-MM-DD) shown without any zone shift. */
export function formatCalendarDate(iso: string, lang: Lang): string {
	const [y, m, d] = iso.split('-').map(Number);
	return lang === 'ko' ? `${y}년 ${m}월 ${d}일` : `${MONTHS_EN[m - 1]} ${d}, ${y}`;
}

/** Durations like "3 h 20 min" / "3시간 20분". */
export function formatMinutes(minutes: number, lang: Lang): string {
	const h = Math.floor(minutes / 60);
	const m = Math.round(minutes - h * 60);
	if (lang === 'ko') return h ? `${h}시간${m ? ` ${m}분` : ''}` : `${m}분`;
	return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`;
