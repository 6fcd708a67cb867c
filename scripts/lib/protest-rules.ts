import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { compileRule, type ProtestOverride, type ProtestRule } from '../../src/lib/classify/protestRules';

function readCsv(path: string): Record<string, string>[] {
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	if (parsed.errors.length) {
		const e = parsed.errors[0];
		throw new Error(`${path}:${(e.row ?? 0) + 2}: ${e.message}`);
	}
	return parsed.data;
}

/** Loads the protest rules and overrides that live as data under data/rules/. */
export function loadProtestRules(dir = 'data/rules'): {
	rules: ProtestRule[];
	overrides: Map<string, ProtestOverride>;
} {
	const rules = readCsv(`${dir}/protest-rules.csv`).map((r) => compileRule(r.rule_id, r.pattern, r.lang));
	const overrides = new Map<string, ProtestOverride>();
	for (const [i, r] of readCsv(`${dir}/protest-overrides.csv`).entries()) {
		if (r.is_protest !== 'true' && r.is_protest !== 'false') {
			throw new Error(
				`${dir}/protest-overrides.csv:${i + 2}:is_protest: expected true or false, got "${r.is_protest}"`
			);
		}
		overrides.set(r.project_id, {
			projectId: r.project_id,
			isProtest: r.is_protest === 'true',
			note: r.note ?? ''
		});
	}
	return { rules, overrides };
}
