import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { claimItems, claimsRegion, expect, layerToggle, mapIdle, onMap, placeLink, test } from './locators';

const ids = <T>(file: string, pick: (x: T) => string) => {
	const raw = JSON.parse(readFileSync(`geodata/almaty-2022/${file}`, 'utf8'));
	return (Array.isArray(raw) ? raw : raw.features).map(pick) as string[];
};
type F = { properties: { id: string } };
const sites = ids<F>('sites.geojson', (f) => f.properties.id);
const incidents = ids<F>('incidents.geojson', (f) => f.properties.id);
const claims = ids<{ id: string }>('claims.json', (c) => c.id);
const story = JSON.parse(readFileSync('geodata/almaty-2022/story.json', 'utf8')) as {
	layers: { id: string; label: { en: string; fr: string } }[];
};
const layers = story.layers.map((l) => l.id);

test('random views round-trip through the address bar and a reload', async ({ page }) => {
	const views = fc.sample(
		fc.record({
			selection: fc.option(
				fc.oneof(
					fc.constantFrom(...sites).map((id) => `site=${id}`),
					fc.constantFrom(...incidents).map((id) => `incident=${id}`),
					fc.constantFrom(...claims).map((id) => `claim=${id}`)
				)
			),
			layers: fc.subarray(layers, { minLength: 1, maxLength: layers.length - 1 }),
			lang: fc.constantFrom('fr', 'en'),
			camera: fc.record({
				zoom: fc.integer({ min: 9, max: 15 }),
				lat: fc.integer({ min: 431000, max: 434000 }),
				lng: fc.integer({ min: 767000, max: 771000 })
			})
		}),
		{ numRuns: 4, seed: 20220106 }
	);
	for (const v of views) {
		const query = [`lang=${v.lang}`, `layers=${v.layers.join(',')}`, v.selection].filter(Boolean).join('&');
		const hash = `#${v.camera.zoom}/${v.camera.lat / 1e4}/${v.camera.lng / 1e4}`;
		const url = `/?${query}${hash}`;
		for (const step of ['open', 'reload']) {
			if (step === 'open') await page.goto(url);
			else await page.reload();
			await mapIdle(page);
			const zoom = await onMap(page, (map) => map.getZoom());
			expect(zoom, `${step} ${url}`).toBeCloseTo(v.camera.zoom, 5);
			for (const l of story.layers)
				await expect(layerToggle(page, new RegExp(l.label[v.lang]))).toBeChecked({
					checked: v.layers.includes(l.id)
				});
			// The writer settles on the link we opened (order of parameters aside), English as its pages.
			const params = query.split('&').filter((p) => p !== 'lang=en');
			await expect
				.poll(() => {
					const now = new URL(page.url());
					return [
						now.pathname,
						now.hash,
						[...now.searchParams]
							.map(([k, v]) => `${k}=${v}`)
							.sort()
							.join('&')
					];
				})
				.toEqual([v.lang === 'en' ? '/en/' : '/', hash, params.sort().join('&')]);
		}
	}
});

test('Back and Forward step through what the reader selected', async ({ page }) => {
	await page.goto('/');
	await mapIdle(page);
	await placeLink(page, /Republic Square/).click();
	await expect(page).toHaveURL(/[?&]site=republic-square/);
	await claimsRegion(page)
		.getByRole('link', { name: /shots were heard/i })
		.click();
	await expect(page).toHaveURL(/[?&]claim=shots-as-troops-approached/);
	await page.goBack();
	await expect(page).toHaveURL(/[?&]site=republic-square/);
	await expect(page.getByRole('heading', { level: 2, name: 'Republic Square' })).toBeVisible();
	await page.goBack();
	await expect(page).not.toHaveURL(/site=|claim=/);
	await expect(claimItems(page)).toHaveCount(claims.length);
	await page.goForward();
	await expect(page).toHaveURL(/[?&]site=republic-square/);
	await expect(placeLink(page, /Republic Square/)).toHaveAttribute('aria-current', 'true');
});

