/**
 * `npm run bench:ingest [-- --tweets 1000000 --per-page 100 --keep]`
 *
 * Writes a synthetic twitter-v2 (twarc2 page-per-line) JSONL with N tweets into a temporary folder (not timed),
 * then runs the real CLI on it in a child process under `/usr/bin/time -v` (peak RSS of the whole child, DuckDB
 * included; falls back to the child's own `process.resourceUsage().maxRSS` report) and prints a table.
 * Targets: ≥ 50,000 posts/s and ≤ 1.5 GB peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TARGET_POSTS_PER_S = 50_000;
const TARGET_RSS_BYTES = 1.5 * 1024 ** 3;

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TEXTS_EN = [
	'The protest images are already inside Midjourney, my generations are ruined',
	"That's not how training works. Midjourney isn't retrained in real time.",
	'No to AI generated images #NoAIArt',
	'ArtStation trending is nothing but protest logos today',
	'AI is just a tool, adapt or die',
	'lol the poisoned Midjourney thing was a joke, relax',
	'Beautiful environment study, love the lighting 🎨✨',
	'Does anyone know when the new filters ship?'
];
const TEXTS_KO = [
	'미드저니가 오염됐다니 진짜야? 😱',
	'미드저니는 실시간으로 학습하지 않습니다. 가짜 뉴스예요',
	'아트스테이션 AI 반대 시위 🚫 응원합니다',
	'제2의 러다이트 운동이라니 흥미롭네요',
	'오늘 트렌딩 탭 분위기 대단하다'
];

const WORDS = [
	'logo',
	'trending',
	'artists',
	'dataset',
	'filter',
	'portfolio',
	'epic',
	'today',
	'그림',
	'작가',
	'오늘',
	'wow'
];
const RECENT = 256;

/** Writes `tweets` tweets as API pages of `perPage`: 60% originals, 25% retweets, 10% replies, 5% quotes. */
async function generate(path: string, tweets: number, perPage: number): Promise<void> {
	const random = rng(20221214);
	const out = createWriteStream(path);
	const base = 1603000000000000000n;
	const t0 = Date.parse('2022-12-13T00:00:00Z');
	const users = 50_000;
	const recent: { author: number; text: string }[] = [];
	let written = 0;
	while (written < tweets) {
		const n = Math.min(perPage, tweets - written);
		const data: unknown[] = [];
		const authors = new Set<number>();
		const included: unknown[] = [];
		for (let i = 0; i < n; i++) {
			const k = written + i;
			const id = (base + BigInt(k) * 1000n).toString();
			const author = Math.floor(random() * users);
			authors.add(author);
			const ko = random() < 0.3;
			const pool = ko ? TEXTS_KO : TEXTS_EN;
			// Mostly unique texts: a template, two words and a number.
			let text = `${pool[Math.floor(random() * pool.length)]} ${WORDS[Math.floor(random() * WORDS.length)]} ${WORDS[Math.floor(random() * WORDS.length)]} ${Math.floor(random() * 1e6)}`;
			const roll = random();
			const tweet: Record<string, unknown> = {
				id,
				author_id: String(1000 + author),
				created_at: new Date(t0 + k * 250).toISOString(),
				lang: ko ? 'ko' : 'en',
				conversation_id: id,
				public_metrics: {
					retweet_count: Math.floor(random() * 50),
					reply_count: Math.floor(random() * 10),
					like_count: Math.floor(random() * 500),
					quote_count: 0,
					impression_count: Math.floor(random() * 10_000)
				},
				edit_history_tweet_ids: [id]
			};
			if (k > 0 && roll < 0.4) {
				// Mostly to recent tweets, sometimes far back: deep and wide cascades.
				const back =
					random() < 0.8 ? 1 + Math.floor(random() * Math.min(k, RECENT)) : 1 + Math.floor(random() * k);
				const target = (base + BigInt(k - back) * 1000n).toString();
				const original = back <= RECENT ? recent[(k - back) % RECENT] : null;
				const kind = roll < 0.25 ? 'retweeted' : roll < 0.35 ? 'replied_to' : 'quoted';
				tweet.referenced_tweets = [{ type: kind, id: target }];
				if (kind === 'retweeted') {
					text = `RT @user${original?.author ?? 0}: ${original?.text ?? text}`.slice(0, 140);
				}
				if (kind === 'replied_to') text = `@user${original?.author ?? 0} ${text}`;
				if (random() < 0.05) {
					// twarc2 pages carry the referenced tweets in includes.tweets: exact duplicates to merge.
					included.push({
						id: target,
						author_id: '1000',
						created_at: new Date(t0).toISOString(),
						text: 'original',
						lang: 'en'
					});
				}
			}
			recent[k % RECENT] = { author, text };
			tweet.text = text;
			data.push(tweet);
		}
		const page = {
			data,
			includes: {
				users: [...authors, 0].map((a) => ({
					id: String(1000 + a),
					username: `user${a}`,
					name: `User ${a}`
				})),
				tweets: included
			},
			meta: {
				result_count: n,
				newest_id: (data[n - 1] as { id: string }).id,
				oldest_id: (data[0] as { id: string }).id
			},
			__twarc: {
				url: 'https://api.twitter.com/2/tweets/search/all',
				version: '2.14.0',
				retrieved_at: '2023-01-01T00:00:00+00:00'
			}
		};
		if (!out.write(JSON.stringify(page) + '\n')) await once(out, 'drain');
		written += n;
	}
	await new Promise<void>((r) => out.end(r));
}

