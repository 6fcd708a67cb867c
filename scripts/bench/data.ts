// `npm run bench:data [-- --sizes 100000,1000000,10000000]`: simulate + build at each size, each in a fresh
// process; prints wall time, peak RSS and output bytes. Targets (issue 2): 1M posts ≤ 60 s and ≤ 2 GB RSS.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: { sizes: { type: 'string', default: '100000,1000000' }, seed: { type: 'string', default: '7' } }
});
const sizes = values.sizes!.split(',').map(Number);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const rows: string[][] = [];
let failed = false;

for (const posts of sizes) {
	const line = execFileSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'scripts/bench/data-run.ts',
			values.seed!,
			String(posts),
			join(tmpdir(), `bench-data-${posts}`)
		],
		{ encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const r = JSON.parse(line.trim().split('\n').pop()!);
	const total = (r.simulateMs + r.buildMs) / 1000;
	const ok = posts !== 1_000_000 || (total <= 60 && r.maxRssMb <= 2048);
	failed ||= !ok;
	rows.push([
		posts.toLocaleString('en'),
		(r.simulateMs / 1000).toFixed(1),
		(r.buildMs / 1000).toFixed(1),
		total.toFixed(1),
		r.maxRssMb.toFixed(0),
		mb(r.parquet),
		mb(r.csv),
		mb(r.arrow),
		posts === 1_000_000 ? (ok ? 'ok' : 'MISSED') : ''
	]);
}

const head = [
	'posts',
	'simulate s',
	'build s',
	'total s',
	'peak RSS MB',
	'parquet MB',
	'csv MB',
	'arrow MB',
	'1M target'
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r: string[]) => '| ' + r.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
console.log(fmt(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(fmt(r));
console.log('\nTarget: 1M posts simulate + build ≤ 60 s and ≤ 2 GB peak RSS on a 2-core machine.');
process.exit(failed ? 1 : 0);
