import { uniformInt, WeightedPicker } from './distributions';
import type { Rng } from './random';

/**
 * Synthetic titles for ordinary trending projects. No word here is, or contains, "AI" as a word, so the
 * protest rules (data/rules/protest-rules.csv) can never match an ordinary title.
 */
export const ADJECTIVES = [
	'Ancient',
	'Crimson',
	'Silent',
	'Forgotten',
	'Golden',
	'Hollow',
	'Distant',
	'Frozen',
	'Wild',
	'Quiet',
	'Broken',
	'Lunar',
	'Amber',
	'Sunken',
	'Iron',
	'Velvet',
	'Stormy',
	'Misty',
	'Emerald',
	'Obsidian',
	'Faded',
	'Radiant',
	'Rusty',
	'Gentle',
	'Electric',
	'Desert',
	'Northern',
	'Hidden',
	'Wandering',
	'Sleeping'
] as const;

export const NOUNS = [
	'Forest',
	'Knight',
	'Harbor',
	'Temple',
	'Dragon',
	'Garden',
	'Lighthouse',
	'Mech',
	'Witch',
	'Citadel',
	'Wanderer',
	'Valley',
	'Ronin',
	'Creature',
	'Village',
	'Tower',
	'Shrine',
	'Canyon',
	'Station',
	'Portrait',
	'Sentinel',
	'Library',
	'Ruins',
	'Bazaar',
	'Zeppelin',
	'Glacier',
	'Huntress',
	'Golem',
	'Orchard',
	'Market'
] as const;

export const SUFFIXES = [
	'Study',
	'Concept',
	'Sketch',
	'Keyframe',
	'Environment Design',
	'Character Design',
	'Illustration',
	'Fan Art',
	'Matte Painting',
	'Speedpaint',
	'Prop Design',
	'Breakdown'
] as const;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[uniformInt(rng, list.length)];
const twoDigits = (rng: Rng): string => String(1 + uniformInt(rng, 99)).padStart(2, '0');

const PATTERNS: readonly ((rng: Rng) => string)[] = [
	(r) => `${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}`,
	(r) => `${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} ${pick(r, SUFFIXES)}`,
	(r) => `${pick(r, NOUNS)} ${pick(r, SUFFIXES)} ${twoDigits(r)}`,
	(r) => `The ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}`,
	(r) => `${pick(r, NOUNS)} of the ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}`,
	(r) => `Daily Sketch #${1 + uniformInt(r, 365)}`
];
const PATTERN_PICKER = new WeightedPicker(PATTERNS, [5, 4, 3, 2, 2, 1]);

/** An ordinary (non-protest) project title, e.g. "Misty Citadel Keyframe". */
export const normalTitle = (rng: Rng): string => PATTERN_PICKER.pick(rng)(rng);
