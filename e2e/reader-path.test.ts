// A link lands on what it points to, at every size; the phone's sheet shares the screen with the
// map; the keyboard follows what it opens; skip links reach the claims, the map and the timeline.
import {
	claimsRegion,
	expect,
	inViewUncovered,
	mapIdle,
	mapReady,
	onMap,
	placeLink,
	selectedClaim,
	sheetHandle,
	test
} from './locators';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const NARROW = { width: 360, height: 740 };

for (const [name, viewport] of [
	['desktop', DESKTOP],
	['phone', PHONE]
] as const)
	test(`a claim's link opens with that claim in view and uncovered (${name})`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto('/claim/two-beheaded');
		const claim = selectedClaim(page);
		await expect(claim).toHaveCount(1);
		await expect(claim).toContainText(/beheaded/);
		await expect.poll(() => inViewUncovered(claim)).toBe(true);
		// The same through the story page's ?claim=.
		await page.goto('/?claim=two-beheaded');
		await expect.poll(() => inViewUncovered(selectedClaim(page))).toBe(true);
	});

test('on a narrow phone, picking Republic Square shows its card uncovered', async ({ page }) => {
	await page.setViewportSize(NARROW);
	await page.goto('/');
	await mapReady(page).waitFor();
	await placeLink(page, /Republic Square/).click();
	const heading = page.getByRole('heading', { level: 2, name: 'Republic Square' });
	await expect.poll(() => inViewUncovered(heading)).toBe(true);
	// Its first lines too: the card's Russian name under the heading.
	await expect.poll(() => inViewUncovered(page.getByText('Площадь Республики'))).toBe(true);
});

test('on a phone, a site picked on the map brings its card up in the lowered sheet', async ({ page }) => {
	await page.setViewportSize(PHONE);
	await page.goto('/');
	await mapIdle(page);
	// Half the screen, full screen, lowered.
	await sheetHandle(page).click();
	await sheetHandle(page).click();
	await expect(sheetHandle(page)).toHaveAttribute('aria-expanded', 'false');
	const point = await onMap(page, (map) => {
		const f = map.queryRenderedFeatures({ layers: ['site-dot'] }).find((f) => f.properties.id === 'akimat')!;
		return map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
	});
	const box = (await mapReady(page).boundingBox())!;
	await page.mouse.click(box.x + point.x, box.y + point.y);
	await expect(page).toHaveURL(/[?&]site=akimat/);
	await expect(sheetHandle(page)).toHaveAttribute('aria-expanded', 'true');
	const heading = page.getByRole('heading', { level: 2, name: 'Almaty City Akimat' });
	await expect.poll(() => inViewUncovered(heading)).toBe(true);
});

for (const [name, viewport] of [
	['phone', PHONE],
	['narrow', NARROW]
] as const)
	test(`the map and the sheet share a phone's screen (${name})`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto('/');
		await mapReady(page).waitFor();
		const mapShare = async () => (await mapReady(page).boundingBox())!.height / viewport.height;
		// Opening: the map over the upper half, the story's title in the sheet below it.
		expect(await mapShare()).toBeGreaterThanOrEqual(0.45);
		await expect.poll(() => inViewUncovered(page.getByRole('heading', { level: 1 }))).toBe(true);
		// The handle cycles: full screen keeps a strip of map, lowered gives the map most of it.
		const handle = sheetHandle(page);
		await expect(handle).toHaveAttribute('aria-expanded', 'true');
		await handle.click();
		await expect(handle).toHaveAccessibleName(/full screen: lower/);
		expect(await mapShare()).toBeGreaterThan(0.05);
		await handle.click();
		await expect(handle).toHaveAttribute('aria-expanded', 'false');
		expect(await mapShare()).toBeGreaterThanOrEqual(0.7);
		// Lowered, the timeline's Previous and Next are still at hand.
		await expect.poll(() => inViewUncovered(page.getByRole('button', { name: /Next/ }))).toBe(true);
		// Nothing scrolls the page itself: the sheet scrolls inside.
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
			viewport.height
		);
	});

test('Enter on a place or an incident in the panel moves focus to the card it opens', async ({ page }) => {
	await page.goto('/');
	await mapReady(page).waitFor();
	await placeLink(page, /Republic Square/).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: 'Republic Square' })).toBeFocused();
	const incident = page.getByRole('article').getByRole('link', { name: /Shots on Republic Square/ });
	await incident.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]incident=/);
	const heading = page.getByRole('heading', { level: 2, name: /Shots on Republic Square/ });
	await expect(heading).toBeFocused();
	// And from the incident's card back to its place.
	await page.getByRole('article').getByRole('link', { name: 'Republic Square' }).press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: 'Republic Square' })).toBeFocused();
});

for (const lang of ['en', 'fr'] as const)
	test(`skip links lead the keyboard to the claims, the map and the timeline (${lang})`, async ({ page }) => {
		await page.goto(`/?lang=${lang}`);
		await mapReady(page).waitFor();
		const names =
			lang === 'en'
				? ['Skip to the claims', 'Skip to the map', 'Skip to the timeline']
				: ['Aller aux affirmations', 'Aller à la carte', 'Aller à la chronologie'];
		const targets = [
			claimsRegion(page, lang).getByRole('heading', { level: 2 }),
			page.getByRole('region', { name: lang === 'en' ? /^Map of/ : /^Carte/ }),
			page.getByRole('region', { name: lang === 'en' ? 'Timeline' : 'Chronologie' })
		];
		// The first Tab stops are the skip links, each shown when focused.
		for (const name of names) {
			await page.keyboard.press('Tab');
			const link = page.getByRole('link', { name });
			await expect(link).toBeFocused();
			await expect.poll(() => inViewUncovered(link)).toBe(true);
		}
		for (const [i, name] of names.entries()) {
			await page.getByRole('link', { name }).focus();
			await page.keyboard.press('Enter');
			await expect(targets[i]!).toBeFocused();
			// The address keeps its camera: a skip link writes no fragment.
			expect(new URL(page.url()).hash).not.toMatch(/claims|map|timeline/);
		}
	});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: PHONE });
	test('a phone shows the story as one readable page', async ({ page }) => {
		await page.goto('/claim/two-beheaded');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// No handle to press without scripts; the page itself scrolls through the panel.
		await expect(sheetHandle(page)).toBeHidden();
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(
			PHONE.height * 3
		);
		// Prerendered in French; its selected claim is marked as such.
		const claim = selectedClaim(page, 'fr');
		await claim.scrollIntoViewIfNeeded();
		expect(await inViewUncovered(claim)).toBe(true);
	});
});

test('embedded on a phone: no sheet, the title over the map over a compact panel', async ({ page }) => {
	await page.setViewportSize(PHONE);
	await page.goto('/?embed=1');
	await mapReady(page).waitFor();
	await expect(sheetHandle(page)).toHaveCount(0);
	const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
	const map = (await mapReady(page).boundingBox())!;
	const legend = (await page.locator('summary', { hasText: 'Layers and legend' }).boundingBox())!;
	expect(title.y).toBeLessThan(map.y);
	expect(legend.y).toBeGreaterThan(map.y + map.height);
});
