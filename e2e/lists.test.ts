// The claims list and its counts: one meaning for dates, counts that follow the filters, the city's
// claims first, the country drawn as an area, links that work without scripts, Escape.
import { readFileSync } from 'node:fs';
import {
	claimGroup,
	claimItems,
	claimLink,
	claimsRegion,
	expect,
	layerToggle,
	mapIdle,
	mapReady,
	mapScriptsNote,
	onMap,
	placeLink,
	test
} from './locators';

const claimCount = (JSON.parse(readFileSync('geodata/almaty-2022/claims.json', 'utf8')) as unknown[]).length;
const timeline = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Timeline' });

test('the first three days show the incidents of those days and the claims about them, and say what the dates mean', async ({
	page
}) => {
	await page.goto('/?from=2022-01-01&to=2022-01-03');
	await expect(timeline(page).getByText('3 of 14 incidents')).toBeVisible();
	// The claims about the three incidents shown (protests, injuries and the death toll since 2 January),
	// though made on the 6th.
	await expect(claimsRegion(page).getByText(`5 of ${claimCount}`)).toBeVisible();
	await expect(claimLink(page, /protesting since 1 January/)).toBeVisible();
	await expect(timeline(page).getByRole('group', { name: 'Days the events happened' })).toBeVisible();
	await expect(claimsRegion(page).getByText(/^Claims about events on these days/)).toBeVisible();
	// Each claim still says when it was made.
	await expect(claimItems(page).first()).toContainText('Claim made 6 January 2022');
});

test('the same explanation reads in French', async ({ page }) => {
	await page.goto('/?from=2022-01-01&to=2022-01-03&lang=fr');
	await expect(page.getByRole('group', { name: 'Jours où les faits ont eu lieu' })).toBeVisible();
	await expect(claimsRegion(page, 'fr').getByText(`5 sur ${claimCount}`)).toBeVisible();
	await expect(
		claimsRegion(page, 'fr').getByText(/^Affirmations sur des faits survenus ces jours-là/)
	).toBeVisible();
});

test('layer counts follow the day range', async ({ page }) => {
	await page.goto('/');
	await expect(layerToggle(page, /^Fires \(2\)$/)).toBeVisible();
	await expect(page.getByText('Counts: incidents on the days chosen.')).toHaveCount(0);
	const to = timeline(page).getByRole('slider', { name: 'To' });
	await to.focus();
	// From the folded later days (7–13 January) back to the 3rd: 6, 5, 4, 3.
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
	await expect(page).toHaveURL(/[?&]to=2022-01-03/);
	await expect(layerToggle(page, /^Fires \(0 of 2\)$/)).toBeVisible();
	await expect(layerToggle(page, /^Unrest \(1 of 2\)$/)).toBeVisible();
	await expect(page.getByText('Counts: incidents on the days chosen.')).toBeVisible();
	await timeline(page).getByRole('button', { name: 'All dates' }).click();
	await expect(layerToggle(page, /^Fires \(2\)$/)).toBeVisible();
});

test('"Show all" lists every claim and keeps the selected place', async ({ page }) => {
	await page.goto('/?site=airport');
	await expect(claimItems(page)).toHaveCount(2);
	await claimsRegion(page).getByRole('button', { name: 'Show all' }).click();
	await expect(claimItems(page)).toHaveCount(claimCount);
	await expect(page).toHaveURL(/[?&]site=airport/);
	await expect(page.getByRole('heading', { level: 2, name: 'Almaty International Airport' })).toBeVisible();
	await expect(placeLink(page, /Almaty International Airport/)).toHaveAttribute('aria-current', 'true');
	await expect(claimsRegion(page).getByRole('button', { name: 'Show all' })).toHaveCount(0);
});

test('Almaty’s claims lead the list; the country-wide ones follow under their own heading', async ({
	page
}) => {
	await page.goto('/');
	const groups = claimsRegion(page).getByRole('heading', { level: 3 });
	await expect(groups).toHaveText([/^In Almaty \(\d+\)$/, /^Country-wide \(Kazakhstan\) \(\d+\)$/]);
	await expect(claimItems(page).first()).toContainText('police');
	await expect(claimItems(page).first().locator('.where')).toHaveText(/Almaty/);
	// The country's group holds the claims about the whole country, in the article's order.
	const country = claimsRegion(page)
		.getByRole('list', { name: /^Country-wide/ })
		.getByRole('listitem');
	await expect(country.first()).toContainText('Elite units');
	await expect(country.first().locator('.where')).toHaveText(/^\s*Kazakhstan\s*$/);
	await page.goto('/?lang=fr');
	await expect(claimGroup(page, /^À Almaty/, 'fr')).toBeVisible();
	await expect(claimGroup(page, /^Tout le pays \(Kazakhstan\)/, 'fr')).toBeVisible();
});