function formatBytes(n: number): string {
	return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GB` : `${(n / 1024 ** 2).toFixed(0)} MB`;
}

async function main(): Promise<void> {
	const tweets = arg('tweets', 1_000_000);
	const perPage = arg('per-page', 100);
	const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
	const input = join(dir, 'tweets.jsonl');
	const out = join(dir, 'out');
	try {
		process.stdout.write(`generating ${tweets.toLocaleString('en')} tweets in ${input} … `);
		await generate(input, tweets, perPage);
		console.log(formatBytes(statSync(input).size));

		const cli = resolve('scripts/ingest/cli.ts');
		const node = [
			process.execPath,
			'--import',
			'tsx',
			cli,
			'--format',
			'twitter-v2',
			'--input',
			input,
			'--out',
			out,
			'--quiet'
		];
		const timeBin = '/usr/bin/time';
		const useTime = existsSync(timeBin);
		const cmd = useTime ? [timeBin, '-v', ...node] : node;
		const load0 = loadavg()[0].toFixed(2);
		const started = performance.now();
		const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
		const wall = (performance.now() - started) / 1000;
		process.stdout.write(r.stdout);
		if (r.status !== 0) {
			console.error(r.stderr);
			throw new Error(`ingest exited with ${r.status}`);
		}
		const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
		const rssKb = useTime
			? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN)
			: NaN;
		const rss = rssKb * 1024;
		const cpuOf = (label: string) =>
			Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
		const cpu = useTime ? cpuOf('User') + cpuOf('System') : Number(summary.timings?.cpu ?? NaN);
		const seconds = Number(summary.seconds);
		const rows = [
			['tweets', tweets.toLocaleString('en')],
			['records read', summary.total.read.toLocaleString('en')],
			['posts kept', summary.outputs.posts.toLocaleString('en')],
			['duplicates merged', summary.total.duplicates.toLocaleString('en')],
			['input size', formatBytes(statSync(input).size)],
			['seconds (ingest)', seconds.toFixed(2)],
			['seconds (process, wall)', wall.toFixed(2)],
			['  of which reading (workers)', Number(summary.timings?.read ?? NaN).toFixed(2)],
			['  of which DuckDB passes + posts.csv', Number(summary.timings?.finalize ?? NaN).toFixed(2)],
			['CPU seconds (user + sys, all threads)', cpu.toFixed(2)],
			[
				'CPU share of the machine (CPU s / wall s)',
				`${(cpu / wall).toFixed(2)} of ${availableParallelism()} cores`
			],
			['posts per CPU second', Math.round(tweets / cpu).toLocaleString('en')],
			['posts/s (ingest)', Math.round(tweets / seconds).toLocaleString('en')],
			['posts/s (wall)', Math.round(tweets / wall).toLocaleString('en')],
			['peak RSS', Number.isNaN(rss) ? 'n/a (no /usr/bin/time)' : formatBytes(rss)],
			[
				'CPUs / load average before → after',
				`${availableParallelism()} / ${load0} → ${loadavg()[0].toFixed(2)}`
			]
		];
		const w = Math.max(...rows.map((x) => x[0].length));
		console.log(`\n| ${'metric'.padEnd(w)} | value |\n| ${'-'.repeat(w)} | ----- |`);
		for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
		const fast = tweets / wall >= TARGET_POSTS_PER_S;
		const small = Number.isNaN(rss) || rss <= TARGET_RSS_BYTES;
		console.log(
			`\ntargets: ≥ ${TARGET_POSTS_PER_S.toLocaleString('en')} posts/s ${fast ? 'met' : 'MISSED'}, ` +
				`≤ ${formatBytes(TARGET_RSS_BYTES)} peak RSS ${small ? 'met' : 'MISSED'}`
		);
		if (!fast || !small) process.exitCode = 1;
	} finally {
		if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
		else console.log(`kept ${dir}`);
	}
}

await main();
