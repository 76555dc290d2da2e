import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import {
	claimItems,
	claimsRegion,
	expect,
	layerToggle,
	mapIdle,
	mapReady,
	onMap,
	placeLink,
	test
} from './locators';

const sites = JSON.parse(readFileSync('geodata/almaty-2022/sites.geojson', 'utf8')) as {
	features: {
		geometry: { type: string; coordinates: [number, number] };
		properties: { id: string; key: boolean };
	}[];
};
const keySites = sites.features.filter((f) => f.properties.key);
const openingPlaces = (
	JSON.parse(readFileSync('geodata/almaty-2022/story.json', 'utf8')) as { defaultView: { places: string[] } }
).defaultView.places;
const claimCount = (JSON.parse(readFileSync('geodata/almaty-2022/claims.json', 'utf8')) as unknown[]).length;

test('the prerendered page carries the story and claims before any JavaScript', async ({ request }) => {
	const html = await (await request.get('/')).text();
	expect(html).toContain('Almaty, janvier 2022');
	expect(html).toContain('Selon la police, ses agents ont tué plusieurs dizaines d');
	expect(html).toContain('Place de la République');
});

test.describe('on a first visit', () => {
	// What the page itself asks for, as on a first visit: no service worker answering in its place.
	test.use({ serviceWorkers: 'block' });
	test('the first view fetches no script, and no data it waits for, that its HTML did not announce', async ({
		page
	}) => {
		// Anything found only once a script runs is a round trip more before the page or the map is up.
		for (const path of ['/', '/site/airport']) {
			const asked = new Set<string>();
			const listen = (r: import('@playwright/test').Request) => {
				const p = new URL(r.url()).pathname;
				if (/^\/_app\/immutable\/(chunks|entry|nodes)\/.*\.js$|\/incidents\.[\w-]+\.json$/.test(p))
					asked.add(p);
			};
			page.on('request', listen);
			await page.goto(path);
			await mapIdle(page);
			page.off('request', listen);
			// Resolved against the address the page was loaded at: the app may have moved it since
			// (an English reader's `/` becomes `/en/`), and Kit's links are relative.
			const announced = await page.evaluate(() => {
				const loaded = performance.getEntriesByType('navigation')[0]!.name;
				return [
					...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], link[rel="preload"]')
				].map((l) => new URL(l.getAttribute('href')!, loaded).pathname);
			});
			expect(asked.size).toBeGreaterThan(3);
			// Kit loads its error page's code when it starts, off the way of the first view.
			const late = [...asked].filter((p) => !announced.includes(p) && !/\/nodes\/1\.[\w-]+\.js$/.test(p));
			expect(late, path).toEqual([]);
		}
	});
});

test('opens on Almaty’s centre with its key sites drawn where the data says, the others named at the edge', async ({
	page
}) => {
	await page.goto('/');
	await mapIdle(page);
	const centre = keySites.filter((s) => openingPlaces.includes(s.properties.id));
	expect(centre.length).toBeGreaterThan(0);
	for (const site of centre) {
		const hit = await onMap(
			page,
			(map, { id, coords }) => {
				const p = map.project(coords as [number, number]);
				const inView =
					p.x >= 0 && p.y >= 0 && p.x <= map.getCanvas().clientWidth && p.y <= map.getCanvas().clientHeight;
				const features = map.queryRenderedFeatures(
					[
						[p.x - 3, p.y - 3],
						[p.x + 3, p.y + 3]
					],
					{ layers: ['site-dot'] }
				);
				return { inView, found: features.some((f) => f.properties.id === id) };
			},
			{ id: site.properties.id, coords: site.geometry.coordinates }
		);
		expect(hit, site.properties.id).toEqual({ inView: true, found: true });
	}
	// The airport, out of the opening view, is named by a pointer at the map's edge.
	await expect(page.getByRole('button', { name: /Almaty International Airport\s*13 km/ })).toBeVisible();
	await expect(claimItems(page)).toHaveCount(claimCount);
});