test('the country is drawn as an area with a country-wide label, not as a marker in the steppe', async ({
	page
}) => {
	const warnings: string[] = [];
	page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
	await page.goto('/#4/47/66');
	await mapIdle(page);
	const drawn = await onMap(page, (map) => ({
		dots: map.queryRenderedFeatures({ layers: ['site-dot'] }).map((f) => String(f.properties.id)),
		labels: map
			.queryRenderedFeatures({ layers: ['site-label'] })
			.map((f) => `${f.properties.id}: ${f.properties.name_en}`),
		areas: map.queryRenderedFeatures({ layers: ['area-fill'] }).map((f) => String(f.properties.id))
	}));
	expect(drawn.dots).not.toContain('kazakhstan');
	expect(drawn.dots).toContain('zhanaozen');
	expect(drawn.labels).toContain('kazakhstan: Kazakhstan (country-wide)');
	expect(drawn.areas).toContain('kazakhstan');
	// Clicking the country's label selects it; clicking the incidents under it queries their offsets.
	const label = await onMap(page, (map) => {
		const [f] = map.queryRenderedFeatures({
			layers: ['site-label'],
			filter: ['==', ['get', 'id'], 'kazakhstan']
		});
		return map.project((f!.geometry as GeoJSON.Point).coordinates as [number, number]);
	});
	const box = (await mapReady(page).boundingBox())!;
	await page.mouse.click(box.x + label.x, box.y + label.y);
	await expect(page).toHaveURL(/[?&]site=kazakhstan/);
	await page.goto('/#4/47/66');
	await mapIdle(page);
	const under = await onMap(page, (map) => {
		const [f] = map.queryRenderedFeatures({
			layers: ['site-label'],
			filter: ['==', ['get', 'id'], 'kazakhstan']
		});
		return map.project((f!.geometry as GeoJSON.Point).coordinates as [number, number]);
	});
	await page.mouse.click(box.x + under.x, box.y + under.y + 22);
	await expect(page).toHaveURL(/[?&]incident=/);
	expect(warnings.filter((w) => /icon-offset/.test(w))).toEqual([]);
});

test('an attribution to the article says so once, and a time note is spaced from its time', async ({
	page
}) => {
	await page.goto('/?claim=elite-troops-sent');
	const who = claimItems(page).filter({ hasText: 'Elite units' }).locator('.who');
	await expect(who).toHaveText(/^\s*Attributed to\s+The article\s*$/);
	await page.goto('/incident/airport-retaken');
	await expect(page.getByText('6 January 2022, afternoon — Timing disputed', { exact: false })).toBeVisible();
});

test('Escape clears the selection', async ({ page }) => {
	await page.goto('/?claim=two-beheaded');
	const claim = claimLink(page, /reportedly beheaded/);
	await expect(claim).toHaveAttribute('aria-current', 'true');
	await page.keyboard.press('Escape');
	await expect(page).not.toHaveURL(/claim=/);
	await expect(claim).not.toHaveAttribute('aria-current', 'true');
});

test('a modified click opens the item’s own page in a new tab and selects nothing here', async ({
	page,
	context
}) => {
	await page.goto('/?site=airport');
	// The card comes with the app (the story's page has none prerendered): scripts are running.
	await expect(page.getByRole('heading', { level: 2, name: 'Almaty International Airport' })).toBeVisible();
	const [tab] = await Promise.all([
		context.waitForEvent('page'),
		placeLink(page, /Republic Square/).click({ modifiers: ['ControlOrMeta'] })
	]);
	await tab.waitForLoadState();
	// An English reader's link leads to the English page.
	expect(new URL(tab.url()).pathname).toBe('/en/site/republic-square');
	await expect(page).toHaveURL(/[?&]site=airport/);
	await expect(placeLink(page, /Republic Square/)).not.toHaveAttribute('aria-current', 'true');
	await tab.close();
});

test.describe('without scripts', () => {
	test.use({ javaScriptEnabled: false });
	test('places, incidents and claims are links to their own pages, and the map says it needs JavaScript', async ({
		page
	}) => {
		// Prerendered in French; no script switches the language.
		await page.goto('/site/akimat');
		// Kit writes relative links ("../site/…"): what matters is where they lead.
		const target = async (link: import('@playwright/test').Locator) =>
			new URL((await link.getAttribute('href'))!, page.url()).pathname;
		expect(await target(placeLink(page, /Place de la République/))).toBe('/site/republic-square');
		const incident = page.getByRole('link', { name: /L'akimat en feu/ });
		expect(await target(incident)).toBe('/incident/akimat-fire');
		expect(await target(claimLink(page, /La mairie d'Almaty \(l'akimat\) brûlait/, 'fr'))).toBe(
			'/claim/akimat-on-fire'
		);
		await expect(mapScriptsNote(page)).toBeVisible();
		await expect(mapScriptsNote(page)).toHaveText(/^La carte a besoin de JavaScript\./);
		await expect(page.getByText('Chargement de la carte…')).toBeHidden();
		// Following one opens that item's page, with its card.
		await incident.click();
		await expect(page).toHaveURL(/\/incident\/akimat-fire$/);
		await expect(page.getByRole('heading', { level: 2, name: "L'akimat en feu" })).toBeVisible();
	});

	test("an English page's links lead to the English pages", async ({ page }) => {
		await page.goto('/en/site/akimat');
		const link = placeLink(page, /Republic Square/);
		expect(new URL((await link.getAttribute('href'))!, page.url()).pathname).toBe('/en/site/republic-square');
	});
});