test('panning replaces the history entry instead of adding one', async ({ page }) => {
	await page.goto('/');
	await mapIdle(page);
	const before = await page.evaluate(() => history.length);
	for (const lng of [76.9, 76.95, 77.0]) {
		await onMap(page, (map, x) => map.jumpTo({ center: [x as number, 43.25] }), lng);
		await page.waitForTimeout(350);
	}
	await expect(page).toHaveURL(/#\d+(\.\d+)?\/43\.25\d*\/77(\.0+)?$/);
	expect(await page.evaluate(() => history.length)).toBe(before);
});

test.describe('removed items', () => {
	// The removed item's page has no prerendered data: the static host answers 404 for it.
	test.use({ expectedErrors: ['status of 404'] });
	test('a link to an item no longer in the data shows a notice, not a blank page', async ({ page }) => {
		await page.goto('/?claim=no-longer-here');
		await expect(
			page.getByRole('status').filter({ hasText: 'This item is no longer in the dataset' })
		).toContainText('no-longer-here');
		await expect(claimItems(page)).toHaveCount(claims.length);
		await page.goto('/site/demolished-long-ago');
		await expect(page).toHaveURL(/\?site=demolished-long-ago/);
		await expect(page.getByRole('status').filter({ hasText: 'no longer in the dataset' })).toBeVisible();
	});
});

test.describe('any address', () => {
	// Unknown addresses: the static host answers 404 for their data, and Kit logs "Not found".
	test.use({ expectedErrors: ['status of 404', 'Not found'] });
	test('a malformed or unknown address shows a readable page with a way back to the story', async ({
		page
	}) => {
		const storyTitle = page.getByRole('heading', { level: 1, name: /what one article says/ });
		const back = page.getByRole('link', { name: 'Open the map' });
		// Percent signs that decode to nothing, or to broken UTF-8, anywhere in the path.
		const segment = fc.stringMatching(/^(%[0-9A-F]{0,2}|[a-z-]){1,6}$/);
		const random = fc.sample(fc.array(segment, { minLength: 1, maxLength: 3 }), { numRuns: 3, seed: 1 });
		const paths = [
			'/site/%E0%A4%A',
			'/incident/%E0%A4%A?lang=fr',
			'/claim/%',
			'/%E0%A4%A',
			'/site/%E0%A4%A/more',
			'/nowhere',
			...random.map((s) => '/' + s.join('/'))
		];
		for (const path of paths) {
			await page.goto(path);
			// An item's address hands over to the story itself (the error page's location.replace):
			// wait for it, or the next address's navigation would race it.
			if (/^\/(site|incident|claim)\/[^/?]+(\?|$)/.test(path)) {
				await page.waitForURL((url) => !/^\/(site|incident|claim)\//.test(url.pathname));
				// An older link's language goes along (an English browser would otherwise move to /en/).
				const fr = path.includes('lang=fr');
				await expect(page.locator('html'), path).toHaveAttribute('lang', fr ? 'fr' : 'en');
				await expect(
					fr ? page.getByRole('heading', { level: 1, name: /ce que dit un article/ }) : storyTitle,
					path
				).toBeVisible();
				continue;
			}
			// Any other says so and links to it.
			await expect(storyTitle.or(back).first(), path).toBeVisible();
			if (await back.isVisible()) {
				await expect(page.getByText('This address leads to no page.')).toBeVisible();
				await back.click();
				await expect(storyTitle, path).toBeVisible();
			}
		}
	});

	test('a stray "%" in the fragment throws nothing: the page shows, the console stays clean', async ({
		page
	}) => {
		const storyTitle = page.getByRole('heading', { level: 1, name: /what one article says/ });
		const back = page.getByRole('link', { name: 'Open the map' });
		for (const path of ['/no/such#%', '/200.html#%', '/#%E0%A4%A', '/en/#12/43.24/76.94%']) {
			await page.goto(path);
			await expect(storyTitle.or(back).first(), path).toBeVisible();
			// Once the app has started: the guard fails the test on any error it throws.
			await page.waitForLoadState('networkidle');
		}
	});

	test('the fallback page (200.html) is readable even when the app cannot start', async ({ browser }) => {
		for (const options of [{ javaScriptEnabled: false }, {}]) {
			const context = await browser.newContext(options);
			const page = await context.newPage();
			// With scripts on, the app is made to fail: its start script never arrives.
			await page.route(/\/entry\/start\.[^/]+\.js$/, (route) => route.abort());
			await page.goto('/no/such/page');
			await expect(page.getByRole('link', { name: 'Open the map: Almaty, January 2022' })).toBeVisible();
			await expect(page.getByText('Cette page ne peut pas s’afficher.')).toBeVisible();
			await context.close();
		}
	});
});

test('Share copies the current link and says so', async ({ page, context, baseURL }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	await page.goto('/?site=akimat');
	await mapIdle(page);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('Share falls back to a link to copy by hand when the clipboard is refused', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(() => {
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new Error('denied')) }
		});
	});
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	await expect(page.getByRole('textbox', { name: 'Copy this link:' })).toHaveValue(page.url());
});

