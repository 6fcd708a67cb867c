/** Where a row comes from. Every table carries it, and every view that shows `simulated` rows says so. */
export const PROVENANCE = ['observed', 'documented', 'simulated'] as const;
export type Provenance = (typeof PROVENANCE)[number];

export const STANCES = ['claim', 'debunk', 'protest', 'pro_ai', 'other'] as const;
export type Stance = (typeof STANCES)[number];

export const EDGE_KINDS = ['repost', 'quote', 'reply', 'inferred'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Confidence labels of the research notes: C2 = two or more independent sources, S1 = one, U = unverified. */
export const CONFIDENCE = ['C2', 'S1', 'U'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export const EVENT_KINDS = ['protest', 'platform', 'press', 'claim', 'debunk', 'context'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const VERDICTS = ['false', 'true', 'misleading', 'unproven'] as const;

export const FEEDS = ['trending', 'latest'] as const;

/**
 * Copies posted again by the same author within this many hours of the first are near-duplicates (`dup_of`).
 * The build marks them (scripts/lib/dedup.ts); the explorer relies on it to find a post's copies.
 */
export const DEDUP_WINDOW_HOURS = 24;
