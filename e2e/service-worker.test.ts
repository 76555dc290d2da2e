import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, mapIdle, onMap, serviceWorkerReady, test } from './locators';
import { StaticHost } from './static-host';

// Each test stands up its own deployment, so it can count what the server sends and change what it
// serves; SW fetches bypass page.route, so only the server sees them.
const PORT = 4177;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ARCHIVE = '/basemap/streets.pmtiles';
const archive = () => readFileSync(`build${ARCHIVE}`);
/** The map's sites file in this build (its name carries its content's hash). */
const SITES = (JSON.parse(readFileSync('build/map/files.json', 'utf8')) as { sites: string }).sites;
/** config.json offering the street archive as the street map, so a page can draw it by name. */
const streetConfig = (name: string) =>
	JSON.stringify({
		street: { name, attribution: '© OpenStreetMap contributors', pmtiles: ARCHIVE.slice(1), flavor: 'light' }
	});

let host: StaticHost;
test.beforeEach(async () => {
	host = await StaticHost.start(PORT);
});
test.afterEach(async () => {
	await host.close();
});
test.use({ otherOrigins: [ORIGIN] });

async function firstVisit(page: Page, path = '/') {
	await page.goto(ORIGIN + path);
	await mapIdle(page);
	await serviceWorkerReady(page);
}

/** Reads byte ranges of a file from the page, all at once, as PMTiles does. */
function readRanges(page: Page, path: string, ranges: [number, number][]) {
	return page.evaluate(
		([path, ranges]) =>
			Promise.all(
				ranges.map(async ([from, length]) => {
					const r = await fetch(path, { headers: { range: `bytes=${from}-${from + length - 1}` } });
					return {
						status: r.status,
						range: r.headers.get('content-range'),
						bytes: Array.from(new Uint8Array(await r.arrayBuffer()))
					};
				})
			),
		[path, ranges] as const
	);
}

/** Six 16 KiB reads spread over a file of `size` bytes. */
const sixReads = (size: number): [number, number][] =>
	[0, 16_384, 100_000, 300_000, 500_000, size - 16_384].map((from) => [from, 16_384]);

function expectSlices(got: Awaited<ReturnType<typeof readRanges>>, file: Buffer, ranges: [number, number][]) {
	ranges.forEach(([from, length], i) => {
		expect(got[i]!.status).toBe(206);
		expect(got[i]!.range).toBe(`bytes ${from}-${from + length - 1}/${file.length}`);
		expect(Buffer.from(got[i]!.bytes).equals(file.subarray(from, from + length))).toBe(true);
	});
}

const cachedPaths = (page: Page) =>
	page.evaluate(async () => {
		const [key] = await caches.keys();
		return (await (await caches.open(key!)).keys()).map(
			(r) => new URL(r.url).pathname + new URL(r.url).search
		);
	});

test('the precache waits for the first view, and downloads the street archive whole, once', async ({
	page
}) => {
	await firstVisit(page);
	const drawnAt = await page.evaluate(
		() => performance.timeOrigin + performance.getEntriesByName('story:first-view')[0]!.startTime
	);
	const worker = host.sent('/service-worker.js');
	const whole = host.sent(ARCHIVE).filter((s) => !s.range);
	expect(worker.length).toBeGreaterThan(0);
	expect(worker[0]!.at).toBeGreaterThanOrEqual(Math.floor(drawnAt));
	expect(whole).toHaveLength(1);
	expect(whole[0]!.at).toBeGreaterThanOrEqual(Math.floor(drawnAt));
	expect(whole[0]!.status).toBe(200);
	expect(whole[0]!.bytes).toBeGreaterThan(archive().length);
});

test('after one visit the street archive is read from the cache by ranges, online and offline', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await firstVisit(page);
	const file = archive();
	const reads = sixReads(file.length);

	host.clearLog();
	expectSlices(await readRanges(page, ARCHIVE, reads), file, reads);
	// Served from the cache: the server sent nothing.
	expect(host.sent(ARCHIVE)).toEqual([]);

	await context.setOffline(true);
	expectSlices(await readRanges(page, ARCHIVE, reads), file, reads);
	// The whole archive is kept, so the whole story area at every zoom; the map draws it offline at
	// the archive's first, a middle and its last zoom (SwiftShader makes each draw slow).
	const kept = await page.evaluate(
		async (path) => (await (await caches.match(path))!.arrayBuffer()).byteLength,
		ARCHIVE
	);
	expect(kept).toBe(file.length);
	// The default map's own street layers, offline: the square at zoom 15, the airport at 16, and the
	// archive's first and a middle zoom (SwiftShader makes each draw slow).
	await page.goto(`${ORIGIN}/?lang=en#15/43.2375/76.946`);
	for (const [zoom, lng, lat, layer] of [
		[15, 76.946, 43.2375, 'building'],
		[16, 77.0118, 43.3468, 'aeroway'],
		[11, 76.946, 43.2375, 'road'],
		[8, 76.946, 43.2375, 'road']
	] as const) {
		await onMap(page, (map, c) => map.jumpTo({ zoom: c.zoom, center: [c.lng, c.lat] }), { zoom, lng, lat });
		await mapIdle(page);
		const drawn = await onMap(
			page,
			(map, sourceLayer) => ({
				loaded: map.isSourceLoaded('streets'),
				features: map.querySourceFeatures('streets', { sourceLayer }).length
			}),
			layer
		);
		expect(drawn.loaded, `zoom ${zoom}`).toBe(true);
		expect(drawn.features, `${layer} at zoom ${zoom}`).toBeGreaterThan(0);
	}
	// A tile that failed would say so on the map.
	await expect(page.getByText('Part of the street map could not be loaded')).toHaveCount(0);
	await context.setOffline(false);
});

