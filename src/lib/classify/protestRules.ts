/** A protest-detection rule, loaded from data/rules/protest-rules.csv. */
export interface ProtestRule {
	ruleId: string;
	/** Case-insensitive regular expression matched against the normalized title. */
	pattern: RegExp;
	lang: string;
}

/** A manual decision for one project, from data/rules/protest-overrides.csv. */
export interface ProtestOverride {
	projectId: string;
	isProtest: boolean;
	note: string;
}

export interface ProtestVerdict {
	isProtest: boolean;
	/** `title:<rule_id>`, `override:<note>`, or null when nothing matched. */
	signal: string | null;
}

// Zero-width and bidi control characters would let "N\u200Bo AI" slip past a rule.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** NFKC (full-width letters become ASCII), invisible characters removed, lower case, spaces folded. */
export function normalizeTitle(title: string): string {
	return title.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function compileRule(ruleId: string, pattern: string, lang: string): ProtestRule {
	try {
		return { ruleId, pattern: new RegExp(pattern, 'iu'), lang };
	} catch (e) {
		throw new Error(
			`protest rule "${ruleId}": invalid pattern ${JSON.stringify(pattern)}: ${(e as Error).message}`,
			{ cause: e }
		);
	}
}

/** First matching rule wins (rules are listed by priority); an override beats every rule. */
export function classifyProtest(
	title: string,
	projectId: string,
	rules: readonly ProtestRule[],
	overrides: ReadonlyMap<string, ProtestOverride> = new Map()
): ProtestVerdict {
	const manual = overrides.get(projectId);
	if (manual) return { isProtest: manual.isProtest, signal: `override:${manual.note || 'manual'}` };
	const text = normalizeTitle(title);
	for (const rule of rules) {
		if (rule.pattern.test(text)) return { isProtest: true, signal: `title:${rule.ruleId}` };
	}
	return { isProtest: false, signal: null };
}
