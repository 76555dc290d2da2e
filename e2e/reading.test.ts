// Guided reading: the article paragraph by paragraph through `?step=`, its keys, Back/Forward, and
// a dashboard left as it was.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import {
	claimItems,
	expect,
	layerToggle,
	mapIdle,
	mapReady,
	onMap,
	readingButton,
	readingCard,
	readingHeading,
	readingStart,
	test
} from './locators';

const reading = JSON.parse(readFileSync('geodata/almaty-2022/reading.json', 'utf8')) as {
	steps: { paragraph: number; title: { en: string; fr: string } }[];
};
const claims = JSON.parse(readFileSync('geodata/almaty-2022/claims.json', 'utf8')) as {
	id: string;
	paragraph: number;
	text: { en: string };
	status: 'confirmed' | 'attributed' | 'unverified' | 'disputed';
}[];
const sites = JSON.parse(readFileSync('geodata/almaty-2022/sites.geojson', 'utf8')) as {
	features: { properties: { id: string }; geometry: { type: string; coordinates: unknown } }[];
};
const title = (n: number) => reading.steps.find((s) => s.paragraph === n)!.title.en;
const claimsOf = (n: number) => claims.filter((c) => c.paragraph === n);
const airport = sites.features.find((f) => f.properties.id === 'airport')!.geometry.coordinates as [
	number,
	number
];

test('?step=3 opens guided reading on paragraph 3 with its claims', async ({ page }) => {
	await page.goto('/?step=3');
	await expect(readingHeading(page)).toHaveText(title(3));
	await expect(readingCard(page)).toContainText('Paragraph 3 · step 3 of 12');
	const items = readingCard(page).getByRole('listitem');
	await expect(items).toHaveCount(claimsOf(3).length);
	await expect(items.first()).toContainText(claimsOf(3)[0]!.text.en);
	// Its status badge and attribution, as in the claims list.
	const badge = {
		confirmed: 'Confirmed',
		attributed: 'Attributed',
		unverified: 'Unverified',
		disputed: 'Disputed'
	};
	await expect(items.first().locator('.badge')).toContainText(badge[claimsOf(3)[0]!.status]);
	await expect(items.first()).toContainText('Attributed to');
});

test('a step says where the article’s own wording misleads, with the source that shows it', async ({
	page
}) => {
	await page.goto('/?step=9&lang=en');
	const note = readingCard(page).locator('.step-note');
	await expect(note).toContainText('The article reverses the order');
	await expect(note.getByRole('link', { name: 'Reuters (via Daily Mirror, Sri Lanka)' })).toBeVisible();
	await expect(readingCard(page).locator('.summary')).toContainText('our research: Reuters correspondents');
});

test('a country-wide paragraph shows the whole country, not a point in it', async ({ page }) => {
	await page.goto('/?step=3');
	await mapIdle(page);
	await expect(readingCard(page)).toContainText('the map shows all of Kazakhstan');
	// West (the Caspian coast) and east (Almaty) of the country at once.
	await expect
		.poll(() =>
			onMap(page, (map) => map.getBounds().contains([51, 47]) && map.getBounds().contains([80, 50]))
		)
		.toBe(true);
});

