// The map without pile-ups: a city-wide claim shows the city, edge pointers cover no marker and no
// other pointer, and the keyboard reaches the map's places and incidents from the claims.
import type { Page } from '@playwright/test';
import { expect, mapIdle, mapReady, onMap, test } from './locators';

/** KIND_MIN_ZOOM.city (src/lib/map/zoom-floor.ts): where the city is seen as a city. */
const CITY_ZOOM = 11;

interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
const hits = (a: Rect, b: Rect) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The markers drawn in view (incidents and site dots), as page boxes. */
async function markerBoxes(page: Page): Promise<Rect[]> {
	await mapReady(page).waitFor();
	return page.evaluate(() => {
		const el = document.querySelector('[data-ready="true"]') as HTMLElement & {
			storyMap: { markerBoxes(): Rect[] };
		};
		const at = el.getBoundingClientRect();
		return el.storyMap.markerBoxes().map((b) => ({
			left: b.left + at.left,
			top: b.top + at.top,
			right: b.right + at.left,
			bottom: b.bottom + at.top
		}));
	});
}

/** The edge pointers drawn, as page boxes. */
async function pointerBoxes(page: Page): Promise<Rect[]> {
	return page.locator('.edge-pointer').evaluateAll((els) =>
		els.map((e) => {
			const r = e.getBoundingClientRect();
			return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
		})
	);
}

for (const [w, h] of [
	[360, 740],
	[1280, 800]
] as const)
	for (const [what, path] of [
		['a city-wide claim', '/?lang=en&claim=two-beheaded'],
		['reading step 2 (the city)', '/?lang=fr&step=2']
	] as const)
		test(`${what} never zooms out past the city at ${w}×${h}`, async ({ page }) => {
			await page.setViewportSize({ width: w, height: h });
			await page.goto(path);
			await mapIdle(page);
			// The camera has gone to the city (its centre lies in view), no further out than the city.
			const { zoom, inView } = await onMap(page, (map) => ({
				zoom: map.getZoom(),
				inView: map.getBounds().contains([76.915, 43.24])
			}));
			expect(inView).toBe(true);
			expect(zoom).toBeGreaterThanOrEqual(CITY_ZOOM - 0.01);
		});

test('no edge pointer covers a marker or another pointer at 390×844, zoom 16 on the square', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/?lang=en#16/43.2375/76.9455');
	await mapIdle(page);
	await expect(page.locator('.edge-pointer.placed').first()).toBeVisible();
	const markers = await markerBoxes(page);
	const pointers = await pointerBoxes(page);
	expect(markers.length).toBeGreaterThan(2);
	expect(pointers.length).toBeGreaterThan(0);
	for (const [k, p] of pointers.entries()) {
		for (const m of markers) expect(hits(p, m), JSON.stringify({ pointer: p, marker: m })).toBe(false);
		for (const q of pointers.slice(k + 1)) expect(hits(p, q)).toBe(false);
		// One line on a phone: no taller than a line and its padding.
		expect(p.bottom - p.top).toBeLessThan(30);
	}
});

test('the pointers of an incident far from the others lie apart at 1280×800', async ({ page }) => {
	await page.goto('/?lang=en&incident=residence-fire');
	await mapIdle(page);
	await expect(page.locator('.edge-pointer.placed').first()).toBeVisible();
	const pointers = await pointerBoxes(page);
	const markers = await markerBoxes(page);
	for (const [k, p] of pointers.entries()) {
		for (const q of pointers.slice(k + 1)) expect(hits(p, q)).toBe(false);
		for (const m of markers) expect(hits(p, m)).toBe(false);
	}
});

test('a keyboard path from the claims to a marker opens its card', async ({ page }) => {
	await page.goto('/?lang=en');
	await mapReady(page).waitFor();
	// The skip link to the claims, then the claims' own way to the map.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to the claims' })).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Go to the places and incidents on the map' })).toBeFocused();
	await page.keyboard.press('Enter');
	const list = page.getByRole('navigation', { name: 'Places and incidents on the map' });
	const first = list.getByRole('button').first();
	await expect(first).toBeFocused();
	// The focused place's marker is ringed on the map.
	await expect(page.locator('.marker-ring')).toBeVisible();
	const name = (await first.textContent())!.trim();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name, level: 2 })).toBeFocused();
	await expect(page).toHaveURL(/[?&]site=/);
});
