import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rules whose outcome depends on colours: the only ones another theme can change (same markup). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core on the open page, every rule it runs by default (WCAG 2.x A/AA and best practices): its violations
 * as readable text, empty when there are none. axe stays in the page for `axeViolationsAgain`.
 */
export async function axeViolations(page: Page): Promise<string> {
	// Legacy mode runs axe in the page itself; the default mode finishes each run in a new page, which took
	// 5–10x longer here. Only violations are reported back (passes would serialise every node).
	const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
	return report((await axe.analyze()).violations);
}

/**
 * axe-core again on a page `axeViolations` ran on (after a theme switch, say), only `rules`: the script is
 * already in the page, and putting it there again costs more than a colour run. The site's pages have no frames.
 */
export async function axeViolationsAgain(page: Page, rules: string[]): Promise<string> {
	const violations = await page.evaluate(async (values) => {
		const { axe } = window as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } };
		const result = await axe.run({ runOnly: { type: 'rule', values }, resultTypes: ['violations'] });
		// Plain data only crosses back to the test.
		return result.violations.map(({ id, impact, help, nodes }) => ({
			id,
			impact,
			help,
			nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary }))
		}));
	}, rules);
	return report(violations);
}

interface Violation {
	id: string;
	impact?: string | null;
	help: string;
	nodes: { target: unknown[]; failureSummary?: string }[];
}

function report(violations: Violation[]): string {
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
