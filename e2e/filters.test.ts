// Filters that agree: the places list and the claims follow the layers and the days, and say so;
// the time axis ends with the events; the day handles sit on the axis; guided reading's step bar
// stays in view on phones.
import { readFileSync } from 'node:fs';
import {
	claimsRegion,
	expect,
	inViewUncovered,
	placeLink,
	readingButton,
	readingHeading,
	test
} from './locators';

const claims = JSON.parse(readFileSync('geodata/almaty-2022/claims.json', 'utf8')) as {
	incidents?: string[];
	date: { start: string; end?: string };
}[];
const incidents = (
	JSON.parse(readFileSync('geodata/almaty-2022/incidents.geojson', 'utf8')) as {
		features: { properties: { site?: string; when: { start: string; end?: string } } }[];
	}
).features.map((f) => f.properties);
const steps = (JSON.parse(readFileSync('geodata/almaty-2022/reading.json', 'utf8')) as { steps: unknown[] })
	.steps.length;
const timeline = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Timeline' });
const day = (iso: string) => iso.slice(0, 10);
const onFifth = (w: { start: string; end?: string }) =>
	day(w.start) <= '2022-01-05' && day(w.end ?? w.start) >= '2022-01-05';

test('with every layer off, the places have no incident and only claims tied to none stay', async ({
	page
}) => {
	await page.goto('/?layers=');
	await expect(timeline(page).getByText(`0 of ${incidents.length} incidents`)).toBeVisible();
	const untied = claims.filter((c) => !c.incidents?.length).length;
	await expect(
		claimsRegion(page).getByText(`${untied} of ${claims.length}, for the layers chosen`)
	).toBeVisible();
	await expect(
		claimsRegion(page).getByText(/claims are tied to no incident: no layer hides them/)
	).toBeVisible();
	const square = incidents.filter((i) => i.site === 'republic-square').length;
	await expect(placeLink(page, /Republic Square/)).toContainText(`0 of ${square} incidents`);
	await expect(page.getByText('Incidents for the layers chosen')).toBeVisible();
});

test('on 5 January alone, the place counts and the claims follow the day', async ({ page }) => {
	await page.goto('/?from=2022-01-05&to=2022-01-05&lang=fr');
	const square = incidents.filter((i) => i.site === 'republic-square');
	const shown = square.filter((i) => onFifth(i.when)).length;
	expect(shown).toBeLessThan(square.length);
	await expect(placeLink(page, /Place de la République/)).toContainText(
		`${shown} incident${shown > 1 ? 's' : ''} sur ${square.length}`
	);
	await expect(page.getByText('Incidents pour les jours choisis')).toBeVisible();
	await expect(claimsRegion(page, 'fr').getByText(/^\d+ sur \d+, pour les jours choisis$/)).toBeVisible();
	// Turning a layer off narrows both again, and both say so.
	await page.getByRole('checkbox', { name: /^Incendies/ }).uncheck();
	await expect(claimsRegion(page, 'fr').getByText(/, pour les couches et les jours choisis$/)).toBeVisible();
	await expect(page.getByText('Incidents pour les couches et les jours choisis')).toBeVisible();
});

test('the axis ends near the last event, the later days still reachable', async ({ page }) => {
	await page.goto('/');
	const marks = timeline(page).locator('svg.marks');
	const box = (await marks.boundingBox())!;
	const lastRight = await marks
		.locator('g.mark')
		.evaluateAll((gs) => Math.max(...gs.map((g) => g.getBoundingClientRect().right)));
	// Before fitting, a 13-day axis ended seven empty days (more than half its width) after the last event.
	expect(box.x + box.width - lastRight).toBeLessThan(box.width * 0.3);
	// The folded later days are one slot, the To handle's last stop.
	const to = timeline(page).getByRole('slider', { name: 'To' });
	await expect(to).toHaveAttribute('aria-valuetext', '13 Jan');
	await to.focus();
	await page.keyboard.press('ArrowLeft');
	await expect(page).toHaveURL(/[?&]to=2022-01-06/);
});

test('the From and To handles sit on the axis’s days', async ({ page }) => {
	await page.goto('/?from=2022-01-03&to=2022-01-05');
	const labels = timeline(page).locator('.days span');
	for (const [name, text] of [
		['From', '3 Jan'],
		['To', '5 Jan']
	] as const) {
		const handle = timeline(page).getByRole('slider', { name });
		const thumb = await handle.evaluate((el: HTMLInputElement) => {
			const r = el.getBoundingClientRect();
			// The thumb's width in Timeline.svelte's CSS (computed styles do not reach the thumb).
			const w = 16;
			const f = (+el.value - +el.min) / (+el.max - +el.min);
			return r.left + w / 2 + f * (r.width - w);
		});
		const label = (await labels.filter({ hasText: new RegExp(`^${text}$`) }).boundingBox())!;
		expect(Math.abs(thumb - (label.x + label.width / 2))).toBeLessThan(2);
	}
});

for (const [width, height] of [
	[390, 844],
	[360, 740]
] as const)
	test(`at ${width}x${height} the reading's Next is in view on every step, one Previous/Next pair on screen`, async ({
		page
	}) => {
		// Twelve steps, each waiting for its move: more than one page's default minute under load.
		test.setTimeout(180_000);
		await page.setViewportSize({ width, height });
		await page.goto('/?step=1');
		for (let i = 1; i <= steps; i++) {
			await expect(readingHeading(page)).toContainText(/\S/);
			const next = readingButton(page, i < steps ? 'next' : 'finish');
			await expect.poll(() => inViewUncovered(next)).toBe(true);
			await expect.poll(() => inViewUncovered(readingButton(page, 'previous'))).toBe(true);
			// The timeline's own Previous/Next step aside meanwhile.
			await expect(timeline(page).getByRole('button', { name: /Next/ })).toBeHidden();
			if (i < steps) {
				const before = await readingHeading(page).textContent();
				await next.click();
				await expect(readingHeading(page)).not.toHaveText(before!);
			}
		}
	});
