/**
 * The SQL console and the engine's lock-down on the built site. Hostile statements must fail with a clear
 * message (the console's read-only gate), must also fail in the engine itself (its lock-down, reached through
 * the test hook that skips the gate), a runaway query must be cancelled by the watchdog, and nothing may
 * leave our origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { rawQuery } from './helpers/engine';

const CONSOLE = '/explore/sql/';
const XSS = '<img src=x onerror=alert(1)>';

async function guardOrigin(page: Page, baseURL: string) {
	const offOrigin: string[] = [];
	await page.context().route(
		(url) => !url.href.startsWith(baseURL),
		(route) => {
			offOrigin.push(route.request().url());
			return route.abort();
		}
	);
	page.on('request', (r) => {
		if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(baseURL)) offOrigin.push(r.url());
	});
	return offOrigin;
}

async function run(page: Page, sql: string) {
	// A click before hydration does nothing (the prerendered form has no handler yet).
	await expect(page.getByTestId('sql-console')).toHaveAttribute('data-ready', 'true');
	await page.getByRole('textbox', { name: 'Query' }).fill(sql);
	await page.getByTestId('sql-run').click();
	await expect(page.getByTestId('sql-run')).toHaveText('Run', { timeout: 30_000 });
}

/** Runs SQL in the engine directly, skipping the console's gate. */
const raw = rawQuery;

test('a query from a link is shown but never runs until Run is pressed', async ({ page }) => {
	await page.goto(`${CONSOLE}?sql=${encodeURIComponent('SELECT 42 AS answer')}`);
	await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue('SELECT 42 AS answer');
	await page.waitForTimeout(1500);
	await expect(page.getByTestId('sql-result')).toHaveCount(0);
	expect(
		await page.evaluate(
			() => (window as unknown as { __aiad: { status: { phase: string } } }).__aiad.status.phase
		)
	).toBe('idle');
	await expect(page.getByTestId('sql-console')).toHaveAttribute('data-ready', 'true');
	await page.getByTestId('sql-run').click();
	await expect(page.getByTestId('sql-result')).toContainText('42', { timeout: 45_000 });
	// A first query can take over a second on a busy machine: the time is then grouped ("1,578 ms").
	await expect(page.getByTestId('sql-meta')).toContainText(/^1 row · [\d,]+ ms$/);
});

