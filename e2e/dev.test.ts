// The README's first command is `npm run dev`: the dev server must serve the same app, with its
// build-time pieces (the incidents chunk, the map's GeoJSON) made on the fly.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, mapIdle, mapReady, renderedIncidents, test, waitForServer } from './locators';

const PORT = 4178;
let server: ChildProcess;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = spawn(
		'node_modules/.bin/vite',
		['dev', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
		{
			stdio: 'ignore'
		}
	);
	await waitForServer(`http://127.0.0.1:${PORT}/`, 'the dev server', 100);
});
test.afterAll(() => {
	server?.kill();
});

test('npm run dev serves the story, its incidents and the map', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/?incident=akimat-fire');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(mapReady(page)).toBeVisible({ timeout: 90_000 });
	await mapIdle(page);
	expect(await renderedIncidents(page)).toContain('akimat-fire');
	await expect(page.getByRole('heading', { level: 2, name: /akimat|mayor/i }).first()).toBeVisible();
});
