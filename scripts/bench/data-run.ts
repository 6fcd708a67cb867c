// One benchmark run in its own process, so peak RSS belongs to this run alone. Prints one JSON line.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildData, parseBuildArgs } from '../build-data';
import { simulate } from '../simulate/index';

const [seed, posts, work] = process.argv.slice(2);
const source = join(work, 'source');
const out = join(work, 'out');
rmSync(work, { recursive: true, force: true });

const t0 = performance.now();
await simulate({ seed: Number(seed), posts: Number(posts), outDir: source });
const t1 = performance.now();
await buildData(parseBuildArgs(['--source', source, '--out', out, '--quiet']));
const t2 = performance.now();

const sizes: Record<string, number> = { parquet: 0, csv: 0, arrow: 0, json: 0 };
for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
	const ext = f.split('.').pop() ?? '';
	if (ext in sizes) sizes[ext] += statSync(join(out, f)).size;
}
console.log(
	JSON.stringify({
		posts: Number(posts),
		simulateMs: t1 - t0,
		buildMs: t2 - t1,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		...sizes
	})
);
rmSync(work, { recursive: true, force: true });
