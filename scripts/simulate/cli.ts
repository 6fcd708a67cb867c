import { ConfigError } from './config';
import { parseArgs, UsageError, USAGE } from './args';
import { simulate, type SimSummary } from './index';

/** `npm run data:simulate -- --seed 7 --posts 200000 [--out dir] [--config file]` */

function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function report(s: SimSummary, seconds: number): string {
	const line = (name: string, f: { rows: number; bytes: number; path: string }, extra = '') =>
		`${name.padEnd(15)}${String(f.rows).padStart(10)} rows ${formatBytes(f.bytes).padStart(9)}  ${f.path}${extra}`;
	const t = s.trending;
	const p = s.posts;
	return [
		line('snapshots', s.files.snapshots, `  (${t.firstCaptureAt} … ${t.lastCaptureAt})`),
		line(
			'trending_items',
			s.files.trending_items,
			`  (peak protest share ${(t.peakProtestShare * 100).toFixed(0)}% at ${t.peakProtestAt})`
		),
		line(
			'posts',
			s.files.posts,
			`  (${p.cascades} cascades, largest ${p.largestCascade}, ${p.duplicates} planted duplicates)`
		),
		line('source.json', s.files.source),
		`done in ${seconds.toFixed(1)} s (seed ${s.seed})`
	].join('\n');
}

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs(argv);
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`data:simulate: ${e.message}\n\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	if (args === 'help') {
		console.log(USAGE);
		return 0;
	}
	const started = performance.now();
	try {
		const summary = await simulate(args);
		console.log(report(summary, (performance.now() - started) / 1000));
		return 0;
	} catch (e) {
		if (e instanceof ConfigError || e instanceof RangeError) {
			console.error(`data:simulate: ${e.message}`);
			return 1;
		}
		throw e;
	}
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(e) => {
		console.error(e);
		process.exitCode = 1;
	}
);
