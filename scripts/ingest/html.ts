// Named entities seen in Mastodon and common web HTML; numeric ones (&#39; &#x1F600;) are decoded in general.
const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	shy: '\u00ad',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	laquo: '«',
	raquo: '»',
	middot: '·',
	bull: '•',
	copy: '©',
	reg: '®',
	trade: '™',
	deg: '°',
	times: '×',
	divide: '÷',
	euro: '€',
	pound: '£',
	yen: '¥',
	cent: '¢',
	sect: '§',
	para: '¶',
	zwj: '\u200d',
	zwnj: '\u200c'
};

/** Decodes `&name;`, `&#123;` and `&#x1F600;`; unknown names stay as written, invalid code points become U+FFFD. */
export function decodeEntities(s: string): string {
	if (!s.includes('&')) return s;
	return s.replace(
		/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
		(whole, body: string) => {
			if (body[0] === '#') {
				const cp =
					body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
				if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
				return String.fromCodePoint(cp);
			}
			return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
		}
	);
}

// A tag, with quoted attribute values that may contain `>`.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const DROP_BLOCK = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * Plain text of a post's HTML (Mastodon `content`): `<br>` becomes a newline, paragraphs are separated by a
 * blank line, other tags are removed (their text kept, so Mastodon's hidden URL parts stay), entities are
 * decoded after the tags are gone (so `&lt;b&gt;` stays literal text), and runs of spaces fold to one.
 */
export function htmlToText(html: string): string {
	if (!html) return '';
	const s = html
		.replace(COMMENT, '')
		.replace(DROP_BLOCK, '')
		// Source line breaks are only whitespace in HTML.
		.replace(/[\r\n\t]+/g, ' ')
		.replace(TAG, (_tag, name: string) => {
			const n = name.toLowerCase();
			if (n === 'br') return '\n';
			if (n === 'p' || n === 'div' || n === 'blockquote' || n === 'li' || /^h[1-6]$/.test(n)) return '\n\n';
			return '';
		});
	return decodeEntities(s)
		.split('\n')
		.map((line) => line.replace(/[ \u00a0]{2,}/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
