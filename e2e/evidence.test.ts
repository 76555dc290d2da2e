import { readFileSync } from 'node:fs';
import type { Incident, Story, When } from '../src/lib/data/schema';
import { clockOf } from '../src/lib/data/time';
import { MARKER_STYLES, STYLE_OF, markerImage } from '../src/lib/map/marker-style';
import {
	claimItems,
	drawnIncidents,
	evidenceKey,
	expect,
	mapIdle,
	onMap,
	openLegendKey,
	renderedIncidents,
	test
} from './locators';

const story = JSON.parse(readFileSync('geodata/almaty-2022/story.json', 'utf8')) as Story;
const { interval } = clockOf(story.timeZone.utcOffset);

/** Time order as the app sorts: by start, then the shorter (more precise) first. */
function compareWhen(a: When, b: When): number {
	const [a0, a1] = interval(a);
	const [b0, b1] = interval(b);
	return a0 - b0 || a1 - b1;
}

const incidents = (
	JSON.parse(readFileSync('geodata/almaty-2022/incidents.geojson', 'utf8')) as { features: Incident[] }
).features;
const claimCount = (JSON.parse(readFileSync('geodata/almaty-2022/claims.json', 'utf8')) as unknown[]).length;
const chronological = [...incidents]
	.sort(
		(a, b) =>
			compareWhen(a.properties.when, b.properties.when) ||
			(a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0)
	)
	.map((i) => i.properties.id);

test('the incidents arrive once, as one JSON file, never inside a script or the page', async ({ page }) => {
	const seen: Promise<{ url: string; text: string }>[] = [];
	const read = (r: import('@playwright/test').Response) => {
		// GETs only (the footer's HEAD probe has no body); a body the browser no longer holds reads as
		// empty: the test fails anyway if the incidents file itself cannot be read.
		if (r.request().method() === 'GET' && /\.(js|json|html)$|\/$/.test(new URL(r.url()).pathname))
			seen.push(
				r.text().then(
					(text) => ({ url: r.url(), text }),
					() => ({ url: r.url(), text: '' })
				)
			);
	};
	page.on('response', read);
	await page.goto('/');
	await mapIdle(page);
	// What the page asks for later, once idle (the footer's offer), is read no more: a body still being
	// read when the test ends fails it.
	page.off('response', read);
	const bodies = await Promise.all(seen);
	// A description only the incident records carry (the map's own GeoJSON drops descriptions).
	const description = incidents[0]!.properties.description.en;
	const carriers = bodies.filter((b) => b.text.includes(JSON.stringify(description).slice(1, -1)));
	expect(carriers.map((b) => new URL(b.url).pathname)).toEqual([
		expect.stringMatching(/^\/_app\/immutable\/assets\/incidents\.[\w-]+\.json$/)
	]);
});

const timeline = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Timeline' });
test('the day-range filter changes the map, the panel and the URL together', async ({ page }) => {
	await page.goto('/#12.6/43.25/76.94');
	await mapIdle(page);
	await expect(
		timeline(page).getByText(`${incidents.length} of ${incidents.length} incidents`)
	).toBeVisible();
	const before = await renderedIncidents(page);
	expect(before).toContain('akimat-fire');

	// Keyboard on the "From" handle: five steps right, from 1 to 6 January.
	const from = timeline(page).getByRole('slider', { name: 'From' });
	await from.focus();
	for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/[?&]from=2022-01-06&to=2022-01-13/);
	await expect(from).toHaveAttribute('aria-valuetext', '6 Jan');

	const onSixth = incidents.filter((i) => {
		const w = i.properties.when;
		return (w.end ?? w.start) >= '2022-01-06';
	});
	await expect(timeline(page).getByText(`${onSixth.length} of ${incidents.length} incidents`)).toBeVisible();
	await mapIdle(page);
	const after = await renderedIncidents(page);
	expect(after).not.toContain('akimat-fire');
	expect(after).toContain('shots-republic-square');
	expect(after.length).toBeLessThan(before.length);
	// The 5 January claims leave the panel too.
	await expect(claimItems(page)).not.toHaveCount(claimCount);
	await expect(page.getByRole('link', { name: /mayor’s office \(the akimat\) was burning/ })).toHaveCount(0);

	await timeline(page).getByRole('button', { name: 'All dates' }).click();
	await expect(page).not.toHaveURL(/from=/);
	await expect(claimItems(page)).toHaveCount(claimCount);
});

