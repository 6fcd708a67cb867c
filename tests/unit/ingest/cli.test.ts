import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../scripts/ingest/args';
import type { InferredAttributionRule } from '../../../scripts/ingest/attribution';
import { byId, FIXTURES, run, tmp } from './helpers';

function cli(...args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', ...args], {
		encoding: 'utf8'
	});
}

describe('the data:ingest command', () => {
	it('writes a source directory, prints the per-file table and exits 0 when the counts balance', () => {
		const out = join(tmp(), 'seed');
		const r = cli(
			'--format',
			'csv',
			'--input',
			`${FIXTURES}/csv/seed-comments.csv`,
			'--map',
			'post_id=comment_id,author_handle=author,created_at=posted_at,text=body,reply_to_id=parent',
			'--platform',
			'alook',
			'--out',
			out
		);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/csv: read 7 = kept 7 \+ duplicates 0 \+ rejected 0 \(0 blank lines\)/);
		expect(r.stdout).toMatch(/seed-comments\.csv\s+7\s+7\s+0\s+0\s+0\s+yes/);
		for (const f of ['posts.csv', 'source.json', 'summary.json']) expect(existsSync(join(out, f))).toBe(true);
		expect(existsSync(join(out, 'rejects.jsonl'))).toBe(false);
		expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({
			balanced: true,
			total: { read: 7 }
		});
	});

	it('exits 1 with the usage on a bad command line', () => {
		const r = cli('--format', 'myspace', '--input', 'x');
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/--format must be one of wayback, twitter-v2, mastodon, csv/);
		expect(r.stderr).toMatch(/Usage: npm run data:ingest/);
	});

	it('exits 1 naming the problem when a mapping does not fit the file', () => {
		const r = cli(
			'--format',
			'csv',
			'--input',
			`${FIXTURES}/csv/seed-comments.csv`,
			'--out',
			join(tmp(), 'x')
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/no column for post_id; map one with --map post_id=<source column>/);
	});
});

describe('parseArgs', () => {
	it('takes several inputs after one --input, repeated --map flags and named delimiters', () => {
		const o = parseArgs([
			'--format',
			'csv',
			'--input',
			'a.csv',
			'b.csv',
			'--input=c.csv',
			'--map',
			'post_id=id',
			'--map=text=body,created_at=time',
			'--delimiter',
			'tab',
			'--window-minutes',
			'5'
		]);
		expect(o.inputs).toEqual(['a.csv', 'b.csv', 'c.csv']);
		expect(o.csv).toMatchObject({
			map: { post_id: 'id', text: 'body', created_at: 'time' },
			delimiter: '\t',
			table: 'posts'
		});
		expect(o.out).toBe('data/ingested/csv-a');
	});

	it.each([
		[['--input', 'x'], /--format must be one of/],
		[['--format', 'csv'], /--input needs at least one/],
		[['--format', 'csv', '--input', 'x', '--bogus'], /unknown option --bogus/],
		[['--format', 'csv', '--input', 'x', '--delimiter', ':'], /--delimiter must be one of/],
		[
			['--format', 'wayback', '--input', 'x', '--window-minutes', '0'],
			/--window-minutes: expected a positive integer/
		]
	])('refuses %j', (argv, message) => {
		expect(() => parseArgs(argv)).toThrow(UsageError);
		expect(() => parseArgs(argv)).toThrow(message);
	});
});

describe('the run', () => {
	it('clears an earlier run’s files from the output folder', async () => {
		const out = join(tmp(), 'reused');
		await run({ format: 'wayback', inputs: [`${FIXTURES}/wayback`], out });
		expect(existsSync(join(out, 'snapshots.csv'))).toBe(true);
		await run({ format: 'twitter-v2', inputs: [`${FIXTURES}/twitter-v2/flattened.jsonl`], out });
		expect(existsSync(join(out, 'snapshots.csv'))).toBe(false);
		expect(existsSync(join(out, 'rejects.jsonl'))).toBe(false);
		expect(existsSync(join(out, 'posts.csv'))).toBe(true);
	});

	it('leaves room for inferred attribution: a rule adds parents only where no observed one exists', async () => {
		// Test rule: a claim with no parent attaches to the earliest earlier claim.
		const rule: InferredAttributionRule = {
			id: 'test-earliest-claim',
			description: 'a claim attaches to the earliest earlier claim',
			sql: `SELECT c.post_id, arg_min(p.post_id, p.ts) AS parent_id
				FROM posts_kept c JOIN posts_kept p ON p.stance = 'claim' AND c.stance = 'claim' AND p.ts < c.ts
				GROUP BY c.post_id`
		};
		const r = await run({ format: 'twitter-v2', inputs: [`${FIXTURES}/twitter-v2`], inferredRules: [rule] });
		const p = byId(r.posts);
		expect(p.get('twitter:1603456789012346100')).toMatchObject({
			parent_id: 'twitter:1603456789012345678',
			edge_kind: 'inferred',
			cascade_id: 'twitter:1603456789012345678',
			depth: '1'
		});
		// Observed edges win: the retweet and the quote keep theirs.
		expect(p.get('twitter:1603456789012345700')?.edge_kind).toBe('repost');
		expect(p.get('twitter:1603456789012347000')?.edge_kind).toBe('quote');
		expect(r.summary.posts?.cascades.edges).toEqual({ inferred: 1, quote: 2, reply: 2, repost: 2 });
		expect((r.source.rules as Record<string, unknown>).inferred_attribution).toEqual(['test-earliest-claim']);
	});
});