test('the explorer tab keeps the query in the URL and does not run it', async ({ page }) => {
	await page.goto(`/explore/?tab=sql&sql=${encodeURIComponent('SELECT 7')}`);
	await expect(page.getByRole('tab', { name: 'SQL console' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue('SELECT 7');
	await expect(page.getByTestId('sql-result')).toHaveCount(0);
	await page.getByRole('textbox', { name: 'Query' }).fill('SELECT 8');
	await expect(page).toHaveURL(/sql=SELECT(%20|\+)8/);
});

test('queries read the contract tables and report rows and time', async ({ page }) => {
	await page.goto(CONSOLE);
	await run(page, 'SELECT count(*) AS n, count(DISTINCT platform) AS platforms FROM posts');
	await expect(page.getByTestId('sql-meta')).toContainText('1 row ·');
	const n = Number(
		(await page.locator('[data-testid=sql-result] tbody td').first().textContent())!.replace(/\D/g, '')
	);
	expect(n).toBeGreaterThan(1000);
	// On a phone, names, counts and timestamps stay whole: the table scrolls sideways instead.
	await page.setViewportSize({ width: 390, height: 844 });
	await run(
		page,
		'SELECT platform, lang, count(*) AS n, min(created_at) AS first_post FROM posts GROUP BY ALL ORDER BY n DESC'
	);
	await expect(page.getByTestId('sql-meta')).toContainText(/^\d+ rows · /);
	const split = await page
		.locator('[data-testid=sql-result] th, [data-testid=sql-result] td')
		.evaluateAll((cells) =>
			cells
				.filter((c) => {
					const r = document.createRange();
					r.selectNodeContents(c);
					return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size > 1;
				})
				.map((c) => c.textContent)
		);
	expect(split).toEqual([]);
	await run(page, 'SELECT * FROM range(5000)');
	await expect(page.getByTestId('sql-meta')).toContainText('first 1,000 rows shown');
	await expect(page.locator('[data-testid=sql-result] tbody tr')).toHaveCount(1000);
});

test.describe('hostile statements fail with a clear message', () => {
	test.describe.configure({ timeout: 90_000 });
	const cases: [string, string, RegExp][] = [
		['a remote CSV', "SELECT * FROM read_csv('https://example.com/a.csv')", /Permission Error.*disabled/],
		['a local file', "SELECT * FROM read_csv('/etc/passwd')", /Permission Error/],
		['ATTACH', "ATTACH 'https://example.com/x.db' AS x", /Only read-only queries.*Refused: ATTACH/],
		['INSTALL', 'INSTALL spatial', /Only read-only queries.*Refused: INSTALL/],
		['LOAD', 'LOAD httpfs', /Only read-only queries.*Refused: LOAD/],
		['INSTALL from community', 'INSTALL h3 FROM community', /Refused: INSTALL/],
		['turning external access on', 'SET enable_external_access=true', /Refused: SET/],
		['unlocking', 'SET lock_configuration=false', /Refused: SET/],
		['COPY … TO', "COPY posts TO 'x.csv'", /Refused: COPY/],
		[
			'a write hidden in a CTE',
			'WITH x AS (SELECT 1) INSERT INTO posts_core SELECT * FROM x',
			/Refused: INSERT/
		],
		['two statements', 'SELECT 1; DROP TABLE posts_core', /one statement at a time/],
		['range(1e11), which does not bind', 'SELECT count(*) FROM range(1e11)', /range\(DOUBLE\)/]
	];
	// One after another in one console, as a reader could type them: each refusal also shows that the ones
	// before it left the lock-down in place (and the engine boots once, not once per statement).
	test('each one, in turn, in one console', async ({ page, baseURL }) => {
		const offOrigin = await guardOrigin(page, baseURL!);
		await page.goto(CONSOLE);
		for (const [name, sql, message] of cases)
			await test.step(name, async () => {
				await run(page, sql);
				await expect.soft(page.getByTestId('sql-error'), name).toHaveText(message);
				await expect.soft(page.getByTestId('sql-result'), name).toHaveCount(0);
			});
		expect(offOrigin).toEqual([]);
	});

	test('a query that would run for hours is cancelled by the watchdog', async ({ page }) => {
		await page.goto(CONSOLE);
		await run(page, 'SELECT 1');
		const started = Date.now();
		await run(page, 'SELECT count(*) FROM range(100000000000)');
		await expect(page.getByTestId('sql-error')).toContainText('watchdog cancelled it');
		expect(Date.now() - started).toBeLessThan(20_000);
		// The engine still answers afterwards.
		await run(page, 'SELECT 5 AS after');
		await expect(page.getByTestId('sql-result')).toContainText('5');
	});
});

test('the engine itself refuses what the gate refuses (lock-down, without the gate)', async ({
	page,
	baseURL
}) => {
	const offOrigin = await guardOrigin(page, baseURL!);
	await page.goto(CONSOLE);
	// Focus starts the engine once the console has hydrated; a focus before that starts nothing.
	await expect(page.getByTestId('sql-console')).toHaveAttribute('data-ready', 'true');
	await page.getByRole('textbox', { name: 'Query' }).focus();
	await expect
		.poll(
			() =>
				// The hook appears once the page has hydrated: until then there is no phase to read.
				page.evaluate(
					() => (window as unknown as { __aiad?: { status: { phase: string } } }).__aiad?.status.phase
				),
			{ timeout: 45_000 }
		)
		.toBe('ready');
	const settings = await raw(
		page,
		"SELECT name, lower(CAST(value AS VARCHAR)) AS value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'autoinstall_known_extensions', 'autoload_known_extensions', 'allow_community_extensions', 'lock_configuration') ORDER BY name"
	);
	expect(JSON.parse(settings.value)).toEqual([
		{ name: 'allow_community_extensions', value: 'false' },
		{ name: 'autoinstall_known_extensions', value: 'false' },
		{ name: 'autoload_known_extensions', value: 'false' },
		{ name: 'enable_external_access', value: 'false' },
		{ name: 'lock_configuration', value: 'true' }
	]);
	const refused: [string, RegExp][] = [
		["SELECT * FROM read_csv('https://example.com/a.csv')", /Permission Error/],
		["ATTACH 'https://example.com/x.db' AS x", /Permission Error/],
		['LOAD spatial', /Permission Error/],
		["COPY (SELECT 1) TO 'x.csv'", /Permission Error/],
		["EXPORT DATABASE 'dump'", /Permission Error/],
		['SET enable_external_access=true', /locked/],
		['SET autoload_known_extensions=true', /locked/],
		['SET allow_community_extensions=true', /locked/],
		['SET lock_configuration=false', /locked/],
		["SET memory_limit='64GB'", /locked/]
	];
	for (const [sql, message] of refused) {
		const r = await raw(page, sql);
		expect(r.ok, sql).toBe(false);
		expect(r.value, sql).toMatch(message);
	}
	// INSTALL is a no-op in DuckDB-WASM (extensions are fetched on LOAD, which is refused): it must fetch nothing.
	await raw(page, 'INSTALL spatial');
	await raw(page, 'INSTALL h3 FROM community');
	expect(offOrigin).toEqual([]);
});

test('result cells, column names and error messages render as text', async ({ page }) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		return d.dismiss();
	});
	await page.goto(CONSOLE);
	await run(page, `SELECT '${XSS}' AS "${XSS}", 'javascript:alert(1)' AS link`);
	await expect(page.locator('[data-testid=sql-result] td').first()).toHaveText(XSS);
	await expect(page.locator('[data-testid=sql-result] th').first()).toHaveText(XSS);
	await run(page, `SELECT * FROM "${XSS}"`);
	await expect(page.getByTestId('sql-error')).toContainText(XSS);
	expect(await page.locator('[data-testid=sql-console] img').count()).toBe(0);
	expect(await page.locator('[data-testid=sql-console] a[href^="javascript"]').count()).toBe(0);
	expect(dialogs).toBe(0);
});

