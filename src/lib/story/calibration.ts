import type { Lang } from '$lib/i18n/lang';
import { reflectsKo } from './calibration-ko';

/** One calibrated simulator parameter: where it sits in the config, its value, and what it reflects. */
export interface CalibrationParam {
	path: string;
	value: string;
	reflects: string;
	/** True when no source gives the number: the reflects text starts with "GAP". */
	gap: boolean;
}

const isParam = (v: unknown): v is { value: unknown; reflects: string } =>
	typeof v === 'object' &&
	v !== null &&
	'value' in v &&
	typeof (v as { reflects?: unknown }).reflects === 'string';

/** Short text for a parameter value: scalars as they are, curves and objects summarised. */
export function shortValue(v: unknown, max = 80): string {
	let s: string;
	if (Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2))
		s = `curve, ${v.length} points (${(v as unknown[][]).map((p) => p[1]).join(' → ')})`;
	else s = typeof v === 'string' ? v : JSON.stringify(v);
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Every `{ value, reflects }` leaf of the simulator's calibration (the manifest's source.generator.config), in
 * document order. Stream entries are named by their id.
 */
export function calibrationParams(config: unknown): CalibrationParam[] {
	const out: CalibrationParam[] = [];
	const walk = (node: unknown, path: string) => {
		if (isParam(node)) {
			out.push({
				path,
				value: shortValue(node.value),
				reflects: node.reflects,
				gap: /^GAP/.test(node.reflects)
			});
			return;
		}
		if (Array.isArray(node)) {
			node.forEach((item, i) => {
				const id =
					typeof item === 'object' && item && 'id' in item ? String((item as { id: unknown }).id) : String(i);
				walk(item, `${path}[${id}]`);
			});
			return;
		}
		if (typeof node === 'object' && node !== null)
			for (const [k, v] of Object.entries(node)) if (k !== 'id') walk(v, path ? `${path}.${k}` : k);
	};
	walk(config, '');
	return out;
}

/** A parameter's note as shown to a reader, and the language it is actually written in. */
export interface CalibrationNote {
	text: string;
	/** 'en' when the English note stands in for a missing translation: the page marks the cell `lang="en"`. */
	lang: Lang;
}

/**
 * The note of `param` in `lang`. Korean comes from calibration-ko.ts, by path; a path it does not know (a reader's
 * own config, or a parameter added since) keeps its English note, flagged as English, rather than showing nothing.
 */
export function reflectsIn(lang: Lang, param: Pick<CalibrationParam, 'path' | 'reflects'>): CalibrationNote {
	// hasOwn: a config path such as "constructor" must not find Object.prototype's members.
	if (lang === 'ko' && Object.hasOwn(reflectsKo, param.path)) return { text: reflectsKo[param.path], lang };
	return { text: param.reflects, lang: 'en' };
}
