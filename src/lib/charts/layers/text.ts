/** A glyph's estimated advance in em: Latin ≈ 0.56, Hangul and other wide glyphs ≈ 1. */
const em = (ch: string) => (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.56);

/** The estimated width of `text` in px at `fontSize` (the estimate `fitText` cuts by). */
export function textWidth(text: string, fontSize: number): number {
	return [...text].reduce((s, ch) => s + em(ch), 0) * fontSize;
}

/**
 * How to anchor a label centred on `x` so it stays inside [lo, hi]: a tick label at an axis end would be cut
 * by the SVG's edge, so it is drawn from (or up to) its tick instead.
 */
export function edgeAnchor(
	x: number,
	label: string,
	fontSize: number,
	lo: number,
	hi: number
): 'start' | 'middle' | 'end' {
	const half = textWidth(label, fontSize) / 2;
	if (x + half > hi) return 'end';
	if (x - half < lo) return 'start';
	return 'middle';
}

/**
 * Cuts text to roughly fit `width` px at `fontSize`, adding an ellipsis. SVG text cannot be measured on the
 * server, so this estimates: Latin glyphs ≈ 0.56 em, Hangul and other wide glyphs ≈ 1 em.
 */
export function fitText(text: string, width: number, fontSize: number): string {
	const budget = width / fontSize;
	if (textWidth(text, 1) <= budget) return text;
	// Cut so that the text and the ellipsis (≈ 0.6 em) fit together.
	let used = 0.6;
	let out = '';
	for (const ch of text) {
		if (used + em(ch) > budget) break;
		used += em(ch);
		out += ch;
	}
	return out.trimEnd() + '…';
}

/** Splits text into at most `lines` lines that fit `width`, the last one cut with an ellipsis. */
export function wrapText(text: string, width: number, fontSize: number, lines: number): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const out: string[] = [];
	let cur = '';
	const fits = (s: string) => fitText(s, width, fontSize) === s;
	for (let i = 0; i < words.length; i++) {
		const next = cur ? `${cur} ${words[i]}` : words[i];
		if (fits(next)) {
			cur = next;
			continue;
		}
		if (out.length === lines - 1) {
			out.push(fitText(`${next} ${words.slice(i + 1).join(' ')}`.trim(), width, fontSize));
			return out;
		}
		if (cur) out.push(cur);
		cur = fits(words[i]) ? words[i] : fitText(words[i], width, fontSize);
	}
	if (cur) out.push(cur);
	return out.slice(0, lines);
}
