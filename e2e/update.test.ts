import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { expect, mapIdle, onMap, serviceWorkerReady, test } from './locators';

// A deployment of our own, on its own port, that this test can replace by a "new" one.
const PORT = 4176;
const ORIGIN = `http://127.0.0.1:${PORT}`;
// The built story's data version, and another of the same length for the new deployment.
const { version: VERSION } = JSON.parse(readFileSync('geodata/almaty-2022/story.json', 'utf8')) as {
	version: string;
};
const NEXT = VERSION.slice(0, -1) + (VERSION.endsWith('9') ? '8' : '9');
let dir = '';
let assets: ReturnType<typeof sirv>;
let server: Server;

test.beforeAll(async () => {
	server = createServer((req, res) => assets(req, res));
	await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
});
// Each test deploys the build afresh.
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'deploy-'));
	cpSync('build', dir, { recursive: true });
	// dev: true re-reads files on every request, as a host does after a deployment.
	assets = sirv(dir, { dev: true, single: '200.html', extensions: ['html'] });
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));
test.afterAll(() => server?.close());

/** Rewrites a file of the deployment as a new build would write it. */
function rewrite(file: string, change: (text: string) => string) {
	const path = join(dir, file);
	const old = readFileSync(path, 'utf8');
	let now = change(old);
	// A page's policy lists its inline scripts by hash: a new build lists the new ones.
	const before = inlineScripts(old);
	inlineScripts(now).forEach((code, i) => (now = now.replace(sha256(before[i]!), sha256(code))));
	writeFileSync(path, now);
}

/**
 * A new build's version: in its worker and in each page given (a page names its deployment), with
 * `change` applied to those pages too.
 */
function newBuild(pages: string[], change: (text: string) => string = (t) => t) {
	const sw = readFileSync(join(dir, 'service-worker.js'), 'utf8');
	const old = /i=`(\d{13})`/.exec(sw)![1]!;
	const next = String(Number(old) + 1);
	rewrite('service-worker.js', (t) => change(t.replace(`i=\`${old}\``, `i=\`${next}\``)));
	for (const page of pages)
		rewrite(page, (t) =>
			change(t.replace(`name="deployment" content="${old}"`, `name="deployment" content="${next}"`))
		);
}

/** A new deployment: a new worker version and new data (a new dataset version, same length). */
function deployNewVersion() {
	// Both languages' story pages: an English reader's address moves to /en/.
	newBuild(['index.html', '__data.json', 'en/index.html', 'en/__data.json'], (t) =>
		t.replaceAll(VERSION, NEXT)
	);
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
	const version = page.getByText(/Data version: \d{4}-\d\d-\d\d\.\d/);
	await expect(version).toHaveText(`Data version: ${VERSION}`);

	deployNewVersion();
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
	const offer = page.getByRole('status').filter({ hasText: 'A new version of the map is ready.' });
	await expect(offer).toBeVisible({ timeout: 30_000 });

	// Until the reader agrees, the old worker serves the old code and the old data, together.
	await page.reload();
	await mapIdle(page);
	await expect(version).toHaveText(`Data version: ${VERSION}`);

	await page
		.getByRole('status')
		.filter({ hasText: 'A new version' })
		.getByRole('button', { name: 'Reload' })
		.click();
	await expect(version).toHaveText(`Data version: ${NEXT}`, { timeout: 30_000 });
	await mapIdle(page);
	const after = await page.evaluate(() => caches.keys());
	expect(after).toHaveLength(1);
	expect(after[0]).not.toBe(before[0]);
});

const OLD_NAME = 'Almaty City Akimat';
const NEW_NAME = 'Almaty City Hall';

/**
 * A rebuild that renames the akimat: its map data under a new content-hashed name, every page and
 * the worker's file list naming it, the pages' text and data with the new name.
 */
function deployRenamedAkimat() {
	const files = JSON.parse(readFileSync(join(dir, 'map/files.json'), 'utf8')) as { sites: string };
	const oldSites = files.sites;
	const text = readFileSync(join(dir, oldSites), 'utf8').replaceAll(OLD_NAME, NEW_NAME);
	const newSites = `map/sites.${createHash('sha256').update(text).digest('hex').slice(0, 12)}.geojson`;
	writeFileSync(join(dir, newSites), text);
	rmSync(join(dir, oldSites));
	const pages = ['index.html', 'en/index.html', 'en/site/akimat.html', 'site/akimat.html', '200.html'];
	for (const data of ['__data.json', 'en/__data.json', 'en/site/akimat/__data.json'])
		if (existsSync(join(dir, data))) pages.push(data);
	newBuild(pages, (t) => t.replaceAll(oldSites, newSites).replaceAll(OLD_NAME, NEW_NAME));
	rewrite('map/files.json', (t) => t.replace(oldSites, newSites));
}

test('a never-visited page of a new deployment shows its own data on the map, as in its panel', async ({
	page
}) => {
	await page.goto(`${ORIGIN}/en/`);
	await mapIdle(page);
	await serviceWorkerReady(page);
	const cached = (path: string) =>
		page.evaluate(async (p) => {
			const [key] = await caches.keys();
			return Boolean(key && (await (await caches.open(key)).match(p)));
		}, path);
	const files = JSON.parse(readFileSync(join(dir, 'map/files.json'), 'utf8')) as { sites: string };
	// The old worker holds the old deployment's data.
	await expect.poll(() => cached(`/${files.sites}`), { timeout: 30_000 }).toBe(true);
	deployRenamedAkimat();

	await page.goto(`${ORIGIN}/en/site/akimat`);
	await mapIdle(page);
	await expect(page.getByRole('heading', { name: new RegExp(NEW_NAME) }).first()).toBeVisible();
	const onTheMap = await onMap(page, (map) =>
		(map.getSource('sites') as import('maplibre-gl').GeoJSONSource)
			.getData()
			.then((d) =>
				(d as GeoJSON.FeatureCollection).features
					.filter((f) => f.properties!.id === 'akimat')
					.map((f) => f.properties!.name_en as string)
			)
	);
	expect(onTheMap).toEqual([expect.stringContaining(NEW_NAME)]);
	// Nor did the old worker keep the new deployment's page as its own.
	expect(await cached('/en/site/akimat')).toBe(false);
});