test('a day range in the URL is restored', async ({ page }) => {
	await page.goto('/?from=2022-01-02&to=2022-01-04');
	await expect(timeline(page).getByRole('slider', { name: 'To' })).toHaveAttribute('aria-valuetext', '4 Jan');
	await expect(timeline(page).getByText(/^3 of \d+ incidents$/)).toBeVisible();
});

test('step-through visits every incident in time order, by button and by arrow key', async ({ page }) => {
	await page.goto('/');
	await mapIdle(page);
	const seen: string[] = [];
	const next = timeline(page).getByRole('button', { name: /Next/ });
	for (let i = 0; i < chronological.length; i++) {
		if (i % 2 === 0) await next.click();
		else {
			await next.focus();
			await page.keyboard.press('ArrowRight');
		}
		// The address is written at most every 300 ms: wait for this step's, not the previous one's.
		const incidentInUrl = () => new URL(page.url()).searchParams.get('incident');
		await expect.poll(incidentInUrl).not.toBe(seen.at(-1) ?? null);
		const id = incidentInUrl()!;
		seen.push(id);
		await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(
			incidents.find((x) => x.properties.id === id)!.properties.title.en
		);
	}
	expect(seen).toEqual(chronological);
	await expect(next).toHaveAttribute('aria-disabled', 'true');
	await expect(next).toBeFocused();
	await page.keyboard.press('ArrowLeft');
	await expect(page).toHaveURL(new RegExp(`incident=${chronological.at(-2)}`));
	// The map went to the incident's place.
	await mapIdle(page);
	const last = incidents.find((x) => x.properties.id === chronological.at(-2))!;
	expect(
		await onMap(
			page,
			(map, id) => map.getFeatureState({ source: 'incidents', id: id as string }),
			last.properties.id
		)
	).toBeDefined();
});

test('markers show how well each incident is known, and the legend says how', async ({ page }) => {
	await page.goto('/#12.6/43.25/76.94');
	await mapIdle(page);
	const drawn = await drawnIncidents(page);
	for (const d of drawn) expect(d.image.endsWith(STYLE_OF[d.evidence as keyof typeof STYLE_OF])).toBe(true);
	expect(new Set(drawn.map((d) => d.image.split('-').pop())).size).toBe(MARKER_STYLES.length);
	// Filled markers are coloured at their centre; hollow and dashed ones are white there.
	const centres = await onMap(
		page,
		(map, names) =>
			(names as string[]).map((n) => {
				const img = map.getImage(n)!.data;
				const i = (Math.floor(img.height / 2) * img.width + Math.floor(img.width / 2)) * 4;
				return [n, Array.from(img.data.slice(i, i + 3)).join(',')];
			}),
		[...new Set(drawn.map((d) => d.image))]
	);
	for (const [name, rgb] of centres) {
		if (name!.endsWith('-solid')) expect(rgb, name).not.toBe('255,255,255');
		else expect(rgb, name).toBe('255,255,255');
	}
	const legend = page.getByRole('group', { name: 'Layers and legend' });
	await openLegendKey(page);
	await expect(legend.getByText('Confirmed by several independent sources')).toBeVisible();
	await expect(legend.getByText('Unverified / Disputed')).toBeVisible();
});

