import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../scripts/simulate/args';
import { ConfigError, loadConfig, validateConfig } from '../../../scripts/simulate/config';
import { simulate } from '../../../scripts/simulate/index';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG_PATH = join(ROOT, 'data/simulator.config.json');
const raw = (): Record<string, unknown> => JSON.parse(readFileSync(CONFIG_PATH, 'utf8'));

/** Walks a dotted path (numbers index arrays) and applies `edit` to the parent object. */
function edited(path: string, edit: (parent: Record<string, unknown>, key: string) => void) {
	const cfg = raw();
	const keys = path.split('.');
	let node: Record<string, unknown> = cfg;
	for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
	edit(node, keys[keys.length - 1]);
	return cfg;
}

describe('data/simulator.config.json', () => {
	it('loads and validates', () => {
		const { config } = loadConfig(CONFIG_PATH);
		expect(config.posts.streams.length).toBeGreaterThanOrEqual(10);
		expect(config.trending.itemsPerCapture).toBe(100);
	});

	it('gives every parameter a justification that names a source key or says GAP', () => {
		const reflects: string[] = [];
		const walk = (v: unknown) => {
			if (Array.isArray(v)) v.forEach(walk);
			else if (v && typeof v === 'object') {
				const o = v as Record<string, unknown>;
				if ('value' in o && 'reflects' in o) reflects.push(String(o.reflects));
				else Object.values(o).forEach(walk);
			}
		};
		walk(raw());
		expect(reflects.length).toBeGreaterThan(100);
		const KEYS =
			/\b(GAP|KYM|KOT1|KOT2|ARS|VICE|80LV|PCG|ARTNET|PETA|TIG|GD|BGP|RED|HKAD|MS|SO|ALOOK|AITR|facts\.md|API shapes|Model detail|Platform mechanics|claims\.csv)\b/;
		for (const r of reflects) expect(r).toMatch(KEYS);
	});

	it('dates the first English claim root on Dec 15 and calls that date a gap', () => {
		const { config } = loadConfig(CONFIG_PATH);
		const claimEn = config.posts.streams.find((s) => s.stance === 'claim' && s.lang === 'en')!;
		expect(new Date(claimEn.anchor!.at * 1000).toISOString().slice(0, 10)).toBe('2022-12-15');
		const rawClaim = (
			raw().posts as { streams: { id: string; anchor: { reflects: string } }[] }
		).streams.find((s) => s.id === claimEn.id)!;
		expect(rawClaim.anchor.reflects).toMatch(/^GAP/);
	});

	it.each([
		[
			'trending.itemsPerCapture',
			(p: Record<string, unknown>, k: string) => delete p[k],
			/trending\.itemsPerCapture is missing/
		],
		[
			'trending.itemsPerCapture.value',
			(p: Record<string, unknown>, k: string) => (p[k] = 'many'),
			/trending\.itemsPerCapture\.value must be an integer/
		],
		[
			'trending.normalUploadsPerDay.reflects',
			(p: Record<string, unknown>, k: string) => delete p[k],
			/normalUploadsPerDay\.reflects must be a sentence/
		],
		[
			'posts.streams.0.offspring.value.mean',
			(p: Record<string, unknown>, k: string) => (p[k] = 1.2),
			/streams\[0\]\.offspring\.value\.mean must be a number in \[0, 1\)/
		],
		[
			'posts.streams.0.share.value',
			(p: Record<string, unknown>, k: string) => (p[k] = 0.9),
			/shares must sum to 1/
		],
		[
			'posts.streams.4.rootRate.value.1.0',
			(p: Record<string, unknown>, k: string) => (p[k] = '2022-12-01T00:00:00Z'),
			/rootRate\.value\[1\]\[0\] must be later/
		],
		[
			'posts.streams.4.anchor.value.at',
			(p: Record<string, unknown>, k: string) => (p[k] = '2022-12-25T00:00:00Z'),
			/anchor\.at must not be later/
		],
		[
			'postsWindow.start.value',
			(p: Record<string, unknown>, k: string) => (p[k] = '2022-12-05'),
			/postsWindow\.start\.value must be a UTC time/
		],
		[
			'trending.surprise',
			(p: Record<string, unknown>, k: string) => (p[k] = { value: 1, reflects: 'GAP: test' }),
			/not a known parameter/
		]
	])('rejects a config where %s is broken', (path, edit, message) => {
		expect(() => validateConfig(edited(path, edit), 'test.json')).toThrow(message);
		expect(() => validateConfig(edited(path, edit), 'test.json')).toThrow(ConfigError);
	});

	it('names the file in load errors', () => {
		expect(() => loadConfig('/nonexistent/sim.json')).toThrow(/\/nonexistent\/sim\.json: cannot read/);
		const dir = mkdtempSync(join(tmpdir(), 'sim-cfg-'));
		writeFileSync(join(dir, 'bad.json'), '{ not json');
		expect(() => loadConfig(join(dir, 'bad.json'))).toThrow(/bad\.json: not valid JSON/);
	});

	it('makes simulate() reject a broken config before writing anything', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sim-cfg-'));
		const path = join(dir, 'broken.json');
		writeFileSync(path, JSON.stringify(edited('posts.maxCascadeSize.value', (p, k) => (p[k] = -1))));
		await expect(
			simulate({ seed: 1, posts: 1000, outDir: join(dir, 'out'), configPath: path })
		).rejects.toThrow(/posts\.maxCascadeSize\.value must be an integer/);
	});
});

