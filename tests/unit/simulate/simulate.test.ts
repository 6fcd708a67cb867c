import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyProtest } from '../../../src/lib/classify/protestRules';
import { columnNames, TABLES } from '../../../src/lib/schema';
import { loadProtestRules } from '../../../scripts/lib/protest-rules';
import { simulate, type SimSummary } from '../../../scripts/simulate/index';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG_PATH = join(ROOT, 'data/simulator.config.json');
const FILES = ['snapshots.csv', 'trending_items.csv', 'posts.csv', 'source.json'];
const POSTS = 20_000;

type Row = Record<string, string>;
const readCsv = (path: string): { header: string[]; rows: Row[] } => {
	const parsed = Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0].message}`);
	return { header: parsed.meta.fields ?? [], rows: parsed.data };
};
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const run = (seed: number, posts = POSTS) => {
	const outDir = mkdtempSync(join(tmpdir(), `sim-${seed}-`));
	return simulate({ seed, posts, outDir, configPath: CONFIG_PATH });
};

const config = JSON.parse(readFileSync(CONFIG_PATH, 'utf8'));
const protestTitles = new Set<string>(
	config.trending.protestTitles.value.map((t: { title: string }) => t.title)
);

let a: SimSummary;
let a2: SimSummary;
let b: SimSummary;
let snapshots: Row[];
let items: Row[];
let posts: Row[];

beforeAll(async () => {
	[a, a2, b] = [await run(7), await run(7), await run(8)];
	snapshots = readCsv(join(a.outDir, 'snapshots.csv')).rows;
	items = readCsv(join(a.outDir, 'trending_items.csv')).rows;
	posts = readCsv(join(a.outDir, 'posts.csv')).rows;
});

describe('determinism', () => {
	it.each(FILES)('writes a byte-identical %s for the same seed', (file) => {
		expect(sha256(join(a2.outDir, file)).length).toBe(64);
		expect(sha256(join(a2.outDir, file))).toBe(sha256(join(a.outDir, file)));
	});

	it.each(['snapshots.csv', 'trending_items.csv', 'posts.csv'])(
		'writes a different %s for another seed',
		(file) => {
			expect(sha256(join(b.outDir, file))).not.toBe(sha256(join(a.outDir, file)));
		}
	);

	it('keeps the trending captures independent of the post count', async () => {
		const small = await run(7, 1000);
		for (const file of ['snapshots.csv', 'trending_items.csv']) {
			expect(sha256(join(small.outDir, file))).toBe(sha256(join(a.outDir, file)));
		}
		expect(sha256(join(small.outDir, 'posts.csv'))).not.toBe(sha256(join(a.outDir, 'posts.csv')));
	});
});

describe('source directory format', () => {
	it.each([
		['snapshots.csv', 'snapshots'],
		['trending_items.csv', 'trending_items'],
		['posts.csv', 'posts']
	] as const)('%s has exactly the contract columns as its header', (file, table) => {
		expect(readCsv(join(a.outDir, file)).header).toEqual(columnNames(TABLES[table]));
	});

	it('marks every row of every table simulated', () => {
		for (const rows of [snapshots, items, posts]) {
			expect(rows.length).toBeGreaterThan(0);
			expect(new Set(rows.map((r) => r.provenance))).toEqual(new Set(['simulated']));
		}
	});

	it('writes source.json with the seed, the post count and the whole config', () => {
		const source = JSON.parse(readFileSync(join(a.outDir, 'source.json'), 'utf8'));
		expect(source.provenance).toBe('simulated');
		expect(source.generator).toMatchObject({ name: 'scripts/simulate', seed: 7, posts: POSTS });
		expect(source.generator.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(source.generator.config).toEqual(config);
		expect(source.rows).toEqual({ snapshots: snapshots.length, trending_items: items.length, posts: POSTS });
	});

	it('writes every timestamp as ISO 8601 UTC with seconds', () => {
		const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
		for (const s of snapshots) expect(s.captured_at).toMatch(iso);
		for (const p of posts) expect(p.created_at).toMatch(iso);
	});

	it('reports the row counts it wrote', () => {
		expect(a.files.posts.rows).toBe(posts.length);
		expect(a.files.trending_items.rows).toBe(items.length);
		expect(a.files.snapshots.rows).toBe(snapshots.length);
	});
});

describe('trending captures', () => {
	const shareOf = (snapshotId: string) => {
		const tiles = items.filter((i) => i.snapshot_id === snapshotId);
		return tiles.filter((i) => protestTitles.has(i.title)).length / tiles.length;
	};
	const captures = () =>
		snapshots.map((s) => ({ id: s.snapshot_id, at: s.captured_at, share: shareOf(s.snapshot_id) }));

	it('captures the trending feed, 100 items each, with Wayback-like ids and the feed URL', () => {
		expect(snapshots.length).toBeGreaterThan(30);
		for (const s of snapshots) {
			expect(s.snapshot_id).toBe(`trending-all-${s.captured_at.replaceAll('-', '').replaceAll(':', '')}`);
			expect(s).toMatchObject({ feed: 'trending', dimension: 'all', item_count: '100', archive_url: '' });
			expect(s.original_url).toBe(
				'https://www.artstation.com/api/v2/community/explore/projects/trending.json?page=1&dimension=all&per_page=100'
			);
			expect(items.filter((i) => i.snapshot_id === s.snapshot_id).map((i) => Number(i.rank))).toEqual(
				Array.from({ length: 100 }, (_, k) => k + 1)
			);
		}
	});

	it('spaces captures irregularly: denser on Dec 13–16, some days without any', () => {
		const perDay = new Map<string, number>();
		for (const s of snapshots)
			perDay.set(s.captured_at.slice(0, 10), (perDay.get(s.captured_at.slice(0, 10)) ?? 0) + 1);
		const peak = ['2022-12-13', '2022-12-14', '2022-12-15', '2022-12-16'].map((d) => perDay.get(d) ?? 0);
		expect(Math.min(...peak)).toBeGreaterThanOrEqual(3);
		const days = 46; // 2022-12-01 … 2023-01-15
		expect(perDay.size).toBeLessThan(days);
		expect(snapshots[0].captured_at >= '2022-12-01').toBe(true);
		expect(snapshots[snapshots.length - 1].captured_at <= '2023-01-15T23:59:59Z').toBe(true);
	});

	it('shows almost no protest titles before Dec 12', () => {
		const before = captures().filter((c) => c.at < '2022-12-12');
		expect(before.length).toBeGreaterThan(2);
		for (const c of before) expect(c.share).toBeLessThanOrEqual(0.02);
	});

	it('is dominated by protest titles at the Dec 14 peak', () => {
		const dec14 = captures().filter((c) => c.at.startsWith('2022-12-14'));
		expect(dec14.length).toBeGreaterThan(0);
		expect(Math.max(...dec14.map((c) => c.share))).toBeGreaterThanOrEqual(0.8);
		expect(Math.min(...dec14.map((c) => c.share))).toBeGreaterThanOrEqual(0.5);
	});

	it('falls off after the Dec 16 NoAI tag and collapses once posts are hidden (after Dec 23)', () => {
		const all = captures();
		const peak = Math.max(...all.filter((c) => c.at.startsWith('2022-12-14')).map((c) => c.share));
		const dec20 = all.filter((c) => c.at >= '2022-12-19' && c.at < '2022-12-22');
		const late = all.filter((c) => c.at >= '2022-12-24');
		expect(dec20.length).toBeGreaterThan(0);
		expect(late.length).toBeGreaterThan(3);
		expect(Math.max(...dec20.map((c) => c.share))).toBeLessThan(peak - 0.2);
		for (const c of late) expect(c.share).toBeLessThan(0.05);
	});

	it('keeps projects between nearby captures (a persistent pool, not fresh grids)', () => {
		const byCapture = snapshots.map((s) => ({
			at: Date.parse(s.captured_at),
			ids: new Set(items.filter((i) => i.snapshot_id === s.snapshot_id).map((i) => i.project_id))
		}));
		const overlaps: number[] = [];
		for (let k = 1; k < byCapture.length; k++) {
			if (byCapture[k].at - byCapture[k - 1].at > 6 * 3600_000) continue;
			const prev = byCapture[k - 1].ids;
			overlaps.push([...byCapture[k].ids].filter((id) => prev.has(id)).length / 100);
		}
		expect(overlaps.length).toBeGreaterThan(10);
		const mean = overlaps.reduce((x, y) => x + y, 0) / overlaps.length;
		expect(mean).toBeGreaterThan(0.6);
		expect(mean).toBeLessThan(1);
	});

	it('gives each project one stable identity: 7-digit id, 6-char hash, synthetic artist', () => {
		const seen = new Map<string, string>();
		for (const i of items) {
			expect(i.project_id).toMatch(/^\d{7}$/);
			expect(i.hash_id).toMatch(/^[0-9A-Za-z]{6}$/);
			expect(i.artist_username).toMatch(/^sim_artist_\d{4}$/);
			expect(i.artist_name).toBe(`Sim Artist ${Number(i.artist_username.slice(11))}`);
			expect(i).toMatchObject({ cover_url: '', is_protest: '', protest_signal: '' });
			const identity = `${i.hash_id}|${i.title}|${i.artist_username}`;
			expect(seen.get(i.project_id) ?? identity).toBe(identity);
			seen.set(i.project_id, identity);
		}
		const hashes = new Set([...seen.values()].map((v) => v.split('|')[0]));
		expect(hashes.size).toBe(seen.size);
	});

	it('uses protest titles that the data/rules protest rules all flag, and ordinary titles they never flag', () => {
		const { rules, overrides } = loadProtestRules(join(ROOT, 'data/rules'));
		for (const title of protestTitles)
			expect(classifyProtest(title, 'x', rules, overrides).isProtest).toBe(true);
		const ordinary = new Set(items.map((i) => i.title).filter((t) => !protestTitles.has(t)));
		expect(ordinary.size).toBeGreaterThan(100);
		for (const title of ordinary) {
			expect(title).not.toMatch(/\bAI\b/i);
			expect(classifyProtest(title, 'x', rules, overrides).isProtest).toBe(false);
		}
	});
});

describe('posts and cascades', () => {
	const byId = () => new Map(posts.map((p) => [p.post_id, p]));

	it('writes exactly the requested number of posts, with unique ids', () => {
		expect(posts).toHaveLength(POSTS);
		expect(new Set(posts.map((p) => p.post_id)).size).toBe(POSTS);
	});

	it('uses platform-qualified synthetic ids and obviously synthetic handles', () => {
		for (const p of posts) {
			expect(p.post_id).toMatch(new RegExp(`^${p.platform}:sim\\d{9}$`));
			expect(p.author_id).toMatch(new RegExp(`^${p.platform}:simu\\d{7}$`));
			expect(p.author_handle).toMatch(/^sim_/);
			expect(p.author_handle).toMatch(new RegExp(`^sim_${p.lang}_\\d{7}$`));
			expect(p.url).toBe('');
			expect(p.dup_of).toBe('');
		}
	});

	it('keeps every post inside 2022-12-05 … 2023-01-31', () => {
		for (const p of posts) {
			expect(p.created_at >= '2022-12-05T00:00:00Z').toBe(true);
			expect(p.created_at <= '2023-01-31T23:59:59Z').toBe(true);
		}
	});

	it('links every non-root post to an earlier parent in the same cascade, one level deeper', () => {
		const ids = byId();
		let children = 0;
		for (const p of posts) {
			if (!p.parent_id) {
				expect(p).toMatchObject({ depth: '0', cascade_id: p.post_id, edge_kind: '' });
				continue;
			}
			children++;
			const parent = ids.get(p.parent_id);
			expect(parent, `parent of ${p.post_id}`).toBeDefined();
			expect(parent!.created_at < p.created_at).toBe(true);
			expect(Number(p.depth)).toBe(Number(parent!.depth) + 1);
			expect(p.cascade_id).toBe(parent!.cascade_id);
			expect(p.platform).toBe(parent!.platform);
			expect(p.lang).toBe(parent!.lang);
		}
		expect(children).toBeGreaterThan(POSTS / 3);
	});

	it('sets exactly the id column that matches the edge kind', () => {
		for (const p of posts) {
			const set = { reply: p.reply_to_id, quote: p.quote_of_id, repost: p.repost_of_id };
			for (const [kind, value] of Object.entries(set))
				expect(value).toBe(p.edge_kind === kind ? p.parent_id : '');
		}
		const kinds = new Set(posts.map((p) => p.edge_kind));
		expect(kinds).toEqual(new Set(['', 'repost', 'quote', 'reply']));
	});

	it('keeps reposts on platforms that have them', () => {
		const reposting = new Set(posts.filter((p) => p.edge_kind === 'repost').map((p) => p.platform));
		expect(reposting).toEqual(new Set(['twitter', 'mastodon']));
	});

	it('plants about 1% duplicates: same author and text, new id, minutes later, leaves only', () => {
		const groups = new Map<string, Row[]>();
		for (const p of posts) {
			if (p.edge_kind === 'repost') continue;
			const key = `${p.platform}|${p.author_id}|${p.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
			groups.set(key, [...(groups.get(key) ?? []), p]);
		}
		const dupGroups = [...groups.values()].filter((g) => g.length > 1);
		const extra = dupGroups.reduce((n, g) => n + g.length - 1, 0);
		expect(extra).toBe(a.posts.duplicates);
		expect(extra / POSTS).toBeGreaterThan(0.005);
		expect(extra / POSTS).toBeLessThan(0.02);
		expect(Math.max(...dupGroups.map((g) => g.length))).toBeGreaterThanOrEqual(3);
		const hasChildren = new Set(posts.map((p) => p.parent_id));
		for (const g of dupGroups) {
			expect(new Set(g.map((p) => p.post_id)).size).toBe(g.length);
			const times = g.map((p) => Date.parse(p.created_at)).sort((x, y) => x - y);
			expect(times[times.length - 1] - times[0]).toBeLessThan(24 * 3600_000);
			for (const p of g) {
				expect(p.edge_kind).toBe('reply');
				expect(p.parent_id).toBe(g[0].parent_id);
				expect(hasChildren.has(p.post_id)).toBe(false);
			}
		}
	});

	it('covers every stance in both languages, with mj-poisoned on claims and debunks only', () => {
		const combos = new Set(posts.map((p) => `${p.stance}:${p.lang}`));
		for (const stance of ['claim', 'debunk', 'protest', 'pro_ai', 'other']) {
			for (const lang of ['en', 'ko']) expect(combos).toContain(`${stance}:${lang}`);
		}
		for (const p of posts) {
			expect(p.claim_id).toBe(p.stance === 'claim' || p.stance === 'debunk' ? 'mj-poisoned' : '');
		}
	});

	it('orders the rumour: EN claim from Dec 15, EN debunk hours later, KO claim then KO debunk days later', () => {
		const first = (stance: string, lang: string) =>
			posts
				.filter((p) => p.stance === stance && p.lang === lang && !p.parent_id)
				.map((p) => p.created_at)
				.sort()[0];
		const claimEn = first('claim', 'en');
		expect(claimEn.slice(0, 10)).toBe('2022-12-15');
		const hours = (x: string, y: string) => (Date.parse(y) - Date.parse(x)) / 3600_000;
		expect(hours(claimEn, first('debunk', 'en'))).toBeGreaterThan(1);
		expect(hours(claimEn, first('debunk', 'en'))).toBeLessThan(24);
		expect(hours(claimEn, first('claim', 'ko'))).toBeGreaterThan(48);
		expect(hours(first('claim', 'ko'), first('debunk', 'ko'))).toBeGreaterThan(1);
		expect(first('protest', 'en') >= '2022-12-05').toBe(true);
		// Protest calls peak on Dec 13–15: those three days start more protest cascades than any other three.
		// (Roots, not all posts: one heavy-tailed cascade may still make a later day the busiest.)
		const perDay = new Map<string, number>();
		for (const p of posts) {
			if (p.stance === 'protest' && !p.parent_id)
				perDay.set(p.created_at.slice(0, 10), (perDay.get(p.created_at.slice(0, 10)) ?? 0) + 1);
		}
		const threeDays = (start: string) => {
			const t = Date.parse(`${start}T00:00:00Z`);
			return [0, 1, 2].reduce(
				(n, k) => n + (perDay.get(new Date(t + k * 86400_000).toISOString().slice(0, 10)) ?? 0),
				0
			);
		};
		const peak = threeDays('2022-12-13');
		for (const day of perDay.keys()) if (day !== '2022-12-13') expect(threeDays(day)).toBeLessThan(peak);
	});

	it('grows claim cascades larger on average than debunk cascades, without every claim winning', () => {
		const sizes = new Map<string, number>();
		for (const p of posts) sizes.set(p.cascade_id, (sizes.get(p.cascade_id) ?? 0) + 1);
		const roots = posts.filter((p) => !p.parent_id && p.lang === 'en');
		const of = (stance: string) => roots.filter((r) => r.stance === stance).map((r) => sizes.get(r.post_id)!);
		const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
		const claim = of('claim');
		const debunk = of('debunk');
		expect(mean(claim)).toBeGreaterThan(mean(debunk));
		// Not trivially: the chance that a random claim cascade beats a random debunk one (ties count half)
		// is above a coin flip but far from certain.
		let wins = 0;
		for (const c of claim) for (const d of debunk) wins += c > d ? 1 : c === d ? 0.5 : 0;
		const superiority = wins / (claim.length * debunk.length);
		expect(superiority).toBeGreaterThan(0.5);
		expect(superiority).toBeLessThan(0.85);
	});

	it('gives plausible engagement counts that match the observed children', () => {
		const reposts = new Map<string, number>();
		for (const p of posts)
			if (p.edge_kind === 'repost') reposts.set(p.parent_id, (reposts.get(p.parent_id) ?? 0) + 1);
		for (const p of posts) {
			expect(Number(p.repost_count)).toBe(reposts.get(p.post_id) ?? 0);
			expect(Number(p.like_count)).toBeGreaterThanOrEqual(0);
		}
		const likes = posts.map((p) => Number(p.like_count));
		expect(Math.max(...likes)).toBeGreaterThan(100);
	});

	it('writes reposts with the words they spread and authored posts in the right language', () => {
		const ids = byId();
		for (const p of posts) {
			if (p.lang === 'ko' && p.edge_kind !== 'repost') expect(p.text).toMatch(/[가-힣]/);
			if (p.lang === 'en') expect(p.text).not.toMatch(/[가-힣]/);
			if (p.edge_kind === 'repost' && p.platform === 'twitter')
				expect(p.text).toMatch(/^RT @sim_(en|ko)_\d{7}: /);
			if (p.edge_kind === 'repost' && p.platform === 'mastodon') {
				let src = ids.get(p.parent_id)!;
				while (src.edge_kind === 'repost') src = ids.get(src.parent_id)!;
				expect(p.text).toBe(src.text);
			}
		}
	});
});