test('an incident card puts conflicting figures side by side and counts independent sources', async ({
	page
}) => {
	await page.goto('/?incident=injured-nationwide');
	const card = page.getByRole('article');
	await expect(card.getByRole('heading', { name: 'More than 1,000 injured' })).toBeVisible();
	const rows = card.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(1 + 8);
	await expect(rows.filter({ hasText: 'almost 400' })).toContainText('Health Ministry (Azhar Giniyat)');
	// Each outlet's words for the one ministry's figure, quoted apart: TASS "almost 400", Interfax-Ukraine "400".
	await expect(rows.filter({ hasText: /^400\s*in hospital/ })).toContainText(
		'Interfax-Ukraine: "400 hospitalized"'
	);
	// 4,578 counts every victim the prosecutors registered: its own measure, not "injured".
	await expect(rows.filter({ hasText: /^4,578/ })).toContainText('victims (all kinds, per the prosecutors)');
	// Who gave each number of injured on 15 January, and through whom: the conflict stays visible.
	await expect(rows.filter({ hasText: /^4,353/ })).toContainText('15 January 2022');
	await expect(rows.filter({ hasText: /^4,353/ })).toContainText('TASS');
	await expect(rows.filter({ hasText: 'more than 4,300' })).toContainText('AP');
	await expect(rows.filter({ hasText: /^4,578/ })).toContainText('Sputnik');
	// Three outlets relaying the one ministry are one independent source; the prosecutors' count is another.
	await expect(card.getByText('2 independent sources')).toBeVisible();
	await expect(card.getByText('First reported')).toBeVisible();

	// Counted as for claims: Reuters, the article's own origin, is cited but not counted (TASS, the BBC's
	// Russian service and the government are).
	await page.goto('/?incident=residence-fire');
	await expect(page.getByRole('article').getByText('3 independent sources')).toBeVisible();
	await expect(page.getByRole('article').getByText(/Position within ± 150 m/)).toBeVisible();
	// Reuters, Sputnik Kazakhstan and TASS: Russian state media count once, the article's origin not at all.
	await page.goto('/?incident=armour-republic-square');
	await expect(page.getByRole('article').getByText(/^1 independent source \(/)).toBeVisible();
});

test('a claim card shows its dated status history, in a short line and in full when opened', async ({
	page
}) => {
	await page.goto('/?claim=two-beheaded');
	const claim = page.getByRole('listitem').filter({ hasText: 'Two of those security personnel' });
	const line = claim.locator('.history');
	await expect(line).toContainText('Attributed 6 Jan 2022 · Disputed (date not established)');
	await expect(line).toContainText('Denied by the Prosecutor General');
	const steps = claim.getByRole('list').filter({ has: page.getByText('RIA Novosti, from Almaty') });
	await expect(steps.getByRole('listitem')).toHaveCount(3);
	await expect(steps.getByRole('listitem').last()).toContainText('date not established — Disputed');

	// A figure that moves while the status stays is one step, from its first date to its last.
	await page.goto('/?claim=security-forces-13-dead&lang=fr');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'treize morts' }).locator('.history')
	).toContainText('Attribué 6 janv. 2022 – 15 janv. 2022');
});

test('a claim card says which origins its status counted, and why others count once or not at all', async ({
	page
}) => {
	await page.goto('/?claim=armour-on-main-square');
	const claim = page.locator('#claim-armour-on-main-square');
	const origins = claim.locator('.origins');
	await expect(origins).toContainText('1 independent origin counted');
	await expect(origins).toContainText(
		'Sputnik Kazakhstan (via Teller Report), TASS (via Trend): all from Russian state media, counted once'
	);
	await expect(origins).toContainText('Reuters (via MarketScreener)');
	await expect(origins).toContainText('the article’s own origin, not counted');
	await page.goto('/?claim=armour-on-main-square&lang=fr');
	await expect(page.locator('#claim-armour-on-main-square .origins')).toContainText(
		"toutes issues de médias d'État russes, comptées une fois"
	);
});

