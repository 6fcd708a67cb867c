// Checks the built site (build/, written by `npm run build`): embeds, chart pages, downloads, the manifest and
// citations, as a reader or a crawler would get them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, CHART_SLUGS } from '../../src/lib/charts/registry';
import { tableFromIPC } from 'apache-arrow';
import { headPath, postsExtent } from '../../src/lib/engine/files';
import { EMPTY_FILTERS, PAGE_SIZE, SORTS, crossfilterSql } from '../../src/lib/queries/explore';
import { HEAD_SUMS } from '../../scripts/build/outputs';
import {
	ENGINE_TABLES,
	HEAD_ROWS,
	INDEX_NAME,
	POSTS_HEAD_COLUMNS,
	postsHourlyFromPostsSql,
	type EngineTable
} from '../../src/lib/queries/tables';
import { translate } from '../../src/lib/i18n';
import { formatCount } from '../../src/lib/story/format';
import { TABLES, TABLE_NAMES, columnDescription, tableDescription } from '../../src/lib/schema';

const BUILD = 'build';
const html = (path: string): string => {
	const file = join(BUILD, path, path.endsWith('.html') ? '' : 'index.html');
	if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
	return readFileSync(file, 'utf8');
};
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface ManifestFile {
	path: string;
	rows?: number;
	bytes: number;
	sha256: string;
}
interface Manifest {
	datasetVersion: string;
	schemaVersion: string;
	tables: Record<string, { rows: number; provenance: Record<string, number>; files: ManifestFile[] }>;
	browser: Record<string, { files: ManifestFile[] }>;
	aggregates: ManifestFile[];
}
let manifest: Manifest;

beforeAll(() => {
	if (!existsSync(join(BUILD, 'index.html'))) throw new Error('build/ is missing: run `npm run build` first');
	manifest = JSON.parse(readFileSync(join(BUILD, 'data/manifest.json'), 'utf8'));
});

const EMBEDS = CHART_SLUGS.flatMap((slug) =>
	(['en', 'ko'] as const).flatMap((lang) =>
		[false, true].map((isStatic) => ({
			slug,
			lang,
			isStatic,
			path: `/embed/${lang === 'ko' ? 'ko/' : ''}${slug}/${isStatic ? 'static/' : ''}`
		}))
	)
);

