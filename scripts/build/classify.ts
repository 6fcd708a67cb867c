import { classifyProtest } from '../../src/lib/classify/protestRules';
import { loadProtestRules } from '../lib/protest-rules';
import { lit, type Duck } from './duck';

/**
 * Fills `is_protest` / `protest_signal` of trending items that arrive unclassified, with the rules in
 * data/rules/. Items a source already classified keep their verdict.
 */
export async function classifyTrendingItems(
	duck: Duck,
	rulesDir = 'data/rules'
): Promise<{ classified: number; protest: number }> {
	const { rules, overrides } = loadProtestRules(rulesDir);
	const pending = await duck.all<{ project_id: string; title: string }>(
		`SELECT DISTINCT project_id, title FROM trending_items WHERE is_protest IS NULL ORDER BY project_id, title`
	);
	await duck.run(
		`CREATE TEMP TABLE verdicts (project_id VARCHAR, title VARCHAR, is_protest BOOLEAN, signal VARCHAR)`
	);
	let protest = 0;
	for (let i = 0; i < pending.length; i += 1000) {
		const values = pending.slice(i, i + 1000).map(({ project_id, title }) => {
			const v = classifyProtest(title, project_id, rules, overrides);
			if (v.isProtest) protest++;
			return `(${lit(project_id)}, ${lit(title)}, ${v.isProtest}, ${v.signal === null ? 'NULL' : lit(v.signal)})`;
		});
		await duck.run(`INSERT INTO verdicts VALUES ${values.join(', ')}`);
	}
	await duck.run(`UPDATE trending_items t SET is_protest = v.is_protest, protest_signal = v.signal
		FROM verdicts v WHERE t.is_protest IS NULL AND t.project_id = v.project_id AND t.title = v.title`);
	await duck.run(`DROP TABLE verdicts`);
	return { classified: pending.length, protest };
}
