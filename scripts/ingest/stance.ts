import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { normalizeTitle } from '../../src/lib/classify/protestRules';
import { STANCES, type Stance } from '../../src/lib/schema';

/** A keyword rule from data/rules/stance-rules.csv. Rules are tried in file order; the first match wins. */
export interface StanceRule {
	ruleId: string;
	stance: Stance;
	claimId: string | null;
	lang: string;
	/** Case-insensitive, Unicode regular expression over the normalized text (NFKC, lower case, spaces folded). */
	pattern: RegExp;
}

/** A manual decision for one post, from data/rules/stance-labels.csv; it beats every rule. */
export interface StanceLabel {
	postId: string;
	stance: Stance;
	claimId: string | null;
	note: string;
}

export interface StanceVerdict {
	stance: Stance;
	claimId: string | null;
	/** The rule that matched, or null (stance `other`). */
	ruleId: string | null;
}

export function readCsvFile(path: string): Record<string, string>[] {
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	if (parsed.errors.length) {
		const e = parsed.errors[0];
		throw new Error(`${path}:${(e.row ?? 0) + 2}: ${e.message}`);
	}
	return parsed.data;
}

const isStance = (s: string): s is Stance => (STANCES as readonly string[]).includes(s);

export function loadStanceRules(path: string): StanceRule[] {
	return readCsvFile(path).map((r, i) => {
		const where = `${path}:${i + 2}`;
		if (!r.rule_id) throw new Error(`${where}: rule_id is empty`);
		if (!isStance(r.stance))
			throw new Error(`${where}: stance must be one of ${STANCES.join(', ')}, got "${r.stance}"`);
		let pattern: RegExp;
		try {
			pattern = new RegExp(r.pattern, 'iu');
		} catch (e) {
			throw new Error(`${where}: invalid pattern ${JSON.stringify(r.pattern)}: ${(e as Error).message}`, {
				cause: e
			});
		}
		return { ruleId: r.rule_id, stance: r.stance, claimId: r.claim_id || null, lang: r.lang ?? '', pattern };
	});
}

export function loadStanceLabels(path: string): StanceLabel[] {
	const seen = new Set<string>();
	return readCsvFile(path).map((r, i) => {
		const where = `${path}:${i + 2}`;
		if (!r.post_id) throw new Error(`${where}: post_id is empty`);
		if (seen.has(r.post_id)) throw new Error(`${where}: post_id "${r.post_id}" is labelled twice`);
		seen.add(r.post_id);
		if (!isStance(r.stance))
			throw new Error(`${where}: stance must be one of ${STANCES.join(', ')}, got "${r.stance}"`);
		return { postId: r.post_id, stance: r.stance, claimId: r.claim_id || null, note: r.note ?? '' };
	});
}

/** First matching rule wins; no match is `other`. */
export function classifyStance(text: string, rules: readonly StanceRule[]): StanceVerdict {
	if (!text) return { stance: 'other', claimId: null, ruleId: null };
	const norm = normalizeTitle(text);
	for (const rule of rules) {
		if (rule.pattern.test(norm)) return { stance: rule.stance, claimId: rule.claimId, ruleId: rule.ruleId };
	}
	return { stance: 'other', claimId: null, ruleId: null };
}
