import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium where present (CI and these machines); otherwise Playwright's own browser.
// CHROMIUM_PATH overrides both.
const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const PORT = 4173;

export default defineConfig({
	testDir: 'e2e',
	timeout: 60_000,
	expect: { timeout: 25_000 },
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		...devices['Desktop Chrome'],
		viewport: { width: 1280, height: 800 },
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		{
			command: `node scripts/serve.js build ${PORT}`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 30_000
		},
		{
			// A second origin, standing for a news site that embeds the map in an iframe.
			command: `node scripts/serve.js e2e/fixtures ${PORT + 1} --cors`,
			url: `http://127.0.0.1:${PORT + 1}/embed.html`,
			reuseExistingServer: !process.env.CI,
			timeout: 30_000
		}
	]
});
