import { onMount, untrack } from 'svelte';
import { afterNavigate, goto } from '$app/navigation';
import { navigating, page } from '$app/state';

/**
 * The explorer's query string, held here first and written to the URL just after the views have repainted.
 *
 * A SvelteKit navigation, even a `goto` with replaceState, reads the scroll position (a forced layout),
 * rewrites history and updates everything that reads `page`: about 9 ms of main thread per write. Here `set`
 * changes `search` at once, so the views repaint from it, and the `goto` follows once `quiet()` says the views
 * are done (checked every frame, at most URL_WAIT_MS), coalesced when several changes come before it. Written
 * a frame after the change instead, it landed while a brush's data files were arriving, and their bodies
 * waited for it. A navigation that is not one of these writes (a link into the explorer, back/forward) is
 * adopted when it lands.
 *
 * Before mount `search` is empty: the prerendered page has no query string, and hydration must match it.
 * Construct during component initialisation.
 */
export class SearchState {
	/** The query string the views show, with its leading '?' (or empty). */
	search = $state('');
	#scheduled = false;
	#destroyed = false;
	readonly #quiet: () => boolean;

	/** `quiet`: whether the views show the current state, so the URL write would hold nothing up. */
	constructor(quiet: () => boolean = () => true) {
		this.#quiet = quiet;
		onMount(() => {
			this.search = page.url.search;
			// A write still waiting when the reader leaves the explorer must not land on the next page.
			return () => (this.#destroyed = true);
		});
		afterNavigate((nav) => {
			if (adoptsNavigation(nav.type)) this.search = page.url.search;
		});
	}

	set(search: string): void {
		this.search = search;
		if (this.#scheduled) return;
		this.#scheduled = true;
		const deadline = performance.now() + URL_WAIT_MS;
		const path = page.url.pathname;
		const write = () => {
			this.#scheduled = false;
			if (this.#destroyed || page.url.pathname !== path || this.search === page.url.search) return;
			// The reader is on the way to another page (a link, back): a write now would cancel that navigation
			// and bring them back here.
			if (navigating.to && navigating.to.url.pathname !== path) return;
			void goto(`${path}${this.search}`, {
				replaceState: true,
				keepFocus: true,
				noScroll: true
			});
		};
		// After a frame, so what the views painted reaches the screen before the write.
		const check = () => {
			if (this.#destroyed || untrack(this.#quiet) || performance.now() >= deadline) setTimeout(write, 0);
			else requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	}
}

/** The longest the URL waits for the views: a slow query (a first search loading text) must not keep a
 * shared link stale for long. */
export const URL_WAIT_MS = 500;

/**
 * Whether a navigation's URL replaces the explorer's state: every kind but its own writes (`goto`) and the first
 * load (`enter`, read on mount).
 */
export function adoptsNavigation(type: string): boolean {
	return type !== 'goto' && type !== 'enter';
}
