// The embed a newsroom pastes (e2e/fixtures/embed.html, served on its own port: another origin, as a
// news site is): it sizes itself, shows its title, "Open the full map" and its card with no scroll
// box, and a CMS that reads oEmbed gets it from an item's link.
import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './locators';

const EMBEDDER = 'http://localhost:4174';
test.use({ otherOrigins: [EMBEDDER] });

/** The iframe's height on the host page, and the height of the app inside it. */
async function heights(page: Page) {
	const iframe = (await page.locator('iframe').boundingBox())!.height;
	const content = await page
		.frames()
		.find((f) => f !== page.mainFrame())!
		.evaluate(() => document.querySelector('.app')!.getBoundingClientRect().height);
	return { iframe: Math.round(iframe), content: Math.ceil(content) };
}

/** Waits until the iframe is exactly as tall as its content; returns that height. */
async function fitted(page: Page) {
	await expect
		.poll(async () => {
			const h = await heights(page);
			return h.iframe === h.content;
		})
		.toBe(true);
	return (await heights(page)).iframe;
}

/** Elements inside the frame that scroll their own content (a scroll trap on a phone). */
const scrollBoxes = (page: Page) =>
	page
		.frames()
		.find((f) => f !== page.mainFrame())!
		.evaluate(() => [
			...[...document.querySelectorAll('*')]
				.filter((el) => {
					const y = getComputedStyle(el).overflowY;
					return (y === 'auto' || y === 'scroll') && el.scrollHeight > el.clientHeight + 1;
				})
				.map((el) => `${el.tagName}.${el.className}`),
			...(document.documentElement.scrollHeight > innerHeight + 1 ? ['the page itself'] : [])
		]);

/** Whether the locator inside the frame is within the iframe's box on the host page. */
async function inFrameBox(page: Page, locator: ReturnType<FrameLocator['locator']>) {
	const frame = (await page.locator('iframe').boundingBox())!;
	const box = (await locator.boundingBox())!;
	return box.y >= frame.y - 1 && box.y + box.height <= frame.y + frame.height + 1;
}

test('the Embed dialog’s code is what the news site pasted: the iframe and its resize script', async ({
	page
}) => {
	await page.goto('/?site=akimat');
	await page.getByRole('button', { name: 'Embed' }).click();
	const snippet = await page.getByRole('textbox', { name: 'Embed this view in another page' }).inputValue();
	// An English reader's view, so the English page; the camera's hash is the one part that varies.
	const [iframe, script] = snippet.split('\n');
	expect(iframe).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/en\/\?site=akimat&amp;embed=1/);
	expect(script).toMatch(/^<script>.*datawrapper-height.*<\/script>$/);
	const fixture = readFileSync('e2e/fixtures/embed.html', 'utf8');
	expect(fixture).toContain(iframe!.replace(/#[^"]*"/, '"'));
	expect(fixture).toContain(script);
});

for (const width of [390, 680])
	test(`at ${width} wide, the iframe takes its content’s height and follows it; title, link and card show`, async ({
		page,
		baseURL
	}) => {
		await page.setViewportSize({ width, height: 800 });
		await page.goto(`${EMBEDDER}/embed.html`);
		expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
		const frame = page.frameLocator('iframe');
		await expect(frame.locator('[data-ready="true"]')).toBeVisible();
		const card = frame.getByRole('heading', { level: 2, name: /Almaty City Akimat/ });
		await expect(card).toBeVisible();
		const first = await fitted(page);
		// Not the snippet's 600 px: the page said its own height.
		expect(first).not.toBe(600);
		expect(await scrollBoxes(page)).toEqual([]);
		for (const shown of [
			frame.getByRole('heading', { level: 1, name: /Almaty, January 2022/ }),
			frame.getByRole('link', { name: /Open the full map/ }),
			card,
			frame.locator('[data-ready="true"]')
		])
			expect(await inFrameBox(page, shown)).toBe(true);
		// No page chrome inside the frame.
		await expect(frame.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);

		// The card grows (its note on the position unfolds): so does the iframe.
		await frame.getByText('Where the position comes from').click();
		await expect.poll(async () => (await heights(page)).iframe).toBeGreaterThan(first);
		expect(await fitted(page)).toBeGreaterThan(first);
		expect(await scrollBoxes(page)).toEqual([]);

		// The map's credit covers little of the map.
		const cover = await frame.locator('[data-ready="true"]').evaluate((map) => {
			const credit = map.querySelector('.maplibregl-ctrl-attrib')!.getBoundingClientRect();
			const box = map.getBoundingClientRect();
			return (credit.width * credit.height) / (box.width * box.height);
		});
		expect(cover).toBeLessThan(0.12);

		// Still a live map: the legend unfolds, a layer turns off.
		await frame.locator('summary', { hasText: 'Layers and legend' }).click();
		await frame.getByRole('checkbox', { name: /Fires/ }).uncheck();
		await expect(frame.getByRole('checkbox', { name: /Fires/ })).not.toBeChecked();
	});

test('a claim’s embed shows that claim alone, under the map', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto('/en/?claim=two-beheaded&embed=1');
	await expect(page.locator('[data-ready="true"]')).toBeVisible();
	const claims = page.locator('li.claim');
	await expect(claims).toHaveCount(1);
	await expect(claims).toContainText('beheaded');
	await expect(page.getByRole('region', { name: 'Claims' })).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Timeline' })).toHaveCount(0);
	const map = (await page.locator('[data-ready="true"]').boundingBox())!;
	expect((await claims.boundingBox())!.y).toBeGreaterThan(map.y + map.height);
});

test.describe('oEmbed', () => {
	// The pages' oEmbed addresses are the public site's (PUBLIC_SITE_URL, localhost here).
	const SITE = 'http://localhost:4173';
	test.use({ otherOrigins: [EMBEDDER, SITE] });

	test('an item’s page and the story page announce their oEmbed, which embeds the same view', async ({
		request
	}) => {
		for (const [page, path, src] of [
			['/en/site/akimat', '/oembed/en/site/akimat.json', `${SITE}/en/?site=akimat&amp;embed=1`],
			[
				'/claim/two-beheaded',
				'/oembed/claim/two-beheaded.json',
				`${SITE}/?lang=fr&amp;claim=two-beheaded&amp;embed=1`
			],
			['/', '/oembed/story.json', `${SITE}/?lang=fr&amp;embed=1`]
		]) {
			const html = await (await request.get(page!)).text();
			const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
			expect(link, page).toBe(SITE + path);
			const response = await request.get(path!);
			expect(response.headers()['content-type']).toMatch(/^application\/json/);
			const oembed = await response.json();
			expect(oembed).toMatchObject({ version: '1.0', type: 'rich' });
			expect(oembed.html).toContain(`<iframe src="${src}"`);
		}
	});

	test('a CMS that reads oEmbed turns the pasted link into an embed that sizes itself', async ({
		page,
		request
	}) => {
		const { html } = await (await request.get('/oembed/en/site/akimat.json')).json();
		await page.setViewportSize({ width: 680, height: 800 });
		await page.goto(`${EMBEDDER}/embed.html`);
		// The CMS writes the oEmbed html into its article, in place of the pasted link.
		await page.setContent(`<!doctype html><title>CMS</title><p>An article.</p>${html}`);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByRole('heading', { level: 2, name: /Almaty City Akimat/ })).toBeVisible();
		expect(await fitted(page)).not.toBe(600);
	});
});
