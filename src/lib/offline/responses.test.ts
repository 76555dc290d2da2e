import { describe, expect, it } from 'vitest';
import { byteRange, complete, sliced } from './responses';

describe('byteRange', () => {
	it('reads a range, an open range and a suffix', () => {
		expect(byteRange('bytes=0-99', 1000)).toEqual([0, 99]);
		expect(byteRange('bytes=900-', 1000)).toEqual([900, 999]);
		expect(byteRange('bytes=-10', 1000)).toEqual([990, 999]);
	});
	it('clips a range that runs past the end, and refuses one that starts past it', () => {
		expect(byteRange('bytes=990-2000', 1000)).toEqual([990, 999]);
		expect(byteRange('bytes=1000-1010', 1000)).toBeNull();
	});
	it('leaves what is not one range of bytes to the whole file', () => {
		for (const h of ['bytes=0-9,20-29', 'items=0-9', 'bytes=9-0', 'bytes=-'])
			expect(byteRange(h, 1000)).toBeUndefined();
	});
});

const file = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const cached = () =>
	new Response(file, { headers: { 'content-type': 'application/vnd.pmtiles', etag: '"v1"' } });

describe('sliced', () => {
	it('answers a range with exactly its bytes, as a server would', async () => {
		const r = await sliced(cached(), 'bytes=100-199');
		expect(r.status).toBe(206);
		expect(r.headers.get('content-range')).toBe('bytes 100-199/1000');
		expect(r.headers.get('content-length')).toBe('100');
		expect(r.headers.get('etag')).toBe('"v1"');
		expect(new Uint8Array(await r.arrayBuffer())).toEqual(file.slice(100, 200));
	});
	it('says 416 for a range past the end', async () => {
		const r = await sliced(cached(), 'bytes=5000-');
		expect(r.status).toBe(416);
		expect(r.headers.get('content-range')).toBe('bytes */1000');
	});
});

describe('complete', () => {
	it('keeps a 200 whose body arrived in full', async () => {
		const r = await complete(new Response(file, { headers: { 'content-length': '1000' } }));
		expect(r?.status).toBe(200);
		expect((await r!.arrayBuffer()).byteLength).toBe(1000);
	});
	it('refuses a truncated body, a part of a file, and an error', async () => {
		expect(
			await complete(new Response(file.slice(0, 600), { headers: { 'content-length': '1000' } }))
		).toBeNull();
		expect(
			await complete(
				new Response(file.slice(0, 100), { status: 206, headers: { 'content-range': 'bytes 0-99/1000' } })
			)
		).toBeNull();
		expect(await complete(new Response('not found', { status: 404 }))).toBeNull();
	});
	it('refuses a body whose connection dropped', async () => {
		const body = new ReadableStream({
			start(c) {
				c.enqueue(file.slice(0, 10));
				c.error(new Error('connection reset'));
			}
		});
		expect(await complete(new Response(body))).toBeNull();
	});
});
