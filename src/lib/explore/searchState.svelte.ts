import { onMount } from 'svelte';
import { afterNavigate, goto } from '$app/navigation';
import { page } from '$app/state';

/**
 * The explorer's query string, held here first and written to the URL just after the views have repainted.
 *
 * A SvelteKit navigation, even a `goto` with replaceState, reads the scroll position (a forced layout) and
 * rewrites history before the page's state changes: about 10 ms of every brush. Here `set` changes `search`
 * at once, so the views repaint from it, and the `goto` follows after the next frame, coalesced when several
 * changes come before it. `page.url` catches up a frame later. A navigation that is not one of these writes (a
 * link into the explorer, back/forward) is adopted when it lands.
 *
 * Before mount `search` is empty: the prerendered page has no query string, and hydration must match it.
 * Construct during component initialisation.
 */
export class SearchState {
	/** The query string the views show, with its leading '?' (or empty). */
	search = $state('');
	#scheduled = false;

	constructor() {
		onMount(() => {
			this.search = page.url.search;
		});
		afterNavigate((nav) => {
			if (adoptsNavigation(nav.type)) this.search = page.url.search;
		});
	}

	set(search: string): void {
		this.search = search;
		if (this.#scheduled) return;
		this.#scheduled = true;
		requestAnimationFrame(() =>
			setTimeout(() => {
				this.#scheduled = false;
				if (this.search === page.url.search) return;
				void goto(`${page.url.pathname}${this.search}`, {
					replaceState: true,
					keepFocus: true,
					noScroll: true
				});
			}, 0)
		);
	}
}

/**
 * Whether a navigation's URL replaces the explorer's state: every kind but its own writes (`goto`) and the first
 * load (`enter`, read on mount).
 */
export function adoptsNavigation(type: string): boolean {
	return type !== 'goto' && type !== 'enter';
}
