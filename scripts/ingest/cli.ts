/**
 * `npm run data:ingest -- --format <wayback|twitter-v2|mastodon|csv> --input <file-or-dir>... [--out <dir>]`
 * Exit codes: 0 done; 1 usage or fatal error; 2 done but some file's counts do not balance.
 */
import { parseArgs, USAGE, UsageError } from './args';
import { ingest, type Summary } from './run';

function table(s: Summary): string {
	const head = ['file', 'read', 'kept', 'dup', 'rejected', 'blank', 'ok'];
	const body = s.files.map((f) => [
		f.path,
		String(f.read),
		String(f.kept),
		String(f.duplicates),
		String(f.rejected),
		String(f.blank_lines),
		f.balanced ? 'yes' : 'NO'
	]);
	const t = s.total;
	body.push([
		'total',
		String(t.read),
		String(t.kept),
		String(t.duplicates),
		String(t.rejected),
		String(t.blank_lines),
		s.balanced ? 'yes' : 'NO'
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const fmt = (r: string[]) =>
		r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	return [fmt(head), ...body.map(fmt)].join('\n');
}

function reasons(s: Summary): string {
	const all: Record<string, number> = {};
	for (const f of s.files) {
		for (const [k, v] of Object.entries(f.reasons)) all[k] = (all[k] ?? 0) + v;
		for (const [k, v] of Object.entries(f.items?.reasons ?? {}))
			all[`item:${k}`] = (all[`item:${k}`] ?? 0) + v;
	}
	return Object.entries(all)
		.sort((a, b) => b[1] - a[1])
		.map(([k, v]) => `${k} ${v}`)
		.join(', ');
}

async function main(): Promise<number> {
	let o;
	try {
		o = parseArgs(process.argv.slice(2));
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`data:ingest: ${e.message}\n\n${USAGE}`);
			return 1;
		}
		throw e;
	}
	if (o.help) {
		console.log(USAGE);
		return 0;
	}
	const s = await ingest(o);
	const t = s.total;
	const line =
		`${s.format}: read ${t.read} = kept ${t.kept} + duplicates ${t.duplicates} + rejected ${t.rejected}` +
		` (${t.blank_lines} blank lines) → ${s.out} [${s.outputs.posts} posts, ${s.outputs.snapshots} snapshots,` +
		` ${s.outputs.trending_items} trending items] in ${s.seconds}s`;
	if (!o.quiet) {
		console.log(table(s));
		const r = reasons(s);
		if (r) console.log(`rejects: ${r} (see ${s.rejects ?? 'rejects.jsonl'})`);
		const w = Object.entries(s.warnings);
		if (w.length) console.log(`warnings: ${w.map(([k, v]) => `${k} ${v}`).join(', ')}`);
	}
	console.log(line);
	if (!s.balanced) {
		console.error(
			'data:ingest: counts do not balance (read ≠ kept + duplicates + rejected); see summary.json'
		);
		return 2;
	}
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		console.error(`data:ingest: ${e instanceof Error ? e.message : String(e)}`);
		process.exitCode = 1;
	}
);
