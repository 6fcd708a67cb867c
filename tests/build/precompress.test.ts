// The precompressed copies scripts/precompress.js writes: brotli's settings by size, the cache that keeps the
// engine's wasm from costing a minute on every build, and the split wasm's halves and their .br in build/.
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, constants } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { customSectionNames } from '../../scripts/lib/wasm-exports';
import { SPLIT_MARKER } from '../../scripts/lib/wasm-split';
import { LARGE_FILE_BYTES, brotliParams, cachedBrotli } from '../../scripts/precompress.js';

const QUALITY = constants.BROTLI_PARAM_QUALITY;
const LGWIN = constants.BROTLI_PARAM_LGWIN;

describe('brotliParams', () => {
	it('gives the engine-sized file quality 10 and the largest window browsers accept', () => {
		const p = brotliParams(LARGE_FILE_BYTES);
		expect(p[QUALITY]).toBe(10);
		expect(p[LGWIN]).toBe(24);
	});
	it('gives smaller files quality 9 and a window no larger than the file (at most brotli’s default)', () => {
		expect(brotliParams(LARGE_FILE_BYTES - 1)).toMatchObject({ [QUALITY]: 9, [LGWIN]: 22 });
		expect(brotliParams(5000)[LGWIN]).toBe(13);
		expect(brotliParams(100)[LGWIN]).toBe(constants.BROTLI_MIN_WINDOW_BITS);
	});
});

describe('cachedBrotli', () => {
	const dirs: string[] = [];
	afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
	const cacheDir = () => {
		const d = mkdtempSync(join(tmpdir(), 'aiad-precompress-test-'));
		dirs.push(d);
		return join(d, 'cache');
	};
	/** Stands in for brotli: records its calls, returns a marker naming the body's first byte. */
	const fakeCompress = () => {
		const calls: { size: number; params: Record<number, number> }[] = [];
		const compress = async (body: Buffer, opts: { params: Record<number, number> }) => {
			calls.push({ size: body.length, params: opts.params });
			return Buffer.from(`compressed ${body[0]}`);
		};
		return { calls, compress };
	};

	it('compresses a large file once, then reads it back from the cache by content', async () => {
		const dir = cacheDir();
		const big = Buffer.alloc(LARGE_FILE_BYTES, 1);
		const { calls, compress } = fakeCompress();
		expect(String(await cachedBrotli(big, dir, compress))).toBe('compressed 1');
		expect(String(await cachedBrotli(Buffer.from(big), dir, compress))).toBe('compressed 1');
		expect(calls).toHaveLength(1);
		expect(calls[0].params[QUALITY]).toBe(10);
		expect(readdirSync(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}-q10-w24\.br$/)]);

		// Other bytes (a new DuckDB, another patch) miss the cache.
		const other = Buffer.alloc(LARGE_FILE_BYTES, 2);
		expect(String(await cachedBrotli(other, dir, compress))).toBe('compressed 2');
		expect(calls).toHaveLength(2);
		expect(readdirSync(dir)).toHaveLength(2);
	});

	it('does not take a copy made with other settings', async () => {
		const dir = cacheDir();
		const big = Buffer.alloc(LARGE_FILE_BYTES, 4);
		const hash = createHash('sha256').update(big).digest('hex');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${hash}-q11-w24.br`), 'made with quality 11');
		writeFileSync(join(dir, `${hash}.br`), 'made before the settings were in the name');
		const { calls, compress } = fakeCompress();
		expect(String(await cachedBrotli(big, dir, compress))).toBe('compressed 4');
		expect(calls).toHaveLength(1);
	});

	it('compresses a small file every time and caches nothing', async () => {
		const dir = cacheDir();
		const { calls, compress } = fakeCompress();
		await cachedBrotli(Buffer.alloc(4096, 3), dir, compress);
		await cachedBrotli(Buffer.alloc(4096, 3), dir, compress);
		expect(calls.map((c) => c.params[QUALITY])).toEqual([9, 9]);
		expect(existsSync(dir)).toBe(false);
	});
});

describe('the built engine wasm', () => {
	const assets = join('build', '_app', 'immutable', 'assets');
	const files = readdirSync(assets);
	const primary = files.find((f) => /^duckdb-eh\..*\.wasm$/.test(f));
	const full = files.find((f) => /^duckdb-eh-full\..*\.wasm$/.test(f));

	it('ships the two halves of the split and no whole copy (scripts/lib/vite-engine-wasm.ts)', () => {
		expect(primary, `no duckdb-eh wasm in ${assets}: run \`npm run build\` first`).toBeDefined();
		expect(full, 'no full module: the build shipped the whole wasm (is the profile stale?)').toBeDefined();
		expect(files.filter((f) => f.endsWith('.wasm'))).toEqual([full, primary].sort());
		expect(customSectionNames(readFileSync(join(assets, primary!)))).toContain(SPLIT_MARKER);
	});

	it('has .br copies that decode to them; the page waits for under 2.1 MB of it (4.15 MB whole)', () => {
		for (const wasm of [primary!, full!]) {
			const body = readFileSync(join(assets, wasm));
			const br = readFileSync(join(assets, `${wasm}.br`));
			expect(brotliDecompressSync(br).equals(body)).toBe(true);
		}
		expect(readFileSync(join(assets, `${primary}.br`)).length).toBeLessThan(2.1 * 1024 * 1024);
	});
});
