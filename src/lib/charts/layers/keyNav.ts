/**
 * Roving focus inside a chart: which mark a key moves to. Arrow keys step (up/down jump a row of `columns`
 * in grids), Home/End go to the ends, PageUp/PageDown jump `page` marks. Returns null for other keys so the
 * browser keeps them (Tab must still leave the chart).
 */
export function nextIndex(
	key: string,
	current: number,
	count: number,
	opts: { columns?: number; page?: number } = {}
): number | null {
	if (count <= 0) return null;
	const { columns = 0, page = 10 } = opts;
	const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
	if (current < 0 && ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'].includes(key))
		return 0;
	switch (key) {
		case 'ArrowRight':
			return clamp(current + 1);
		case 'ArrowLeft':
			return clamp(current - 1);
		case 'ArrowDown':
			return clamp(current + (columns || 1));
		case 'ArrowUp':
			return clamp(current - (columns || 1));
		case 'PageDown':
			return clamp(current + page);
		case 'PageUp':
			return clamp(current - page);
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}

/** True for the keys that choose the active mark (drill-down). */
export const isActivateKey = (key: string): boolean => key === 'Enter' || key === ' ';
