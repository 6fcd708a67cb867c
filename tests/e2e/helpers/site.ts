/**
 * The built site's pages, read from build/ (so a new route is covered by every gate the moment it is built):
 * every prerendered `index.html` as its URL path, with its language and whether it is an embed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export const BUILD_DIR = 'build';

export interface SitePage {
	/** URL path with the trailing slash, e.g. /ko/wave/ or /embed/ko/wave/static/. */
	path: string;
	lang: 'en' | 'ko';
	embed: boolean;
	/** An embed's no-JavaScript variant (…/static/). */
	staticEmbed: boolean;
	/** Our own tooling (the embed preview under /dev/), not a reader's page. */
	dev: boolean;
}

export const isEmbedPath = (path: string): boolean => /^\/(ko\/)?embed\//.test(path);
export const isKoreanPath = (path: string): boolean => /^\/(ko|embed\/ko|ko\/embed)\//.test(path);

/** Every prerendered page of build/, sorted by path. Throws when the site has not been built. */
export function sitePages(dir = BUILD_DIR): SitePage[] {
	if (!existsSync(join(dir, 'index.html')))
		throw new Error(`${dir}/index.html is missing: run \`npm run build\`.`);
	const pages: SitePage[] = [];
	for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		const rel = entry.split(sep).join('/');
		if (!rel.endsWith('index.html') || rel.startsWith('_app/') || rel.startsWith('data/agg')) continue;
		if (rel !== 'index.html' && !rel.endsWith('/index.html')) continue;
		const path = '/' + rel.slice(0, -'index.html'.length);
		pages.push({
			path,
			lang: isKoreanPath(path) ? 'ko' : 'en',
			embed: isEmbedPath(path),
			staticEmbed: isEmbedPath(path) && path.endsWith('/static/'),
			dev: path.startsWith('/dev/')
		});
	}
	return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * One or two pages per family of generated pages (e.g. one page per trending capture): those beyond the
 * first and last of a parent with more than `max` child pages are left out, to keep the suites fast.
 * Embeds are never thinned: every embed is checked.
 */
export function representativePages(pages: SitePage[] = sitePages(), max = 12): SitePage[] {
	const byParent = new Map<string, SitePage[]>();
	for (const p of pages) {
		const parent = p.path.replace(/[^/]+\/$/, '');
		byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
	}
	const keep = new Set<string>();
	for (const group of byParent.values()) {
		const thin = group.length > max && !group.some((p) => p.embed);
		for (const [i, p] of group.entries()) if (!thin || i === 0 || i === group.length - 1) keep.add(p.path);
	}
	return pages.filter((p) => keep.has(p.path));
}

/** The story pages (English paths) and the charts each one shows, by data-chart name. */
export const STORY_CHARTS: Record<string, string[]> = {
	'/': ['wave', 'home-claims', 'home-correction'],
	'/wave/': ['wave'],
	'/trending/': ['calendar', 'grid'],
	'/misinformation/': ['claims', 'correction'],
	'/cascades/': ['cascade', 'metrics'],
	'/about/': []
};

/** The built HTML of a page. */
export const pageHtml = (path: string, dir = BUILD_DIR): string =>
	readFileSync(join(dir, path, 'index.html'), 'utf8');

/** The same path in the other language (English ↔ Korean), for pairing pages. */
export function otherLanguagePath(path: string): string {
	if (path.startsWith('/embed/ko/')) return path.replace('/embed/ko/', '/embed/');
	if (path.startsWith('/embed/')) return path.replace('/embed/', '/embed/ko/');
	if (path.startsWith('/ko/')) return path.slice(3);
	return '/ko' + path;
}