describe('embeds', () => {
	it.each(EMBEDS)('$path is noindex, canonical, titled, without site chrome', ({ slug, lang, path }) => {
		const page = html(path);
		const entry = CHARTS[slug];
		const canonical = lang === 'ko' ? `/ko${entry.page}` : entry.page;
		expect(page).toMatch(/<meta name="robots" content="noindex"/);
		expect(page).toContain(`<link rel="canonical" href="${canonical}"`);
		expect(page).toContain(
			`<title>${translate(lang, entry.title)} · ${translate(lang, 'site.name')}</title>`
		);
		expect(page).toMatch(new RegExp(`<html lang="${lang}"`));
		// No site navigation, header or footer.
		expect(page).not.toMatch(/<nav[\s>]/);
		expect(page).not.toContain('site-header');
		expect(page).not.toContain('site-footer');
		// The same figure, with its provenance badge, source, credit and a link back to the full chart.
		expect(page).toContain(`data-chart="${slug}"`);
		expect(page).toMatch(/data-provenance="(simulated|observed|documented)"/);
		expect(page).toContain(`${translate(lang, 'chart.credit')}: ${translate(lang, 'site.name')}`);
		expect(page).toMatch(new RegExp(`data-embed-part="back"><a href="${canonical}`));
		expect(page).toContain('<script src="/embed/child.js"></script>');
		// Site-only actions stay on the site.
		expect(page).not.toContain('data-chart-actions');
		if (entry.svg) expect(page).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);
	});

	it.each(EMBEDS.filter((e) => e.isStatic))('$path (static) carries no framework JavaScript', ({ path }) => {
		const page = html(path);
		expect(page).not.toContain('/_app/immutable/entry');
		expect(page).not.toMatch(/<script type="module"/);
		expect(page).not.toMatch(/<script>[\s\S]*?kit\.start/);
		// The only scripts: the embed's own small script, and app.html's inline theme script (the dark flag).
		const srcs = [...page.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) =>
			m[1].replace(/^(\.\.\/)+/, '/')
		);
		expect(srcs).toEqual(['/embed/child.js']);
		const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		expect(inline).toHaveLength(1);
		expect(inline[0]).toContain("setAttribute('data-theme'");
	});

	it.each(EMBEDS.filter((e) => !e.isStatic))('$path (live) hydrates', ({ path }) => {
		expect(html(path)).toContain('/_app/immutable/entry');
	});

	it('ships the child script and the host loader unchanged', () => {
		expect(readFileSync(join(BUILD, 'embed/child.js'), 'utf8')).toBe(
			readFileSync('src/lib/embed/child.js', 'utf8')
		);
		expect(readFileSync(join(BUILD, 'embed.js'), 'utf8')).toBe(readFileSync('static/embed.js', 'utf8'));
	});

	it('lets any site frame /embed/ pages, and no other site frame the rest', () => {
		const rules = readFileSync(join(BUILD, '_headers'), 'utf8');
		const headersFor = (path: string) => {
			const out: Record<string, string> = {};
			let match = false;
			for (const line of rules.split('\n')) {
				if (!line.trim() || line.trim().startsWith('#')) continue;
				if (!/^\s/.test(line)) {
					const re = new RegExp(
						'^' +
							line
								.trim()
								.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
								.replace(/\*/g, '.*') +
							'$'
					);
					match = re.test(path);
				} else if (match) {
					const i = line.indexOf(':');
					out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
				}
			}
			return out;
		};
		for (const { path } of EMBEDS) {
			const h = headersFor(path);
			expect(h['content-security-policy'], path).toMatch(/frame-ancestors \*/);
			expect(h['x-frame-options'], path).toBeUndefined();
		}
		expect(headersFor('/data/')['content-security-policy']).toMatch(/frame-ancestors 'self'/);
	});
});

