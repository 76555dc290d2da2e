// The built site as `npm run preview` (scripts/serve.js) serves it, as the README's "Deploy" asks of
// a production host: precompressed copies when accepted, caching by kind of file, its headers.
// Plain HTTP, no browser: node:http shows exactly what was sent (fetch would decompress it).
import { test as base, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

// No page here: the guard's browser page (locators.ts) would only be in the way.
const test = base;

interface Sent {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

function send(baseURL: string, path: string, headers: Record<string, string> = {}): Promise<Sent> {
	return new Promise((resolve, reject) => {
		get(new URL(path, baseURL), { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
			);
		}).on('error', reject);
	});
}

const entry = () =>
	`/_app/immutable/entry/${readdirSync('build/_app/immutable/entry').find((f) => f.endsWith('.js'))}`;
const ONE_YEAR = 'public, max-age=31536000, immutable';

test('text files are sent as the browser accepts them, brotli or gzip, from copies made at build time', async ({
	baseURL
}) => {
	for (const [path, file] of [
		['/', 'build/index.html'],
		['/site/airport', 'build/site/airport.html'],
		['/en/', 'build/en/index.html'],
		['/en/site/airport', 'build/en/site/airport.html'],
		[entry(), `build${entry()}`],
		['/map/incidents.geojson', 'build/map/incidents.geojson'],
		['/basemap/land.geojson', 'build/basemap/land.geojson']
	] as const) {
		const raw = readFileSync(file);
		const br = await send(baseURL!, path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
		expect(br.headers['content-encoding'], path).toBe('br');
		expect(br.headers.vary, path).toBe('Accept-Encoding');
		expect(brotliDecompressSync(br.body).equals(raw), path).toBe(true);
		expect(br.body.length, path).toBeLessThan(raw.length / 2);
		const gz = await send(baseURL!, path, { 'Accept-Encoding': 'gzip' });
		expect(gz.headers['content-encoding'], path).toBe('gzip');
		expect(gunzipSync(gz.body).equals(raw), path).toBe(true);
		const plain = await send(baseURL!, path);
		expect(plain.headers['content-encoding'], path).toBeUndefined();
		expect(plain.body.equals(raw), path).toBe(true);
	}
});

test('config.json, the street archive and images are never precompressed', async ({ baseURL }) => {
	for (const file of ['config.json', 'basemap/streets.pmtiles', 'og/story.png', 'icon-512.png']) {
		expect(existsSync(`build/${file}`), file).toBe(true);
		expect(existsSync(`build/${file}.br`) || existsSync(`build/${file}.gz`), file).toBe(false);
		const sent = await send(baseURL!, `/${file}`, { 'Accept-Encoding': 'gzip, br' });
		expect(sent.headers['content-encoding'], file).toBeUndefined();
	}
});

test('a range of the street archive is of its own bytes, whatever the browser accepts', async ({
	baseURL
}) => {
	const raw = readFileSync('build/basemap/streets.pmtiles');
	const sent = await send(baseURL!, '/basemap/streets.pmtiles', {
		Range: 'bytes=127-16510',
		'Accept-Encoding': 'gzip, br'
	});
	expect(sent.status).toBe(206);
	expect(sent.headers['content-encoding']).toBeUndefined();
	expect(sent.headers['content-range']).toBe(`bytes 127-16510/${raw.length}`);
	expect(sent.body.equals(raw.subarray(127, 16511))).toBe(true);
});

test('hashed files are kept a year; pages, data, config, worker and manifest are asked again', async ({
	baseURL
}) => {
	expect((await send(baseURL!, entry())).headers['cache-control']).toBe(ONE_YEAR);
	for (const path of [
		'/',
		'/site/airport',
		'/__data.json',
		'/map/incidents.geojson',
		'/basemap/streets.pmtiles',
		'/config.json',
		'/service-worker.js',
		'/manifest.webmanifest',
		'/no/such/page'
	]) {
		const sent = await send(baseURL!, path, { 'Accept-Encoding': 'br' });
		expect(sent.status, path).toBe(200);
		expect(sent.headers['cache-control'], path).toBe('no-cache');
		// Asked again, it costs a 304 when nothing changed, with the same rule.
		const again = await send(baseURL!, path, {
			'Accept-Encoding': 'br',
			'If-None-Match': sent.headers.etag!
		});
		expect(again.status, path).toBe(304);
		expect(again.headers['cache-control'], path).toBe('no-cache');
	}
});

test('every file comes with the headers a host should send, and nothing that would stop embedding', async ({
	baseURL
}) => {
	for (const path of ['/', '/site/airport', entry(), '/config.json']) {
		const { headers } = await send(baseURL!, path);
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy'], path).toBe(
			'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
		);
		expect(headers['x-frame-options'], path).toBeUndefined();
	}
});
