/**
 * A Playwright `test` whose every test fails on what a reader must never meet: a Content-Security-Policy
 * violation, a console error, an uncaught exception, a dialog (alert/confirm/prompt: hostile input executed),
 * or a request that leaves our origin (DuckDB-WASM, fonts, analytics…). Import `test` and `expect` from here
 * instead of '@playwright/test'; `guard.allowConsole(/…/)` accepts a console error a test expects.
 *
 * CSP violations are caught by a `securitypolicyviolation` listener installed in every frame before any page
 * script runs, and in every same-origin worker script (appended to the file as it is served, its response
 * headers untouched: a worker obeys the policy of its own response, not the page's). A worker console message
 * reaches the page's console, where the guard reads it. Workers started from blob: URLs are not instrumented
 * (wrapping them would change which directive governs them); the site starts none.
 */
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page } from '@playwright/test';

export { expect };

export interface GuardIssues {
	csp: string[];
	console: string[];
	pageErrors: string[];
	offOrigin: string[];
	dialogs: string[];
}

export interface Guard {
	readonly issues: GuardIssues;
	/** Accept console errors matching `re` for the rest of this test (e.g. a 404 a hostile URL asks for). */
	allowConsole(re: RegExp): void;
	/** Accept requests to URLs matching `re` (none of our tests should need this). */
	allowRequest(re: RegExp): void;
	/** Fails the test now if anything was seen; the fixture also calls it when the test ends. */
	expectClean(label?: string): void;
	/** Forgets everything seen so far (after a step that is expected to trip the guard). */
	reset(): void;
}

/** Marks the console line our in-page listener writes for each violation. */
export const CSP_MARK = '[csp-violation]';

/** Runs in every frame before the page's scripts: report each violation on the console, where the guard sees it. */
function listenForViolations(mark: string) {
	document.addEventListener('securitypolicyviolation', (e) => {
		const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
		const sample = e.sample ? ` sample=${JSON.stringify(e.sample)}` : '';
		console.error(
			`${mark} ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} on ${location.pathname}${where}${sample}`
		);
	});
}

/** The same listener, as source appended to worker scripts. */
export const workerListener = (mark: string) => `
;self.addEventListener('securitypolicyviolation', function (e) {
	console.error(${JSON.stringify(mark)} + ' ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') +
		' in worker ' + self.location.pathname + (e.sample ? ' sample=' + JSON.stringify(e.sample) : ''));
});
`;

/** Same-origin worker scripts: Vite's `?worker`/`new URL()` workers and DuckDB's, all under /_app/. */
const WORKER_SCRIPT = /\/_app\/immutable\/.*worker[^/]*\.js(\?.*)?$/;

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-error:']);

export function isOffOrigin(url: string, origin: string): boolean {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return true;
	}
	if (LOCAL_SCHEMES.has(u.protocol)) return false;
	return u.origin !== origin;
}

/** Installs the listeners on a context and every page it opens; returns the guard. */
export async function installGuard(context: BrowserContext, baseURL: string): Promise<Guard> {
	const origin = new URL(baseURL).origin;
	const issues: GuardIssues = { csp: [], console: [], pageErrors: [], offOrigin: [], dialogs: [] };
	const allowedConsole: RegExp[] = [];
	const allowedRequests: RegExp[] = [];

	await context.addInitScript(listenForViolations, CSP_MARK);
	await context.route(
		(url) => url.origin === origin && WORKER_SCRIPT.test(url.pathname),
		async (route) => {
			const response = await route.fetch();
			const body = (await response.text()) + workerListener(CSP_MARK);
			await route.fulfill({ response, body });
		}
	);

	const onConsole = (msg: ConsoleMessage) => {
		if (msg.type() !== 'error') return;
		const text = msg.text();
		const loc = msg.location();
		const line = `${text}${loc.url ? ` (${loc.url.replace(origin, '')}:${loc.lineNumber})` : ''}`;
		if (text.startsWith(CSP_MARK) || /Content Security Policy/i.test(text)) {
			issues.csp.push(line);
			return;
		}
		if (allowedConsole.some((re) => re.test(text))) return;
		issues.console.push(line);
	};

	const watchPage = (page: Page) => {
		page.on('console', onConsole);
		page.on('pageerror', (err) => issues.pageErrors.push(`${err.name}: ${err.message} on ${page.url()}`));
		page.on('dialog', (dialog) => {
			issues.dialogs.push(`${dialog.type()}(${JSON.stringify(dialog.message())}) on ${page.url()}`);
			dialog.dismiss().catch(() => undefined);
		});
	};
	context.pages().forEach(watchPage);
	context.on('page', watchPage);
	context.on('request', (req) => {
		const url = req.url();
		if (isOffOrigin(url, origin) && !allowedRequests.some((re) => re.test(url))) issues.offOrigin.push(url);
	});

	const guard: Guard = {
		issues,
		allowConsole: (re) => void allowedConsole.push(re),
		allowRequest: (re) => void allowedRequests.push(re),
		reset() {
			for (const list of Object.values(issues) as string[][]) list.length = 0;
		},
		expectClean(label = '') {
			const report = (Object.entries(issues) as [keyof GuardIssues, string[]][])
				.filter(([, list]) => list.length)
				.map(([kind, list]) => `${kind}:\n  ${[...new Set(list)].slice(0, 20).join('\n  ')}`)
				.join('\n');
			expect(report, `${label ? label + ': ' : ''}CSP, console, errors, dialogs, off-origin requests`).toBe(
				''
			);
		}
	};
	return guard;
}

/** `test` with the guard on by default (an automatic fixture), checked when each test ends. */
export const test = base.extend<{ guard: Guard }>({
	guard: [
		async ({ context, baseURL }, use) => {
			const guard = await installGuard(context, baseURL ?? 'http://127.0.0.1');
			await use(guard);
			guard.expectClean();
		},
		{ auto: true }
	]
});
