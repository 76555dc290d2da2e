// A reader whose system is set to dark gets a dark page (the map stays light), with text that passes
// axe's contrast check and a claims scale whose four statuses still look different.
import AxeBuilder from '@axe-core/playwright';
import { expect, mapIdle, test } from './locators';

test.use({ colorScheme: 'dark' });

for (const [name, path] of [
	['the dashboard, in French', '/?lang=fr'],
	['an incident’s card, in English', '/en/incident/akimat-fire']
] as const) {
	test(`dark: ${name} is dark and its text passes axe’s contrast check`, async ({ page }) => {
		await page.goto(path);
		await mapIdle(page);
		const ground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const [r, g, b] = ground.match(/\d+/g)!.map(Number);
		expect(r! + g! + b!, `the page's ground, ${ground}, is dark`).toBeLessThan(3 * 48);
		const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
		// The check ran over the panel's text, not over an empty page.
		expect(results.passes.find((p) => p.id === 'color-contrast')?.nodes.length).toBeGreaterThan(50);
		expect(
			results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`))
		).toEqual([]);
	});
}

test('dark: the four claim statuses keep four different colours', async ({ page }) => {
	await page.goto('/en/');
	const colours = await Promise.all(
		['confirmed', 'attributed', 'unverified', 'disputed'].map((status) =>
			page
				.locator(`.badge.${status}`)
				.first()
				.evaluate((e) => {
					const s = getComputedStyle(e);
					return `${s.color} on ${s.backgroundColor}`;
				})
		)
	);
	expect(new Set(colours).size).toBe(4);
	// And not the light page's: the palette did change.
	expect(colours).not.toContain('rgb(20, 83, 45) on rgb(220, 252, 231)');
});