test('Next and Previous, and the arrow keys, move through the paragraphs', async ({ page }) => {
	await page.goto('/?step=4');
	await expect(readingHeading(page)).toHaveText(title(4));
	await readingButton(page, 'next').click();
	await expect(readingHeading(page)).toHaveText(title(5));
	// Focus goes to the new step's heading, so a screen reader reads it.
	await expect(readingHeading(page)).toBeFocused();
	// Paragraph 6 is the cross-promotion line: left out, and said so.
	await page.keyboard.press('ArrowRight');
	await expect(readingHeading(page)).toHaveText(title(7));
	await expect(readingCard(page)).toContainText('Paragraph 6 left out');
	await page.keyboard.press('ArrowLeft');
	await expect(readingHeading(page)).toHaveText(title(5));
	await readingButton(page, 'previous').click();
	await expect(readingHeading(page)).toHaveText(title(4));
	await expect(page).toHaveURL(/[?&]step=4(&|#|$)/);
});

test('the arrow keys keep their meaning in the timeline while reading', async ({ page }) => {
	await page.goto('/?step=2');
	await mapIdle(page);
	await page
		.getByRole('group', { name: /Step through the incidents/ })
		.getByRole('button', { name: /Next/ })
		.focus();
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/[?&]incident=/);
	await expect(readingHeading(page)).toHaveText(title(2));
});

test('Back and Forward step through the paragraphs', async ({ page }) => {
	await page.goto('/?step=2');
	await mapIdle(page);
	await readingButton(page, 'next').click();
	await expect(page).toHaveURL(/[?&]step=3(&|#|$)/);
	await readingButton(page, 'next').click();
	await expect(page).toHaveURL(/[?&]step=4(&|#|$)/);
	await page.goBack();
	await expect(readingHeading(page)).toHaveText(title(3));
	await page.goBack();
	await expect(readingHeading(page)).toHaveText(title(2));
	await page.goForward();
	await expect(readingHeading(page)).toHaveText(title(3));
});

test('Escape leaves guided reading and the dashboard is as it was', async ({ page }) => {
	const start = '/?site=akimat&layers=fires,gunfire#14/43.2385/76.9455';
	await page.goto(start);
	await mapIdle(page);
	const before = new URL(page.url());
	await readingStart(page).click();
	await expect(readingHeading(page)).toHaveText(title(1));
	await readingButton(page, 'next').click();
	await expect(readingHeading(page)).toHaveText(title(2));
	await mapIdle(page);
	await page.keyboard.press('Escape');
	await expect(readingCard(page)).toHaveCount(0);
	await expect(readingStart(page)).toBeFocused();
	await mapIdle(page);
	await expect.poll(() => new URL(page.url()).hash).toBe(before.hash);
	const after = new URL(page.url());
	expect([...after.searchParams].sort()).toEqual([...before.searchParams].sort());
	await expect(layerToggle(page, /Military/)).not.toBeChecked();
	await expect(page.getByRole('heading', { level: 2, name: /Akimat/ })).toBeVisible();
	await expect(claimItems(page)).toHaveCount(claims.filter((c) => c.id === 'akimat-on-fire').length);
});

test('the reading is offered first, and works in an embed', async ({ page }) => {
	await page.goto('/');
	await expect(readingStart(page)).toBeInViewport();
	await page.goto('/?embed=1');
	await expect(readingStart(page)).toBeVisible();
	await page.goto('/?embed=1&step=3');
	await expect(readingHeading(page)).toHaveText(title(3));
	await readingButton(page, 'next').click();
	await expect(readingHeading(page)).toHaveText(title(4));
	await expect(page).toHaveURL(/[?&]embed=1/);
	await expect(page).toHaveURL(/[?&]step=4(&|#|$)/);
});

test('with reduced motion the map jumps to the step’s places', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/?step=7');
	await mapIdle(page);
	await onMap(page, (map) => {
		const w = window as unknown as { moves: number };
		w.moves = 0;
		map.on('move', () => w.moves++);
	});
	await readingButton(page, 'next').click();
	await expect(readingHeading(page)).toHaveText(title(8));
	await expect
		.poll(() => onMap(page, (map, at) => map.getBounds().contains(at as [number, number]), airport))
		.toBe(true);
	// One jump: a flight would report a move on every frame.
	expect(await page.evaluate(() => (window as unknown as { moves: number }).moves)).toBe(1);
	expect(await onMap(page, (map) => map.getZoom())).toBeGreaterThan(12);
});

for (const [name, viewport] of [
	['phone', { width: 390, height: 844 }],
	['narrow phone', { width: 360, height: 740 }]
] as const)
	test(`on a ${name}, the step's text and the map are both in view`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto('/?step=8');
		await expect(mapReady(page)).toBeVisible();
		await readingButton(page, 'next').click();
		await expect(readingHeading(page)).toHaveText(title(9));
		const map = (await mapReady(page).boundingBox())!;
		const heading = (await readingHeading(page).boundingBox())!;
		expect(map.height).toBeGreaterThan(200);
		expect(map.y + map.height).toBeLessThanOrEqual(heading.y + 1);
		expect(heading.y + heading.height).toBeLessThanOrEqual(viewport.height);
		// Nothing covers the heading.
		const hit = await readingHeading(page).evaluate((h) => {
			const r = h.getBoundingClientRect();
			return h.contains(document.elementFromPoint(r.x + 10, r.y + r.height / 2));
		});
		expect(hit).toBe(true);
		// And nothing sideways-scrolls.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			viewport.width
		);
	});

test('no serious accessibility violations while reading', async ({ page }) => {
	await page.goto('/?step=7&lang=fr');
	await expect(readingHeading(page)).toHaveText(/akimat/);
	const results = await new AxeBuilder({ page }).include('main').analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
