/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline after the first visit. Each deployment precaches its app shell, story page, data, fonts
// and basemap (the street archive whole) into a cache named after its version, once a page has drawn
// its first view, then waits: the page offers to reload, and only then does the new worker take over
// and delete the old cache, so a page never mixes old code with new data. Item pages are cached as
// they are visited; one never visited falls back to the app. Only this deployment's own files are
// ever cached, each under its path alone, so no query string makes a new entry.
import { build, files, prerendered, version } from '$service-worker';
import { LANGS, langFolder } from '$lib/data/langs';
import { PRECACHE_MAY_START } from '$lib/offline/first-view';
import { complete, sliced } from '$lib/offline/responses';
import { deploymentOfPage } from '$lib/offline/deployment';
import { copyToKeep, UNREACHABLE_HEADER } from '$lib/offline/copy-keeping';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `claims-map-${version}`;
const BASE = new URL(sw.registration.scope).pathname.replace(/\/$/, '');

// Preview cards and print insets are for other sites and printers, and .woff fonts for browsers
// too old for service workers: not worth everyone's bytes.
const skip = (path: string) => path.startsWith(`${BASE}/og/`) || path.endsWith('.woff');
// The story page in each language (`/`, `/en/`), its map data and the fallback page; other
// prerendered pages are cached when visited.
const storyPages = LANGS.map((l) => `${BASE}/${langFolder(l)}`);
const corePages = prerendered.filter(
	(p) =>
		[...storyPages, ...storyPages.map((page) => `${page}__data.json`)].includes(p) ||
		(p.startsWith(`${BASE}/map/`) && p.endsWith('.geojson'))
);
// `files` holds raw names; requests are percent-encoded.
const PRECACHE = [...build, ...files.map((f) => encodeURI(f)), ...corePages, `${BASE}/200.html`].filter(
	(p) => !skip(p)
);
/** The only paths ever cached: what this deployment serves. Anything else goes to the network alone. */
const KNOWN = new Set([...PRECACHE, ...prerendered.filter((p) => !skip(p))]);
/** Edited by the deployer without a rebuild: the network's copy first, the cached one offline. */
// The offline copies (npm run pack, written after this worker is built, so in none of its lists): the
// list of them is asked of the network first, like config.json; a copy (~4 MB) is not precached but
// kept once a page asks for it (the reader's language, after the precache: OfflineDownload.svelte)
// or once it was downloaded or sent, and then given again with no connection.
const COPIES = `${BASE}/offline/`;
const NETWORK_FIRST = new Set([`${BASE}/config.json`, `${COPIES}index.json`]);
/** How long an install waits for a page's word (a page of an older deployment never gives it). */
const WAIT_FOR_FIRST_VIEW_MS = 10_000;

/** Resolves when a page says its first view is drawn (UpdateBanner): the precache may start. */
let mayStart = () => {};
const drawn = new Promise<void>((resolve) => (mayStart = resolve));

/** Downloads a file whole, past the HTTP cache (a new deployment must not precache the old file). */
async function download(cache: Cache, path: string): Promise<void> {
	const response = await fetch(new Request(path, { cache: 'reload' }));
	const whole = await complete(response);
	if (!whole) throw new Error(`${path} was not downloaded whole (HTTP ${response.status})`);
	await cache.put(path, whole);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			// No open page to wait for (an update checked in the background): start at once.
			const noPage = sw.clients
				.matchAll({ type: 'window', includeUncontrolled: true })
				.then((pages) => (pages.length ? new Promise<void>(() => {}) : undefined));
			await Promise.race([drawn, noPage, new Promise((r) => setTimeout(r, WAIT_FOR_FIRST_VIEW_MS))]);
			const cache = await caches.open(CACHE);
			const failed = (await Promise.allSettled(PRECACHE.map((path) => download(cache, path)))).find(
				(r) => r.status === 'rejected'
			);
			if (failed) {
				// Half a precache is no offline app: the next visit's install starts again, clean.
				await caches.delete(CACHE);
				throw failed.reason;
			}
			// The list of offline copies, so the footer offers them with no connection; a build
			// without them (npm run pack not run) is no failure.
			await download(cache, `${COPIES}index.json`).catch(() => undefined);
		})()
	);
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
	if (event.data === PRECACHE_MAY_START) mayStart();
	const copy = copyToKeep(event.data, COPIES);
	// The answer (kept or not) goes back on the port the page sent.
	if (copy) event.waitUntil(keepCopy(copy).then((kept) => event.ports[0]?.postMessage(kept)));
});