test('layer toggles hide and show incidents and update the URL', async ({ page }) => {
	await page.goto('/');
	await mapIdle(page);
	const renderedFires = () =>
		onMap(page, (map) => map.queryRenderedFeatures({ layers: ['incidents-fires'] }).length);
	await onMap(page, (map) => map.jumpTo({ center: [76.9466, 43.2366], zoom: 15 }));
	await mapIdle(page);
	expect(await renderedFires()).toBe(2);

	const fires = layerToggle(page, /Fires/);
	await expect(fires).toBeChecked();
	await fires.uncheck();
	await expect(page).toHaveURL(/[?&]layers=gunfire,military,control,casualties,unrest(&|#|$)/);
	await mapIdle(page);
	expect(await renderedFires()).toBe(0);

	await fires.check();
	await expect(page).not.toHaveURL(/layers=/);
	await mapIdle(page);
	expect(await renderedFires()).toBe(2);
});

test('?layers= deep link sets the visible layers; bad values fall back quietly', async ({ page }) => {
	await page.goto('/?layers=fires,gunfire');
	await expect(layerToggle(page, /Fires/)).toBeChecked();
	await expect(layerToggle(page, /Gunfire/)).toBeChecked();
	await expect(layerToggle(page, /Military/)).not.toBeChecked();
	await mapIdle(page);
	expect(await onMap(page, (map) => map.getLayoutProperty('incidents-military', 'visibility'))).toBe('none');

	await page.goto('/?layers=nonsense&site=atlantis&lang=zz#garbage');
	await mapIdle(page);
	await expect(layerToggle(page, /Military/)).toBeChecked();
	await expect(claimItems(page)).toHaveCount(claimCount);
});

test('clicking a site on the map selects it and filters its claims', async ({ page }) => {
	await page.goto('/#14/43.3468/77.0118');
	await mapIdle(page);
	const airport = keySites.find((s) => s.properties.id === 'airport')!;
	const point = await onMap(
		page,
		(map, c) => map.project(c as [number, number]),
		airport.geometry.coordinates
	);
	const box = (await mapReady(page).boundingBox())!;
	await page.mouse.click(box.x + point.x, box.y + point.y);
	await expect(page).toHaveURL(/[?&]site=airport/);
	await expect(page.getByRole('heading', { level: 2, name: 'Almaty International Airport' })).toBeVisible();
	await expect(page.getByText(/km from Republic Square/)).toBeVisible();
	await expect(claimItems(page)).toHaveCount(2);
	await expect(placeLink(page, /Almaty International Airport/)).toHaveAttribute('aria-current', 'true');
});

test('selecting a claim flies the map to its place and highlights it', async ({ page }) => {
	await page.goto('/');
	await mapIdle(page);
	await claimsRegion(page)
		.getByRole('link', { name: /mayor’s office|mayor's office/ })
		.first()
		.click();
	await expect(page).toHaveURL(/[?&]claim=akimat-on-fire/);
	// The flight ends centred on the akimat, zoomed in, with the site highlighted.
	await expect
		.poll(() =>
			onMap(page, (map) => {
				const [lng, lat] = map.getCenter().toArray();
				return (
					!map.isMoving() &&
					Math.abs(lng - 76.94556) < 0.005 &&
					Math.abs(lat - 43.23639) < 0.005 &&
					map.getZoom() > 14
				);
			})
		)
		.toBe(true);
	expect(await onMap(page, (map) => map.getFeatureState({ source: 'sites', id: 'akimat' }).selected)).toBe(
		true
	);
	await expect(page).toHaveURL(/#1[4-6](\.\d+)?\/43\.23/);
	// Sources open with the selected claim.
	await expect(claimsRegion(page).getByRole('link', { name: /TASS/ }).first()).toBeVisible();
});

test('?site= opens centred on that site, selected; the link survives a reload', async ({ page }) => {
	await page.goto('/?site=presidential-residence');
	await expect(page.getByRole('heading', { level: 2, name: /Presidential Residence/ })).toBeVisible();
	// Not waitForFunction: it polls with eval, which the page's policy refuses.
	await expect(page).toHaveURL(/#./);
	await mapIdle(page);
	const center = await onMap(page, (map) => map.getCenter().toArray());
	expect(Math.abs(center[0]! - 76.94778)).toBeLessThan(0.01);
	const url = page.url();
	await page.goto(url);
	await mapIdle(page);
	const again = await onMap(page, (map) => [map.getCenter().toArray(), map.getZoom()] as const);
	expect(again[0][0]).toBeCloseTo(center[0]!, 3);
	await expect(page.getByRole('heading', { level: 2, name: /Presidential Residence/ })).toBeVisible();
});

test('switches between French and English, and ?lang= overrides the browser', async ({ page }) => {
	await page.goto('/');
	await expect(claimsRegion(page, 'en')).toBeVisible();
	await page.getByRole('button', { name: 'Français' }).click();
	await expect(claimsRegion(page, 'fr')).toBeVisible();
	await expect(page).toHaveURL(/[?&]lang=fr/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await mapIdle(page);
	expect(
		await onMap(page, (map) => JSON.stringify(map.getLayoutProperty('site-label', 'text-field')))
	).toContain('name_fr');
	await page.goto('/?lang=fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Almaty, janvier 2022/);
});

for (const locale of ['en-GB', 'fr-FR'])
	test.describe(() => {
		test.use({ locale });
		test(`nothing on the page shifts while it starts, in ${locale}`, async ({ page }) => {
			// English readers get a French prerendered page that the app switches: app.html keeps the
			// panel hidden until then, so the switch cannot move text under their eyes.
			await page.addInitScript(() => {
				const w = window as unknown as { shifts: number[] };
				w.shifts = [];
				new PerformanceObserver((list) => {
					for (const e of list.getEntries()) w.shifts.push((e as unknown as { value: number }).value);
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto('/');
			await mapIdle(page);
			await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
			await expect(page.locator('html')).not.toHaveClass(/relang/);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
		});
	});

test('every place on the map can be reached from the panel with the keyboard', async ({ page }) => {
	await page.goto('/');
	await mapReady(page).waitFor();
	const akimat = placeLink(page, /Almaty City Akimat/);
	await akimat.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]site=akimat/);
	await page.getByRole('link', { name: /Akimat on fire/ }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]incident=akimat-fire/);
	await expect(page.getByRole('heading', { level: 2, name: 'Akimat on fire' })).toBeVisible();
});

for (const [name, viewport] of [
	['desktop', { width: 1280, height: 800 }],
	['phone', { width: 390, height: 844 }],
	['narrow', { width: 360, height: 740 }]
] as const) {
	test(`no serious accessibility violations, and a screenshot (${name})`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto('/');
		await mapIdle(page);
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		// Nothing sideways-scrolls at this width.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			viewport.width
		);
		await page.screenshot({ path: `e2e/screenshots/${name}.png` });
	});

	test(`every place's label stays inside the map at the opening view (${name})`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto('/');
		await mapIdle(page);
		// Labels MapLibre placed across the canvas's left or right edge (their text boxes are queried).
		const cut = await onMap(page, (map) => {
			const { clientWidth: w, clientHeight: h } = map.getCanvas();
			const strip = (x: number) =>
				map.queryRenderedFeatures(
					[
						[x, 0],
						[x + 2, h]
					],
					{ layers: ['site-label'] }
				);
			return [...strip(0), ...strip(w - 2)].map((f) => String(f.properties.id));
		});
		// The query itself works: the whole canvas holds the key places' labels.
		const all = await onMap(page, (map) =>
			map.queryRenderedFeatures({ layers: ['site-label'] }).map((f) => String(f.properties.id))
		);
		expect(all).toContain('republic-square');
		expect(cut).toEqual([]);
	});
}
