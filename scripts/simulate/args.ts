import { MAX_POSTS, MIN_POSTS, type SimOptions } from './index';

/** Command-line arguments of the simulator CLI (kept apart from cli.ts so tests can call it). */

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const USAGE = `usage: npm run data:simulate -- --seed <n> --posts <n> [--out <dir>] [--config <file>]

  --seed <n>      non-negative integer; the same seed and arguments give byte-identical files
  --posts <n>     rows of posts.csv, ${MIN_POSTS} to ${MAX_POSTS} (underscores allowed: 1_000_000)
  --out <dir>     output directory (default data/simulated/seed-<seed>-posts-<posts>)
  --config <file> calibration file (default data/simulator.config.json)
  --help          show this help`;

const FLAGS = ['seed', 'posts', 'out', 'config'] as const;
type Flag = (typeof FLAGS)[number];

function integer(flag: string, text: string, min: number, max: number): number {
	if (!/^\d[\d_]*$/.test(text) || text.endsWith('_')) {
		throw new UsageError(`--${flag} must be a whole number (got "${text}")`);
	}
	const n = Number(text.replaceAll('_', ''));
	if (!Number.isSafeInteger(n) || n < min || n > max) {
		throw new UsageError(`--${flag} must be from ${min} to ${max} (got ${text})`);
	}
	return n;
}

/** Parses `--flag value` and `--flag=value`; returns 'help' for --help / -h. */
export function parseArgs(argv: readonly string[]): SimOptions | 'help' {
	const values: Partial<Record<Flag, string>> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') return 'help';
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (!m) throw new UsageError(`unexpected argument "${arg}"`);
		const flag = m[1] as Flag;
		if (!FLAGS.includes(flag)) throw new UsageError(`unknown flag --${m[1]}`);
		if (flag in values) throw new UsageError(`--${flag} given twice`);
		let value = m[2];
		if (value === undefined) {
			value = argv[++i];
			if (value === undefined || value.startsWith('--')) throw new UsageError(`--${flag} needs a value`);
		}
		if (value === '') throw new UsageError(`--${flag} needs a value`);
		values[flag] = value;
	}
	if (values.seed === undefined) throw new UsageError('--seed is required');
	if (values.posts === undefined) throw new UsageError('--posts is required');
	const seed = integer('seed', values.seed, 0, Number.MAX_SAFE_INTEGER);
	const posts = integer('posts', values.posts, MIN_POSTS, MAX_POSTS);
	return {
		seed,
		posts,
		outDir: values.out ?? `data/simulated/seed-${seed}-posts-${posts}`,
		...(values.config === undefined ? {} : { configPath: values.config })
	};
}
