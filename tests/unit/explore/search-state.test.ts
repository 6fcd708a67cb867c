import { describe, expect, it } from 'vitest';
import { adoptsNavigation } from '../../../src/lib/explore/searchState.svelte';

describe('adoptsNavigation', () => {
	it("ignores the explorer's own writes and the first load", () => {
		expect(adoptsNavigation('goto')).toBe(false);
		expect(adoptsNavigation('enter')).toBe(false);
	});
	it('adopts links, back/forward and forms', () => {
		for (const type of ['link', 'popstate', 'form', 'leave']) expect(adoptsNavigation(type)).toBe(true);
	});
});
