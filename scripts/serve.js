#!/usr/bin/env node
// Serves build/ like our static host does: the same `_headers` rules, wasm as application/wasm, 404.html for
// unknown paths. Used by `npm start`, the e2e tests and the browser benchmarks, so all run under one policy.
// `--log-bytes FILE` appends one JSON line per response ({ path, bytes, at }: `at` is when it ended, in epoch
// ms) so benchmarks can count transfer, and what had arrived by a given moment.
import { createServer } from 'node:http';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : fallback;
};
const root = opt('dir', 'build');
const port = Number(opt('port', 4173));
const host = opt('host', '127.0.0.1');
const logBytes = opt('log-bytes', '');

if (!existsSync(join(root, 'index.html'))) {
	console.error(`serve: ${root}/index.html not found. Run \`npm run build\` first.`);
	process.exit(1);
}

/** Parses the Netlify/Cloudflare `_headers` format: a path pattern line, then indented `Name: value` lines. */
function parseHeaders(text) {
	const rules = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const pattern = line.trim();
			const re = new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
			rules.push({ re, headers: [] });
		} else if (rules.length) {
			const i = line.indexOf(':');
			if (i > 0) rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
		}
	}
	return rules;
}

const headersFile = join(root, '_headers');
const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
const notFound = existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : 'Not found';

const files = sirv(root, {
	dev: false,
	etag: true,
	// Precompressed .br/.gz siblings (scripts/precompress.js) are sent when the client accepts them.
	gzip: true,
	brotli: true,
	setHeaders(res, pathname) {
		if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
		if (pathname.endsWith('.arrow')) res.setHeader('Content-Type', 'application/vnd.apache.arrow.stream');
	}
});

function applyRules(pathname, res) {
	for (const rule of rules) {
		if (!rule.re.test(pathname)) continue;
		for (const [name, value] of rule.headers) res.setHeader(name, value);
	}
}

createServer((req, res) => {
	const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
	applyRules(pathname, res);
	if (logBytes) {
		let bytes = 0;
		const write = res.write.bind(res);
		const end = res.end.bind(res);
		res.write = (chunk, ...rest) => ((bytes += chunk ? Buffer.byteLength(chunk) : 0), write(chunk, ...rest));
		res.end = (chunk, ...rest) => {
			if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk);
			appendFileSync(logBytes, JSON.stringify({ path: pathname, bytes, at: Date.now() }) + '\n');
			return end(chunk, ...rest);
		};
	}
	files(req, res, () => {
		applyRules('/404.html', res);
		res.statusCode = 404;
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.end(notFound);
	});
}).listen(port, host, () => console.log(`Serving ${root}/ on http://${host}:${port}/`));
