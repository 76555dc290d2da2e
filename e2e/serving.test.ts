// The built site as `npm run preview` (scripts/serve.js) serves it, as the README's "Deploy" asks of
// a production host: precompressed copies when accepted, caching by kind of file, its headers.
// Plain HTTP, no browser: node:http shows exactly what was sent (fetch would decompress it).
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A path sent as written (`//`), which `new URL` would tidy or refuse. */
function sendAsIs(baseURL: string, path: string): Promise<number> {
	const { hostname, port } = new URL(baseURL);
	return new Promise((resolve, reject) => {
		request({ hostname, port, path }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode!));
		})
			.on('error', reject)
			.end();
	});
}

/** Bytes written straight to the socket (a request no HTTP client would form): the status line back. */
function sendRaw(baseURL: string, raw: string): Promise<string> {
	const { hostname, port } = new URL(baseURL);
	return new Promise((resolve, reject) => {
		let got = '';
		const socket = connect(Number(port), hostname, () => socket.write(raw));
		socket.setEncoding('latin1');
		socket.on('data', (d: string) => (got += d));
		socket.on('close', () => resolve(got.split('\r\n', 1)[0]!));
		socket.on('error', reject);
		socket.setTimeout(5_000, () => socket.destroy());
	});
}

/** A serve.js of this test's own, on a private port, so a crash would show as its exit. */
async function ownServer(dir: string, port: number): Promise<{ server: ChildProcess; url: string }> {
	const server = spawn(process.execPath, ['scripts/serve.js', dir, String(port)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		server.stdout!.once('data', () => resolve());
		server.once('exit', (code) => reject(new Error(`serve.js exited (${code})`)));
	});
	return { server, url: `http://127.0.0.1:${port}` };
}

const entry = () =>
	`/_app/immutable/entry/${readdirSync('build/_app/immutable/entry').find((f) => f.endsWith('.js'))}`;
const mapFiles = JSON.parse(readFileSync('build/map/files.json', 'utf8')) as Record<string, string>;
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
		[`/${mapFiles.incidents}`, `build/${mapFiles.incidents}`],
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
		`/${mapFiles.incidents}`,
		'/map/files.json',
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

const STREETS = '/basemap/streets.pmtiles';

test('a range is checked as RFC 9110 says: suffix, single byte, unsatisfiable, other units', async ({
	baseURL
}) => {
	const raw = readFileSync(`build${STREETS}`);
	const size = raw.length;
	const ask = (range: string, more: Record<string, string> = {}) =>
		send(baseURL!, STREETS, { Range: range, ...more });

	const one = await ask('bytes=0-0');
	expect([one.status, one.headers['content-range'], one.body.length]).toEqual([206, `bytes 0-0/${size}`, 1]);
	const last = await ask('bytes=-100');
	expect([last.status, last.headers['content-range']]).toEqual([
		206,
		`bytes ${size - 100}-${size - 1}/${size}`
	]);
	expect(last.body.equals(raw.subarray(size - 100))).toBe(true);
	// A suffix longer than the file is the whole file; an end past it stops at its last byte.
	expect((await ask(`bytes=-${size + 5}`)).headers['content-range']).toBe(`bytes 0-${size - 1}/${size}`);
	expect((await ask(`bytes=${size - 2}-${size + 99}`)).body.equals(raw.subarray(size - 2))).toBe(true);
	for (const range of ['bytes=100-10', `bytes=${size}-`, 'bytes=-0']) {
		const sent = await ask(range);
		expect([sent.status, sent.headers['content-range']], range).toEqual([416, `bytes */${size}`]);
	}
	// Not a byte range: ignored, the whole file.
	for (const range of ['lines=1-2', 'bytes=abc', 'bytes=']) {
		const sent = await ask(range);
		expect(sent.status, range).toBe(200);
		expect(sent.body.equals(raw), range).toBe(true);
	}
	// Several ranges: the first is sent, as a single part that says which.
	const several = await ask('bytes=10-19, 40-49');
	expect([several.status, several.headers['content-range']]).toEqual([206, `bytes 10-19/${size}`]);
	expect(several.body.equals(raw.subarray(10, 20))).toBe(true);
});

