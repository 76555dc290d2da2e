// Measures the bytes a reader downloads on a first visit (with the service worker's precache) and
// on a repeat visit, as served by a plain static host (this script's own server, no compression),
// with the gzip size of the same bodies alongside. `npm run measure-bytes` prints a Markdown table.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

const DIR = 'build';
if (!existsSync(`${DIR}/index.html`)) {
	console.error('No build/ found: run `npm run build` first.');
	process.exit(1);
}

interface Hit {
	path: string;
	bytes: number;
}
let log: Hit[] = [];
const assets = sirv(DIR, { etag: true, gzip: false, single: '200.html', extensions: ['html'] });
const server = createServer((req, res) => {
	let bytes = 0;
	const count = (chunk: unknown) => {
		if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk as Buffer);
	};
	const write = res.write.bind(res) as (...a: unknown[]) => boolean;
	const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		count(chunk);
		return write(chunk, ...rest);
	}) as ServerResponse['write'];
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		count(chunk);
		log.push({ path: new URL(req.url ?? '/', 'http://x').pathname, bytes });
		return end(chunk, ...rest);
	}) as ServerResponse['end'];
	assets(req, res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
	executablePath,
	args: ['--no-sandbox', '--disable-background-networking']
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
const page = await context.newPage();

async function visit(first: boolean) {
	if (first) await page.goto(origin + '/');
	else await page.reload();
	await page.waitForSelector('[data-ready="true"]', { timeout: 60_000 });
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		// The first visit ends when the precache is complete and the worker is in charge.
		if (!navigator.serviceWorker.controller)
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
		return reg.active?.state;
	});
	await page.waitForTimeout(1500);
}

const kindOf = (path: string) => {
	if (path.endsWith('.woff2') || path.endsWith('.woff')) return 'fonts';
	if (path.includes('/basemap/')) return 'basemap';
	if (path.endsWith('.css')) return 'CSS';
	if (path.endsWith('.mjs')) return 'maplibre-gl';
	// MapLibre is a chunk of its own (vite.config.ts), the only script this large.
	if (path.endsWith('.js'))
		return statSync(`${DIR}${path}`).size > 500_000 ? 'maplibre-gl' : 'our JavaScript';
	if (path.endsWith('.json') || path.endsWith('.html') || path === '/' || path.endsWith('.geojson'))
		return 'page and data';
	return 'other';
};
const gz = (path: string) => {
	const file =
		path === '/' ? `${DIR}/index.html` : existsSync(`${DIR}${path}`) ? `${DIR}${path}` : `${DIR}${path}.html`;
	return existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
};

function summarise(hits: Hit[]) {
	const by = new Map<string, { bytes: number; gzip: number; files: number }>();
	for (const h of hits) {
		const k = kindOf(h.path);
		const e = by.get(k) ?? { bytes: 0, gzip: 0, files: 0 };
		e.bytes += h.bytes;
		e.gzip += h.bytes ? gz(h.path) : 0;
		e.files += 1;
		by.set(k, e);
	}
	return by;
}

await visit(true);
const first = summarise(log);
log = [];
await visit(false);
const repeat = summarise(log);
await browser.close();
server.close();

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const kinds = ['maplibre-gl', 'our JavaScript', 'CSS', 'page and data', 'fonts', 'basemap', 'other'];
const total = (m: Map<string, { bytes: number; gzip: number }>) =>
	[...m.values()].reduce((a, e) => ({ bytes: a.bytes + e.bytes, gzip: a.gzip + e.gzip }), {
		bytes: 0,
		gzip: 0
	});
console.log('| part | first visit | (gzip) | repeat visit |');
console.log('|---|---|---|---|');
for (const k of kinds) {
	const f = first.get(k);
	const r = repeat.get(k);
	if (!f && !r) continue;
	console.log(`| ${k} | ${kb(f?.bytes ?? 0)} | ${kb(f?.gzip ?? 0)} | ${kb(r?.bytes ?? 0)} |`);
}
const tf = total(first);
const tr = total(repeat);
console.log(`| **total** | **${kb(tf.bytes)}** | **${kb(tf.gzip)}** | **${kb(tr.bytes)}** |`);
