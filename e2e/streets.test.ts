// The street basemap: drawn from our own origin at the story's zooms, credited, and the opening view
// names every key site, on its own marker or by a pointer at the map's edge.
import { expect, mapIdle, onMap, test } from './locators';

/** Street-layer features the map has drawn in view, counted per layer of the tiles. */
async function drawnStreets(page: import('@playwright/test').Page) {
	await mapIdle(page);
	return onMap(page, (map) => {
		const layers = map
			.getStyle()
			.layers.filter((l) => l.id.startsWith('streets-'))
			.map((l) => l.id);
		const out: Record<string, number> = {};
		for (const f of map.queryRenderedFeatures({ layers })) {
			const key = `${f.sourceLayer}:${f.properties.class}`;
			out[key] = (out[key] ?? 0) + 1;
		}
		const names = map
			.queryRenderedFeatures({ layers: ['streets-road-label'] })
			.map((f) => String(f.properties.name));
		return { counts: out, names };
	});
}

test('streets, buildings and their names are drawn around Republic Square at zoom 15', async ({ page }) => {
	await page.goto('/#15/43.2375/76.946');
	const { counts, names } = await drawnStreets(page);
	expect(counts['building:building']).toBeGreaterThan(20);
	expect((counts['road:major'] ?? 0) + (counts['road:secondary'] ?? 0)).toBeGreaterThan(3);
	// Street names as the extract spells them (2012): Satpayev Street runs along the square.
	expect(names).toContain('ул. Сатпаева');
});

test('the airport is drawn at zoom 16: its terminal, aprons and runway surroundings', async ({ page }) => {
	await page.goto('/#16/43.3468/77.0118');
	const { counts } = await drawnStreets(page);
	expect(counts['building:terminal']).toBeGreaterThan(0);
	expect(counts['aeroway:apron']).toBeGreaterThan(0);
});

test('the street tiles come from our own origin, by range requests', async ({ page, baseURL }) => {
	const ranges: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('streets.pmtiles'))
			ranges.push(`${new URL(r.url()).origin} ${r.headers()['range']}`);
	});
	await page.goto('/#15/43.2375/76.946');
	await mapIdle(page);
	expect(ranges.length).toBeGreaterThan(0);
	for (const r of ranges) expect(r).toMatch(new RegExp(`^${new URL(baseURL!).origin} bytes=\\d+-\\d+$`));
});

test('the credit names OpenStreetMap, its licence and the extract’s date, in the reader’s language', async ({
	page
}) => {
	await page.goto('/?lang=en#15/43.2375/76.946');
	const credit = page.locator('.maplibregl-ctrl-attrib-inner');
	await expect(credit).toContainText(
		'© OpenStreetMap contributors (CC BY-SA 2.0), extract of March 2012: streets and buildings as mapped then'
	);
	await expect(credit).toContainText('Furmanov Street');
	await page.getByRole('button', { name: 'Français' }).click();
	await expect(credit).toContainText(
		'© les contributeurs d’OpenStreetMap (CC BY-SA 2.0), extrait de mars 2012'
	);
	await expect(credit).toContainText('rue Fourmanov');
	// The legend says it too, where the reader looks for what the map's marks mean.
	await expect(page.getByRole('group', { name: 'Couches et légende' })).toContainText(
		'tels que cartographiés en mars 2012, dix ans avant les faits'
	);
});

for (const [w, h] of [
	[1280, 800],
	[390, 844],
	[360, 740]
] as const)
	for (const lang of ['fr', 'en'] as const)
		test(`the opening view names every key site at ${w}×${h} in ${lang}`, async ({ page }) => {
			await page.setViewportSize({ width: w, height: h });
			await page.goto(`/?lang=${lang}`);
			await mapIdle(page);
			const labels = await onMap(page, (map) =>
				map.queryRenderedFeatures({ layers: ['site-label'] }).map((f) => String(f.properties.id))
			);
			// The centre's three sites carry their own labels, each on its own marker.
			expect(labels.sort()).toEqual(
				expect.arrayContaining(['akimat', 'presidential-residence', 'republic-square'])
			);
			// The airport, 13 km away, is named by a pointer at the edge, which shows it when followed.
			const pointer = page.getByRole('button', {
				name:
					lang === 'fr' ? /Aéroport international d'Almaty\s*13 km/ : /Almaty International Airport\s*13 km/
			});
			await expect(pointer).toBeVisible();
			const box = (await pointer.boundingBox())!;
			const map = (await page.locator('[data-ready="true"]').boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(map.x);
			expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width);
			await pointer.click();
			await expect(page).toHaveURL(/[?&]site=airport/);
			await mapIdle(page);
			const shown = await onMap(page, (map) =>
				map.queryRenderedFeatures({ layers: ['site-label'] }).map((f) => String(f.properties.id))
			);
			expect(shown).toContain('airport');
		});

test.describe('when street tiles fail', () => {
	// The browser logs each failed request; the page itself must stay free of errors.
	test.use({ serviceWorkers: 'block', expectedErrors: ['status of 503'] });
	test('the story stays drawn and the reader is told once', async ({ page }) => {
		let failed = 0;
		// Every tile read after the archive's header fails, as on a connection that drops.
		await page.route('**/basemap/streets.pmtiles', async (route) => {
			const range = route.request().headers()['range'] ?? '';
			if (range.startsWith('bytes=0-')) return route.continue();
			failed++;
			await route.fulfill({ status: 503, body: 'unavailable' });
		});
		await page.goto('/?lang=en#15/43.2375/76.946');
		const notice = page.getByRole('status').filter({ hasText: 'Part of the street map could not be loaded' });
		await expect(notice).toHaveCount(1);
		expect(failed).toBeGreaterThan(0);
		await mapIdle(page);
		const sites = await onMap(page, (map) =>
			map.queryRenderedFeatures({ layers: ['site-dot'] }).map((f) => String(f.properties.id))
		);
		expect(sites).toContain('republic-square');
	});
});