test('the toll over time is drawn beside its table, withdrawn figures as withdrawn, in both languages', async ({
	page
}) => {
	await page.goto('/?incident=national-toll');
	const card = page.getByRole('article');
	const chart = card.getByRole('img', { name: 'The figures over time, per measure' });
	await expect(chart).toBeVisible();
	await expect(card.getByRole('table')).toBeVisible();
	// Every official toll is dated: 164 (withdrawn), 225, 227, 230, 238, 232, 232, 238, 238.
	const dead = chart.locator('[data-measure="dead"]');
	await expect(dead.locator('circle')).toHaveCount(9);
	await expect(dead.locator('circle[data-withdrawn]')).toHaveCount(1);
	await expect(dead.locator('circle[data-withdrawn] title')).toHaveText(
		/^dead: 164, 9 Jan 2022 — .* · LBC · withdrawn on 9 Jan 2022$/
	);
	// The 232 and the 238 each name their source.
	const said = await dead.locator('circle title').allTextContents();
	expect(said.filter((t) => /^dead: 232,/.test(t)).map((t) => t.split(' · ')[1])).toEqual([
		'Human Rights Watch',
		'RFE/RL (via Genocide Watch)'
	]);
	expect(said.filter((t) => /^dead: 238,/.test(t)).map((t) => t.split(' · ')[1])).toEqual([
		'RFE/RL',
		'RFE/RL',
		'Babel'
	]);
	await expect(chart.locator('[data-measure="attackers-killed"] circle')).toHaveCount(1);
	const withdrawn = card.getByRole('table').getByRole('row').filter({ hasText: /^164/ });
	await expect(withdrawn).toContainText('withdrawn on 9 January 2022: a "technical error"');

	await page.goto('/?incident=national-toll&lang=fr');
	const fr = page.getByRole('article').getByRole('img', { name: 'Les chiffres dans le temps, par mesure' });
	await expect(fr).toBeVisible();
	await expect(fr.locator('[data-measure="dead"] circle[data-withdrawn] title')).toHaveText(
		/^morts: 164, 9 janv\. 2022 — .* · LBC · retiré le 9 janv\. 2022$/
	);
	await expect(page.getByRole('article').getByText(/pas à l’échelle/)).toBeVisible();
	await expect(page.getByRole('article').getByText(/Point gris barré/)).toBeVisible();
});

test('claims show later reporting with its date and source; sources open in the sources view', async ({
	page
}) => {
	await page.goto('/?claim=two-beheaded');
	const claim = page.getByRole('listitem').filter({ hasText: 'Two of those security personnel' });
	await expect(claim.getByText('Later reporting')).toBeVisible();
	await expect(claim.getByRole('link', { name: 'inbusiness.kz' }).first()).toBeVisible();
	await claim.getByRole('button', { name: 'Show in the source list: RIA Novosti' }).click();
	const entry = page.locator('#source-ria-2022-01-06-beheaded');
	await expect(entry).toBeVisible();
	await expect(entry).toBeFocused();
	await expect(entry).toContainText('foreign state media');
	// When we read it, and a search of the web archives for its address: labelled as a search, not a copy.
	await expect(entry).toContainText('read on 24 November 2026');
	await expect(entry.getByRole('link', { name: 'search the web archives' })).toHaveAttribute(
		'href',
		'https://web.archive.org/web/*/https://ria.ru/20220106/silovik-1766724672.html'
	);
	await expect(entry.getByRole('link', { name: 'search the web archives' })).toHaveAttribute(
		'title',
		/does not say a copy exists/
	);
	// No copy is recorded in the data yet: the card claims none.
	await expect(page.locator('#sources-view')).not.toContainText('copy kept on');
	await expect(page.locator('#source-hrw-2022-01-26-killings')).toContainText('NGO');
});

test('downloads give the shown incidents and claims as GeoJSON, CSV and ClaimReview', async ({ page }) => {
	await page.goto('/?from=2022-01-06&to=2022-01-13');
	await mapIdle(page);
	const shownIncidents = incidents.filter(
		(i) => (i.properties.when.end ?? i.properties.when.start) >= '2022-01-06'
	);
	const shownClaims = await page
		.getByRole('region', { name: 'Claims' })
		.getByRole('listitem')
		.filter({ has: page.locator('.text') })
		.count();
	const get = async (name: string) => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^almaty-2022_\d{4}-\d{2}-\d{2}_v[\d.-]+\./);
		return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
	};
	const geo = await get('GeoJSON');
	expect(geo.name).toMatch(/\.geojson$/);
	const fc = JSON.parse(geo.text);
	expect(fc.type).toBe('FeatureCollection');
	const kinds = fc.features.map((f: { properties: { kind: string } }) => f.properties.kind);
	expect(kinds.filter((k: string) => k === 'incident')).toHaveLength(shownIncidents.length);
	expect(kinds.filter((k: string) => k === 'claim')).toHaveLength(shownClaims);
	expect(
		fc.features.every(
			(f: { properties: { status: string; sources: string } }) => f.properties.status && f.properties.sources
		)
	).toBe(true);

	// Each claim carries its status history, ending on its status.
	for (const f of fc.features.filter((x: { properties: { kind: string } }) => x.properties.kind === 'claim'))
		expect(f.properties.status_history.at(-1).status).toBe(f.properties.status);

	const csv = await get('CSV');
	expect(csv.name).toMatch(/\.csv$/);
	expect(csv.text.split('\r\n')[0]).toMatch(/^kind,id,layer,/);
	expect(csv.text.split('\r\n')[0]).toContain(',status_history,');

	const reviews = await get('ClaimReview (JSON-LD)');
	const list = JSON.parse(reviews.text);
	expect(list).toHaveLength(shownClaims);
	expect(list[0]['@type']).toBe('ClaimReview');
});

