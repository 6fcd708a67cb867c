import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not possible on our machines. Its headless shell
// (package chromium-headless-shell, the build Playwright's own headless mode uses) opens a page in about half
// the full browser's time on the 2-core machine (0.18 s against 0.44 s) and ran the suite in 6.3 min against
// 10.7: the tests take it when it is there. The benchmarks keep the full browser, which is what readers run.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const executablePath =
	process.env.CHROMIUM_PATH || (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
const port = Number(process.env.E2E_PORT || 4318);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		timezoneId: 'UTC',
		locale: 'en-US',
		launchOptions: {
			executablePath,
			headless: true,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				// The framing test's "newsroom" is a public host framing our site, which the tests serve on
				// loopback: the headless shell would refuse that as a public page reaching the local network.
				'--disable-features=LocalNetworkAccessChecks'
			]
		}
	},
	webServer: {
		// The same static server and headers the README's `npm start` uses, on its own port.
		command: `node scripts/serve.js --port ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
