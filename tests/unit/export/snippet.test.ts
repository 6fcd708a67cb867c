import { describe, expect, it } from 'vitest';
import {
	embedPath,
	embedUrl,
	iframeSnippet,
	scriptSnippet,
	viewParams
} from '../../../src/lib/embed/snippet';

const base = { origin: 'https://charts.example', slug: 'wave', lang: 'en' as const };

describe('embed URLs', () => {
	it.each([
		['wave', 'en', false, '/embed/wave/'],
		['wave', 'ko', false, '/embed/ko/wave/'],
		['wave', 'en', true, '/embed/wave/static/'],
		['timeline', 'ko', true, '/embed/ko/timeline/static/']
	] as const)('%s %s static=%s → %s', (slug, lang, isStatic, path) => {
		expect(embedPath(slug, lang, isStatic)).toBe(path);
	});

	it('carries the view state and the render flags, leaving defaults out', () => {
		expect(embedUrl({ ...base, view: { top: '50' }, dark: 'true', plain: true, transparent: true })).toBe(
			'https://charts.example/embed/wave/?top=50&dark=true&plain=true&transparent=true'
		);
		expect(embedUrl({ ...base, dark: 'auto' })).toBe('https://charts.example/embed/wave/');
	});
});

describe('embed code', () => {
	const s = { ...base, title: 'Protest "wave" <2022>', height: 600, view: { top: '20' } };

	it('is a lazy iframe with a title, a realistic height, a referrer policy and our marker', () => {
		expect(iframeSnippet(s)).toBe(
			'<iframe src="https://charts.example/embed/wave/?top=20" title="Protest &quot;wave&quot; &lt;2022&gt;" ' +
				'width="100%" height="600" style="width:100%;max-width:100%;border:0" loading="lazy" ' +
				'referrerpolicy="strict-origin-when-cross-origin" data-aiart-embed></iframe>'
		);
	});

	it('clamps the initial height like the loader does', () => {
		expect(iframeSnippet({ ...s, height: 99999 })).toContain('height="5000"');
		expect(iframeSnippet({ ...s, height: 1 })).toContain('height="100"');
	});

	it('the script variant adds the async host loader from the same origin', () => {
		expect(scriptSnippet(s)).toBe(
			`${iframeSnippet(s)}\n<script async src="https://charts.example/embed.js"></script>`
		);
	});
});

describe('view params that share a name with a render flag', () => {
	it('are written as v_<name> and read back under their own name', () => {
		const url = new URL(embedUrl({ ...base, slug: 'claims', view: { lang: 'ko', mode: 'share' } }));
		expect(url.search).toBe('?v_lang=ko&mode=share');
		expect(viewParams(url.searchParams).toString()).toBe('lang=ko&mode=share');
	});

	it('drop the render flags themselves', () => {
		expect(
			viewParams(new URLSearchParams('lang=ko&dark=true&plain=1&static=1&transparent=1&top=50')).toString()
		).toBe('top=50');
	});
});
