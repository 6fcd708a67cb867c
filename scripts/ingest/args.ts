import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DELIMITERS, MAPPABLE, parseMapFlag, type CsvOptions, type CsvTable } from './formats/csv';
import { FORMATS, type Format, type IngestOptions } from './run';

export const USAGE = `Usage: npm run data:ingest -- --format <wayback|twitter-v2|mastodon|csv> --input <file-or-dir>... [options]

Writes a source directory (posts.csv or snapshots.csv + trending_items.csv, source.json, summary.json,
rejects.jsonl) with provenance = observed. See scripts/ingest/README.md.

Common options
  --out <dir>              output folder (default data/ingested/<format>-<first input name>)
  --rules <dir>            rules folder (default data/rules)
  --labels <file>          manual stance labels (default <rules>/stance-labels.csv)
  --assume-utc             read timestamps without an offset as UTC (default: reject them)
  --max-raw-bytes <n>      keep at most n bytes of each reject's raw text (default 10240)
  --max-line-bytes <n>     longer lines are rejected, only their head kept (default 33554432)
  --mark-near-duplicates   fill posts.dup_of with the build's near-duplicate SQL (default: leave it to the build)
  --memory-limit <size>    DuckDB memory limit for the run-wide passes (default 1GB)
  --threads <n>            DuckDB threads (default 2)
  --workers <n>            worker threads for large JSON-lines files (default: one per CPU, at most 8)
  --parallel-min-bytes <n> JSON-lines files at least this large are split across the workers (default 67108864)
  --keep-staging           keep <out>/.staging-<pid>/ for debugging
  --quiet                  print only the totals line
wayback
  --window-minutes <n>     captures of one feed within n minutes form one snapshot (default 30)
  --bodies <dir>           where the capture bodies are (default: the CDX file's folder)
mastodon
  --instance <host>        server the statuses were fetched from (default: found from a local account's status)
csv
  --table <posts|trending_items>   target table (default posts)
  --map <col=source,...>   contract column = source column (repeatable)
  --mapping <file.json>    {"table", "delimiter", "platform", "lang", "feed", "dimension", "assume_utc", "columns": {col: source}}
  --delimiter <d>          , ; tab | (default: guessed from the header)
  --platform <name>        platform of every row when no column gives it (e.g. twitter)
  --lang <code>            language of every row when no column gives it (default und)
  --feed <trending|latest> --dimension <d>   for trending_items rows without those columns
`;

export class UsageError extends Error {}

const FLAGS_WITH_VALUE = new Set([
	'format',
	'out',
	'rules',
	'labels',
	'max-raw-bytes',
	'max-line-bytes',
	'memory-limit',
	'threads',
	'workers',
	'parallel-min-bytes',
	'window-minutes',
	'bodies',
	'instance',
	'table',
	'map',
	'mapping',
	'delimiter',
	'platform',
	'lang',
	'feed',
	'dimension'
]);
const BOOLEAN_FLAGS = new Set(['assume-utc', 'mark-near-duplicates', 'keep-staging', 'quiet', 'help']);

export interface CliOptions extends IngestOptions {
	quiet: boolean;
	help: boolean;
}

function positiveInt(name: string, v: string | undefined): number | undefined {
	if (v === undefined) return undefined;
	if (!/^\d+$/.test(v) || Number(v) < 1)
		throw new UsageError(`--${name}: expected a positive integer, got "${v}"`);
	return Number(v);
}

/** Parses the command line (`--flag value`, `--flag=value`, and several values after `--input`). */
export function parseArgs(argv: readonly string[]): CliOptions {
	const values = new Map<string, string[]>();
	const bools = new Set<string>();
	const inputs: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
		const eq = a.indexOf('=');
		const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
		if (name === 'input') {
			if (eq > 0) inputs.push(a.slice(eq + 1));
			while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) inputs.push(argv[++i]);
			continue;
		}
		if (BOOLEAN_FLAGS.has(name)) {
			bools.add(name);
			continue;
		}
		if (!FLAGS_WITH_VALUE.has(name)) throw new UsageError(`unknown option --${name}`);
		const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
		if (v === undefined) throw new UsageError(`--${name} needs a value`);
		values.set(name, [...(values.get(name) ?? []), v]);
	}
	const one = (n: string): string | undefined => values.get(n)?.at(-1);
	const help = bools.has('help');
	const format = one('format') as Format | undefined;
	if (help) return { help, quiet: false, format: format ?? 'csv', inputs, out: '' };
	if (!format || !(FORMATS as readonly string[]).includes(format)) {
		throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
	}
	if (inputs.length === 0) throw new UsageError('--input needs at least one file or folder');

	const o: CliOptions = {
		help,
		quiet: bools.has('quiet'),
		format,
		inputs,
		out:
			one('out') ??
			join('data/ingested', `${format}-${basename(inputs[0]).replace(/\.[^.]*$/, '') || 'input'}`),
		rulesDir: one('rules'),
		labels: one('labels'),
		assumeUtc: bools.has('assume-utc'),
		maxRawBytes: positiveInt('max-raw-bytes', one('max-raw-bytes')),
		maxLineBytes: positiveInt('max-line-bytes', one('max-line-bytes')),
		markNearDuplicates: bools.has('mark-near-duplicates'),
		memoryLimit: one('memory-limit'),
		threads: positiveInt('threads', one('threads')),
		workers: positiveInt('workers', one('workers')),
		parallelMinBytes: positiveInt('parallel-min-bytes', one('parallel-min-bytes')),
		keepStaging: bools.has('keep-staging')
	};
	if (format === 'wayback') {
		o.wayback = {
			windowMinutes: positiveInt('window-minutes', one('window-minutes')),
			bodies: one('bodies')
		};
	}
	if (format === 'mastodon') o.mastodon = { instance: one('instance') };
	if (format === 'csv') {
		let file: Record<string, unknown> = {};
		const mappingPath = one('mapping');
		if (mappingPath) {
			try {
				file = JSON.parse(readFileSync(mappingPath, 'utf8'));
			} catch (e) {
				throw new UsageError(`--mapping ${mappingPath}: ${(e as Error).message}`);
			}
		}
		const str = (k: string): string | undefined =>
			typeof file[k] === 'string' ? (file[k] as string) : undefined;
		const table = (one('table') ?? str('table') ?? 'posts') as CsvTable;
		if (!(table in MAPPABLE)) throw new UsageError(`--table must be posts or trending_items`);
		const columns = (typeof file.columns === 'object' && file.columns !== null ? file.columns : {}) as Record<
			string,
			string
		>;
		let delimiter = one('delimiter') ?? str('delimiter');
		if (delimiter === 'tab' || delimiter === '\\t') delimiter = '\t';
		if (delimiter !== undefined && !DELIMITERS.includes(delimiter)) {
			throw new UsageError(`--delimiter must be one of , ; tab |`);
		}
		const csv: CsvOptions = {
			table,
			map: { ...columns, ...parseMapFlag(values.get('map') ?? []) },
			delimiter,
			platform: one('platform') ?? str('platform'),
			lang: one('lang') ?? str('lang'),
			feed: one('feed') ?? str('feed'),
			dimension: one('dimension') ?? str('dimension')
		};
		o.csv = csv;
		if (file.assume_utc === true) o.assumeUtc = true;
	}
	return o;
}
