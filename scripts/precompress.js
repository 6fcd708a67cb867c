#!/usr/bin/env node
// Writes .gz and .br next to every compressible file of build/, as a static host (or scripts/serve.js) serves
// them: the DuckDB wasm's primary half goes from 7.6 MB to 1.7 MB (brotli) on the wire, its full module from
// 21 to 3.4 MB, Arrow partitions shrink several times.
// Parquet is already compressed and CSV downloads are left alone (large, and fetched rarely).
// The files are compressed on libuv's thread pool, one per core at a time: one after another on the main thread,
// the site's 380 files took 33 s of every build here.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const EXT = /\.(html|js|mjs|css|json|svg|wasm|arrow|txt|xml|cff)$/;

/**
 * From this size up (only the engine's wasm halves are this large: scripts/lib/wasm-split.ts) a file gets quality
 * 10 and a 16 MB window. On the whole 24 MB wasm that gave 4.15 MB where quality 9 with a 4 MB window gave 4.64,
 * and the first query result came 0.5 s sooner at 10 Mbit/s (6.7 → 6.2 s). Quality 11 would give 3.99 MB in
 * 56 s rather than 29 s; every fresh clone's CI run pays that time, run beside the static checks it still added
 * 46 s, and the 160 kB more is 0.13 s at 10 Mbit/s. 6 MiB rather than 8: the primary (7.6 MB) stays above it
 * with room to spare when its profile changes. The result is kept by content (`cachedBrotli`): the wasm is the
 * same build after build.
 */
export const LARGE_FILE_BYTES = 6 * 1024 * 1024;

/**
 * Brotli's settings for a file of `size` bytes.
 * @param {number} size
 * @returns {Record<number, number>}
 */
export function brotliParams(size) {
	if (size >= LARGE_FILE_BYTES)
		return {
			[constants.BROTLI_PARAM_QUALITY]: 10,
			[constants.BROTLI_PARAM_SIZE_HINT]: size,
			// The largest window a browser's brotli decoder accepts.
			[constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS
		};
	// Quality 9, not 11: within a few percent of 11 and many times faster. A window no larger than the file
	// (brotli's default is 4 MB): the same output size, and a small file no longer sets up, and clears, tables
	// for 4 MB (two thirds of the time went there).
	return {
		[constants.BROTLI_PARAM_QUALITY]: 9,
		[constants.BROTLI_PARAM_SIZE_HINT]: size,
		[constants.BROTLI_PARAM_LGWIN]: Math.max(
			constants.BROTLI_MIN_WINDOW_BITS,
			Math.min(constants.BROTLI_DEFAULT_WINDOW, Math.ceil(Math.log2(size)))
		)
	};
}

/**
 * `body` brotli-compressed with `brotliParams`. A file of LARGE_FILE_BYTES or more is looked up in `cacheDir` by
 * the hash of its bytes and the settings first, and stored there once compressed.
 * @param {Buffer} body
 * @param {string} cacheDir
 * @param {(body: Buffer, options: { params: Record<number, number> }) => Promise<Buffer>} [compress]
 * @returns {Promise<Buffer>}
 */
export async function cachedBrotli(body, cacheDir, compress = brotliAsync) {
	const params = brotliParams(body.length);
	if (body.length < LARGE_FILE_BYTES) return compress(body, { params });
	// Keyed by the settings too: a copy made with other settings is not this one.
	const settings = `q${params[constants.BROTLI_PARAM_QUALITY]}-w${params[constants.BROTLI_PARAM_LGWIN]}`;
	const cached = join(cacheDir, `${createHash('sha256').update(body).digest('hex')}-${settings}.br`);
	try {
		return await readFile(cached);
	} catch {
		const br = await compress(body, { params });
		mkdirSync(cacheDir, { recursive: true });
		// Whole or not at all: a build stopped mid-write must not leave a cut-off copy for the next to ship.
		const partial = `${cached}.${process.pid}.partial`;
		await writeFile(partial, br);
		renameSync(partial, cached);
		return br;
	}
}

/**
 * @param {string} root
 * @param {string} cacheDir
 */
async function main(root, cacheDir) {
	// Largest first: the wasm's half minute (when not cached) runs beside all the others rather than after them.
	const paths = readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((rel) => EXT.test(rel))
		.map((rel) => join(root, rel))
		.map((path) => ({ path, stat: statSync(path) }))
		.filter(({ stat }) => stat.isFile())
		.sort((a, b) => b.stat.size - a.stat.size)
		.map(({ path }) => path);

	let files = 0;
	let before = 0;
	let after = 0;
	/** @param {string} path */
	const compress = async (path) => {
		const body = await readFile(path);
		if (body.length < 1024) return;
		const [gz, br] = await Promise.all([gzipAsync(body, { level: 9 }), cachedBrotli(body, cacheDir)]);
		await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
		files++;
		before += body.length;
		after += br.length;
	};

	// One file per core at a time (brotli takes most of each file's time, gzip runs beside it).
	let next = 0;
	const lanes = Array.from({ length: availableParallelism() }, async () => {
		while (next < paths.length) await compress(paths[next++]);
	});
	await Promise.all(lanes);

	const mb = (/** @type {number} */ n) => (n / 1024 / 1024).toFixed(1);
	console.log(`precompress: ${files} files, ${mb(before)} MB → ${mb(after)} MB (brotli)`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
	await main(process.argv[2] ?? 'build', join('node_modules', '.cache', 'aiad-precompress'));
