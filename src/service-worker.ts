/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline after the first visit. Each deployment precaches its app shell, story page, data, fonts
// and basemap into a cache named after its version, then waits: the page offers to reload, and only
// then does the new worker take over and delete the old cache, so a page never mixes old code with
// new data. Item pages are cached as they are visited; one never visited falls back to the app.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `claims-map-${version}`;
const BASE = new URL(sw.registration.scope).pathname.replace(/\/$/, '');

// Preview cards and print insets are for other sites and printers, and .woff fonts for browsers
// too old for service workers: not worth everyone's bytes.
const skip = (path: string) => path.startsWith(`${BASE}/og/`) || path.endsWith('.woff');
// The story page, its map data and the fallback page; other prerendered pages are cached when visited.
const corePages = prerendered.filter((p) =>
	[
		`${BASE}/`,
		`${BASE}/__data.json`,
		`${BASE}/map/incidents.geojson`,
		`${BASE}/map/sites.geojson`,
		`${BASE}/map/areas.geojson`
	].includes(p)
);
// `files` holds raw names; requests are percent-encoded.
const PRECACHE = [...build, ...files.map((f) => encodeURI(f)), ...corePages, `${BASE}/200.html`].filter(
	(p) => !skip(p)
);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') sw.skipWaiting();
});

/** Answers a Range request from a cached full response (the Cache API will not store a 206). */
async function sliced(request: Request, full: Response): Promise<Response> {
	const m = /bytes=(\d+)-(\d*)/.exec(request.headers.get('range') ?? '');
	if (!m) return full;
	const body = await full.arrayBuffer();
	const start = Number(m[1]);
	const end = m[2] ? Math.min(Number(m[2]), body.byteLength - 1) : body.byteLength - 1;
	return new Response(body.slice(start, end + 1), {
		status: 206,
		headers: {
			'content-type': full.headers.get('content-type') ?? 'application/octet-stream',
			'content-range': `bytes ${start}-${end}/${body.byteLength}`,
			'content-length': String(end - start + 1)
		}
	});
}

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const cache = await caches.open(CACHE);
	const isPage = request.mode === 'navigate';
	// Pages are looked up by path: the query is read in the browser, so `/?site=akimat` is `/`.
	const key = isPage ? url.pathname : url.pathname + url.search;
	const hit = (await cache.match(key)) ?? (isPage ? await cache.match(`${url.pathname}.html`) : undefined);
	if (hit) return request.headers.has('range') ? sliced(request, hit) : hit;
	try {
		const response = await fetch(request.headers.has('range') ? new Request(url, { headers: {} }) : request);
		if (response.ok && response.status === 200 && !skip(url.pathname)) await cache.put(key, response.clone());
		return request.headers.has('range') && response.status === 200 ? sliced(request, response) : response;
	} catch (error) {
		// Offline and not cached: a page falls back to the app shell (200.html), whose error page sends
		// an item's link on to the story page with the item selected (`/site/x` → `/?site=x`).
		if (isPage) {
			const shell = await cache.match(`${BASE}/200.html`);
			if (shell) return shell;
		}
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(respond(event.request));
});
