import type { Duck } from '../duck';

/** Events and claims as plain rows for the prerendered timeline (small: tens of rows). */
export async function documentedAggregate(duck: Duck) {
	const events = await duck.all(
		`SELECT event_id, strftime(occurred_on, '%Y-%m-%d') AS occurred_on,
			strftime(occurred_at, '%Y-%m-%dT%H:%M:%SZ') AS occurred_at, kind, title_en, title_ko, summary_en, summary_ko,
			actors, source_urls, confidence, provenance FROM events ORDER BY occurred_on, occurred_at NULLS FIRST, event_id`
	);
	const claims = await duck.all(
		`SELECT claim_id, summary_en, summary_ko, verdict, strftime(first_seen_at, '%Y-%m-%d') AS first_seen_at,
			explanation_en, explanation_ko, source_urls, provenance FROM claims ORDER BY claim_id`
	);
	return { events, claims };
}
