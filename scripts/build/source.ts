import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Files, sha256Text } from './hash';

/**
 * Returns a simulated source directory for (seed, posts), reusing an earlier run only when the simulator's
 * code, its calibration and the arguments are unchanged (the simulator is deterministic, so that is safe).
 */
export async function ensureSimulated(
	seed: number,
	posts: number,
	log: (s: string) => void
): Promise<string> {
	const dir = `data/simulated/seed-${seed}-posts-${posts}`;
	const code = readdirSync('scripts/simulate', { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.ts'))
		.sort()
		.map((f) => join('scripts/simulate', f));
	const key = sha256Text(`${sha256Files([...code, 'data/simulator.config.json'])} ${seed} ${posts}`);
	const keyFile = join(dir, '.cache-key');
	if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
		log(`simulated source ${dir} is up to date`);
		return dir;
	}
	rmSync(dir, { recursive: true, force: true });
	log(`simulating ${posts} posts with seed ${seed} into ${dir}`);
	// Imported only when needed: a build from an ingested source must not depend on the simulator.
	const { simulate } = await import('../simulate/index');
	await simulate({ seed, posts, outDir: dir });
	writeFileSync(keyFile, key);
	return dir;
}

export function readSourceMeta(dir: string): unknown {
	const path = join(dir, 'source.json');
	if (!existsSync(path))
		throw new Error(`${dir}: no source.json (every source directory says how it was made)`);
	return JSON.parse(readFileSync(path, 'utf8'));
}
