import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	claims as claimsTable,
	events as eventsTable,
	type Confidence,
	type EventKind,
	type TableDef,
	type VERDICTS
} from '../../src/lib/schema';
import {
	checkCsv,
	CsvValidationError,
	DEFAULT_MAX_ERRORS,
	type CsvCheckResult,
	type CsvRow,
	type RowIssue
} from './validate-csv';

/** A row of data/documented/events.csv after validation. */
export interface EventRow {
	event_id: string;
	occurred_on: string;
	occurred_at: string | null;
	kind: EventKind;
	title_en: string;
	title_ko: string;
	summary_en: string;
	summary_ko: string;
	actors: string;
	source_urls: string;
	confidence: Confidence;
	provenance: 'documented';
}

/** A row of data/documented/claims.csv after validation. */
export interface ClaimRow {
	claim_id: string;
	summary_en: string;
	summary_ko: string;
	verdict: (typeof VERDICTS)[number];
	first_seen_at: string | null;
	explanation_en: string;
	explanation_ko: string;
	source_urls: string;
	provenance: 'documented';
}

export interface Documented {
	events: EventRow[];
	claims: ClaimRow[];
}

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HANGUL = /[\uAC00-\uD7A3]/;
const DAY_MS = 86_400_000;

function sourceUrlIssues(value: string): RowIssue[] {
	const column = 'source_urls';
	if (value.split(' ').includes('')) {
		return [{ column, message: 'URLs must be separated by single spaces, with none before or after' }];
	}
	return value.split(' ').flatMap((token) => {
		let url: URL | undefined;
		try {
			url = new URL(token);
		} catch {
			url = undefined;
		}
		return url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname
			? []
			: [{ column, message: `${JSON.stringify(token)} is not an http(s) URL` }];
	});
}

/**
 * Row checks that hold for every documented table: provenance `documented`, a unique kebab-case key,
 * http(s) source URLs, and non-blank English and Korean text (the `_ko` fields must contain Hangul).
 */
function documentedChecks(table: TableDef): (row: CsvRow, line: number) => RowIssue[] {
	const firstLine = new Map<string, number>();
	const textColumns = table.columns.filter((c) => /_(en|ko)$/.test(c.name)).map((c) => c.name);
	return (row, line) => {
		const issues: RowIssue[] = [];
		if (row.provenance !== 'documented') {
			issues.push({
				column: 'provenance',
				message: `${JSON.stringify(row.provenance)} must be "documented"`
			});
		}
		const id = String(row[table.key]);
		if (!KEBAB_ID.test(id)) {
			issues.push({
				column: table.key,
				message: `${JSON.stringify(id)} is not kebab-case (a-z, 0-9, single hyphens)`
			});
		}
		const first = firstLine.get(id);
		if (first !== undefined) {
			issues.push({
				column: table.key,
				message: `duplicate id ${JSON.stringify(id)} (first on line ${first})`
			});
		} else firstLine.set(id, line);
		issues.push(...sourceUrlIssues(String(row.source_urls)));
		for (const name of textColumns) {
			const text = String(row[name] ?? '');
			if (text.trim() === '') issues.push({ column: name, message: 'text is blank' });
			else if (name.endsWith('_ko') && !HANGUL.test(text)) {
				issues.push({ column: name, message: 'has no Korean (Hangul) text' });
			}
		}
		if (table.name === 'events' && row.occurred_at !== null) {
			const gap = Math.abs(Date.parse(String(row.occurred_at)) - Date.parse(`${row.occurred_on}T12:00:00Z`));
			if (gap > 1.5 * DAY_MS) {
				issues.push({
					column: 'occurred_at',
					message: `is more than a day away from occurred_on ${row.occurred_on}`
				});
			}
		}
		return issues;
	};
}

/** Schema checks plus the documented-only checks for one file's text; never throws. */
export function checkDocumentedCsv(table: TableDef, text: string, file: string): CsvCheckResult {
	return checkCsv(table, text, file, { checkRow: documentedChecks(table) });
}

/**
 * Loads and validates `events.csv` and `claims.csv` from `dir`. Throws one `CsvValidationError` that lists the
 * problems of both files, each as `file:line[:column]: …`.
 */
export function loadDocumented(dir = 'data/documented'): Documented {
	const read = (table: TableDef) => {
		const file = join(dir, `${table.name}.csv`);
		return checkDocumentedCsv(table, readFileSync(file, 'utf8'), file);
	};
	const events = read(eventsTable);
	const claims = read(claimsTable);
	const errorCount = events.errorCount + claims.errorCount;
	if (errorCount) {
		const errors = [...events.errors, ...claims.errors].slice(0, DEFAULT_MAX_ERRORS);
		throw new CsvValidationError(errors, errorCount);
	}
	return {
		events: events.rows as unknown as EventRow[],
		claims: claims.rows as unknown as ClaimRow[]
	};
}
