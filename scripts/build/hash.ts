import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

const chunk = Buffer.allocUnsafe(1 << 20);

/**
 * Hashes a file in 1 MiB reads into one reused buffer: the manifest hashes every output (close to a GB at a
 * million posts), and a read stream's 64 KiB chunks and promise hops took three times as long.
 */
export async function sha256File(path: string): Promise<string> {
	const hash = createHash('sha256');
	const fd = openSync(path, 'r');
	try {
		for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, n));
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

export const sha256Text = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

export const fileBytes = (path: string): number => statSync(path).size;

export const sha256Files = (paths: readonly string[]): string =>
	sha256Text(paths.map((p) => `${p}\n${sha256Text(readFileSync(p))}\n`).join(''));
