import { onMount } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { withParams } from './params';

const EMPTY = new URLSearchParams();

/**
 * View state in the URL. Prerendered pages cannot read the query string, so until the page has mounted
 * `params` is empty (the default view, identical on server and client, which keeps hydration exact); after
 * mount it follows page.url, and `set` rewrites the query without a history entry, scroll or focus change.
 * Call during component initialisation.
 */
export function urlState(defaults: Record<string, string> = {}) {
	let mounted = $state(false);
	onMount(() => {
		mounted = true;
	});
	return {
		get ready() {
			return mounted;
		},
		get params(): URLSearchParams {
			return mounted ? page.url.searchParams : EMPTY;
		},
		/** Applies `updates` (null removes a key; a value equal to its default is dropped). */
		set(updates: Record<string, string | null>) {
			const search = withParams(page.url.searchParams, updates, defaults);
			return goto(`${page.url.pathname}${search}${page.url.hash}`, {
				replaceState: true,
				noScroll: true,
				keepFocus: true
			});
		}
	};
}
