/** Whole numbers with thousands separators, the same on server and client (no Intl: see formatDate.ts). */
export const formatCount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A share as a percentage with one decimal below 10 % ("3.5%"), whole percent above. */
export const formatShare = (v: number): string => {
	const p = v * 100;
	if (p === 0) return '0%';
	return `${p < 10 ? p.toFixed(1).replace(/\.0$/, '') : Math.round(p)}%`;
};

/** A duration for readers: "34 s", "45 min", "3 h 20 min", "4 d 19 h" ("45분", "3시간 20분", "4일 19시간"). */
export function formatDuration(minutes: number, lang: 'en' | 'ko'): string {
	const ko = lang === 'ko';
	if (Math.abs(minutes) < 1) {
		const sec = Math.round(Math.abs(minutes) * 60);
		return ko ? `${sec}초` : `${sec} s`;
	}
	const m = Math.round(Math.abs(minutes));
	if (m < 60) return ko ? `${m}분` : `${m} min`;
	if (m < 48 * 60) {
		const h = Math.floor(m / 60);
		const r = m % 60;
		return ko ? `${h}시간${r ? ` ${r}분` : ''}` : `${h} h${r ? ` ${r} min` : ''}`;
	}
	const d = Math.floor(m / 1440);
	const h = Math.round((m - d * 1440) / 60);
	return ko ? `${d}일${h ? ` ${h}시간` : ''}` : `${d} d${h ? ` ${h} h` : ''}`;
}
