/**
 * PNG and SVG of a chart that stand alone: title, subtitle, provenance, source, credit and dataset version
 * are drawn into the image, and every element carries its computed style inline (no stylesheet, no CSS
 * variables), in the light or dark palette whatever the page shows. PNG goes through a canvas at 1× or 2×
 * and also carries the same text as PNG metadata.
 */
import { addPngText } from './pngText';
import { paletteStyle, PALETTES, type ThemeName } from './palette';

export interface ImageMeta {
	title: string;
	subtitle?: string;
	/** Provenance badges as shown on the page, e.g. ["⚠ Simulated data"]. */
	badges: readonly string[];
	/** One sentence that explains the badges (drawn in the footer), e.g. what "simulated" means. */
	provenanceNote?: string;
	/** "Source: …" line. */
	source: string;
	/** "Chart: AI Art Discourse Explorer" line. */
	credit: string;
	/** "Dataset version …" line. */
	version: string;
	url?: string;
	simulated: boolean;
}

export interface ChartImage {
	markup: string;
	width: number;
	height: number;
	theme: ThemeName;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied inline; `inherit` ones are skipped when equal to the parent's value. */
const PROPS: { name: string; inherit: boolean; initial?: string }[] = [
	{ name: 'fill', inherit: true },
	{ name: 'fill-opacity', inherit: true },
	{ name: 'stroke', inherit: true },
	{ name: 'stroke-width', inherit: true },
	{ name: 'stroke-opacity', inherit: true },
	{ name: 'stroke-dasharray', inherit: true },
	{ name: 'stroke-linecap', inherit: true },
	{ name: 'stroke-linejoin', inherit: true },
	{ name: 'paint-order', inherit: true },
	{ name: 'font-family', inherit: true },
	{ name: 'font-size', inherit: true },
	{ name: 'font-weight', inherit: true },
	{ name: 'font-style', inherit: true },
	{ name: 'text-anchor', inherit: true },
	{ name: 'letter-spacing', inherit: true },
	{ name: 'visibility', inherit: true },
	{ name: 'dominant-baseline', inherit: false, initial: 'auto' },
	{ name: 'opacity', inherit: false, initial: '1' },
	{ name: 'display', inherit: false, initial: 'inline' }
];

/** Attributes that only matter for the live page (focus, ARIA state, Svelte classes). */
const DROP_ATTRS = ['class', 'tabindex', 'aria-activedescendant', 'aria-selected', 'data-index', 'style'];

function inlineStyles(root: Element): void {
	const walk = (el: Element, parent: CSSStyleDeclaration | null) => {
		const cs = getComputedStyle(el);
		const decl: string[] = [];
		for (const p of PROPS) {
			const v = cs.getPropertyValue(p.name).trim();
			if (!v) continue;
			if (p.inherit && parent && parent.getPropertyValue(p.name).trim() === v) continue;
			if (!p.inherit && v === p.initial) continue;
			decl.push(`${p.name}:${v}`);
		}
		for (const child of el.children) walk(child, cs);
		for (const a of DROP_ATTRS) el.removeAttribute(a);
		if (decl.length) el.setAttribute('style', decl.join(';'));
	};
	walk(root, null);
}

/** Width of text in a font, via a canvas (falls back to an estimate where canvas text is unavailable). */
function measurer(fontFamily: string) {
	const ctx = document.createElement('canvas').getContext('2d');
	return (text: string, size: number, weight = 400): number => {
		if (!ctx) return text.length * size * 0.55;
		ctx.font = `${weight} ${size}px ${fontFamily}`;
		return ctx.measureText(text).width;
	};
}

/** Greedy word wrap; CJK text without spaces is broken by character. */
function wrap(text: string, maxWidth: number, width: (s: string) => number): string[] {
	const tokens =
		text.match(
			/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]|[^\s\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]+|\s+/g
		) ?? [];
	const lines: string[] = [];
	let line = '';
	for (const tok of tokens) {
		const next = line + tok;
		if (line.trim() && width(next.trimEnd()) > maxWidth) {
			lines.push(line.trimEnd());
			line = /^\s+$/.test(tok) ? '' : tok;
		} else line = next;
	}
	if (line.trim()) lines.push(line.trimEnd());
	return lines.length ? lines : [''];
}

/**
 * Builds the standalone SVG for `svg` (the live chart) in `theme`. The chart is cloned into an off-screen
 * container that sets the theme's palette variables, so the page's own stylesheet resolves every colour for
 * that theme; the resolved values are then written inline.
 */
