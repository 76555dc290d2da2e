// Rough timing of the offline copy against the served site: time to the map's first drawn view (the
// `story:first-view` mark) in a fresh Chromium context, served site and file alternating. Run with
// the site served (npm run preview) after npm run build:
//   tsx scripts/time-offline-copy.ts [runs] [site address]
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const site = process.argv[3] ?? 'http://127.0.0.1:4173/';
const { files } = JSON.parse(readFileSync('build/offline/index.json', 'utf8')) as {
	files: { lang: string; file: string }[];
};
const file = pathToFileURL(resolve('build/offline', files.find((f) => f.lang === 'fr')!.file)).href;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function firstView(url: string): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
	const page = await context.newPage();
	await page.goto(url);
	// As a string: tsx would add its own helpers to a function, which the page does not have.
	const ms = (await page.evaluate(`new Promise((done) => {
		const seen = () => performance.getEntriesByName('story:first-view')[0]?.startTime;
		const poll = () => (seen() ? done(seen()) : setTimeout(poll, 20));
		poll();
	})`)) as number;
	await context.close();
	return ms;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times = { site: [] as number[], file: [] as number[] };
await firstView(site); // warm-up
for (let i = 0; i < runs; i++) {
	times.site.push(await firstView(site));
	times.file.push(await firstView(file));
}
await browser.close();
const s = median(times.site);
const f = median(times.file);
console.log(
	`first view, median of ${runs}: site ${s.toFixed(0)} ms, offline copy ${f.toFixed(0)} ms, ratio ${(f / s).toFixed(2)}`
);
console.log(JSON.stringify(times));