test('the page embeds ClaimReview JSON-LD', async ({ request }) => {
	const html = await (await request.get('/claim/two-beheaded')).text();
	const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
	const review = JSON.parse(m![1]!);
	expect(review['@type']).toBe('ClaimReview');
	expect(review.reviewRating.alternateName).toBe('disputed');
});

test('printing an incident gives its card, map inset, claims and sources, without the map', async ({
	page
}) => {
	await page.goto('/incident/akimat-fire');
	await mapIdle(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.maplibregl-canvas')).toBeHidden();
	await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
	const inset = page.getByRole('article').locator('img.print-inset');
	await expect(inset).toBeVisible();
	await expect.poll(() => inset.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	await expect(
		page.getByRole('listitem').filter({ hasText: 'was burning too' }).getByText('Sources')
	).toBeVisible();
});

test('an outlet or title the article does not give reads in the reader’s language, never as if published', async ({
	page
}) => {
	await page.goto('/?lang=fr');
	const view = page.locator('#sources-view');
	await view.locator('summary').click();
	const article = page.locator('#source-article-fr');
	await expect(article).toContainText('Média inconnu (non nommé dans le texte)');
	await expect(view).not.toContainText('Unknown outlet');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(article).toContainText('Unknown outlet (not named in the text)');
	await expect(article.locator('cite')).toHaveAttribute('lang', 'en');
	// A name as published stays as published in both languages.
	await expect(page.locator('#source-ria-2022-01-06-beheaded')).toContainText('RIA Novosti');
});

test('the legend draws each evidence style exactly as the map draws its markers', async ({ page }) => {
	await page.goto('/');
	await mapIdle(page);
	// The map draws a marker image when a layer first asks for it: ask for the round layer's three.
	const styles = MARKER_STYLES;
	await onMap(
		page,
		(map, names) => {
			for (const n of names as string[])
				map.addLayer({ id: `probe-${n}`, type: 'symbol', source: 'incidents', layout: { 'icon-image': n } });
			return new Promise((r) => map.once('idle', () => r(true)));
		},
		styles.map((s) => markerImage('unrest', s))
	);
	const mapImages = await onMap(
		page,
		(map, names) => (names as string[]).map((n) => Array.from(map.getImage(n)!.data.data)),
		styles.map((s) => markerImage('unrest', s))
	);
	const labels = {
		solid: 'Confirmed by several independent sources',
		hollow: 'A single source, or only attributed',
		dashed: 'Unverified / Disputed'
	};
	await openLegendKey(page);
	for (const [i, style] of styles.entries()) {
		const svg = evidenceKey(page, labels[style]);
		await expect(svg).toHaveAttribute('data-style', style);
		// The legend's symbol in the round layer's colour, drawn at the map's size.
		const legend = await svg.evaluate(async (el, color) => {
			const img = new Image();
			const markup = new XMLSerializer().serializeToString(el).replaceAll('#374151', color);
			img.src = 'data:image/svg+xml,' + encodeURIComponent(markup);
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = canvas.height = el.clientWidth;
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			return Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data);
		}, '#8c510a');
		const onMapImage = mapImages[i]!;
		expect(legend.length, style).toBe(onMapImage.length);
		// Pixels that differ by more than anti-aliasing would (the canvas and SVG rasterisers differ).
		const differ = onMapImage.filter((v, k) => Math.abs(v - legend[k]!) > 64).length;
		expect(differ, style).toBeLessThan(4);
	}
	// The dashed key has gaps along its ring, the hollow one none.
	await expect(evidenceKey(page, labels.dashed).locator('[stroke-dasharray]')).toHaveCount(1);
	await expect(evidenceKey(page, labels.hollow).locator('[stroke-dasharray]')).toHaveCount(0);
});
