import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { buildData, parseBuildArgs } from '../../../scripts/build-data';

const FIXTURE = 'tests/fixtures/source-mini';
const tmp = mkdtempSync(join(tmpdir(), 'build-data-'));

const build = (out: string, source = FIXTURE, extra: string[] = []) =>
	buildData(parseBuildArgs(['--source', source, '--out', out, '--quiet', ...extra]));

function hashTree(dir: string): Record<string, string> {
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
	const out: Record<string, string> = {};
	for (const f of files) {
		try {
			out[f] = createHash('sha256')
				.update(readFileSync(join(dir, f)))
				.digest('hex');
		} catch {
			/* a directory */
		}
	}
	return out;
}

async function query<T>(sql: string): Promise<T[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		return (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[];
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** post_id and copies of every row of the given Arrow IPC files, sorted by post_id. */
function readArrowCopies(files: string[]): { post_id: string; copies: number }[] {
	return files
		.flatMap((f) => tableFromIPC(readFileSync(f)).toArray())
		.map((r) => ({ post_id: String(r.post_id), copies: Number(r.copies) }))
		.sort((a, b) => (a.post_id < b.post_id ? -1 : a.post_id > b.post_id ? 1 : 0));
}

describe('data build on a small hand-made source', () => {
	const a = join(tmp, 'a');
	const b = join(tmp, 'b');
	beforeAll(async () => {
		await build(a);
		await build(b);
	});

	it('rebuilds byte for byte from the same inputs', () => {
		const first = hashTree(a);
		expect(Object.keys(first).length).toBeGreaterThan(20);
		expect(hashTree(b)).toEqual(first);
	});

	it('writes every contract table as Parquet and CSV, listed in the manifest with matching sha256', () => {
		const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
		for (const name of ['snapshots', 'trending_items', 'posts', 'events', 'claims', 'cascades']) {
			const files = manifest.tables[name].files as { path: string; sha256: string; bytes: number }[];
			expect(files.map((f) => f.path)).toEqual([`${name}.parquet`, `${name}.csv`]);
			for (const f of files) {
				const bytes = readFileSync(join(a, f.path));
				expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
				expect(bytes.length).toBe(f.bytes);
			}
		}
		expect(manifest.tables.posts).toMatchObject({ rows: 16, provenance: { simulated: 16 } });
		expect(manifest.tables.events.provenance).toEqual({ documented: manifest.tables.events.rows });
		expect(manifest.datasetVersion).toMatch(/^[0-9a-f]{16}$/);
	});

	it('marks near-duplicates by text, not by the source: the seed comments posted 4× and 2×', async () => {
		const rows = await query<{ post_id: string; dup_of: string }>(
			`SELECT post_id, dup_of FROM '${a}/posts.parquet' WHERE dup_of IS NOT NULL ORDER BY post_id`
		);
		expect(rows).toEqual([
			{ post_id: 'naver_blog:sim021', dup_of: 'naver_blog:sim020' },
			{ post_id: 'naver_blog:sim022', dup_of: 'naver_blog:sim020' },
			{ post_id: 'naver_blog:sim024', dup_of: 'naver_blog:sim020' },
			{ post_id: 'naver_blog:sim025', dup_of: 'naver_blog:sim023' }
		]);
	});

	it('derives cascade metrics with the shared functions: a star, a chain, and a reply re-hung from a copy', async () => {
		const rows = await query<Record<string, unknown>>(
			`SELECT cascade_id, size, depth, max_breadth, round(structural_virality, 6) AS sv FROM '${a}/cascades.parquet' ORDER BY cascade_id`
		);
		expect(rows).toEqual([
			{ cascade_id: 'naver_blog:sim020', size: 2, depth: 1, max_breadth: 1, sv: 1 },
			{ cascade_id: 'naver_blog:sim023', size: 1, depth: 0, max_breadth: 1, sv: null },
			{ cascade_id: 'twitter:1603456789012345678', size: 1, depth: 0, max_breadth: 1, sv: null },
			// Star of 4: ν = 2(n−1)/n = 1.5.
			{ cascade_id: 'twitter:sim001', size: 4, depth: 1, max_breadth: 3, sv: 1.5 },
			// Chain of 4: ν = (n+1)/3.
			{ cascade_id: 'twitter:sim010', size: 4, depth: 3, max_breadth: 1, sv: 1.666667 }
		]);
	});

	it('classifies trending titles with the data rules and records which rule matched', async () => {
		const rows = await query<{ title: string; is_protest: boolean; protest_signal: string | null }>(
			`SELECT DISTINCT title, is_protest, protest_signal FROM '${a}/trending_items.parquet' ORDER BY title`
		);
		expect(rows).toContainEqual({ title: '#NoAIArt', is_protest: true, protest_signal: 'title:noaiart-tag' });
		expect(rows).toContainEqual({
			title: 'AI 생성 이미지 반대',
			is_protest: true,
			protest_signal: 'title:ko-ai-oppose'
		});
		expect(rows).toContainEqual({ title: 'Forest Spirit', is_protest: false, protest_signal: null });
	});

	it('keeps a 19-digit id as a string in Parquet, CSV and the browser file index', async () => {
		const [row] = await query<{ post_id: string; t: string }>(
			`SELECT post_id, typeof(post_id) AS t FROM '${a}/posts.parquet' WHERE post_id LIKE '%1603456789012345678'`
		);
		expect(row).toEqual({ post_id: 'twitter:1603456789012345678', t: 'VARCHAR' });
		expect(readFileSync(join(a, 'posts.csv'), 'utf8')).toContain('twitter:1603456789012345678,');
	});

	it('makes the CSV download spreadsheet-safe in text columns only', () => {
		const items = readFileSync(join(a, 'trending_items.csv'), 'utf8');
		expect(items).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
		const posts = readFileSync(join(a, 'posts.csv'), 'utf8');
		expect(posts).toContain(`,'=1+1 wow really?,`);
		expect(posts).toMatch(/,2022-12-15T10:00:00Z,/);
	});

	it('writes the pre-aggregates the prerendered charts read', () => {
		const wave = JSON.parse(readFileSync(join(a, 'agg/wave.json'), 'utf8'));
		expect(wave.captures.map((c: { top100: number }) => c.top100)).toEqual([1, 3, 1]);
		expect(wave.metrics.top100.peak).toEqual({ share: 0.75, at: Date.parse('2022-12-14T06:00:00Z') });
		expect(wave.provenance).toEqual(['simulated']);
		const index = JSON.parse(readFileSync(join(a, 'arrow/index.json'), 'utf8'));
		const [only] = index.tables.posts.files;
		expect(index.tables.posts.files).toHaveLength(1);
		expect(only).toMatchObject({ from: Date.parse('2022-12-15T10:00:00Z') });
	});
});

describe('browser posts partitions', () => {
	const out = join(tmp, 'parts');
	type Part = { path: string; rows: number; from: number; to: number };
	let parts: Part[];
	beforeAll(async () => {
		await build(out, FIXTURE, ['--partition-rows', '2']);
		parts = JSON.parse(readFileSync(join(out, 'arrow/index.json'), 'utf8')).tables.posts.files;
	});

	it('cut the posts in time order at hour boundaries, each with enough rows, and cover them all', async () => {
		const posts = await query<{ t: number }>(
			`SELECT epoch_ms(created_at)::DOUBLE AS t FROM '${join(out, 'posts.parquet')}' ORDER BY t`
		);
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.reduce((n, p) => n + p.rows, 0)).toBe(posts.length);
		for (const [i, p] of parts.entries()) {
			expect(p.from % 3_600_000).toBe(0);
			expect(p.to % 3_600_000).toBe(0);
			if (i > 0) expect(p.from).toBeGreaterThanOrEqual(parts[i - 1].to);
			if (i < parts.length - 1) expect(p.rows).toBeGreaterThanOrEqual(2);
			const inside = posts.filter(({ t }) => t >= p.from && t < p.to);
			expect(inside).toHaveLength(p.rows);
		}
	});

	it('pair each light partition with a text partition over the same hours', () => {
		const index = JSON.parse(readFileSync(join(out, 'arrow/index.json'), 'utf8'));
		const text = index.tables.posts_text.files as Part[];
		expect(text.map((p) => [p.from, p.to, p.rows])).toEqual(parts.map((p) => [p.from, p.to, p.rows]));
	});

	it('give each post its number of near-duplicate copies', async () => {
		const expected = await query<{ post_id: string; copies: number }>(
			`SELECT p.post_id, (SELECT count(*) FROM '${join(out, 'posts.parquet')}' c WHERE c.dup_of = p.post_id)::INTEGER AS copies
			FROM '${join(out, 'posts.parquet')}' p ORDER BY 1`
		);
		expect(expected.some((r) => r.copies > 0)).toBe(true);
		const got = readArrowCopies(parts.map((p) => join(out, p.path)));
		expect(got).toEqual(expected);
	});
});

describe('long lines', () => {
	it('reads a post longer than the former 8 MiB line limit, as an ingester may write one', async () => {
		const dir = join(tmp, 'long-line');
		cpSync(FIXTURE, dir, { recursive: true });
		const text = 'long '.repeat(2_400_000); // 12 MB: past the build's former 8 MiB limit
		const row = `twitter:simlong,twitter,twitter:simu01,sim_en_01,2022-12-15T12:00:00Z,en,${text},,,,,0,0,0,other,,twitter:simlong,,,0,,simulated`;
		writeFileSync(join(dir, 'posts.csv'), readFileSync(join(dir, 'posts.csv'), 'utf8') + row + '\n');
		const out = join(tmp, 'long-line-out');
		await build(out, dir);
		const [got] = await query<{ n: number }>(
			`SELECT strlen("text")::INTEGER AS n FROM '${join(out, 'posts.parquet')}' WHERE post_id = 'twitter:simlong'`
		);
		expect(got.n).toBe(text.length);
	}, 120_000);
});

describe('bad input stops the build with a message that says where', () => {
	function brokenSource(name: string, file: string, edit: (text: string) => string): string {
		const dir = join(tmp, name);
		cpSync(FIXTURE, dir, { recursive: true });
		writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
		return dir;
	}

	it.each([
		[
			'a timestamp with an offset instead of Z',
			'posts.csv',
			(t: string) => t.replace('2022-12-15T10:05:00Z', '2022-12-15T19:05:00+09:00'),
			/posts\.csv row 2, column created_at: "2022-12-15T19:05:00\+09:00" is not a valid TIMESTAMP/
		],
		[
			'an unknown stance',
			'posts.csv',
			(t: string) => t.replace(',claim,mj-poisoned,twitter:sim001,,', ',rumour,mj-poisoned,twitter:sim001,,'),
			/posts\.csv row 1, column stance: "rumour" is not a valid value/
		],
		[
			'a missing column',
			'snapshots.csv',
			(t: string) => t.replace('item_count,', 'items,'),
			/snapshots\.csv: missing column\(s\) item_count/
		],
		[
			'a rank that is not a number',
			'trending_items.csv',
			(t: string) => t.replace('trending-all-20221212T120000Z,2,', 'trending-all-20221212T120000Z,two,'),
			/trending_items\.csv row 2, column rank: "two" is not a valid INTEGER/
		]
	])('rejects %s', async (_, file, edit, message) => {
		const dir = brokenSource(`bad-${file}-${Math.random().toString(36).slice(2)}`, file, edit);
		await expect(build(join(tmp, 'out-bad'), dir)).rejects.toThrow(message);
	});

	it('names file, line and column of a malformed documented CSV', async () => {
		const docs = join(tmp, 'documented-bad');
		cpSync('data/documented', docs, { recursive: true });
		const events = readFileSync(join(docs, 'events.csv'), 'utf8').split('\n');
		events[2] = events[2].replace(/,(C2|S1|U),documented$/, ',C9,documented');
		writeFileSync(join(docs, 'events.csv'), events.join('\n'));
		const config = join(tmp, 'bad-docs.config.json');
		writeFileSync(
			config,
			JSON.stringify({
				simulate: { seed: 1, posts: 1000 },
				documented: docs,
				rules: 'data/rules',
				out: join(tmp, 'x')
			})
		);
		await expect(build(join(tmp, 'out-docs'), FIXTURE, ['--config', config])).rejects.toThrow(
			/events\.csv:3:confidence/
		);
	});

	it('refuses unknown flags and non-numeric sizes', () => {
		expect(() => parseBuildArgs(['--posts', 'many'])).toThrow(/--posts must be a whole number/);
		expect(() => parseBuildArgs(['--bogus'])).toThrow(/bogus/);
	});
});

describe('data build at a size where cascades are written in several batches', () => {
	it('derives one cascade row per cascade named in posts, none lost while streaming', async () => {
		const { simulate } = await import('../../../scripts/simulate/index');
		const source = join(tmp, 'sim-20k');
		const out = join(tmp, 'sim-20k-out');
		await simulate({ seed: 3, posts: 20_000, outDir: source });
		await build(out, source);
		const [row] = await query<{ cascades: number; named: number; sized: number; kept: number }>(
			`SELECT (SELECT count(*) FROM '${out}/cascades.parquet')::INTEGER AS cascades,
				(SELECT count(DISTINCT cascade_id) FROM '${out}/posts.parquet' WHERE dup_of IS NULL)::INTEGER AS named,
				(SELECT sum(size) FROM '${out}/cascades.parquet')::INTEGER AS sized,
				(SELECT count(*) FROM '${out}/posts.parquet' WHERE dup_of IS NULL)::INTEGER AS kept`
		);
		expect(row.cascades).toBeGreaterThan(2000);
		expect(row.cascades).toBe(row.named);
		expect(row.sized).toBe(row.kept);
	});
});
