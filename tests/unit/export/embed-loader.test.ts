// The shipped host loader (static/embed.js) and embed child script (src/lib/embed/child.js), run as they are in a
// sandbox with stand-ins for window, document and iframes.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const LOADER = readFileSync('static/embed.js', 'utf8');
const CHILD = readFileSync('src/lib/embed/child.js', 'utf8');
const SITE = 'https://charts.example';
const TYPE = 'aiart-embed:height';

interface FakeFrame {
	contentWindow: object;
	src: string;
	style: Record<string, string>;
	attrs: Record<string, string>;
	hasAttribute(n: string): boolean;
	setAttribute(n: string, v: string): void;
}

function frame(src = `${SITE}/embed/wave/`, marked = true): FakeFrame {
	const attrs: Record<string, string> = marked ? { 'data-aiart-embed': '' } : {};
	return {
		contentWindow: {},
		src,
		style: {},
		attrs,
		hasAttribute: (n) => n in attrs,
		setAttribute: (n, v) => (attrs[n] = v)
	};
}

function host(frames: FakeFrame[], scriptSrc: string | null = `${SITE}/embed.js`) {
	const listeners: ((e: unknown) => void)[] = [];
	const window: Record<string, unknown> = {
		addEventListener: (type: string, fn: (e: unknown) => void) => type === 'message' && listeners.push(fn)
	};
	const document = {
		currentScript: scriptSrc ? { src: scriptSrc } : null,
		baseURI: 'https://news.example/story',
		getElementsByTagName: (tag: string) => (tag === 'iframe' ? frames : [])
	};
	const run = () => vm.runInNewContext(LOADER, { window, document, URL });
	run();
	return {
		listeners,
		run,
		window,
		send: (e: { source: unknown; origin?: string; data: unknown }) =>
			listeners.forEach((l) => l({ origin: SITE, ...e }))
	};
}

describe('static/embed.js (host loader)', () => {
	it.each<[string, unknown, string | undefined]>([
		['applies a numeric height', 640, '640px'],
		['rounds a fractional height', 640.4, '640px'],
		['clamps a huge height to 5000', 1e9, '5000px'],
		['clamps a tiny height to 100', 3, '100px'],
		['clamps a negative height to 100', -50, '100px'],
		['ignores a numeric string', '640', undefined],
		['ignores NaN', NaN, undefined],
		['ignores Infinity', Infinity, undefined],
		['ignores an object', { valueOf: () => 640 }, undefined],
		['ignores a javascript: payload', 'javascript:alert(1)', undefined]
	])('%s', (_name, height, expected) => {
		const f = frame();
		host([f]).send({ source: f.contentWindow, data: { type: TYPE, id: 'wave', height } });
		expect(f.style.height).toBe(expected);
	});

	it('resizes only the iframe whose contentWindow sent the message', () => {
		const a = frame(`${SITE}/embed/wave/`);
		const b = frame(`${SITE}/embed/timeline/`);
		const h = host([a, b]);
		h.send({ source: b.contentWindow, data: { type: TYPE, id: 'wave', height: 700 } });
		expect(a.style.height).toBeUndefined();
		expect(b.style.height).toBe('700px');
	});

	it('ignores a forged message from a window that is none of the page’s iframes', () => {
		const f = frame();
		host([f]).send({ source: {}, data: { type: TYPE, id: 'wave', height: 4000 } });
		expect(f.style.height).toBeUndefined();
	});

	it('ignores a message without a source (e.g. posted by a worker)', () => {
		const f = frame();
		host([f]).send({ source: null, data: { type: TYPE, id: 'wave', height: 4000 } });
		expect(f.style.height).toBeUndefined();
	});

	it('ignores messages from another origin, even from our iframe', () => {
		const f = frame();
		host([f]).send({
			source: f.contentWindow,
			origin: 'https://evil.example',
			data: { type: TYPE, height: 4000 }
		});
		expect(f.style.height).toBeUndefined();
	});

	it('ignores iframes that are not ours (unmarked, another site)', () => {
		const f = frame('https://ads.example/banner', false);
		host([f]).send({ source: f.contentWindow, data: { type: TYPE, height: 4000 } });
		expect(f.style.height).toBeUndefined();
	});

	it('accepts an unmarked iframe that points at our /embed/ pages', () => {
		const f = frame(`${SITE}/embed/ko/wave/`, false);
		host([f]).send({ source: f.contentWindow, data: { type: TYPE, height: 800 } });
		expect(f.style.height).toBe('800px');
	});

	it.each<[string, unknown]>([
		['another message type', { type: 'datawrapper-height', height: 900 }],
		['no type', { height: 900 }],
		['a JSON string', JSON.stringify({ type: TYPE, height: 900 })],
		['null', null]
	])('ignores %s', (_name, data) => {
		const f = frame();
		host([f]).send({ source: f.contentWindow, data });
		expect(f.style.height).toBeUndefined();
	});

	it('never navigates or writes message text into the page', () => {
		const f = frame();
		const h = host([f]);
		h.send({
			source: f.contentWindow,
			data: {
				type: TYPE,
				height: 500,
				url: 'javascript:alert(1)',
				src: 'https://evil.example',
				html: '<img>'
			}
		});
		expect(f.src).toBe(`${SITE}/embed/wave/`);
		expect(f.attrs).toEqual({ 'data-aiart-embed': '', height: '500' });
		expect(f.style).toEqual({ height: '500px' });
		expect(Object.keys(h.window).sort()).toEqual(['__aiartEmbedLoader', 'addEventListener']);
	});

	it('adds one listener even when the script is included twice', () => {
		const h = host([frame()]);
		h.run();
		expect(h.listeners).toHaveLength(1);
	});
});