describe('chart pages', () => {
	it.each(CHART_SLUGS)('the page of %s shows it, drawn in the prerendered HTML', (slug) => {
		const entry = CHARTS[slug];
		for (const lang of ['en', 'ko'] as const) {
			const page = html(lang === 'ko' ? `/ko${entry.page}` : entry.page);
			if (!entry.svg) {
				// HTML charts (the timeline) may be laid out inline on their page rather than in a frame.
				expect(page).toMatch(new RegExp(`(data-chart|id)="${slug}"`));
				continue;
			}
			const at = page.indexOf(`data-chart="${slug}"`);
			expect(at, `${entry.page} has no data-chart="${slug}"`).toBeGreaterThan(0);
			const figure = page.slice(at, page.indexOf('</figure>', at));
			expect(figure).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);
			// Every chart on the site carries the Download / Embed / Cite actions, with the dataset version.
			expect(figure).toContain(`data-chart-actions="${slug}"`);
			expect(figure).toContain('data-action="embed"');
			expect(figure).toContain(manifest.datasetVersion);
		}
	});

	// Svelte drops the whitespace that ends an element's content, so a space typed there never reaches the page.
	it.each(CHART_SLUGS.filter((slug) => CHARTS[slug].svg))(
		"%s: the simulated badge and the chart's description read with their spaces",
		(slug) => {
			for (const lang of ['en', 'ko'] as const) {
				const page = html(lang === 'ko' ? `/ko${CHARTS[slug].page}` : CHARTS[slug].page);
				const figure = page.slice(page.indexOf(`data-chart="${slug}"`));
				const text = (from: string) =>
					figure
						.slice(figure.indexOf(from) + from.length, figure.indexOf(from) + from.length + 400)
						.replace(/^[^>]*>/, '')
						.replace(/<[^>]*>/g, '')
						.replace(/&nbsp;|\u00a0/g, ' ');
				expect(text('class="badge simulated')).toMatch(
					new RegExp(`^⚠ ${translate(lang, 'badge.simulated')}`)
				);
				expect(text('class="description')).toMatch(
					new RegExp(`^${translate(lang, 'chart.description')}: \\S`)
				);
			}
		}
	);

	it('labels every full-table download with the manifest row count', () => {
		const page = html('/');
		const actions = [...page.matchAll(/data-chart-downloads="[^"]+"[\s\S]*?<\/details>/g)].map((m) => m[0]);
		let checked = 0;
		for (const block of actions) {
			for (const m of block.matchAll(
				/<code>(\w+)<\/code>[\s\S]{0,40}?<span class="count[^"]*">· ([\d,]+) rows?<\/span>/g
			)) {
				expect(Number(m[2].replace(/,/g, '')), m[1]).toBe(manifest.tables[m[1]].rows);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	});
});

describe('downloads and manifest', () => {
	it('the manifest version is the hash of the rest of the manifest', () => {
		const text = readFileSync(join(BUILD, 'data/manifest.json'), 'utf8');
		const { datasetVersion, ...body } = JSON.parse(text) as Manifest & Record<string, unknown>;
		expect(createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)).toBe(datasetVersion);
	});

	it("the data page gives each table's row count and provenance counts grouped and named, as the manifest has them", () => {
		for (const [path, name] of [
			['/data/', 'Simulated'],
			['/ko/data/', '시뮬레이션']
		]) {
			const page = html(path);
			for (const table of TABLE_NAMES) {
				const { rows, provenance } = manifest.tables[table];
				expect(
					page.includes(`data-table-rows="${table}">${formatCount(rows)}<`),
					`${path} ${table} rows`
				).toBe(true);
				if (provenance.simulated)
					expect(
						page.includes(`data-provenance="simulated">${name} ${formatCount(provenance.simulated)}<`),
						`${path} ${table} provenance`
					).toBe(true);
			}
		}
	});

	it("the data dictionary reads in the page's language: every table and column description", () => {
		const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
		const en = html('/data/');
		const ko = html('/ko/data/');
		for (const name of TABLE_NAMES) {
			const table = TABLES[name];
			for (const [what, enText, koText] of [
				['table', table.description, tableDescription(name, 'ko')],
				...table.columns.map((c) => [c.name, c.description, columnDescription(name, c, 'ko')])
			]) {
				expect(en.includes(text(enText)), `/data/ ${name} ${what}`).toBe(true);
				expect(ko.includes(text(koText)), `/ko/data/ ${name} ${what}`).toBe(true);
				expect(ko.includes(text(enText)), `/ko/data/ ${name} ${what} in English`).toBe(false);
			}
		}
	});

	it('lists every contract table as Parquet and CSV', () => {
		for (const name of TABLE_NAMES) {
			expect(manifest.tables[name].files.map((f) => f.path).sort()).toEqual([
				`${name}.csv`,
				`${name}.parquet`
			]);
		}
	});

	it('every listed file exists in the build with its bytes and sha256', () => {
		const files = [
			...Object.values(manifest.tables).flatMap((t) => t.files),
			...Object.values(manifest.browser ?? {}).flatMap((b) => b.files),
			...(manifest.aggregates ?? [])
		];
		expect(files.length).toBeGreaterThan(TABLE_NAMES.length * 2);
		for (const f of files) {
			const file = join(BUILD, 'data', f.path);
			expect(existsSync(file), f.path).toBe(true);
			expect(statSync(file).size, f.path).toBe(f.bytes);
			expect(sha256(file), f.path).toBe(f.sha256);
		}
	});

	it('CSV and Parquet hold the rows and provenance counts the manifest states', async () => {
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		try {
			for (const name of TABLE_NAMES) {
				const t = manifest.tables[name];
				const csv = Papa.parse<string[]>(readFileSync(join(BUILD, 'data', `${name}.csv`), 'utf8'), {
					skipEmptyLines: true
				}).data;
				expect(csv[0], name).toEqual(TABLES[name].columns.map((c) => c.name));
				expect(csv.length - 1, `${name}.csv rows`).toBe(t.rows);
				const parquet = join(BUILD, 'data', `${name}.parquet`).replace(/'/g, "''");
				const counts = (
					await db.runAndReadAll(
						`SELECT provenance, count(*)::INTEGER AS n FROM '${parquet}' GROUP BY ALL ORDER BY provenance`
					)
				).getRowObjectsJS() as { provenance: string; n: number }[];
				expect(Object.fromEntries(counts.map((c) => [c.provenance, c.n])), name).toEqual(t.provenance);
				expect(
					counts.reduce((s, c) => s + c.n, 0),
					`${name}.parquet rows`
				).toBe(t.rows);
				for (const f of t.files) expect(f.rows, f.path).toBe(t.rows);
			}
		} finally {
			db.closeSync();
		}
	});

	it('full-table CSVs are spreadsheet-safe in text columns and leave numbers alone', () => {
		const problems: string[] = [];
		for (const name of TABLE_NAMES) {
			const rows = Papa.parse<Record<string, string>>(
				readFileSync(join(BUILD, 'data', `${name}.csv`), 'utf8'),
				{
					header: true,
					skipEmptyLines: true
				}
			).data;
			for (const c of TABLES[name].columns) {
				const numeric = c.type === 'INTEGER' || c.type === 'DOUBLE';
				for (const r of rows) {
					const v = r[c.name];
					if (c.type === 'VARCHAR' && /^[=+\-@\t\r\0]/.test(v))
						problems.push(`${name}.${c.name}: ${JSON.stringify(v)}`);
					if (numeric && v !== '' && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v))
						problems.push(`${name}.${c.name} not a number: ${JSON.stringify(v)}`);
				}
			}
		}
		expect(problems.slice(0, 20)).toEqual([]);
	});
});

