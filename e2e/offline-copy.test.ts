// The offline copy (npm run pack): the built file, copied alone into an empty folder, opened from
// disk with the network off. Anything it asks for besides itself (and the data:/blob: addresses it
// makes) fails the test.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { outsideReferences } from '../scripts/lib/offline-html';
import { STORY_DIR } from '../src/lib/server/geodata';
import {
	claimLink,
	expect,
	mapIdle,
	onMap,
	readingButton,
	readingHeading,
	readingStart,
	serviceWorkerReady,
	test
} from './locators';

/** What npm run pack wrote (build/offline/index.json): the file of each language. */
const copies = JSON.parse(readFileSync('build/offline/index.json', 'utf8')) as {
	version: string;
	siteUrl: string;
	files: { lang: 'fr' | 'en'; file: string; sha256: string }[];
};

// Every address the story's data cites (sources, archives, the sites' references).
const cited = readdirSync(STORY_DIR)
	.filter((f) => /\.(json|geojson)$/.test(f))
	.flatMap((f) => readFileSync(join(STORY_DIR, f), 'utf8').match(/https?:\/\/[^\s"]+/g) ?? []);
for (const { file } of copies.files)
	test(`${file} refers to nothing outside itself but the site and the sources`, () => {
		const html = readFileSync(join('build/offline', file), 'utf8');
		expect(outsideReferences(html, { siteUrl: copies.siteUrl, cited })).toEqual([]);
	});

// The guard in locators.ts (page errors, policy refusals, console errors) holds; file: is checked below.
test.use({ otherOrigins: ['file://'] });

let dir = '';
test.beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'offline-copy-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Copies the language's file alone into the empty folder and opens it offline at `suffix`. */
async function openCopy(page: Page, lang: 'fr' | 'en', suffix = '') {
	const { file } = copies.files.find((f) => f.lang === lang)!;
	copyFileSync(join('build/offline', file), join(dir, file));
	const self = pathToFileURL(join(dir, file)).href;
	const strays: string[] = [];
	page.on('request', (r) => {
		const url = r.url();
		if (url.split(/[?#]/)[0] !== self && !/^(data|blob):/.test(url)) strays.push(url);
	});
	await page.context().setOffline(true);
	await page.goto(self + suffix);
	return { strays };
}

test('the French copy opens from disk offline: streets, a claim and its history, the reading, a CSV', async ({
	page
}) => {
	// The browser is English (locators.ts): the file's language wins.
	const { strays } = await openCopy(page, 'fr', '#16/43.2375/76.946');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('note')).toContainText(`version des données ${copies.version}`);

	// The square's streets, at zoom 16, from the archive inside the file.
	await mapIdle(page);
	const streets = await onMap(page, (map) => ({
		zoom: Math.round(map.getZoom()),
		names: map
			.queryRenderedFeatures({ layers: ['streets-road-label'] })
			.map((f) => String(f.properties.name)),
		buildings: map.queryRenderedFeatures().filter((f) => f.sourceLayer === 'building').length
	}));
	expect(streets.zoom).toBe(16);
	expect(streets.names).toContain('ул. Сатпаева');
	expect(streets.buildings).toBeGreaterThan(5);

	// A claim opens in place, with its dated history; its link stays inside the file.
	const claim = claimLink(page, /Deux de ces membres des forces de sécurité/, 'fr');
	expect(await claim.getAttribute('href')).toMatch(/^\?claim=two-beheaded/);
	await claim.click();
	await expect(page).toHaveURL(/\?(.*&)?claim=two-beheaded/);
	const item = page.getByRole('listitem').filter({ hasText: 'Deux de ces membres' });
	await expect(item.locator('.history')).toContainText('Démenti');

	// What it shares (the link, the embed code) is the live site's page for the same view.
	const site = (await page.getByRole('note').getByRole('link').getAttribute('href'))!;
	expect(site).toMatch(/^https?:\/\//);
	await page.getByRole('button', { name: 'Intégrer' }).click();
	const snippet = await page.getByRole('dialog').getByRole('textbox').inputValue();
	expect(snippet).toContain(`src="${site}?`);
	expect(snippet).toMatch(/[?;]claim=two-beheaded/);
	await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();

	// The guided reading steps.
	await readingStart(page).click();
	const first = await readingHeading(page).textContent();
	await readingButton(page, 'next').click();
	await expect(readingHeading(page)).not.toHaveText(first!);
	await readingButton(page, 'close').click();

	// A CSV export downloads from the file.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.csv$/);
	expect(readFileSync((await download.path())!, 'utf8').split('\r\n')[0]).toMatch(/^kind,id,layer,/);

	expect(strays).toEqual([]);
});

test('the English copy is in English, says its data version, and asks for nothing else', async ({ page }) => {
	const { strays } = await openCopy(page, 'en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('note')).toContainText(
		`Offline copy of “Almaty, January 2022”, data version ${copies.version}`
	);
	await mapIdle(page);
	expect(strays).toEqual([]);
});

/** The footer's download of the copy; resolves to the SHA-256 of what it gave. */
async function downloaded(page: Page, file: string) {
	const link = page.getByRole('link', { name: /^Download for offline reading \(\d+\.\d MB\)$/ });
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe(file);
	return createHash('sha256')
		.update(readFileSync((await download.path())!))
		.digest('hex');
}

const en = copies.files.find((f) => f.lang === 'en')!;

/** Visits the English page online, checks `online` there, then reloads it offline. */
async function visitThenReloadOffline(page: Page, context: BrowserContext, online: () => Promise<void>) {
	await page.goto('/en/');
	await mapIdle(page);
	await serviceWorkerReady(page);
	await online();
	await context.setOffline(true);
	await page.reload();
	await mapIdle(page);
}

test.describe('after one plain visit', () => {
	test('the site keeps the reader’s copy: offline, after a reload, it downloads', async ({
		page,
		context
	}) => {
		await visitThenReloadOffline(page, context, async () => {
			await expect(page.getByText(en.sha256)).toBeVisible();
			// Nothing was downloaded by hand: the service worker kept the copy on its own.
			await expect(page.getByText(/^Kept on this device/)).toBeVisible();
		});
		await expect(page.getByText(/^Kept on this device/)).toBeVisible();
		expect(await downloaded(page, en.file)).toBe(en.sha256);
		await context.setOffline(false);
	});
});

test.describe('when the browser asks to save data', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() =>
			Object.defineProperty(navigator, 'connection', { value: { saveData: true } })
		);
	});
	test('the copy is not kept, and offline the footer says so instead of a download that fails', async ({
		page,
		context
	}) => {
		await visitThenReloadOffline(page, context, () =>
			expect(page.getByText(/^Not kept on this device, as your browser asks to save data/)).toBeVisible()
		);
		await expect(
			page.getByText('Not available offline: this device did not keep it, as your browser asks to save data.')
		).toBeVisible();
		await expect(page.getByRole('link', { name: /^Download for offline reading/ })).toHaveCount(0);
		expect(await page.evaluate((path) => caches.match(path).then((r) => !!r), `/offline/${en.file}`)).toBe(
			false
		);
		await context.setOffline(false);
	});
});
