// Content first: a folded legend, a card that opens on its claims' statuses, and a Share on each claim.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import {
	claimItems,
	claimsRegion,
	evidenceKey,
	expect,
	layerToggle,
	legend,
	legendKeySummary,
	mapIdle,
	openLegendKey,
	test
} from './locators';

const STATUS_WORDS = {
	en: { Confirmed: 'confirmed', Attributed: 'attributed', Unverified: 'unverified', Disputed: 'disputed' },
	fr: { Confirmé: 'confirmed', Attribué: 'attributed', 'Non vérifié': 'unverified', Contesté: 'disputed' }
} as const;

/** Statuses counted from the claims list's badges, as the reader sees them there. */
async function listStatuses(page: Page, lang: 'fr' | 'en') {
	const words = STATUS_WORDS[lang] as Record<string, string>;
	const counts: Record<string, number> = {};
	for (const text of await claimsRegion(page, lang).locator('li.claim > .meta').allTextContents()) {
		const word = Object.keys(words).find((w) => text.includes(w));
		expect(word, text).toBeDefined();
		counts[words[word!]!] = (counts[words[word!]!] ?? 0) + 1;
	}
	return counts;
}

/** Statuses as the card's first line states them: "Its 15 claims: ✓ Confirmed (7) “” Attributed (6)…". */
async function cardStatuses(page: Page, lang: 'fr' | 'en') {
	const line = page.getByRole('article').getByText(/^(Its|Ses|Son) /);
	const text = (await line.locator('..').innerText()).replace(/\s+/g, ' ');
	const total = Number(/(\d+) (claims|affirmations)/.exec(text)?.[1] ?? 1);
	const words = STATUS_WORDS[lang] as Record<string, string>;
	const counts: Record<string, number> = {};
	for (const [word, status] of Object.entries(words)) {
		const m = new RegExp(`${word}(?: \\((\\d+)\\))?`).exec(text);
		if (m) counts[status] = m[1] ? Number(m[1]) : total;
	}
	return { text, total, counts };
}

for (const lang of ['en', 'fr'] as const)
	for (const item of [
		'site=kazakhstan',
		'site=akimat',
		'incident=akimat-fire',
		'incident=nationwide-protests'
	])
		test(`${lang}: the card of ${item} opens on its claims' statuses, the list's own`, async ({ page }) => {
			await page.goto(lang === 'en' ? `/en/?${item}` : `/?lang=fr&${item}`);
			const card = page.getByRole('article');
			await expect(card).toBeVisible();
			await expect(claimItems(page, lang).first()).toBeVisible();
			const list = await listStatuses(page, lang);
			const { text, total, counts } = await cardStatuses(page, lang);
			expect(counts, text).toEqual(list);
			expect(total, text).toBe(await claimsRegion(page, lang).locator('li.claim').count());
			// One scale: the map's evidence words are the key's, not the card's.
			await expect(card).not.toContainText(/several independent sources|plusieurs sources indépendantes/);
		});

for (const [w, h] of [
	[1280, 800],
	[390, 844],
	[360, 740]
] as const)
	test(`at ${w}x${h} the legend is folded, its key one tap away, the layers at hand`, async ({ page }) => {
		await page.setViewportSize({ width: w, height: h });
		await page.goto('/en/');
		await mapIdle(page);
		const key = 'Confirmed by several independent sources';
		await expect(legend(page).getByText(key)).toBeHidden();
		await expect(evidenceKey(page, key)).toBeHidden();
		// Folded, the legend is the layers and one line: at 1280 it stood 400 px tall unfolded.
		const folded = (await legend(page).boundingBox())!.height;
		expect(folded).toBeLessThan(w > 1000 ? 200 : 260);
		// The layers still switch without opening anything.
		const fires = layerToggle(page, /^Fires/);
		await fires.uncheck();
		await expect(fires).not.toBeChecked();
		await fires.check();

		await legendKeySummary(page).click();
		await expect(legend(page).getByText(key)).toBeVisible();
		await expect(evidenceKey(page, key)).toBeVisible();
		await expect(legend(page).getByRole('list', { name: 'Claim status' })).toBeVisible();
		await openLegendKey(page);
		await legendKeySummary(page).click();
		await expect(legend(page).getByText(key)).toBeHidden();
	});

test('at 1280x800 the claims start within a screen and a little', async ({ page }) => {
	await page.goto('/en/');
	await mapIdle(page);
	const top = (await claimItems(page).first().boundingBox())!.y;
	// Under the unfolded legend they started at about 1,230 px.
	expect(top).toBeLessThan(1100);
});

test('a claim shares its own address', async ({ page, context, baseURL }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	await page.goto('/en/?site=akimat');
	await mapIdle(page);
	const claim = claimsRegion(page).locator('#claim-akimat-on-fire');
	await claim.getByRole('button', { name: 'Share this claim' }).click();
	await expect(claim.getByRole('status')).toHaveText('Link copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		`${baseURL}/en/claim/akimat-on-fire`
	);
	// The view's own Share is still the view's.
	expect(page.url()).toContain('site=akimat');
	await page.goto('/?lang=fr');
	await mapIdle(page);
	const fr = claimsRegion(page, 'fr').locator('#claim-akimat-on-fire');
	await fr.getByRole('button', { name: 'Partager cette affirmation' }).click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		`${baseURL}/claim/akimat-on-fire?lang=fr`
	);
});

test('in the embed a claim shares the full page’s address, by hand when the frame may not copy', async ({
	page,
	baseURL
}) => {
	await page.addInitScript(() =>
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) }
		})
	);
	// The embed of a claim shows that claim alone (no claims list in the frame).
	await page.goto('/en/?claim=akimat-on-fire&embed=1');
	await mapIdle(page);
	const claim = page.locator('#claim-akimat-on-fire');
	await claim.getByRole('button', { name: 'Share this claim' }).click();
	await expect(claim.getByRole('textbox', { name: 'Copy this link:' })).toHaveValue(
		`${baseURL}/en/claim/akimat-on-fire`
	);
});

test.describe('the offline copy', () => {
	test.use({ otherOrigins: ['file://'] });
	let dir = '';
	test.beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'content-copy-'))));
	test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('a claim shares its address inside the file, offline', async ({ page }) => {
		const copies = JSON.parse(readFileSync('build/offline/index.json', 'utf8')) as {
			files: { lang: string; file: string }[];
		};
		const { file } = copies.files.find((f) => f.lang === 'en')!;
		copyFileSync(join('build/offline', file), join(dir, file));
		const self = pathToFileURL(join(dir, file)).href;
		await page.addInitScript(() => {
			const shared: string[] = [];
			Object.defineProperty(window, 'shared', { value: shared });
			Object.defineProperty(navigator, 'clipboard', {
				value: { writeText: (text: string) => (shared.push(text), Promise.resolve()) }
			});
		});
		await page.context().setOffline(true);
		await page.goto(self);
		// The file is large: its buttons answer once the page has started.
		await mapIdle(page);
		const claim = claimsRegion(page).locator('#claim-akimat-on-fire');
		await claim.getByRole('button', { name: 'Share this claim' }).click();
		await expect(claim.getByRole('status')).toHaveText('Link copied');
		expect(await page.evaluate(() => (window as unknown as { shared: string[] }).shared)).toEqual([
			`${self}?claim=akimat-on-fire&lang=en`
		]);
	});
});
