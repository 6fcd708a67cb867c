// The figure component of every registered chart, imported statically. A static import is what puts a
// figure's stylesheet into the prerendered embed page: a lazily imported component's CSS arrives only with
// its JavaScript, so the static embed (no JavaScript) had none and the live one shifted while it loaded.
import type { Component } from 'svelte';
import type { ChartSlug } from '$lib/charts/registry';
import CalendarFigure from '$lib/story/CalendarFigure.svelte';
import CascadeFigure from '$lib/story/CascadeFigure.svelte';
import CascadeMetricsFigure from '$lib/story/CascadeMetricsFigure.svelte';
import ClaimDebunkFigure from '$lib/story/ClaimDebunkFigure.svelte';
import CorrectionFigure from '$lib/story/CorrectionFigure.svelte';
import GridFigure from '$lib/story/GridFigure.svelte';
import WaveFigure from '$lib/story/WaveFigure.svelte';
import TimelineFigure from './TimelineFigure.svelte';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const FIGURES: Record<ChartSlug, Component<any>> = {
	wave: WaveFigure,
	calendar: CalendarFigure,
	grid: GridFigure,
	claims: ClaimDebunkFigure,
	correction: CorrectionFigure,
	cascade: CascadeFigure,
	metrics: CascadeMetricsFigure,
	timeline: TimelineFigure
};