/**
 * The install step trims the wasm's exports and stubs every function it finds unreachable
 * (scripts/lib/wasm-dce.ts): a function it got wrong would trap ("unreachable") the first time SQL needs it.
 * A spread of what readers may write in the console: text, patterns, dates and zones, lists and lambdas,
 * structs, aggregates and windows, joins, sorts, recursion, decimals, hashing, Hangul and Unicode.
 */
const SAMPLE: [sql: string, value: unknown][] = [
	["SELECT upper('abc') || lower('DEF') || reverse('xyz') AS v", 'ABCdefzyx'],
	["SELECT regexp_replace('a1b22c333', '[0-9]+', '#', 'g') AS v", 'a#b#c#'],
	["SELECT regexp_extract('post-1234', '([0-9]+)', 1) AS v", '1234'],
	["SELECT ('Midjourney' ILIKE '%JOURNEY') AND contains('abc', 'b') AS v", true],
	["SELECT strftime(TIMESTAMP '2022-12-14 03:05:00', '%Y/%m/%d %H:%M') AS v", '2022/12/14 03:05'],
	[
		"SELECT CAST(date_trunc('week', DATE '2022-12-14') + INTERVAL 3 DAY AS VARCHAR) AS v",
		'2022-12-15 00:00:00'
	],
	["SELECT CAST(strptime('14/12/2022', '%d/%m/%Y') AS DATE)::VARCHAR AS v", '2022-12-14'],
	["SELECT CAST(TIMESTAMPTZ '2022-12-14 00:00:00+09' AS VARCHAR) AS v", '2022-12-13 15:00:00+00'],
	[
		"SELECT count(*) AS v FROM generate_series(TIMESTAMP '2022-12-01', TIMESTAMP '2022-12-31', INTERVAL 1 DAY)",
		31
	],
	['SELECT list_sort([3, 1, 2])[1] + len(list_distinct([1, 1, 2])) AS v', 3],
	['SELECT list_transform([1, 2, 3], lambda q: q * 2)[3] AS v', 6],
	["SELECT array_to_string(string_split('a,b,c', ','), '|') AS v", 'a|b|c'],
	["SELECT {'a': 1, 'b': 'x'}.b AS v", 'x'],
	["SELECT string_agg(x::VARCHAR, ',' ORDER BY x DESC) AS v FROM range(5) t(x)", '4,3,2,1,0'],
	['SELECT median(x) AS v FROM range(10) t(x)', 4.5],
	['SELECT quantile_cont(x, 0.25) AS v FROM range(9) t(x)', 2],
	['SELECT mode(x % 3) AS v FROM range(10) t(x)', 0],
	['SELECT arg_max(x, -abs(x - 4)) AS v FROM range(10) t(x)', 4],
	['SELECT sum(r) AS v FROM (SELECT row_number() OVER (ORDER BY x) * x AS r FROM range(4) t(x))', 20],
	['SELECT count(*) AS v FROM (SELECT x % 7 AS k, count(*) FROM range(1000) t(x) GROUP BY ROLLUP (k))', 8],
	['SELECT count(*) AS v FROM range(1000) a(x) JOIN range(500) b(y) ON x = y * 2', 500],
	['SELECT sum(x) AS v FROM (SELECT x FROM range(100000) t(x) ORDER BY x DESC LIMIT 3)', 299994],
	[
		'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT sum(n) AS v FROM t',
		55
	],
	['SELECT (1.10::DECIMAL(5, 2) * 3)::VARCHAR AS v', '3.30'],
	['SELECT typeof(1::HUGEINT + 1) AS v', 'HUGEINT'],
	['SELECT round(sqrt(2) * 1000) AS v', 1414],
	['SELECT bit_count(255) AS v', 8],
	["SELECT md5('abc') AS v", '900150983cd24fb0d6963f7d28e17f72'],
	["SELECT to_base64('hi'::BLOB) AS v", 'aGk='],
	["SELECT levenshtein('kitten', 'sitting') + jaro_winkler_similarity('a', 'a') AS v", 4],
	["SELECT format('{} {}', 'a', 1) AS v", 'a 1'],
	["SELECT length('미드저니') AS v", 4],
	["SELECT unicode('가') AS v", 44032],
	["SELECT strip_accents('café') AS v", 'cafe'],
	['SELECT (SELECT count(*) FROM duckdb_functions()) > 500 AS v', true]
];

test('the trimmed engine runs a broad sample of DuckDB SQL', async ({ page }) => {
	await page.goto(CONSOLE);
	await expect(page.getByTestId('sql-console')).toHaveAttribute('data-ready', 'true');
	for (const [sql, value] of SAMPLE) {
		expect(await raw(page, sql), sql).toEqual({ ok: true, value: JSON.stringify([{ v: value }]) });
	}
});