export function chartImage(svg: SVGSVGElement, meta: ImageMeta, theme: ThemeName): ChartImage {
	const pal = PALETTES[theme];
	const vb = svg.viewBox?.baseVal;
	const cw = Math.round(vb && vb.width ? vb.width : svg.getBoundingClientRect().width || 720);
	const ch = Math.round(vb && vb.height ? vb.height : svg.getBoundingClientRect().height || 400);

	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.setAttribute(
		'style',
		`${paletteStyle(theme)};position:fixed;left:-100000px;top:0;width:${cw}px;pointer-events:none;color:${pal['--fg']};font-family:${getComputedStyle(document.documentElement).fontFamily}`
	);
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('width', String(cw));
	clone.setAttribute('height', String(ch));
	clone.removeAttribute('style');
	host.append(clone);
	document.body.append(host);
	let fontFamily = 'sans-serif';
	try {
		fontFamily = getComputedStyle(host).fontFamily || fontFamily;
		inlineStyles(clone);
	} finally {
		host.remove();
	}

	const measure = measurer(fontFamily);
	const pad = 16;
	const width = Math.max(cw + pad * 2, 320);
	const inner = width - pad * 2;
	const out = document.createElementNS(SVG_NS, 'svg');
	out.setAttribute('xmlns', SVG_NS);
	out.setAttribute('width', String(width));
	out.setAttribute('viewBox', `0 0 ${width} 0`);
	out.setAttribute('font-family', fontFamily);
	out.setAttribute('role', 'img');
	const titleEl = document.createElementNS(SVG_NS, 'title');
	titleEl.textContent = meta.title;
	out.append(titleEl);
	const desc = document.createElementNS(SVG_NS, 'desc');
	desc.textContent = [
		meta.subtitle,
		meta.badges.join(', '),
		meta.provenanceNote,
		meta.source,
		meta.credit,
		meta.version
	]
		.filter(Boolean)
		.join('. ');
	out.append(desc);
	const bg = document.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', pal['--bg']);
	out.append(bg);

	let y = pad;
	const text = (s: string, size: number, fill: string, weight = 400, cls = '') => {
		for (const line of wrap(s, inner, (t) => measure(t, size, weight))) {
			y += size * 1.3;
			const el = document.createElementNS(SVG_NS, 'text');
			el.setAttribute('x', String(pad));
			el.setAttribute('y', String(Math.round(y - size * 0.3)));
			el.setAttribute('font-size', String(size));
			el.setAttribute('font-weight', String(weight));
			el.setAttribute('fill', fill);
			if (cls) el.setAttribute('data-part', cls);
			el.textContent = line;
			out.append(el);
		}
	};
	text(meta.title, 20, pal['--fg'], 600, 'title');
	if (meta.subtitle) text(meta.subtitle, 14, pal['--muted'], 400, 'subtitle');
	if (meta.badges.length) {
		y += 6;
		text(
			meta.badges.join('  ·  '),
			13,
			meta.simulated ? pal['--c-simulated'] : pal['--muted'],
			700,
			'provenance'
		);
	}
	y += 8;
	clone.setAttribute('x', String(pad));
	clone.setAttribute('y', String(Math.round(y)));
	clone.setAttribute('overflow', 'visible');
	out.append(clone);
	y += ch + 8;
	text(meta.source, 12, pal['--muted'], 400, 'source');
	text(`${meta.credit} · ${meta.version}`, 12, pal['--muted'], 400, 'credit');
	if (meta.provenanceNote)
		text(
			meta.provenanceNote,
			12,
			meta.simulated ? pal['--c-simulated'] : pal['--muted'],
			600,
			'provenance-note'
		);
	if (meta.url) text(meta.url, 12, pal['--muted'], 400, 'url');
	const height = Math.ceil(y + pad);
	out.setAttribute('height', String(height));
	out.setAttribute('viewBox', `0 0 ${width} ${height}`);

	const markup = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
	return { markup, width, height, theme };
}

/** Rasterizes a standalone SVG at `scale` and adds text metadata. A data: URL (not blob:) keeps CSP img-src simple. */
export async function chartPng(image: ChartImage, scale: number, meta: ImageMeta): Promise<Uint8Array> {
	const img = new Image();
	img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(image.markup);
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(image.width * scale);
	canvas.height = Math.round(image.height * scale);
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('Canvas 2D is not available');
	ctx.fillStyle = PALETTES[image.theme]['--bg'];
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('PNG encoding failed');
	const png = new Uint8Array(await blob.arrayBuffer());
	return addPngText(png, {
		Title: meta.title,
		Description: [meta.subtitle, meta.badges.join(', '), meta.provenanceNote].filter(Boolean).join('. '),
		Source: meta.source,
		Author: meta.credit,
		Comment: meta.version + (meta.url ? ` · ${meta.url}` : ''),
		Software: 'AI Art Discourse Explorer'
	});
}
