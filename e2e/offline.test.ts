import { readFileSync } from 'node:fs';
import { claimItems, claimsRegion, expect, mapIdle, placeLink, test } from './locators';

/** Waits until the service worker has precached this deployment and controls the page. */
async function serviceWorkerReady(page: import('@playwright/test').Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
	});
}

test('after a first visit, the map works with no connection: reload and deep links', async ({
	page,
	context
}) => {
	await page.goto('/');
	await mapIdle(page);
	await serviceWorkerReady(page);

	await context.setOffline(true);
	await page.reload();
	await mapIdle(page);
	await expect(claimItems(page)).not.toHaveCount(0);
	// The basemap and the font came from the cache too: the map drew its layers.
	expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"'))).toBe(true);

	await page.goto('/?site=akimat&layers=fires#14/43.2364/76.9456');
	await expect(page.getByRole('heading', { level: 2, name: /Almaty City Akimat/ })).toBeVisible();
	await mapIdle(page);
	await context.setOffline(false);
});

test.describe('an item page never visited, offline', () => {
	// Its data was never downloaded: the failed fetch is the expected signal for the hand-over.
	test.use({ expectedErrors: ['net::ERR_FAILED', 'Failed to fetch'] });
	test('goes on to the story page with the item selected', async ({ page, context }) => {
		await page.goto('/');
		await mapIdle(page);
		await serviceWorkerReady(page);
		await context.setOffline(true);
		await page.goto('/claim/two-beheaded');
		await expect(page).toHaveURL(/\?claim=two-beheaded/);
		await expect(page.getByRole('link', { name: /reportedly beheaded/ })).toHaveAttribute(
			'aria-current',
			'true'
		);
		await mapIdle(page);
		await context.setOffline(false);
	});

	test('an English one goes on to the English story page', async ({ page, context }) => {
		await page.goto('/en/');
		await mapIdle(page);
		await serviceWorkerReady(page);
		await context.setOffline(true);
		await page.goto('/en/claim/two-beheaded');
		await expect(page).toHaveURL(/\/en\/\?claim=two-beheaded(#|$)/);
		await expect(page.getByRole('link', { name: /reportedly beheaded/ })).toHaveAttribute(
			'aria-current',
			'true'
		);
		await context.setOffline(false);
	});
});

test('the app can be installed: a manifest with icons', async ({ request }) => {
	const manifest = await (await request.get('/manifest.webmanifest')).json();
	expect(manifest.display).toBe('standalone');
	for (const icon of manifest.icons) expect((await request.get(`/${icon.src}`)).ok()).toBe(true);
	const html = await (await request.get('/')).text();
	expect(html).toContain('rel="manifest"');
});

test('every route, with the map drawn, asks only the app’s own origin', async ({ page }) => {
	// The guard fixture fails the test on any other origin; this visits one page of each route.
	for (const path of [
		'/',
		'/site/airport',
		'/incident/akimat-fire',
		'/claim/two-beheaded',
		'/?embed=1&lang=fr&incident=akimat-fire'
	]) {
		await page.goto(path);
		await mapIdle(page);
		// The embed has no timeline: its map moves by its own zoom button.
		await (
			path.includes('embed')
				? page.locator('.maplibregl-ctrl-zoom-in')
				: page
						.getByRole('region', { name: /Timeline|Chronologie/ })
						.getByRole('button', { name: /Next|Suivant/ })
		).click();
		await mapIdle(page);
	}
});

test.describe('when the incidents file cannot be downloaded', () => {
	test.use({ expectedErrors: ['net::ERR_INTERNET_DISCONNECTED', 'Failed to fetch'] });
	test('the page keeps its text and claims, says what is missing, and still works', async ({ page }) => {
		const claims = JSON.parse(readFileSync('geodata/almaty-2022/claims.json', 'utf8')) as {
			text: { en: string; fr: string };
		}[];
		await page.route(/\/_app\/immutable\/assets\/incidents\.[\w-]+\.json$/, (r) =>
			r.abort('internetdisconnected')
		);
		await page.goto('/');
		await expect(page.getByRole('alert')).toContainText('The incidents could not be loaded');
		await expect(claimsRegion(page).getByText(claims[0]!.text.en)).toBeVisible();
		await expect(claimsRegion(page).getByText(claims.at(-1)!.text.en)).toBeAttached();
		// The timeline cannot draw what it does not have, and says so rather than showing none.
		await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Incidents not loaded');
		// The counts come with the page itself (worked out at build time): still right, never zero.
		const fires = (
			JSON.parse(readFileSync('geodata/almaty-2022/incidents.geojson', 'utf8')) as {
				features: { properties: { layer: string } }[];
			}
		).features.filter((f) => f.properties.layer === 'fires').length;
		expect(fires).toBeGreaterThan(0);
		await expect(page.getByRole('checkbox', { name: `Fires (${fires})` })).toBeVisible();
		// Hydrated, not a dead page: the language switch still works.
		await page.getByRole('button', { name: 'Français' }).click();
		await expect(page.getByRole('alert')).toContainText('Les incidents n’ont pas pu être chargés');
		await expect(claimsRegion(page, 'fr').getByText(claims[0]!.text.fr)).toBeVisible();
	});
});

test.describe('when the detail card’s code cannot be downloaded', () => {
	// No service worker: it would serve the card's code from its precache, out of the page's routes.
	test.use({
		expectedErrors: ['net::ERR_INTERNET_DISCONNECTED', 'Failed to fetch'],
		serviceWorkers: 'block'
	});
	test('picking a place says so; the card’s code was never part of the first view', async ({ page }) => {
		await page.goto('/');
		await mapIdle(page);
		// Everything the first view needs is in: any script asked for from now on is refused.
		let refused = 0;
		await page.route(/\/_app\/immutable\/.*\.js$/, (r) => {
			refused++;
			return r.abort('internetdisconnected');
		});
		await placeLink(page, /Almaty International Airport/).click();
		await expect(page).toHaveURL(/[?&]site=airport/);
		await expect(page.getByRole('alert')).toContainText('The details card could not be loaded');
		expect(refused).toBeGreaterThan(0);
		// The rest of the page goes on: the claims are filtered on the place.
		await expect(claimItems(page)).toHaveCount(2);
	});
});
