/**
 * Cuts text to roughly fit `width` px at `fontSize`, adding an ellipsis. SVG text cannot be measured on the
 * server, so this estimates: Latin glyphs ≈ 0.56 em, Hangul and other wide glyphs ≈ 1 em.
 */
export function fitText(text: string, width: number, fontSize: number): string {
	const budget = width / fontSize;
	const em = (ch: string) => (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.56);
	const chars = [...text];
	if (chars.reduce((s, ch) => s + em(ch), 0) <= budget) return text;
	// Cut so that the text and the ellipsis (≈ 0.6 em) fit together.
	let used = 0.6;
	let out = '';
	for (const ch of chars) {
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
