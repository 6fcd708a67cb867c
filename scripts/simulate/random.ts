/**
 * Seeded randomness for the simulator. Everything random in the simulator comes from here, so that one
 * seed gives byte-identical output: no Math.random, no clock.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** cyrb128: hashes a string to four 32-bit words (used to seed sfc32). */
export function hash128(text: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** The 32-bit finalizer of MurmurHash3: a cheap, well-mixed integer hash. */
export function mix32(x: number): number {
	let h = x >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** sfc32 (Small Fast Chaotic, from PractRand): 128-bit state, passes BigCrush, fast in JS. */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
	let s0 = a | 0;
	let s1 = b | 0;
	let s2 = c | 0;
	let s3 = d | 0;
	const next: Rng = () => {
		const t = (((s0 + s1) | 0) + s3) | 0;
		s3 = (s3 + 1) | 0;
		s0 = s1 ^ (s1 >>> 9);
		s1 = (s2 + (s2 << 3)) | 0;
		s2 = (s2 << 21) | (s2 >>> 11);
		s2 = (s2 + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// Warm up so that similar seeds diverge before the first number is used.
	for (let i = 0; i < 15; i++) next();
	return next;
}

/**
 * An independent generator per (seed, label): each part of the simulation draws from its own stream, so
 * changing the post count never changes the trending captures, and adding a stream never shifts another.
 */
export function rngFor(seed: number, label: string): Rng {
	const [a, b, c, d] = hash128(`${seed}\u0000${label}`);
	return sfc32(a, b, c, d);
}
