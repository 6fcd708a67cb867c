import { render } from 'svelte/server';
import type { Component } from 'svelte';

/** The widths every chart is snapshotted at (the site is designed for 320–1440 px). */
export const WIDTHS = [320, 640, 960] as const;

/**
 * Server-renders a chart and normalises the markup for a stable snapshot: Svelte's hydration comments and
 * its scoped-class hashes (which change with any CSS edit) are removed, and each element starts a line.
 * Returns the whole component output (SVG plus any HTML legend or readout).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderChart<P extends Record<string, any>>(
	component: Component<P>,
	props: NoInfer<P>
): string {
	const { body } = render(component, { props });
	return body
		.replace(/<!--[^>]*-->/g, '')
		.replace(/ ?svelte-[a-z0-9]+/g, '')
		.replace(/ class=""/g, '')
		.replace(/></g, '>\n<')
		.trim()
		.concat('\n');
}

/** The chart's drawing alone, as a standalone SVG file (the first <svg> of the output; charts nest none). */
export function chartSvg(html: string): string {
	const start = html.indexOf('<svg');
	const end = html.indexOf('</svg>', start);
	if (start < 0 || end < 0) throw new Error('no <svg> in the output');
	return html.slice(start, end + 6).replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ') + '\n';
}

/** Numbers the chart wrote into its SVG must all be finite: NaN or Infinity means a broken scale. */
export const hasBadNumbers = (svg: string): boolean => /NaN|Infinity/.test(svg);

export const count = (svg: string, re: RegExp): number => svg.match(re)?.length ?? 0;
