// The chart registry: every story figure is registered, each entry loads and renders its figure inside a
// ChartFrame whose id is the slug (embeds, downloads and the build tests rely on that).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { CHARTS, CHART_SLUGS, pick } from '../../../src/lib/charts/registry';
import { FIGURES } from '../../../src/lib/embed/figures';

const figuresSource = readFileSync('src/lib/embed/figures.ts', 'utf8');
const AGG_DIR = 'static/data/agg';

/** fetch() over the built aggregates, as SvelteKit's prerender fetch serves them. */
const staticFetch = (async (url: string) => {
	const path = join('static', String(url));
	if (!existsSync(path)) return new Response('not found', { status: 404 });
	return new Response(readFileSync(path), { status: 200 });
}) as typeof fetch;

describe('chart registry', () => {
	it('registers every story figure (src/lib/story/*Figure.svelte)', () => {
		const figures = readdirSync('src/lib/story').filter((f) => f.endsWith('Figure.svelte'));
		expect(figures.length).toBeGreaterThan(0);
		for (const f of figures)
			expect(figuresSource, `${f} is not in the registry`).toContain(`$lib/story/${f}`);
	});

	it('uses URL-safe slugs and unlocalized page paths', () => {
		for (const slug of CHART_SLUGS) {
			expect(slug).toMatch(/^[a-z][a-z0-9-]*$/);
			expect(CHARTS[slug].page).toMatch(/^\/([a-z-]+\/)*$/);
		}
	});

	it.each([
		['top=50&evil=<x>', { top: 50 }],
		['top=51', {}],
		['top=javascript:alert(1)', {}],
		['mode=share&mode=raw', { mode: 'share' }]
	])('pick keeps only known params with allowed values: %s', (query, expected) => {
		expect(pick(new URLSearchParams(query), { top: [100, 20, 50], mode: ['raw', 'share'] })).toEqual(
			expected
		);
	});

	it('the timeline embed takes a list of known event kinds', async () => {
		const from = CHARTS.timeline.fromUrl!;
		expect(await from(new URLSearchParams('kinds=claim,<x>,debunk,claim'), {}, staticFetch)).toEqual({
			kinds: ['claim', 'debunk']
		});
		expect(await from(new URLSearchParams('kinds=evil'), {}, staticFetch)).toEqual({});
	});

	describe.skipIf(!existsSync(AGG_DIR))('with the built aggregates', () => {
		it.each(CHART_SLUGS)('%s renders its figure in a ChartFrame with id = slug', async (slug) => {
			const entry = CHARTS[slug];
			const props = await entry.data(staticFetch);
			const { body } = render(FIGURES[slug], { props: { ...props, lang: 'en' } });
			expect(body).toContain(`data-chart="${slug}"`);
			if (entry.svg) expect(body).toMatch(/<svg[^>]*viewBox=/);
		});

		it.each(CHART_SLUGS)('%s ignores a hostile or unknown view state', async (slug) => {
			const entry = CHARTS[slug];
			const props = await entry.data(staticFetch);
			const params = new URLSearchParams('top=<script>&capture=../../etc&cascade=x&metric=y&mode=z&lang=q');
			expect(await (entry.fromUrl?.(params, props, staticFetch) ?? Promise.resolve({}))).toEqual(
				slug === 'claims' ? { filter: props.filter } : {}
			);
		});
	});
});
