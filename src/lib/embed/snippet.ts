/**
 * Embed URLs and the copyable embed code. Flags follow Datawrapper's render flags: `dark` (true/false/auto),
 * `plain` (chart only), `static` (prerendered SVG, no scripts), `transparent`; the language is part of the
 * path (/embed/ko/<chart>/) so a Korean embed also works with JavaScript off.
 */
import type { Lang } from '$lib/i18n';

export type DarkFlag = 'auto' | 'true' | 'false';

export interface EmbedOptions {
	/** Origin the site is served from, e.g. https://example.org (no trailing slash). */
	origin: string;
	slug: string;
	lang: Lang;
	/** Chart view state (e.g. { top: '50' }). */
	view?: Readonly<Record<string, string>>;
	dark?: DarkFlag;
	plain?: boolean;
	static?: boolean;
	transparent?: boolean;
}

/** Marks our iframes, so the host loader (static/embed.js) only ever resizes these. */
export const EMBED_ATTR = 'data-aiart-embed';
/** `type` of the child's height message; the loader ignores anything else. */
export const HEIGHT_MESSAGE = 'aiart-embed:height';
export const MIN_HEIGHT = 100;
export const MAX_HEIGHT = 5000;

/** Query names the embed itself reads (render flags); a chart's own view param with one of these names is
 * written as `v_<name>` (e.g. the claims chart's post-language filter `lang` → `v_lang`). */
export const FLAG_NAMES = ['lang', 'dark', 'plain', 'static', 'transparent'] as const;
const VIEW_PREFIX = 'v_';

/** View state → embed query names. */
export const viewParamName = (name: string): string =>
	(FLAG_NAMES as readonly string[]).includes(name) ? VIEW_PREFIX + name : name;

/** An embed URL's query → the chart's view params (flags dropped, `v_lang` back to `lang`). */
export function viewParams(search: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams();
	for (const [k, v] of search) {
		if ((FLAG_NAMES as readonly string[]).includes(k)) continue;
		out.set(
			k.startsWith(VIEW_PREFIX) && (FLAG_NAMES as readonly string[]).includes(k.slice(2)) ? k.slice(2) : k,
			v
		);
	}
	return out;
}

export const embedPath = (slug: string, lang: Lang, isStatic = false): string =>
	`/embed/${lang === 'ko' ? 'ko/' : ''}${encodeURIComponent(slug)}/${isStatic ? 'static/' : ''}`;

export function embedUrl(o: EmbedOptions): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(o.view ?? {})) q.set(viewParamName(k), v);
	if (o.dark && o.dark !== 'auto') q.set('dark', o.dark);
	if (o.plain) q.set('plain', 'true');
	if (o.transparent) q.set('transparent', 'true');
	const qs = q.toString();
	return `${o.origin}${embedPath(o.slug, o.lang, o.static)}${qs ? `?${qs}` : ''}`;
}

const attr = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SnippetInput extends EmbedOptions {
	title: string;
	/** Initial height in px, close to the final one so the host page barely shifts when the loader resizes. */
	height: number;
}

/** Plain iframe: works anywhere, fixed initial height. */
export function iframeSnippet(s: SnippetInput): string {
	const h = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, s.height)));
	return (
		`<iframe src="${attr(embedUrl(s))}" title="${attr(s.title)}" width="100%" height="${h}" ` +
		`style="width:100%;max-width:100%;border:0" loading="lazy" ` +
		`referrerpolicy="strict-origin-when-cross-origin" ${EMBED_ATTR}></iframe>`
	);
}

/** Iframe plus the host loader, which keeps the iframe as tall as its content. */
export function scriptSnippet(s: SnippetInput): string {
	return `${iframeSnippet(s)}\n<script async src="${attr(s.origin)}/embed.js"></script>`;
}