/** Keeps an offline copy whole, unless it is kept already; true once it is. */
async function keepCopy(path: string): Promise<boolean> {
	const cache = await caches.open(CACHE);
	if (!(await cache.match(path))) await mend(path);
	return !!(await cache.match(path));
}

/** Keeps a response under `path` if it is a whole file. */
async function keep(path: string, response: Response): Promise<void> {
	const whole = await complete(response);
	if (whole) await (await caches.open(CACHE)).put(path, whole);
}

/**
 * Pages of another deployment (one this worker had not cached, fetched after a new deployment),
 * by client: their requests go to the network alone, so they never get this deployment's cached
 * files, and they are never kept as this deployment's. In memory only (a worker stopped and started
 * again forgets them); a newer page's own files have names or addresses of their own anyway.
 */
const foreign = new Set<string>();

/** Downloads in progress to mend the cache, so concurrent range requests that miss start one each. */
const mending = new Map<string, Promise<void>>();
function mend(path: string): Promise<void> {
	let pending = mending.get(path);
	if (!pending) {
		pending = caches
			.open(CACHE)
			.then((cache) => download(cache, path))
			.catch(() => {})
			.finally(() => mending.delete(path));
		mending.set(path, pending);
	}
	return pending;
}

async function respond(event: FetchEvent): Promise<Response> {
	const { request } = event;
	const path = new URL(request.url).pathname;
	const isPage = request.mode === 'navigate';
	const known = KNOWN.has(path) || path.startsWith(COPIES);
	if ((!isPage && !known) || foreign.has(event.clientId)) return fetch(request);
	const cache = await caches.open(CACHE);
	if (NETWORK_FIRST.has(path)) {
		try {
			// Past the HTTP cache too, so a host's heuristic freshness does not hide the edit.
			const response = await fetch(isPage ? request : new Request(request, { cache: 'no-cache' }));
			event.waitUntil(keep(path, response.clone()));
			return response;
		} catch (error) {
			const hit = await cache.match(path);
			if (hit) return hit;
			throw error;
		}
	}
	// By path: a page's query is read in the browser (`/?site=harbour` is `/`), and no other query
	// may add an entry.
	const hit = (await cache.match(path)) ?? (isPage ? await cache.match(`${path}.html`) : undefined);
	const range = request.headers.get('range');
	if (hit) return range ? sliced(hit, range) : hit;
	if (range) {
		// Asked of the network as asked (a range); the cache is mended with one whole download.
		if (known) event.waitUntil(mend(path));
		return fetch(request);
	}
	try {
		const response = await fetch(request);
		// Decided before the page gets its response, so its first requests already know.
		if (isPage && response.ok && (await deploymentOfPage(response.clone())) !== version) {
			foreign.add(event.resultingClientId);
			// A newer deployment is out: its worker is fetched now, not at the next check.
			event.waitUntil(sw.registration.update().catch(() => {}));
		} else if (known) event.waitUntil(keep(path, response.clone()));
		return response;
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
	if (event.request.method === 'HEAD' && url.origin === sw.location.origin) {
		// The footer's probe of whether the site answers (OfflineDownload.svelte).
		const unreachable = () => new Response(null, { status: 204, headers: { [UNREACHABLE_HEADER]: '1' } });
		event.respondWith(fetch(event.request).catch(unreachable));
		return;
	}
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(respond(event));
});