test.describe('embedded in another site', () => {
	// e2e/fixtures/embed.html, served on its own port: another origin, like a news site.
	const EMBEDDER = 'http://localhost:4174';
	test.use({ otherOrigins: [EMBEDDER] });
	test('the map works inside an iframe, with a compact panel and the Embed snippet', async ({
		page,
		baseURL
	}) => {
		await page.goto('/?site=akimat');
		await page.getByRole('button', { name: 'Embed' }).click();
		const snippet = await page.getByRole('textbox', { name: 'Embed this view in another page' }).inputValue();
		// An English reader's view, so the English page.
		expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/en\/\?site=akimat&amp;embed=1/);
		// The test page uses the same snippet.
		const fixture = readFileSync('e2e/fixtures/embed.html', 'utf8');
		expect(fixture).toContain(`src="${baseURL}/en/?site=akimat&amp;embed=1"`);

		await page.goto(`${EMBEDDER}/embed.html`);
		expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByRole('link', { name: /Open the full map/ })).toBeVisible();
		await expect(frame.getByRole('heading', { level: 2, name: /Almaty City Akimat/ })).toBeVisible();
		await expect(frame.locator('[data-ready="true"]')).toBeVisible();
		// No page chrome inside the frame.
		await expect(frame.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
		await frame.getByRole('checkbox', { name: /Fires/ }).uncheck();
		await expect(frame.getByRole('checkbox', { name: /Fires/ })).not.toBeChecked();
	});
});

test('every item page is prerendered with its text, sources and preview tags', async () => {
	const items = [
		...sites.map((id) => ['site', id]),
		...incidents.map((id) => ['incident', id]),
		...claims.map((id) => ['claim', id])
	];
	for (const [kind, id] of items) {
		const html = readFileSync(`build/${kind}/${id}.html`, 'utf8');
		const meta = (prop: string) =>
			new RegExp(`<meta (?:property|name)="${prop}" content="([^"]+)"`).exec(html)?.[1] ?? null;
		expect(meta('og:title'), `${kind}/${id}`).toBeTruthy();
		expect(meta('og:description'), `${kind}/${id}`).toBeTruthy();
		expect(meta('twitter:card')).toBe('summary_large_image');
		expect(html).toContain(`<link rel="canonical" href="http://localhost:4173/${kind}/${id}"`);
		const image = meta('og:image')!;
		expect(image).toBe(`http://localhost:4173/og/${kind}/${id}.png`);
		const png = readFileSync(`build${new URL(image).pathname}`);
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect(png.length).toBeGreaterThan(5000);
		// The item's own card is in the HTML itself, before any script runs.
		expect(html).toMatch(/<article class="card[^"]*"|<li class="claim[^"]* selected/);
	}
	expect(existsSync('build/og/story.png')).toBe(true);
	// A claim page carries its sources as links with readable names.
	const claim = readFileSync('build/claim/two-beheaded.html', 'utf8');
	expect(claim).toContain('>inbusiness.kz</a>');
});
