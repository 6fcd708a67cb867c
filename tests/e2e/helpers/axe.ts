import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rules whose outcome depends on colours: the only ones the dark theme can change (same markup). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core on the open page, every rule it runs by default (WCAG 2.x A/AA and best practices) or only `rules`:
 * its violations as readable text, empty when there are none.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string> {
	// Legacy mode runs axe in the page itself; the default mode finishes each run in a new page, which took
	// 5–10x longer here. Only violations are reported back (passes would serialise every node).
	const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
	if (rules) axe.withRules(rules);
	const { violations } = await axe.analyze();
	return violations
		.map(
			(v) =>
				`[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×)\n` +
				v.nodes
					.slice(0, 5)
					.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`)
					.join('\n')
		)
		.join('\n');
}
