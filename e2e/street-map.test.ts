import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, mapIdle, onMap, test } from './locators';
import { StaticHost } from './static-host';

// The fixtures server on another origin stands for the third party that hosts a street map.
const THIRD_PARTY = 'http://localhost:4174';
// The deployer's config.json is swapped by page.route, which requests served by a service worker
// skip: these tests run without it.
test.use({ otherOrigins: [THIRD_PARTY], serviceWorkers: 'block' });

/** The page's console warnings, as they come (the deployer's messages). */
function consoleWarnings(page: Page): string[] {
	const warnings: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'warning') warnings.push(m.text());
	});
	return warnings;
}

async function offer(page: import('@playwright/test').Page, street: object) {
	await page.route('**/config.json', (route) => route.fulfill({ json: { street } }));
}

test('the default config offers no street map and contacts no one', async ({ page }) => {
	const asked: string[] = [];
	page.on('request', (r) => asked.push(r.url()));
	await page.goto('/?basemap=street');
	await mapIdle(page);
	await expect(page.getByRole('group', { name: 'Basemap' })).toHaveCount(0);
	expect(asked.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
	expect(await onMap(page, (map) => Boolean(map.getSource('land')))).toBe(true);
});

/**
 * A deployment built with STREET_MAP_ORIGINS=THIRD_PARTY: the build's pages, with the third party in
 * their policy as that build writes it (a second build would take a minute per run; the build side
 * is checked by content-security-policy.test.ts).
 */
test.describe('a deployment whose policy allows the street map', () => {
	const PORT = 4179;
	let host: StaticHost;
	test.use({ baseURL: `http://127.0.0.1:${PORT}` });
	test.beforeAll(async () => {
		host = await StaticHost.start(PORT);
		const pages: Record<string, string> = {};
		const walk = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
				e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []
			);
		for (const file of walk(host.dir)) {
			const path = relative(host.dir, file);
			pages[path] = host.read(path).replace(/\b(connect-src|img-src) ([^;"]+)/g, `$1 $2 ${THIRD_PARTY}`);
		}
		host.deploy(pages);
	});
	test.afterAll(() => host?.close());

	test('a self-hosted PMTiles street map: named before it loads, read with range requests, in the link', async ({
		page
	}) => {
		await offer(page, {
			name: 'Test tiles',
			attribution: 'Test tiles from our own data',
			pmtiles: `${THIRD_PARTY}/street-test.pmtiles`
		});
		const ranges: string[] = [];
		page.on('request', (r) => {
			if (r.url().startsWith(THIRD_PARTY)) ranges.push(r.headers()['range'] ?? 'none');
		});
		await page.goto('/#12/43.24/76.94');
		await mapIdle(page);
		const street = page.getByRole('radio', { name: /Street map: Test tiles — contacts localhost:4174/ });
		await expect(street).toBeVisible();
		// Named, but nothing asked of the third party yet.
		expect(ranges).toEqual([]);

		await street.check();
		await expect(page).toHaveURL(/[?&]basemap=street/);
		await expect.poll(() => onMap(page, (map) => Boolean(map.getSource('protomaps')))).toBe(true);
		await mapIdle(page);
		expect(ranges.length).toBeGreaterThan(0);
		expect(ranges.every((r) => r.startsWith('bytes='))).toBe(true);
		// The archive's land is drawn, and the story stays on top of it.
		const drawn = await onMap(page, (map) => ({
			earth: map.queryRenderedFeatures({ layers: ['earth'] }).length,
			sites: map.queryRenderedFeatures({ layers: ['site-dot'] }).length
		}));
		expect(drawn.earth).toBeGreaterThan(0);
		expect(drawn.sites).toBeGreaterThan(0);
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Test tiles from our own data');

		// The link restores the choice; going back to the embedded map drops the third party's layers.
		await page.reload();
		await mapIdle(page);
		await expect(page.getByRole('radio', { name: /Street map/ })).toBeChecked();
		await expect.poll(() => onMap(page, (map) => Boolean(map.getSource('protomaps')))).toBe(true);
		await page.getByRole('radio', { name: /Embedded/ }).check();
		await expect(page).not.toHaveURL(/basemap=/);
		await expect
			.poll(() => onMap(page, (map) => Boolean(map.getSource('land')) && !map.getSource('protomaps')))
			.toBe(true);
	});

	test('any MapLibre style URL can be the street map', async ({ page }) => {
		await offer(page, {
			name: 'Test style',
			attribution: 'Test style',
			style: `${THIRD_PARTY}/street-style.json`
		});
		await page.goto('/?basemap=street#12/43.24/76.94');
		await expect.poll(() => onMap(page, (map) => Boolean(map.getLayer('test-land')))).toBe(true);
		await mapIdle(page);
		expect(
			await onMap(page, (map) => map.queryRenderedFeatures({ layers: ['test-land'] }).length)
		).toBeGreaterThan(0);
		expect(
			await onMap(page, (map) => map.queryRenderedFeatures({ layers: ['site-dot'] }).length)
		).toBeGreaterThan(0);
	});

	/** Street maps that fail in each way a deployer's can: the reader is told, the default map is back. */
	const FAILING: {
		what: string;
		street: object;
		/** What the third party does instead of answering (Playwright stands in for it). */
		instead?: (page: Page) => Promise<unknown>;
		/** The browser's own console report of the failure. */
		errors?: string[];
	}[] = [
		{
			what: 'a style that is not there (404)',
			street: { style: `${THIRD_PARTY}/no-such-style.json` },
			// With CORS headers, so that it is the status the app meets.
			instead: (page) =>
				page.route(`${THIRD_PARTY}/no-such-style.json`, (route) =>
					route.fulfill({ status: 404, headers: { 'Access-Control-Allow-Origin': '*' }, body: 'Not found' })
				),
			errors: ['status of 404']
		},
		{
			what: 'a style without sources (not a MapLibre style)',
			street: { style: `${THIRD_PARTY}/street-land.geojson` }
		},
		{
			// The fixtures server answers a missing file without CORS headers (Playwright's own answers
			// would add them).
			what: 'a style whose host sends no CORS headers',
			street: { style: `${THIRD_PARTY}/no-such-style.json` },
			errors: ['CORS policy', 'net::ERR_FAILED']
		},
		{
			what: 'an archive whose host does not answer',
			street: { pmtiles: `${THIRD_PARTY}/street-test.pmtiles` },
			instead: (page) => page.route(`${THIRD_PARTY}/**`, (route) => route.abort('connectionrefused')),
			errors: ['ERR_CONNECTION_REFUSED']
		},
		{
			what: 'an archive whose tiles fail once its header is read',
			street: { pmtiles: `${THIRD_PARTY}/street-test.pmtiles` },
			instead: (page) =>
				page.route(`${THIRD_PARTY}/**`, (route) =>
					route.request().headers()['range']?.startsWith('bytes=0-')
						? route.continue()
						: route.abort('connectionrefused')
				),
			errors: ['ERR_CONNECTION_REFUSED']
		}
	];
	for (const failing of FAILING)
		test.describe(failing.what, () => {
			test.use({ expectedErrors: failing.errors ?? [] });
			test('the reader is told, in their language, and the default map is back', async ({ page }) => {
				await offer(page, { name: 'Failing tiles', attribution: 'x', ...failing.street });
				await failing.instead?.(page);
				await page.goto('/#12/43.24/76.94');
				await mapIdle(page);
				// Clicked, not checked: it may flip back before a check could see it checked.
				await page.getByRole('radio', { name: /Street map: Failing tiles/ }).click();
				await expect(page.getByRole('alert')).toHaveText(
					'The street map “Failing tiles” could not be loaded. The embedded basemap is back.'
				);
				await expect(page.getByRole('radio', { name: /Embedded/ })).toBeChecked();
				await expect(page).not.toHaveURL(/basemap=/);
				await expect
					.poll(() => onMap(page, (map) => Boolean(map.getSource('land')) && !map.getSource('protomaps')))
					.toBe(true);
				await mapIdle(page);
				expect(
					await onMap(page, (map) => map.queryRenderedFeatures({ layers: ['site-dot'] }).length)
				).toBeGreaterThan(0);
			});
		});

	test.describe('in French', () => {
		test.use({ locale: 'fr-FR' });
		test('a failing street map is reported in French', async ({ page }) => {
			await offer(page, { name: 'Tuiles', attribution: 'x', style: `${THIRD_PARTY}/street-land.geojson` });
			await page.goto('/?basemap=street#12/43.24/76.94');
			await expect(page.getByRole('alert')).toHaveText(
				'Le plan des rues « Tuiles » n’a pas pu être chargé. Le fond de carte intégré est de retour.'
			);
			await expect(page.getByRole('radio', { name: /Intégré/ })).toBeChecked();
		});
	});
});

for (const address of ['http://[', 'javascript:alert(1)'])
	test(`a street map at ${address} is refused where config.json is read, with the reason`, async ({
		page
	}) => {
		await offer(page, { name: 'Bad', attribution: 'x', style: address });
		const warnings = consoleWarnings(page);
		await page.goto('/?basemap=street');
		await mapIdle(page);
		await expect.poll(() => warnings.join('\n')).toContain('street.style: give an http(s) address');
		await expect(page.getByRole('group', { name: 'Basemap' })).toHaveCount(0);
	});

test('an invalid config.json offers nothing and says why in a warning', async ({ page }) => {
	await offer(page, { name: 'Broken', attribution: 'x' });
	const warnings = consoleWarnings(page);
	await page.goto('/');
	await mapIdle(page);
	await expect.poll(() => warnings.join('\n')).toContain('config.json is invalid');
	await expect(page.getByRole('group', { name: 'Basemap' })).toHaveCount(0);
});

test("a street map on an origin the pages' policy does not allow is not offered, and the deployer is told how to allow it", async ({
	page
}) => {
	await offer(page, { name: 'Test tiles', attribution: 'x', pmtiles: `${THIRD_PARTY}/street-test.pmtiles` });
	const warnings = consoleWarnings(page);
	await page.goto('/?basemap=street');
	await mapIdle(page);
	await expect.poll(() => warnings.join('\n')).toContain(`STREET_MAP_ORIGINS=${THIRD_PARTY}`);
	await expect(page.getByRole('group', { name: 'Basemap' })).toHaveCount(0);
	expect(await onMap(page, (map) => Boolean(map.getSource('land')))).toBe(true);
});

test("a relative address in config.json is the app's, on every page; its credit is shown as text", async ({
	page
}) => {
	await offer(page, {
		name: 'Our streets',
		attribution: '© OSM <img src="credit.png"> <a href="https://evil.example/">see</a>',
		pmtiles: 'basemap/streets.pmtiles'
	});
	const archives: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('.pmtiles')) archives.push(new URL(r.url()).pathname);
	});
	await page.goto('/en/?basemap=street#13/43.24/76.94');
	await expect.poll(() => onMap(page, (map) => Boolean(map.getSource('protomaps')))).toBe(true);
	await mapIdle(page);
	await expect(page.getByRole('radio', { name: /Street map: Our streets/ })).toBeChecked();
	expect(new Set(archives)).toEqual(new Set(['/basemap/streets.pmtiles']));
	const credit = page.locator('.maplibregl-ctrl-attrib');
	await expect(credit).toContainText('© OSM <img src="credit.png"> <a href="https://evil.example/">see</a>');
	await expect(credit.locator('img, a[href*="evil"]')).toHaveCount(0);
});

test.describe('a host without config.json', () => {
	// The browser's own line for any HTTP error.
	test.use({ expectedErrors: ['status of 404'] });
	test('says so in a warning', async ({ page }) => {
		await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
		const warnings = consoleWarnings(page);
		await page.goto('/en/');
		await mapIdle(page);
		await expect.poll(() => warnings.join('\n')).toContain('config.json answered HTTP 404');
		await expect(page.getByRole('group', { name: 'Basemap' })).toHaveCount(0);
	});
});
