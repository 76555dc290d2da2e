// A second story (geodata/test-island, made up, with no street extract) builds and renders from its
// folder alone: `STORY=test-island npm run build`, in a copy of the project (story-build.ts), served
// on a port of its own. One build for the whole spec.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	claimItems,
	expect,
	layerToggle,
	mapIdle,
	placeLink,
	renderedIncidents,
	test,
	waitForServer
} from './locators';
import { projectCopy, type StoryBuild } from './story-build';

const PORT = 4176;
const FIRST = 'geodata/almaty-2022';
let copy: StoryBuild;
let DIR: string;
let server: ChildProcess;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	copy = projectCopy();
	copy.run('npm', ['run', '-s', 'build'], { STORY: 'test-island', BUILD_DIR: 'build-test-island' });
	DIR = join(copy.root, 'build-test-island');
	server = spawn('node', ['scripts/serve.js', DIR, String(PORT)], { stdio: 'ignore' });
	await waitForServer(`http://127.0.0.1:${PORT}/`, `the server of ${DIR}`, 10, 200);
});
test.afterAll(() => {
	server?.kill();
	copy?.remove();
});

/** The first story's place names, read from its data, and the words issue 25 names. */
function firstStoryWords(): string[] {
	const sites = JSON.parse(readFileSync(join(FIRST, 'sites.geojson'), 'utf8')) as {
		features: { properties: { name: Record<string, string> } }[];
	};
	const names = sites.features.flatMap((f) => Object.values(f.properties.name));
	return [
		...new Set([
			...names.map((n) => n.replace(/\s*\(.*\)\s*$/, '')),
			'Almaty',
			'Kazakhstan',
			'akimat',
			'Furmanov',
			'Nazarbayev',
			'Zhanaozen'
		])
	].filter((w) => w.length >= 4);
}

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]
	);
}

test('its pages and data name none of the first story’s places', () => {
	const words = firstStoryWords().map((w) => w.toLowerCase());
	const texts = files(DIR).filter((f) => /\.(html|json|geojson|webmanifest|svg)$/.test(f));
	expect(texts.length).toBeGreaterThan(20);
	const found = texts.flatMap((f) => {
		const text = readFileSync(f, 'utf8').toLowerCase();
		return words.filter((w) => text.includes(w)).map((w) => `${f}: ${w}`);
	});
	expect(found).toEqual([]);
});

test('the story page shows its places, layers, claims and map, credited as having no street map', async ({
	page
}) => {
	const streets: string[] = [];
	page.on('request', (r) => r.url().includes('streets.pmtiles') && streets.push(r.url()));
	await page.goto('/en/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Test Island');
	await expect(placeLink(page, /Test Island harbour/)).toBeVisible();
	await expect(placeLink(page, /Test Island town hall/)).toBeVisible();
	await expect(layerToggle(page, /Fires/)).toBeChecked();
	await expect(layerToggle(page, /Outages/)).toBeChecked();
	await expect(claimItems(page).filter({ hasText: 'made up' })).toHaveCount(2);
	await mapIdle(page);
	expect(await renderedIncidents(page)).toEqual(['harbour-blackout', 'town-hall-fire']);
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('no street map for this story');
	expect(streets).toEqual([]);
});

test('its links lead to its own pages', async ({ page, request }) => {
	const fallback = readFileSync(join(DIR, '200.html'), 'utf8');
	await page.goto('/en/');
	const hrefs = await page
		.locator('a[href]')
		.evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
	const own = hrefs.filter((h) => h.startsWith(`http://127.0.0.1:${PORT}/`)).map((h) => h.split('#')[0]!);
	expect(own).toContain(`http://127.0.0.1:${PORT}/en/site/test-harbour`);
	expect(own).toContain(`http://127.0.0.1:${PORT}/en/claim/town-hall-burned`);
	for (const href of new Set(own)) {
		const res = await request.get(href);
		expect(res.status(), href).toBe(200);
		// A link to a page the build does not have would get the fallback page instead.
		expect(await res.text(), href).not.toBe(fallback);
	}
	await page.goto('/en/incident/town-hall-fire');
	await expect(page.getByRole('heading', { name: /Fire at the town hall/ }).first()).toBeVisible();
});

test('its exports carry its claims under its own name', async ({ page }) => {
	await page.goto('/en/');
	await mapIdle(page);
	const get = async (name: string) => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^test-story_\d{4}-\d{2}-\d{2}_v2019-03-20\.1\./);
		return readFileSync((await download.path())!, 'utf8');
	};
	const geo = JSON.parse(await get('GeoJSON')) as {
		features: { properties: { kind: string; id: string } }[];
	};
	expect(
		geo.features
			.filter((f) => f.properties.kind === 'claim')
			.map((f) => f.properties.id)
			.sort()
	).toEqual(['harbour-went-dark', 'town-hall-burned']);
	expect(await get('CSV')).toContain('2019-03-11T23:30-02:00');
	const reviews = JSON.parse(await get('ClaimReview (JSON-LD)'));
	expect(JSON.stringify(reviews)).toContain('Test Island claims map (test fixture)');
});
