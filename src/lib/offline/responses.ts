// What the service worker keeps and answers with: whole downloads only, and byte ranges sliced
// from them (the Cache API stores no 206, and PMTiles reads its archive by ranges).

/**
 * The byte range a `Range` header asks of a file of `size` bytes, as [first, last] inclusive;
 * null when it lies past the end (416); undefined when it is not one range of bytes (a server may
 * then send the whole file).
 */
export function byteRange(header: string, size: number): [number, number] | null | undefined {
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (!m[1] && !m[2])) return undefined;
	if (!m[1]) {
		// bytes=-n: the last n bytes.
		const n = Number(m[2]);
		return n === 0 || size === 0 ? null : [Math.max(0, size - n), size - 1];
	}
	const first = Number(m[1]);
	const last = m[2] ? Number(m[2]) : Infinity;
	if (last < first) return undefined;
	if (first >= size) return null;
	return [first, Math.min(last, size - 1)];
}

/**
 * Answers a range request from a cached whole file. `blob()` on a cached response hands over the
 * stored body without reading it, and slicing a Blob copies nothing: a hit costs the range, not
 * the file.
 */
export async function sliced(whole: Response, header: string): Promise<Response> {
	const body = await whole.blob();
	const range = byteRange(header, body.size);
	if (range === undefined) return new Response(body, { status: 200, headers: whole.headers });
	if (range === null)
		return new Response(null, { status: 416, headers: { 'content-range': `bytes */${body.size}` } });
	const [first, last] = range;
	const headers = new Headers({
		'content-type': whole.headers.get('content-type') ?? 'application/octet-stream',
		'content-range': `bytes ${first}-${last}/${body.size}`,
		'content-length': String(last - first + 1),
		'accept-ranges': 'bytes'
	});
	// PMTiles compares a strong ETag across reads: keep the file's own.
	for (const name of ['etag', 'last-modified']) {
		const value = whole.headers.get(name);
		if (value) headers.set(name, value);
	}
	return new Response(body.slice(first, last + 1), { status: 206, statusText: 'Partial Content', headers });
}

/**
 * The response as a whole file worth keeping, or null: only a 200 whose body arrived in full (a
 * dropped connection rejects, or leaves fewer bytes than Content-Length announced). A 206 is
 * part of a file, never the file.
 */
export async function complete(response: Response): Promise<Response | null> {
	if (response.status !== 200) return null;
	const body = await response.blob().catch(() => null);
	if (!body) return null;
	const announced = response.headers.get('content-length');
	// A compressed body's Content-Length counts the bytes on the wire, not these.
	if (announced !== null && !response.headers.has('content-encoding') && Number(announced) !== body.size)
		return null;
	return new Response(body, { status: 200, statusText: response.statusText, headers: response.headers });
}