describe('citations', () => {
	it('the data page cites the dataset version in text and BibTeX, in both languages', () => {
		for (const path of ['/data/', '/ko/data/']) {
			const page = html(path);
			expect(page).toContain(`dataset version ${manifest.datasetVersion}`);
			expect(page).toMatch(/@misc\{aiart_dataset_[0-9a-f]{8},/);
			expect(page).toContain(`version = {${manifest.datasetVersion}}`);
		}
	});

	it('the data page links every file with its row count and checksum', () => {
		const page = html('/data/');
		for (const name of TABLE_NAMES)
			for (const f of manifest.tables[name].files) {
				expect(page).toContain(`href="/data/${f.path}"`);
				expect(page).toContain(f.sha256);
			}
		expect(page).toMatch(/download="posts(-SIMULATED)?\.csv"/);
	});
});

describe('the browser index', () => {
	it('gives the posts extent the explorer shows, the same as the posts themselves', async () => {
		const index = JSON.parse(readFileSync(join(BUILD, 'data/arrow/index.json'), 'utf8'));
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		const [row] = (
			await conn.runAndReadAll(
				`SELECT epoch_ms(date_trunc('hour', min(created_at)))::DOUBLE AS lo,
				epoch_ms(date_trunc('hour', max(created_at)))::DOUBLE AS hi FROM '${join(BUILD, 'data/posts.parquet')}'`
			)
		).getRowObjectsJson();
		conn.closeSync();
		expect(postsExtent(index)).toEqual({ lo: Number(row.lo), hi: Number(row.hi) });
	});

	it('stores the explorer’s unfiltered counts: its own query over the posts, as the build ran it', async () => {
		const stored = tableFromIPC(readFileSync(join(BUILD, 'data/arrow/crossfilter_default.arrow')))
			.toArray()
			.map((r) => ({ facet: String(r.facet), value: String(r.value), n: Number(r.n) }));
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		const posts = `read_parquet('${join(BUILD, 'data/posts.parquet')}')`;
		await conn.run(`CREATE TABLE posts_hourly AS ${postsHourlyFromPostsSql(posts)}`);
		const live = (await conn.runAndReadAll(crossfilterSql(EMPTY_FILTERS)))
			.getRowObjectsJson()
			.map((r) => ({ facet: String(r.facet), value: String(r.value), n: Number(r.n) }));
		conn.closeSync();
		const order = (a: { facet: string; value: string }, b: { facet: string; value: string }) =>
			a.facet.localeCompare(b.facet) || a.value.localeCompare(b.value);
		expect(stored.length).toBeGreaterThan(10);
		expect(stored.find((r) => r.facet === '' && r.value === 'total')!.n).toBeGreaterThan(0);
		expect([...stored].sort(order)).toEqual([...live].sort(order));
	});

	it('writes every Arrow file with the columns of its engine table, in order (the browser inserts by position)', () => {
		const index = JSON.parse(readFileSync(join(BUILD, 'data/arrow/index.json'), 'utf8')) as {
			tables: Record<string, { files: { path: string }[] }>;
		};
		let files = 0;
		for (const table of Object.keys(ENGINE_TABLES) as EngineTable[]) {
			const entry = index.tables[INDEX_NAME[table]];
			expect(entry, table).toBeDefined();
			const want = ENGINE_TABLES[table].map((c) => c.name);
			// Every small table's file, and the first, a middle and the last posts partition.
			const list = entry.files;
			for (const f of new Set([list[0], list[list.length >> 1], list[list.length - 1]])) {
				const arrow = tableFromIPC(readFileSync(join(BUILD, 'data', f.path)));
				expect(
					arrow.schema.fields.map((x) => x.name),
					f.path
				).toEqual(want);
				files++;
			}
		}
		expect(files).toBeGreaterThanOrEqual(Object.keys(ENGINE_TABLES).length);
	});
});

/** The hour heads' files, as their checksum file lists them. */
function headsListed(): { path: string; sha256: string }[] {
	return readFileSync(join(BUILD, 'data', HEAD_SUMS), 'utf8')
		.trimEnd()
		.split('\n')
		.map((line) => {
			const [sha256, name] = line.split('  ');
			return { path: `arrow/posts_head/${name}`, sha256 };
		});
}

describe('the posts table’s prerendered first page', () => {
	it('is the newest first copies with their text, by the explorer’s own order, as the posts give them', async () => {
		const stored = JSON.parse(readFileSync(join(BUILD, 'data/agg/table-default.json'), 'utf8')) as {
			post_id: string;
			created_ms: number;
			text: string;
			provenance: string;
		}[];
		const conn = await (await DuckDBInstance.create(':memory:')).connect();
		try {
			const want = (
				await conn.runAndReadAll(
					`SELECT post_id, epoch_ms(created_at)::DOUBLE AS created_ms, "text", provenance
					FROM read_parquet('${join(BUILD, 'data/posts.parquet')}') WHERE dup_of IS NULL
					ORDER BY ${SORTS.newest}, post_id LIMIT ${PAGE_SIZE}`
				)
			).getRowObjectsJson();
			expect(stored).toHaveLength(PAGE_SIZE);
			expect(stored.map((r) => [r.post_id, r.created_ms, r.text, r.provenance])).toEqual(
				want.map((r) => [r.post_id, Number(r.created_ms), r.text, r.provenance])
			);
		} finally {
			conn.closeSync();
		}
		// In the explorer's HTML, so a reader sees the newest posts before (or without) the engine.
		const page = html('/explore/');
		for (const r of stored) expect(page).toContain(`data-post-id="${r.post_id}"`);
	});
});

describe('the hour heads', () => {
	it('are left out of the browser index, which gives their size per end; the manifest lists their checksums', () => {
		const index = JSON.parse(readFileSync(join(BUILD, 'data/arrow/index.json'), 'utf8'));
		expect(index.tables.posts_head).toMatchObject({ files: [], perEnd: HEAD_ROWS });
		expect(manifest.browser.posts_head.files.map((f) => f.path)).toEqual([HEAD_SUMS]);
		const heads = headsListed();
		expect(manifest.browser.posts_head.files[0].rows).toBe(heads.length);
		for (const h of heads) expect(sha256(join(BUILD, 'data', h.path)), h.path).toBe(h.sha256);
	});

	it('are one file per hour holding a first copy, named as the engine names it, with that hour’s edges', async () => {
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		const posts = `read_parquet('${join(BUILD, 'data/posts.parquet')}')`;
		const all = async <T>(sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
		try {
			const hours = await all<{ t: number; n: bigint }>(
				`SELECT epoch_ms(date_trunc('hour', created_at))::DOUBLE AS t, count(*) AS n FROM ${posts}
				WHERE dup_of IS NULL GROUP BY 1 ORDER BY 1`
			);
			const heads = headsListed();
			expect(heads.map((h) => h.path)).toEqual(hours.map((h) => headPath(h.t)));
			// The first, a middle, the last and the busiest hour: the rows of each file are the posts table's
			// first and last HEAD_ROWS first copies of that hour, by its own order.
			const busiest = hours.reduce((a, b) => (b.n > a.n ? b : a));
			expect(Number(busiest.n)).toBeGreaterThan(2 * HEAD_ROWS);
			for (const h of new Set([hours[0], hours[hours.length >> 1], hours.at(-1)!, busiest])) {
				const file = tableFromIPC(readFileSync(join(BUILD, 'data', headPath(h.t))));
				expect(file.schema.fields.map((x) => x.name)).toEqual(POSTS_HEAD_COLUMNS.map((c) => c.name));
				const ids = file.getChild('post_id')!.toArray().map(String);
				const edge = (order: string) =>
					all<{ post_id: string }>(
						`SELECT post_id FROM ${posts} WHERE dup_of IS NULL AND epoch_ms(date_trunc('hour', created_at)) = ${h.t}
						ORDER BY ${order}, post_id LIMIT ${HEAD_ROWS}`
					);
				const want = new Set(
					[...(await edge(SORTS.newest)), ...(await edge(SORTS.oldest))].map((r) => r.post_id)
				);
				expect(new Set(ids), headPath(h.t)).toEqual(want);
				expect(ids.length).toBe(Math.min(Number(h.n), 2 * HEAD_ROWS));
			}
		} finally {
			conn.closeSync();
		}
	});
});

describe('the documented timeline', () => {
	it('lists the sources of each event as readable text: host names separated by a comma and a space', () => {
		for (const path of ['/', '/ko/']) {
			const metas = [...html(path).matchAll(/<p class="meta[^"]*">([\s\S]*?)<\/p>/g)].map((m) =>
				m[1].replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '')
			);
			const lists = metas.flatMap((m) => /(?:Sources|출처): (.+)$/s.exec(m)?.[1].trim() ?? []);
			expect(lists.length, path).toBeGreaterThan(5);
			expect(lists.filter((l) => l.includes(','))).not.toHaveLength(0);
			for (const l of lists) expect(l, path).toMatch(/^[a-z0-9.-]+(, [a-z0-9.-]+)*$/);
		}
	});
});

describe('the dev preview', () => {
	it('frames every embed at 320, 600 and 960 px and is noindex', () => {
		const page = html('/dev/embeds/');
		expect(page).toMatch(/<meta name="robots" content="noindex/);
		for (const slug of CHART_SLUGS)
			for (const w of [320, 600, 960])
				expect(page).toMatch(new RegExp(`data-width="${w}"[^>]*data-slug="${slug}"`));
	});

	it('is linked from no other page', () => {
		const pages: string[] = [];
		const walk = (dir: string) => {
			for (const f of readdirSync(dir, { withFileTypes: true })) {
				const p = join(dir, f.name);
				if (f.isDirectory()) {
					if (!['_app', 'data', 'dev'].includes(f.name)) walk(p);
				} else if (f.name.endsWith('.html')) pages.push(p);
			}
		};
		walk(BUILD);
		expect(pages.length).toBeGreaterThan(5);
		for (const p of pages) expect(readFileSync(p, 'utf8'), p).not.toMatch(/href="[^"]*\/dev\//);
	});
});