describe('src/lib/embed/child.js (embed page script)', () => {
	function child(path: string, search = '', framed = true) {
		const posted: unknown[] = [];
		const replaced: string[] = [];
		const htmlAttrs: Record<string, string> = {};
		const listeners: string[] = [];
		let observed: (() => void) | null = null;
		const rafs: (() => void)[] = [];
		const parent = { postMessage: (m: unknown, target: string) => posted.push({ m, target }) };
		const window: Record<string, unknown> = {
			addEventListener: (t: string) => listeners.push(t)
		};
		window.parent = framed ? parent : window;
		const ctx = {
			window,
			location: { pathname: path, search, hash: '', replace: (u: string) => replaced.push(u) },
			document: {
				readyState: 'complete',
				documentElement: { setAttribute: (n: string, v: string) => (htmlAttrs[n] = v) },
				body: { getBoundingClientRect: () => ({ height: 612.2 }) },
				addEventListener: (t: string) => listeners.push(t)
			},
			URLSearchParams,
			ResizeObserver: class {
				constructor(cb: () => void) {
					observed = cb;
				}
				observe() {}
			},
			requestAnimationFrame: (cb: () => void) => rafs.push(cb)
		};
		vm.runInNewContext(CHILD, ctx);
		const flush = () => rafs.splice(0).forEach((cb) => cb());
		return { posted, replaced, htmlAttrs, listeners, resize: () => observed?.(), flush };
	}

	it('posts {type, id, height} to the parent, once per frame and only on change', () => {
		const c = child('/embed/wave/');
		c.resize();
		c.resize();
		c.flush();
		c.resize();
		c.flush();
		expect(c.posted).toEqual([{ m: { type: TYPE, id: 'wave', height: 613 }, target: '*' }]);
	});

	it('never listens for messages from the host', () => {
		expect(child('/embed/wave/').listeners).not.toContain('message');
	});

	it('does not post when it is not framed', () => {
		const c = child('/embed/wave/', '', false);
		c.resize();
		c.flush();
		expect(c.posted).toEqual([]);
	});

	it.each([
		['?plain=true', { 'data-embed-plain': '' }],
		['?plain', { 'data-embed-plain': '' }],
		['?transparent=1', { 'data-embed-transparent': '' }],
		['?plain=false&transparent=no', {}]
	])('applies render flags %s', (search, attrs) => {
		expect(child('/embed/wave/', search).htmlAttrs).toEqual(attrs);
	});

	it.each([
		['/embed/wave/', '?lang=ko&top=50', '/embed/ko/wave/?top=50'],
		['/embed/ko/wave/', '?lang=en', '/embed/wave/'],
		['/embed/wave/', '?static=true&dark=true', '/embed/wave/static/?dark=true'],
		['/embed/ko/wave/static/', '?static=false', '/embed/ko/wave/'],
		['/embed/wave/', '?lang=javascript:alert(1)', null],
		['/embed/wave/', '?lang=ko', '/embed/ko/wave/']
	])('maps %s%s onto the prerendered path', (path, search, target) => {
		const c = child(path, search);
		expect(c.replaced).toEqual(target === null ? [] : [target]);
	});
});