describe('command-line arguments', () => {
	it.each([
		[
			['--seed', '7', '--posts', '200000'],
			{ seed: 7, posts: 200000, outDir: 'data/simulated/seed-7-posts-200000' }
		],
		[
			['--posts=1_000_000', '--seed=0'],
			{ seed: 0, posts: 1000000, outDir: 'data/simulated/seed-0-posts-1000000' }
		],
		[
			['--seed', '3', '--posts', '5000', '--out', 'x/y', '--config', 'c.json'],
			{ seed: 3, posts: 5000, outDir: 'x/y', configPath: 'c.json' }
		]
	])('parses %j', (argv, expected) => {
		expect(parseArgs(argv)).toEqual(expected);
	});

	it.each([
		[['--seed', '7', '--posts', 'abc'], /--posts must be a whole number \(got "abc"\)/],
		[['--seed', '7', '--posts', '5'], /--posts must be from 1000 to/],
		[['--seed', '7', '--posts', '-5'], /--posts needs a value|--posts must be a whole number/],
		[['--seed', '7', '--posts', '1e6'], /--posts must be a whole number/],
		[['--seed', '-1', '--posts', '5000'], /--seed/],
		[['--seed', '7'], /--posts is required/],
		[['--posts', '5000'], /--seed is required/],
		[['--seed', '7', '--posts', '5000', '--colour', 'red'], /unknown flag --colour/],
		[['--seed', '7', '--seed', '8', '--posts', '5000'], /--seed given twice/],
		[['--seed', '7', '--posts'], /--posts needs a value/],
		[['seed', '7'], /unexpected argument "seed"/]
	])('rejects %j', (argv, message) => {
		expect(() => parseArgs(argv)).toThrow(message);
		expect(() => parseArgs(argv)).toThrow(UsageError);
	});

	it('returns help for --help', () => {
		expect(parseArgs(['--help'])).toBe('help');
	});
});

describe('CLI process', () => {
	const run = (...args: string[]) =>
		spawnSync(
			process.execPath,
			[join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/simulate/cli.ts', ...args],
			{
				cwd: ROOT,
				encoding: 'utf8'
			}
		);

	it.each([
		[['--seed', '7', '--posts', 'abc'], 2, /--posts must be a whole number/],
		[['--seed', '7', '--posts', '5'], 2, /--posts must be from 1000/],
		[['--seed', '7', '--posts', '5000', '--fast'], 2, /unknown flag --fast/],
		[
			['--seed', '7', '--posts', '5000', '--config', '/nonexistent.json'],
			1,
			/cannot read the simulator config/
		]
	])('exits non-zero with a clear message for %j', (argv, code, message) => {
		const r = run(...argv);
		expect(r.status).toBe(code);
		expect(r.stderr).toMatch(message);
		expect(r.stdout).toBe('');
	});

	it('prints one line per table on success', () => {
		const out = mkdtempSync(join(tmpdir(), 'sim-cli-'));
		const r = run('--seed', '3', '--posts', '1000', '--out', out);
		expect(r.status).toBe(0);
		const lines = r.stdout.trim().split('\n');
		for (const table of ['snapshots', 'trending_items', 'posts', 'source.json']) {
			expect(lines.filter((l) => l.startsWith(table + ' '))).toHaveLength(1);
		}
		expect(r.stdout).toMatch(/posts\s+1000 rows/);
	});
});