test('a range request for an archive the precache does not hold goes to the network as a range', async ({
	page
}) => {
	// A deployer's own archive, added beside the build: not in the worker's lists.
	const file = archive();
	host.deploy({ 'tiles/almaty.pmtiles': file });
	await firstVisit(page);
	const reads = sixReads(file.length);

	host.clearLog();
	expectSlices(await readRanges(page, '/tiles/almaty.pmtiles', reads), file, reads);
	const sent = host.sent('/tiles/almaty.pmtiles');
	expect(sent.map((s) => s.status)).toEqual(Array(6).fill(206));
	// Six ranges and their headers, not six copies of an 841 KB file.
	expect(sent.reduce((n, s) => n + s.bytes, 0)).toBeLessThan(6 * (16_384 + 1_024));
});

test('a new deployment precaches its own files, not the old ones the HTTP cache still holds', async ({
	page
}) => {
	// The host sends no Cache-Control, so the browser keeps the first deployment's files fresh by heuristic.
	await firstVisit(page);
	const [oldCache] = await page.evaluate(() => caches.keys());

	const deployed = {
		'index.html': host.read('index.html') + '<!-- deployment 2 -->',
		'200.html': host.read('200.html') + '<!-- deployment 2 -->',
		[SITES]: JSON.stringify({ ...JSON.parse(host.read(SITES)), deployment: 2 }),
		'config.json': '{"street":null}'
	};
	host.deploy({ ...deployed, 'service-worker.js': host.newWorkerVersion() });
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
	await expect
		.poll(
			() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting)),
			{
				timeout: 30_000
			}
		)
		.toBe(true);

	const precached = await page.evaluate(
		async ([old, paths]) => {
			const key = (await caches.keys()).find((k) => k !== old)!;
			const cache = await caches.open(key);
			return Promise.all(paths.map(async (p) => (await cache.match(p))!.text()));
		},
		[oldCache!, ['/', '/200.html', `/${SITES}`, '/config.json']] as const
	);
	expect(precached).toEqual(Object.values(deployed));
});

test('an edited config.json reaches a returning reader; offline the cached copy is used', async ({
	page,
	context
}) => {
	await firstVisit(page);
	const street = page.getByRole('radio', { name: /Street map: Edited by the deployer/ });
	await expect(street).toHaveCount(0);

	host.deploy({ 'config.json': streetConfig('Edited by the deployer') });
	await page.reload();
	await mapIdle(page);
	await expect(street).toBeVisible();

	await context.setOffline(true);
	await page.reload();
	await mapIdle(page);
	await expect(street).toBeVisible();
	await context.setOffline(false);
});

test('query strings add no entries to the cache', async ({ page }) => {
	await firstVisit(page);
	const before = await cachedPaths(page);

	host.clearLog();
	const answers = await page.evaluate(async (file) => {
		const statuses: number[] = [];
		for (let i = 0; i < 51; i++)
			for (const url of [`/?q=${i}`, `/${file}?v=${i}`, `/not-ours?q=${i}`])
				statuses.push((await fetch(url)).status);
		const sites = await (await fetch(`/${file}?v=99`)).json();
		return { statuses, sites: sites.type };
	}, SITES);
	expect(answers.sites).toBe('FeatureCollection');
	expect(await cachedPaths(page)).toEqual(before);
	// Our own files are answered from the cache whatever the query.
	expect(host.sent(`/${SITES}`)).toEqual([]);
	expect(host.sent('/')).toEqual([]);
});

test('with no WebGL, so no map, the service worker still starts once the page has loaded', async ({
	page
}) => {
	await page.addInitScript(() => {
		const getContext = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (
			this: HTMLCanvasElement,
			id: string,
			...rest: unknown[]
		) {
			return id.startsWith('webgl') ? null : getContext.call(this, id, ...rest);
		} as typeof getContext;
	});
	await page.goto(`${ORIGIN}/`);
	await expect(page.getByRole('alert')).toBeVisible();
	await serviceWorkerReady(page);
	expect(host.sent(ARCHIVE).filter((s) => !s.range)).toHaveLength(1);
});
