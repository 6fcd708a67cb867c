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
	/**
	 * Unicode regular expression over the normalized text (NFKC, lower case, spaces folded), so patterns are
	 * written in lower case (checked on load) and compiled without the `i` flag: with `u`, case-insensitive
	 * matching is about ten times slower in V8.
	 */
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

/** Letters outside escapes (`\\S`, `\\p{Lu}`, `\\u00C9`…) that are upper case: they could never match lower-cased text. */
export function upperCaseLiterals(pattern: string): string[] {
	const bare = pattern.replace(
		/\\[pP]\{[^}]*\}|\\u\{[0-9a-fA-F]+\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\c[A-Za-z]|\\./g,
		''
	);
	return [...new Set(bare.match(/\p{Lu}/gu) ?? [])];
}

export function loadStanceRules(path: string): StanceRule[] {
	return readCsvFile(path).map((r, i) => {
		const where = `${path}:${i + 2}`;
		if (!r.rule_id) throw new Error(`${where}: rule_id is empty`);
		if (!isStance(r.stance))
			throw new Error(`${where}: stance must be one of ${STANCES.join(', ')}, got "${r.stance}"`);
		const upper = upperCaseLiterals(r.pattern ?? '');
		if (upper.length) {
			throw new Error(
				`${where}: write the pattern in lower case (text is lower-cased before matching): ${upper.join(' ')}`
			);
		}
		let pattern: RegExp;
		try {
			pattern = new RegExp(r.pattern, 'u');
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

const ASCII = /^[\x20-\x7e]*$/;

/** `normalizeTitle` (NFKC, invisible characters removed, lower case, spaces folded), with a fast path for ASCII. */
export function normalizeText(text: string): string {
	if (ASCII.test(text)) {
		const lower = text.toLowerCase();
		return lower.includes('  ') || lower[0] === ' ' || lower[lower.length - 1] === ' '
			? lower.replace(/ +/g, ' ').trim()
			: lower;
	}
	return normalizeTitle(text);
}

/**
 * Classifies texts by the rules: first matching rule wins; no match is `other`. One regular expression made
 * of all the rules is tried first: most texts match no rule and are done with one scan.
 */
export class StanceClassifier {
	private readonly any: RegExp | null;
	// Retweets and boosts repeat their original's text word for word: remember recent verdicts (bounded).
	private cache = new Map<string, StanceVerdict>();
	private static readonly CACHE_SIZE = 50_000;
	private static readonly OTHER: StanceVerdict = Object.freeze({
		stance: 'other',
		claimId: null,
		ruleId: null
	});

	constructor(readonly rules: readonly StanceRule[]) {
		this.any = StanceClassifier.combine(rules);
	}

	/** All rules as one alternation (null when they cannot be combined, e.g. two define the same group name). */
	private static combine(rules: readonly StanceRule[]): RegExp | null {
		if (rules.length === 0) return null;
		try {
			return new RegExp(rules.map((r) => `(?:${r.pattern.source})`).join('|'), 'u');
		} catch {
			return null;
		}
	}

	classify(text: string): StanceVerdict {
		if (!text || this.rules.length === 0) return StanceClassifier.OTHER;
		let v = this.cache.get(text);
		if (v) return v;
		v = this.match(normalizeText(text));
		if (this.cache.size >= StanceClassifier.CACHE_SIZE) this.cache = new Map();
		this.cache.set(text, v);
		return v;
	}

	private match(norm: string): StanceVerdict {
		if (this.any && !this.any.test(norm)) return StanceClassifier.OTHER;
		for (const rule of this.rules) {
			if (rule.pattern.test(norm)) return { stance: rule.stance, claimId: rule.claimId, ruleId: rule.ruleId };
		}
		return StanceClassifier.OTHER;
	}
}

/** First matching rule wins; no match is `other`. */
export function classifyStance(text: string, rules: readonly StanceRule[]): StanceVerdict {
	return new StanceClassifier(rules).classify(text);
}
