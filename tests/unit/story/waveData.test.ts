import { describe, expect, it } from 'vitest';
import type { WaveAgg, WaveCaptureAgg } from '$lib/data/types';
import { waveMetrics } from '$lib/metrics';
import { describeWave, waveAnnotations, wavePoints, waveStats } from '$lib/story/waveData';

const H = 3_600_000;
const T0 = Date.UTC(2022, 11, 13, 0, 0);

/** Five captures of 10 tiles; the protest count of the top 10 (= the whole grid) is given per capture. */
function agg(protest: number[], hours: number[]): WaveAgg {
	const captures: WaveCaptureAgg[] = protest.map((p, i) => ({
		snapshotId: `c${i}`,
		at: T0 + hours[i] * H,
		dimension: 'all',
		provenance: 'simulated',
		itemCount: 10,
		top20: p,
		top50: p,
		top100: p,
		archiveUrl: null
	}));
	const m = waveMetrics(captures.map((c) => ({ at: c.at, protest: c.top100, total: 10 })));
	const { shares: _s, ...metrics } = m;
	return {
		dimension: 'all',
		provenance: ['simulated'],
		captures,
		metrics: { top20: metrics, top50: metrics, top100: metrics }
	};
}

// Shares 0, .2, .5, .9, .4 at 00:00, 01:00, 03:00, 04:00, 06:00 UTC, worked out by hand:
// first protest tile at 01:00; ≥50% first at 03:00 (2 h later); ≥90% at 04:00 (3 h later);
// at or above half from 03:00 until 06:00 (the share holds until the next capture) = 3 h; peak 90% at 04:00.
const wave = agg([0, 2, 5, 9, 4], [0, 1, 3, 4, 6]);

describe('wave timings for the derived numbers', () => {
	it('uses the shared wave metrics on the capture shares', () => {
		const m = wave.metrics.top100;
		expect(m.firstProtestAt).toBe(T0 + H);
		expect(m.minutesFirstTo50).toBe(120);
		expect(m.minutesFirstTo90).toBe(180);
		expect(m.hoursAtOrAbove50).toBe(3);
		expect(m.peak).toEqual({ share: 0.9, at: T0 + 4 * H });
	});

	it('states them in words, in English and Korean', () => {
		const first = { rank: 12, title: 'NO AI ART', artist: 'sim_artist_1' };
		const en = waveStats(wave, 100, first, 'en');
		expect(en.map((s) => [s.key, s.value])).toEqual([
			['first', 'Dec 13, 2022 01:00 UTC'],
			['to50', '2 h'],
			['to90', '3 h'],
			['above50', '3 h'],
			['peak', '90%']
		]);
		expect(en[0].detail).toBe('#12 "NO AI ART" by sim_artist_1');
		expect(en[4].detail).toBe('Dec 13, 2022 04:00 UTC');
		const ko = waveStats(wave, 100, null, 'ko');
		expect(ko[0].value).toBe('2022년 12월 13일 01:00 UTC');
		expect(ko[1].value).toBe('2시간');
		expect(ko[0].detail).toBeUndefined();
	});

	it('says "never reached" when the grid never gets to 90%', () => {
		const low = agg([0, 3, 6, 2, 0], [0, 1, 2, 3, 4]);
		const stats = waveStats(low, 100, null, 'en');
		expect(stats.find((s) => s.key === 'to90')?.value).toBe('never reached');
		expect(stats.find((s) => s.key === 'to50')?.value).toBe('1 h');
	});
});

describe('wavePoints', () => {
	it('divides by the tiles actually captured when a capture is shorter than the top N', () => {
		const short: WaveAgg = { ...wave, captures: [{ ...wave.captures[3], itemCount: 8, top100: 6 }] };
		expect(wavePoints(short, 100)[0]).toMatchObject({ share: 0.75, protest: 6, total: 8 });
	});
	it('gives a zero share for an empty capture instead of NaN', () => {
		const empty: WaveAgg = { ...wave, captures: [{ ...wave.captures[0], itemCount: 0 }] };
		expect(wavePoints(empty, 20)[0].share).toBe(0);
	});
});

describe('describeWave', () => {
	it('is computed from the data', () => {
		expect(describeWave(wave, 100, 'en')).toBe(
			'5 captures from Dec 13, 2022 to Dec 13, 2022. The protest share peaked at 90% on Dec 13, 2022 04:00 UTC; it stayed at or above half of the grid for 3 h.'
		);
	});
	it('gives the time above half in the same words as the number beside the chart', () => {
		const long: WaveAgg = {
			...wave,
			metrics: { ...wave.metrics, top100: { ...wave.metrics.top100, hoursAtOrAbove50: 115 } }
		};
		for (const lang of ['en', 'ko'] as const) {
			const above = waveStats(long, 100, null, lang).find((s) => s.key === 'above50')!.value;
			expect(above).toBe(lang === 'en' ? '4 d 19 h' : '4일 19시간');
			expect(describeWave(long, 100, lang)).toContain(above);
		}
	});
});

describe('waveAnnotations', () => {
	const ev = (kind: string, occurred_on: string, occurred_at: string | null = null) => ({
		event_id: `${kind}-${occurred_on}`,
		occurred_on,
		occurred_at,
		kind,
		title_en: `${kind} event`,
		title_ko: `${kind} 사건`,
		summary_en: '',
		summary_ko: '',
		actors: '',
		source_urls: 'https://example.org/a https://www.kotaku.com/b',
		confidence: 'S1' as const,
		provenance: 'documented'
	});
	it('places date-only events at noon UTC and exact ones at their time, with source and confidence', () => {
		const [a, b] = waveAnnotations(
			[ev('protest', '2022-12-13'), ev('platform', '2022-12-14', '2022-12-15T02:00:00Z')],
			'en'
		);
		expect(a.at).toBe(Date.UTC(2022, 11, 13, 12));
		expect(b.at).toBe(Date.UTC(2022, 11, 15, 2));
		expect(a.detail).toBe('Dec 13, 2022 · S1 · example.org');
		expect(a.href).toBe('https://example.org/a');
	});
	it('keeps only the kinds asked for', () => {
		const events = [ev('protest', '2022-12-13'), ev('claim', '2022-12-15')];
		expect(waveAnnotations(events, 'ko', ['claim']).map((a) => a.label)).toEqual(['claim 사건']);
	});
});
