// `npm run data:build [-- --source DIR | --seed N --posts N] [--out DIR]`: documented CSVs + one source
// directory (simulated or ingested) → static/data/ (Parquet + CSV downloads, Arrow IPC for the browser,
// pre-aggregated JSON for prerendered charts, manifest.json). See data/README.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { columnNames, createTableSql, TABLES, TABLE_NAMES } from '../src/lib/schema';
import { loadDocumented } from './lib/documented';
import { markNearDuplicatesSql } from './lib/dedup';
import { documentedAggregate } from './build/aggregates/documented';
import { spreadAggregate } from './build/aggregates/spread';
import { waveAggregate } from './build/aggregates/wave';
import { trendingAggregates } from './build/aggregates/trending';
import { claimsAggregates } from './build/aggregates/claims';
import { correctionAggregate } from './build/aggregates/correction';
import { cascadeTreeAggregates } from './build/aggregates/cascadeTrees';
import { cascadeMetricsAggregate } from './build/aggregates/cascadeMetrics';
import { tableDefaultAggregate } from './build/aggregates/tableDefault';
import { buildCascades } from './build/cascades';
import { classifyTrendingItems } from './build/classify';
import { openDuck } from './build/duck';
import { insertRows } from './build/insert-rows';
import { loadSource } from './build/load-source';
import { buildManifest, readJson } from './build/manifest';
import {
	browserIndex,
	writeBrowserFiles,
	writeDownloads,
	type BrowserEntry,
	type FileEntry
} from './build/outputs';
import { ensureSimulated, readSourceMeta } from './build/source';

interface BuildConfig {
	simulate: { seed: number; posts: number };
	documented: string;
	rules: string;
	out: string;
}

const USAGE = `usage: npm run data:build -- [--source DIR | --seed N --posts N] [--out DIR] [--partition-rows N] [--quiet]`;

function parse(argv: string[]) {
	const { values } = parseArgs({
		args: argv,
		options: {
			source: { type: 'string' },
			seed: { type: 'string' },
			posts: { type: 'string' },
			out: { type: 'string' },
			config: { type: 'string', default: 'data/build.config.json' },
			// Rows per browser posts partition (cut at the next hour); default: scaled to the dataset.
			'partition-rows': { type: 'string' },
			quiet: { type: 'boolean', default: false }
		},
		strict: true
	});
	const config = readJson<BuildConfig>(values.config!);
	const int = (name: string, v: string | undefined, fallback: number) => {
		if (v === undefined) return fallback;
		if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a whole number, got "${v}"\n${USAGE}`);
		return Number(v);
	};
	if (values.source && (values.seed || values.posts))
		throw new Error(`--source cannot be combined with --seed/--posts\n${USAGE}`);
	return {
		source: values.source,
		seed: int('seed', values.seed, config.simulate.seed),
		posts: int('posts', values.posts, config.simulate.posts),
		out: values.out ?? config.out,
		documented: config.documented,
		rules: config.rules,
		partitionRows:
			values['partition-rows'] === undefined
				? undefined
				: int('partition-rows', values['partition-rows'], 0) || 1,
		quiet: values.quiet!
	};
}

export async function buildData(opts: ReturnType<typeof parse>) {
	const started = performance.now();
	const log = (s: string) =>
		opts.quiet || console.log(`[data:build ${((performance.now() - started) / 1000).toFixed(1)}s] ${s}`);

	// Documented facts first: a malformed CSV stops the build before any slow step, naming file, line, column.
	const documented = loadDocumented(opts.documented);
	const sourceDir = opts.source ?? (await ensureSimulated(opts.seed, opts.posts, log));
	const sourceMeta = readSourceMeta(sourceDir);

	rmSync(opts.out, { recursive: true, force: true });
	mkdirSync(join(opts.out, 'agg'), { recursive: true });
	const duck = await openDuck();
	try {
		const counts = await loadSource(duck, sourceDir);
		log(
			`loaded ${sourceDir}: ${Object.entries(counts)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}`
		);

		if (counts.posts > 2_000_000 && !process.env.DATA_BUILD_MEMORY) {
			// Sorting and windowing ten million posts does not fit the 1 GB cap that keeps small builds small.
			await duck.run(`SET memory_limit = '6GB'`);
		}

		const classified = await classifyTrendingItems(duck, opts.rules);
		log(`classified ${classified.classified} distinct trending titles (${classified.protest} protest)`);

		await duck.run(
			`CREATE TABLE posts_marked AS ${markNearDuplicatesSql('posts', columnNames(TABLES.posts))} ORDER BY created_at, post_id`
		);
		await duck.run(`DROP TABLE posts`);
		await duck.run(`ALTER TABLE posts_marked RENAME TO posts`);
		const [{ dups }] = await duck.all<{ dups: number }>(`SELECT count(dup_of)::INTEGER AS dups FROM posts`);
		log(`marked ${dups} near-duplicate posts`);

		for (const name of ['events', 'claims'] as const) {
			await duck.run(createTableSql(TABLES[name]));
			await insertRows(
				duck,
				TABLES[name],
				documented[name] as unknown as Record<string, string | number | null>[]
			);
		}
		const cascades = await buildCascades(duck);
		log(`derived ${cascades} cascades`);

		const downloads: Record<string, FileEntry[]> = {};
		for (const name of TABLE_NAMES) downloads[name] = await writeDownloads(duck, TABLES[name], opts.out);
		log('wrote Parquet and CSV downloads');
		const browser = await writeBrowserFiles(duck, opts.out, opts.partitionRows);
		log(`wrote Arrow IPC files (${browser.posts.files.length} post partitions of whole hours)`);

		const aggregates: FileEntry[] = [];
		const writeAgg = (name: string, value: unknown) => {
			const path = `agg/${name}.json`;
			writeFileSync(join(opts.out, path), JSON.stringify(value));
			aggregates.push({ path, rows: Array.isArray(value) ? value.length : 1 });
		};
		writeAgg('wave', await waveAggregate(duck));
		writeAgg('documented', await documentedAggregate(duck));
		writeAgg('spread', await spreadAggregate(duck));
		for (const [name, value] of await trendingAggregates(duck)) writeAgg(name, value);
		for (const [name, value] of await claimsAggregates(duck)) writeAgg(name, value);
		writeAgg('correction', await correctionAggregate(duck));
		for (const [name, value] of await cascadeTreeAggregates(duck)) writeAgg(name, value);
		writeAgg('cascade-metrics', await cascadeMetricsAggregate(duck));
		writeAgg('table-default', await tableDefaultAggregate(duck));

		const manifest = await buildManifest(
			duck,
			opts.out,
			downloads,
			browser,
			aggregates,
			{ dir: sourceDir, meta: sourceMeta },
			{
				documentedDir: opts.documented,
				rulesDir: opts.rules
			}
		);
		writeFileSync(
			join(opts.out, 'arrow', 'index.json'),
			JSON.stringify(
				{
					schemaVersion: manifest.schemaVersion,
					datasetVersion: manifest.datasetVersion,
					tables: browserIndex(manifest.browser as Record<string, BrowserEntry>)
				},
				null,
				'\t'
			)
		);
		writeFileSync(join(opts.out, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		log(`done: dataset version ${manifest.datasetVersion}`);
		return manifest;
	} finally {
		duck.close();
	}
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
	try {
		await buildData(parse(process.argv.slice(2)));
	} catch (e) {
		console.error(`data:build failed: ${(e as Error).message}`);
		process.exit(1);
	}
}

export { parse as parseBuildArgs };
