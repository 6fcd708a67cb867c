/** Simulator time is whole seconds since the Unix epoch, UTC throughout. */

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;

const ISO_SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses `YYYY-MM-DDTHH:MM:SSZ` strictly (UTC only, no fractions), or returns null. */
export function parseIsoSeconds(text: string): number | null {
	const m = ISO_SECONDS.exec(text);
	if (!m) return null;
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
	const seconds = ms / 1000;
	// Reject overflowing fields such as 2022-02-30, which Date.UTC would silently roll over.
	return formatIso(seconds) === text ? seconds : null;
}

/** `2022-12-14T03:15:00Z`. */
export function formatIso(seconds: number): string {
	return new Date(seconds * 1000).toISOString().slice(0, 19) + 'Z';
}

/** `20221214T031500Z`, for identifiers. */
export function compactIso(seconds: number): string {
	return formatIso(seconds).replaceAll('-', '').replaceAll(':', '');
}