test('If-Range: the range only while the file is the one the reader has, by ETag or date', async ({
	baseURL
}) => {
	const whole = await send(baseURL!, STREETS);
	const { etag, 'last-modified': modified } = whole.headers;
	expect(whole.headers['content-type']).toBe('application/vnd.pmtiles');
	const ask = (ifRange: string) => send(baseURL!, STREETS, { Range: 'bytes=0-9', 'If-Range': ifRange });
	expect((await ask(etag!)).status).toBe(206);
	expect((await ask(modified!)).status).toBe(206);
	for (const stale of ['"another-file"', `W/${etag}`, 'Thu, 01 Jan 2015 00:00:00 GMT']) {
		const sent = await ask(stale);
		expect(sent.status, stale).toBe(200);
		expect(sent.body.length, stale).toBe(whole.body.length);
	}
});

test('a file that is not there is a 404, a page that is not there the app; a refused coding is not sent', async ({
	baseURL
}) => {
	const gone = await send(baseURL!, '/_app/immutable/entry/gone.js');
	expect(gone.status).toBe(404);
	expect(gone.headers['cache-control']).toBe('no-store');
	// An address that names no page, even one that cannot be decoded, gets the app, which says so.
	for (const path of ['/no/such/page', '/site/%E0%A4%A', '/%']) {
		const page = await send(baseURL!, path);
		expect(page.status, path).toBe(200);
		expect(page.body.equals(readFileSync('build/200.html')), path).toBe(true);
	}
	const refused = await send(baseURL!, '/', { 'Accept-Encoding': 'br;q=0, gzip' });
	expect(refused.headers['content-encoding']).toBe('gzip');
});

test('a request the server cannot read is a 400 for it alone', async ({ baseURL }) => {
	expect(await sendAsIs(baseURL!, '//')).toBe(400);
	expect(await sendAsIs(baseURL!, '//evil.example/')).toBe(400);
	expect(await sendAsIs(baseURL!, '/../package.json')).toBe(400);
	expect(await sendRaw(baseURL!, 'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe(
		'HTTP/1.1 400 Bad Request'
	);
	expect(await sendRaw(baseURL!, 'GET / HTTP/1.1\r\nHost x\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
	expect((await send(baseURL!, '/')).status).toBe(200);
});

test('config.json is read afresh on every request: its new length and a new ETag', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'serve-'));
	const { server, url } = await ownServer(dir, 4177);
	try {
		writeFileSync(join(dir, 'config.json'), '{"street":null}');
		const first = await send(url, '/config.json');
		expect(first.body.toString()).toBe('{"street":null}');
		const edited = '{"street":null,"note":"edited by the deployer, longer than before"}';
		writeFileSync(join(dir, 'config.json'), edited);
		const again = await send(url, '/config.json', { 'If-None-Match': first.headers.etag! });
		expect(again.status).toBe(200);
		expect(again.headers.etag).not.toBe(first.headers.etag);
		expect(Number(again.headers['content-length'])).toBe(Buffer.byteLength(edited));
		expect(again.body.toString()).toBe(edited);
	} finally {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('under load, the requests that used to end the server are answered and it goes on', async () => {
	const { server, url } = await ownServer('build', 4178);
	let exited = false;
	server.once('exit', () => (exited = true));
	try {
		const ok = () => send(url, STREETS, { Range: 'bytes=0-16383' }).then((s) => s.status);
		const crashes = () =>
			Promise.all([
				send(url, STREETS, { Range: 'bytes=100-10' }).then((s) => s.status),
				sendAsIs(url, '//'),
				sendRaw(url, 'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n').then((l) =>
					Number(l.split(' ')[1])
				)
			]);
		// 200 ranged reads in waves of 20, with the crash requests sent in the middle.
		const statuses: number[] = [];
		let crashAnswers: number[] = [];
		for (let wave = 0; wave < 10; wave++) {
			const batch = Array.from({ length: 20 }, ok);
			if (wave === 5) crashAnswers = await crashes();
			statuses.push(...(await Promise.all(batch)));
		}
		expect(crashAnswers).toEqual([416, 400, 400]);
		expect(statuses).toEqual(Array(200).fill(206));
		expect((await send(url, '/')).status).toBe(200);
		expect(exited).toBe(false);
	} finally {
		server.kill();
	}
});
