import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { expect, mapIdle, test } from './locators';

// A deployment of our own, on its own port, that this test can replace by a "new" one.
const PORT = 4176;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let dir = '';
let server: Server;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'deploy-'));
	cpSync('build', dir, { recursive: true });
	// dev: true re-reads files on every request, as a host does after a deployment.
	const assets = sirv(dir, { dev: true, single: '200.html', extensions: ['html'] });
	server = createServer((req, res) => assets(req, res));
	await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
});
test.afterAll(() => {
	server?.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A new deployment: a new worker version and new data (a new dataset version, same length). */
function deployNewVersion() {
	const sw = join(dir, 'service-worker.js');
	writeFileSync(
		sw,
		readFileSync(sw, 'utf8').replace(/i=`(\d{13})`/, (_m, v: string) => `i=\`${String(Number(v) + 1)}\``)
	);
	// Both languages' story pages: an English reader's address moves to /en/.
	for (const file of ['index.html', '__data.json', 'en/index.html', 'en/__data.json']) {
		const path = join(dir, file);
		const old = readFileSync(path, 'utf8');
		let now = old.replaceAll('2026-12-07.1', '2026-12-07.9');
		// The page's policy lists its inline scripts by hash: a new build lists the new ones.
		const before = inlineScripts(old);
		inlineScripts(now).forEach((code, i) => (now = now.replace(sha256(before[i]!), sha256(code))));
		writeFileSync(path, now);
	}
}

const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const sha256 = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

test.use({ otherOrigins: [ORIGIN] });

test('a new deployment waits for the reader, then replaces the old cache whole', async ({ page }) => {
	await page.goto(`${ORIGIN}/`);
	await mapIdle(page);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
	});
	const before = await page.evaluate(() => caches.keys());
	expect(before).toHaveLength(1);
	const version = page.getByText(/Data version: 2026-12-07\.\d/);
	await expect(version).toHaveText('Data version: 2026-12-07.1');

	deployNewVersion();
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
	const offer = page.getByRole('status').filter({ hasText: 'A new version of the map is ready.' });
	await expect(offer).toBeVisible({ timeout: 30_000 });

	// Until the reader agrees, the old worker serves the old code and the old data, together.
	await page.reload();
	await mapIdle(page);
	await expect(version).toHaveText('Data version: 2026-12-07.1');

	await page
		.getByRole('status')
		.filter({ hasText: 'A new version' })
		.getByRole('button', { name: 'Reload' })
		.click();
	await expect(version).toHaveText('Data version: 2026-12-07.9', { timeout: 30_000 });
	await mapIdle(page);
	const after = await page.evaluate(() => caches.keys());
	expect(after).toHaveLength(1);
	expect(after[0]).not.toBe(before[0]);
});
