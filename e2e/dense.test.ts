// A dense story (more incidents than the timeline draws one by one) built to open on the counts
// worked out at build time and load its incident records once the map is idle, or as soon as the
// reader asks for one (by default only past RECORDS_LATER_ABOVE, 20,000 incidents; set lower here
// so the test stays quick). Built from a seeded synthetic story, as the benchmark builds its own.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Route } from '@playwright/test';
import { writeSyntheticStory } from '../bench/synthetic';
import { DENSE_ABOVE } from '../src/lib/data/story-index';
import { claimsRegion, expect, layerToggle, mapReady, test } from './locators';

const PORT = 4176;
const OUT = 'test-results/dense';
const N = DENSE_ABOVE * 4;
let server: ChildProcess | undefined;
/** Incidents per layer, counted here from the story's own file, and the layers shown by default. */
let perLayer: Record<string, number> = {};
let shownByDefault = 0;

// No service worker: it would fetch the records itself, out of the page's routes (holdRecords).
test.use({ baseURL: `http://127.0.0.1:${PORT}`, serviceWorkers: 'block' });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(180_000);
	mkdirSync(OUT, { recursive: true });
	const story = writeSyntheticStory(N, `${OUT}/story`);
	const read = (f: string) => JSON.parse(readFileSync(`${story}/${f}`, 'utf8'));
	perLayer = {};
	for (const f of read('incidents.geojson').features as { properties: { layer: string } }[])
		perLayer[f.properties.layer] = (perLayer[f.properties.layer] ?? 0) + 1;
	const layers = read('story.json').layers as { id: string; defaultVisible: boolean }[];
	shownByDefault = layers.filter((l) => l.defaultVisible).reduce((n, l) => n + (perLayer[l.id] ?? 0), 0);
	execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], {
		env: {
			...process.env,
			STORY_DIR: story,
			ITEM_PAGES: '0',
			BUILD_DIR: `${OUT}/app`,
			RECORDS_LATER_ABOVE: String(DENSE_ABOVE)
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	server = spawn('node', ['scripts/serve.js', `${OUT}/app`, String(PORT)], { stdio: 'ignore' });
	await expect
		.poll(
			() =>
				fetch(`http://127.0.0.1:${PORT}/`).then(
					(r) => r.status,
					() => 0
				),
			{ timeout: 10_000 }
		)
		.toBe(200);
});
test.afterAll(() => void server?.kill());

/** Holds the incident records' download until the test lets it go. */
async function holdRecords(page: import('@playwright/test').Page) {
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	let asked = false;
	await page.route(/\/_app\/immutable\/assets\/incidents\.[\w-]+\.json$/, async (route: Route) => {
		asked = true;
		await released;
		await route.continue();
	});
	return { release, asked: () => asked };
}

const timeline = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Timeline' });
const en = (n: number) => n.toLocaleString('en-GB');
const countText = (n: number) => new RegExp(`\\b${en(n)} of ${en(N)} incidents`);

test('opens on the build-time counts, draws the map, then loads the records', async ({ page }) => {
	const held = await holdRecords(page);
	// What the prerendered page says is what the page goes on saying before and after the records.
	const html = await (await page.request.get('/')).text();
	const shown = shownByDefault;
	expect(shown).toBeGreaterThan(0);
	// Prerendered in French (the story's language); the English page must then say the same.
	const fr = (n: number) => n.toLocaleString('fr-FR');
	expect(html.includes(`${fr(shown)} incidents sur ${fr(N)}`), 'the prerendered count').toBe(true);

	await page.goto('/');
	await expect(mapReady(page)).toBeVisible();
	await expect(timeline(page)).toContainText(countText(shown));
	await expect(layerToggle(page, new RegExp(`^Fires \\(${perLayer.fires}\\)$`))).toBeVisible();
	await expect(claimsRegion(page).getByRole('listitem').first()).toBeVisible();
	// The map is drawn, and asked for the records only then.
	await expect.poll(held.asked).toBe(true);

	// Stepping before the records are here waits for them, then steps.
	await timeline(page).getByRole('button', { name: /Next/ }).click();
	await expect(timeline(page)).toContainText('Loading incidents…');
	// So does a download: it says so, then saves what is shown, records included.
	const exports = page.getByRole('group', { name: 'Download' });
	const downloaded = page.waitForEvent('download');
	await exports.getByRole('button', { name: 'GeoJSON' }).click();
	await expect(exports).toContainText('Loading incidents…');
	held.release();
	const saved = JSON.parse(readFileSync((await (await downloaded).path())!, 'utf8')) as {
		features: { properties: { kind: string } }[];
	};
	expect(saved.features.filter((f) => f.properties.kind === 'incident')).toHaveLength(shown);
	await expect(exports).not.toContainText('Loading incidents…');
	await expect(page.getByRole('heading', { level: 2, name: /^Synthetic incident \d+$/ })).toBeVisible();
	await expect(timeline(page)).toContainText(countText(shown));
	await expect(page).toHaveURL(/[?&]incident=synthetic-\d+/);

	// With the records, what is shown is counted from them, and agrees with the build-time counts.
	await layerToggle(page, /^Fires/).uncheck();
	await expect(timeline(page)).toContainText(countText(shown - perLayer.fires!));
});

test('a link to an incident opens on it once the records are in', async ({ page }) => {
	await page.goto('/?incident=synthetic-7');
	await expect(page.getByRole('heading', { level: 2, name: 'Synthetic incident 7' })).toBeVisible();
	await expect(page).toHaveURL(/[?&]incident=synthetic-7\b/);
	// Not reported as gone while it was on its way.
	await expect(page.getByText(/no longer in the data/)).toHaveCount(0);
});

test('a link to an incident the data does not have says so, once that is known', async ({ page }) => {
	await page.goto(`/?incident=synthetic-${N + 5}`);
	await expect(page.getByText(new RegExp(`no longer in the data.*synthetic-${N + 5}`))).toBeVisible();
});
