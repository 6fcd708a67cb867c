import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';

export async function sha256File(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

export const sha256Text = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

export const fileBytes = (path: string): number => statSync(path).size;

export const sha256Files = (paths: readonly string[]): string =>
	sha256Text(paths.map((p) => `${p}\n${sha256Text(readFileSync(p))}\n`).join(''));
