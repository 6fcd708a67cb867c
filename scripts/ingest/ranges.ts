import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface ByteRange {
	start: number;
	end: number;
}

/**
 * Cuts a file into about `n` byte ranges that each start right after a newline, so that each can be read on
 * its own (by a worker) and every line falls in exactly one range. A cut that finds no newline within
 * `maxLineBytes` is dropped (its neighbours merge).
 */
export async function planRanges(
	path: string,
	size: number,
	n: number,
	maxLineBytes: number
): Promise<ByteRange[]> {
	const cuts: number[] = [0];
	const fh = await open(path, 'r');
	try {
		const window = Buffer.allocUnsafe(64 * 1024);
		for (let i = 1; i < n; i++) {
			let pos = Math.max(Math.floor((size * i) / n), cuts[cuts.length - 1]);
			const limit = pos + maxLineBytes + 1;
			let cut = -1;
			while (pos < size && pos < limit) {
				const { bytesRead } = await fh.read(window, 0, window.length, pos);
				if (bytesRead === 0) break;
				const nl = window.subarray(0, bytesRead).indexOf(10);
				if (nl >= 0) {
					cut = pos + nl + 1;
					break;
				}
				pos += bytesRead;
			}
			if (cut > cuts[cuts.length - 1] && cut < size) cuts.push(cut);
		}
	} finally {
		await fh.close();
	}
	cuts.push(size);
	const ranges: ByteRange[] = [];
	for (let i = 0; i + 1 < cuts.length; i++)
		if (cuts[i + 1] > cuts[i]) ranges.push({ start: cuts[i], end: cuts[i + 1] });
	return ranges;
}

/** sha256 and size of a file, and how many newlines come before each range start (line numbers of a range). */
export async function hashAndCountLines(
	path: string,
	starts: readonly number[]
): Promise<{ sha256: string; bytes: number; linesBefore: number[] }> {
	const hash = createHash('sha256');
	const linesBefore = starts.map(() => 0);
	let pos = 0;
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		let i = chunk.indexOf(10);
		while (i !== -1) {
			const at = pos + i;
			for (let r = 0; r < starts.length; r++) if (at < starts[r]) linesBefore[r]++;
			i = chunk.indexOf(10, i + 1);
		}
		pos += chunk.length;
	}
	return { sha256: hash.digest('hex'), bytes: pos, linesBefore };
}
