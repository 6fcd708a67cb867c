/**
 * The guard (tests/e2e/helpers/guard.ts) is only worth its silence if it speaks up: each case here trips it on
 * purpose, checks that it noticed, then clears it so the test itself passes.
 */
import { readdirSync } from 'node:fs';
import { CSP_MARK, expect, test, workerListener, type Guard } from './helpers/guard';
import { findLiveMarkup } from './helpers/inert';
import { BUILD_DIR } from './helpers/site';

const settle = (guard: Guard, kind: keyof Guard['issues']) =>
	expect.poll(() => guard.issues[kind].length, { timeout: 5_000 }).toBeGreaterThan(0);

test('an injected inline script is blocked and reported as a CSP violation', async ({ page, guard }) => {
	await page.goto('/');
	const ran = await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = true';
		document.body.append(s);
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
	await settle(guard, 'csp');
	expect(guard.issues.csp.join('\n')).toMatch(/script-src/);
	guard.reset();
});

test('an event-handler attribute does not run', async ({ page, guard }) => {
	await page.goto('/');
	await page.evaluate(() => {
		const img = document.createElement('img');
		img.setAttribute('src', 'data:,x');
		img.setAttribute('onerror', 'alert(1)');
		document.body.append(img);
	});
	await settle(guard, 'csp');
	expect(guard.issues.dialogs).toEqual([]);
	guard.reset();
});

test('a fetch to another host is refused by connect-src', async ({ page, guard }) => {
	await page.goto('/');
	const outcome = await page.evaluate(() =>
		fetch('https://example.org/x.csv').then(
			() => 'fetched',
			() => 'refused'
		)
	);
	expect(outcome).toBe('refused');
	await settle(guard, 'csp');
	expect(guard.issues.csp.join('\n')).toMatch(/connect-src/);
	guard.reset();
});

test('same-origin worker scripts are served with the violation listener appended', async ({ page }) => {
	await page.goto('/');
	const worker = readdirSync(`${BUILD_DIR}/_app/immutable`, { recursive: true, encoding: 'utf8' })
		.map((f) => f.split('\\').join('/'))
		.find((f) => /worker[^/]*\.js$/.test(f));
	expect(worker, 'a worker script is built').toBeTruthy();
	const body = await page.evaluate((u) => fetch(u).then((r) => r.text()), `/_app/immutable/${worker}`);
	expect(body.endsWith(workerListener(CSP_MARK))).toBe(true);
});

test('a violation inside an instrumented worker is reported', async ({ page, guard }) => {
	await page.goto('/');
	await page.evaluate((listener) => {
		const src = `${listener}; try { eval('1') } catch (e) {} fetch('https://example.org/w').catch(() => {});`;
		new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
	}, workerListener(CSP_MARK));
	await settle(guard, 'csp');
	expect(guard.issues.csp.join('\n')).toMatch(/in worker/);
	guard.reset();
});

test('a dialog (hostile input executed) is recorded', async ({ page, guard }) => {
	await page.goto('/');
	// Evaluated by the test, so CSP does not apply: this stands for a payload that got through.
	await page.evaluate(() => setTimeout(() => alert('xss'), 0));
	await settle(guard, 'dialogs');
	expect(guard.issues.dialogs[0]).toContain('xss');
	guard.reset();
});

test('a request to another origin is recorded', async ({ page, guard }) => {
	await page.route('http://elsewhere.test/**', (route) =>
		route.fulfill({ body: 'x', contentType: 'text/plain' })
	);
	await page.goto('http://elsewhere.test/');
	await settle(guard, 'offOrigin');
	guard.reset();
});

test('a console error and an uncaught exception are recorded', async ({ page, guard }) => {
	await page.goto('/');
	await page.evaluate(() => {
		console.error('boom');
		setTimeout(() => {
			throw new Error('uncaught');
		}, 0);
	});
	await settle(guard, 'console');
	await settle(guard, 'pageErrors');
	guard.reset();
});

test('the inert check finds handler attributes and script links', async ({ page, guard }) => {
	await page.goto('/');
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.setAttribute('href', 'javascript:void 0');
		a.setAttribute('onclick', 'void 0');
		a.textContent = 'x';
		document.body.append(a);
	});
	const found = await findLiveMarkup(page);
	expect(found).toEqual(expect.arrayContaining(['<a onclick=…>', 'link to javascript:void 0']));
	// Chromium reports the handler attribute to the policy as soon as it is set: expected here.
	guard.reset();
});
