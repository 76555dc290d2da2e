// `npm run bench [-- --quick] [-- --sizes=1000,10000,100000] [-- --runs=10]`
// Measures the app against a bare MapLibre page drawing the same style and data, on seeded synthetic
// stories built through the app's real data path. Runs alternate app/bare after one warm-up, in fresh
// contexts (1280×800, DPR 1, SwiftShader, no vsync, service workers off so a first visit is the same
// every time). Prints min/median/max and the app/bare ratio of medians; writes JSON to bench/results/.
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { build as esbuild } from 'esbuild';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { indexWithFacts } from '../src/lib/server/story-facts';
import { RECORDS_READY } from '../src/lib/data/story-index';
import { buildStyle, ALL_TIME } from '../src/lib/map/style';
import { loadStory } from '../src/lib/server/geodata';
import { loadStoryMap } from '../src/lib/server/story-map';
import { clientStoryMap } from '../src/lib/data/story-map-schema';
import { writeSyntheticStory } from './synthetic';
import { buildStreets } from '../scripts/build-streets';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = args.includes('--quick');
const SIZES = (flag('sizes') ?? (QUICK ? '1000' : '1000,10000,100000')).split(',').map(Number);
const RUNS = Number(flag('runs') ?? (QUICK ? 1 : 10));
const WARMUP = QUICK ? 0 : 1;
const REPS = QUICK ? 3 : 20;
// Lighthouse runs in a full run (skip with --no-lighthouse) and in a quick one only when asked.
const LIGHTHOUSE = args.includes('--lighthouse') || (!QUICK && !args.includes('--no-lighthouse'));
const OUT = 'bench/.out';
const RESULTS = 'bench/results';

type Kind = 'app' | 'bare';
type Sample = Record<string, number>;

function sh(cmd: string, argv: string[], env: Record<string, string> = {}) {
	execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
}

async function prepare(n: number) {
	const storyDir = writeSyntheticStory(n, `${OUT}/story-${n}`);
	const appDir = `${OUT}/app-${n}`;
	sh('node_modules/.bin/tsx', ['scripts/validate.ts', storyDir]);
	sh('node_modules/.bin/vite', ['build', '--logLevel', 'error'], {
		STORY_DIR: storyDir,
		ITEM_PAGES: '0',
		BUILD_DIR: appDir
	});
	const bareDir = `${OUT}/bare`;
	// Rebuilt every run (a second): it must never lag behind the app's maplibre-gl or our markers.
	{
		mkdirSync(bareDir, { recursive: true });
		await esbuild({
			entryPoints: ['bench/bare.ts'],
			bundle: true,
			format: 'esm',
			minify: true,
			outdir: bareDir,
			loader: { '.woff2': 'file' },
			// The story's streets, credit and note, as vite.config.ts gives them to the app.
			define: { __STORY_MAP__: JSON.stringify(clientStoryMap(loadStoryMap(storyDir))) },
			logLevel: 'error'
		});
		copyFileSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', `${bareDir}/maplibre-gl-worker.mjs`);
		writeFileSync(
			`${bareDir}/index.html`,
			'<!doctype html><meta charset="utf-8"><title>bare</title><link rel="icon" href="data:,"><link rel="stylesheet" href="bare.css"><style>html,body,#map{margin:0;height:100%}</style><div id="map"></div><script type="module" src="bare.js"></script>'
		);
	}
	return { storyDir, appDir, bareDir };
}

/** The same style the app builds at start, with the same data, for the bare page. */
function bareStyle(storyDir: string, appDir: string, origin: string) {
	const index = indexWithFacts(loadStory(storyDir));
	const assets = readdirSync(`${appDir}/_app/immutable/assets`);
	const font = (subset: string) =>
		`${origin}/_app/immutable/assets/${assets.find((f) => new RegExp(`^noto-sans-${subset}-400-normal.*\\.woff2$`).test(f))!}`;
	const style = buildStyle({
		// The same files the app's map fetches: both pages' workers parse the very same bytes.
		data: {
			sites: `${origin}/map/sites.geojson`,
			areas: `${origin}/map/areas.geojson`,
			incidents: `${origin}/map/incidents.geojson`
		},
		layers: index.data.story.layers,
		visible: index.data.story.layers.filter((l) => l.defaultVisible).map((l) => l.id),
		time: ALL_TIME,
		lang: 'en',
		basemapUrl: (f) => `${origin}/basemap/${f}`,
		fonts: { latin: font('latin'), cyrillic: font('cyrillic'), cyrillicExt: font('cyrillic-ext') }
	});
	const anchors = index.data.story.defaultView.places.map((id) => index.siteAnchor.get(id)!);
	const lons = anchors.map((a) => a[0]);
	const lats = anchors.map((a) => a[1]);
	return {
		style,
		layers: index.data.story.layers.map((l) => ({ id: l.id, shape: l.shape, color: l.color })),
		bounds: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]
	};
}

const BYTE_KINDS = ['maplibre-gl', 'our JavaScript', 'CSS', 'data', 'fonts', 'basemap', 'other'] as const;
/** Every response of the current run, as the server sent it, with its gzip size (what a real host sends). */
const served: { url: string; kind: (typeof BYTE_KINDS)[number]; gzip: number }[] = [];
function byteKind(url: string, body: Buffer): (typeof BYTE_KINDS)[number] {
	const path = url.split('?')[0]!;
	const size = body.length;
	// By type first: the map's CSS (MapLibre's with ours) is CSS, whatever its file is named.
	if (path.endsWith('.css')) return 'CSS';
	// MapLibre is a chunk of its own (vite.config.ts), the only script this large; its worker is .mjs.
	if (/maplibre|\.mjs$/.test(path) || (path.endsWith('.js') && size > 500_000)) return 'maplibre-gl';
	if (path.endsWith('.js')) return 'our JavaScript';
	if (/\.woff2?$/.test(path)) return 'fonts';
	if (path.includes('/basemap/')) return 'basemap';
	if (/\.(json|geojson|html)$|\/$|__data/.test(path)) return 'data';
	return 'other';
}
/** Wraps a response so its body is recorded in `served` once it ends. */
function record(url: string, res: ServerResponse) {
	const chunks: Buffer[] = [];
	const write = res.write.bind(res) as (c: unknown, ...r: unknown[]) => boolean;
	const end = res.end.bind(res) as (c?: unknown, ...r: unknown[]) => ServerResponse;
	const keep = (c: unknown) => {
		if (c && typeof c !== 'function') chunks.push(Buffer.from(c as string | Uint8Array));
	};
	res.write = ((c: unknown, ...r: unknown[]) => (keep(c), write(c, ...r))) as typeof res.write;
	res.end = ((c?: unknown, ...r: unknown[]) => {
		keep(c);
		const body = Buffer.concat(chunks);
		if (body.length) served.push({ url, kind: byteKind(url, body), gzip: gzipSync(body).length });
		return end(c, ...r);
	}) as typeof res.end;
}

// In-page helpers, sent as strings so both pages get the very same code.
const MAP = `(window.__map ?? document.querySelector('[data-ready="true"]')?.storyMap?.map)`;
const IDLE = `async () => { const map = ${MAP}; await new Promise((r) => (map.loaded() && !map.isMoving() ? r() : map.once('idle', r)));
	const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl'); gl.finish(); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)); return performance.now(); }`;

/** The app's map size and opening view, given to the bare page so both draw the same pixels. */
interface AppView {
	w: number;
	h: number;
	z: number;
	lat: number;
	lng: number;
}
const last: { appView: AppView | null } = { appView: null };

async function measure(browser: Browser, url: string, kind: Kind): Promise<Sample> {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		deviceScaleFactor: 1,
		serviceWorkers: 'block',
		locale: 'en-GB'
	});
	const page = await context.newPage();
	served.length = 0;
	const cdp = await context.newCDPSession(page);
	await page.goto(url);
	// Polled inside one evaluation: waitForFunction polls with eval, which the app's policy refuses.
	await page.evaluate(`new Promise((resolve, reject) => {
		const check = () => (${MAP} ? resolve(true) : requestAnimationFrame(check));
		check();
		setTimeout(() => reject(new Error('no map within 120 s')), 120000);
	})`);
	const firstIdle = (await page.evaluate(`(${IDLE})()`)) as number;
	// The app's map opens before a dense story's records load; they are in at this mark. The bare
	// page has all of its data at its first idle. What follows is measured on a settled page.
	const recordsReady =
		kind === 'app'
			? Math.max(
					firstIdle,
					(await page.evaluate(
						`new Promise((resolve) => { const find = () => { const m = performance.getEntriesByName('${RECORDS_READY}')[0]; m ? resolve(m.startTime) : setTimeout(find, 20); }; find(); })`
					)) as number
				)
			: firstIdle;
	const view = (await page.evaluate(
		`(() => { const m = ${MAP}, c = m.getCanvas(), p = m.getCenter(); return { w: c.clientWidth, h: c.clientHeight, z: m.getZoom(), lat: p.lat, lng: p.lng }; })()`
	)) as AppView;
	const paint = (await page.evaluate(`new Promise((resolve) => {
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		let lcp = NaN, cls = 0;
		new PerformanceObserver((l) => { for (const e of l.getEntries()) lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
		new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
		setTimeout(() => resolve({ fcp, lcp, cls }), 200);
	})`)) as { fcp: number; lcp: number; cls: number };

	const toggle =
		kind === 'app'
			? `() => document.querySelector('input[name="layer"][value="fires"]').click()`
			: `() => { const m = window.__map; const v = m.getLayoutProperty('incidents-fires', 'visibility'); m.setLayoutProperty('incidents-fires', 'visibility', v === 'none' ? 'visible' : 'none'); }`;
	const filter =
		kind === 'app'
			? `(i) => { const s = document.querySelector('input[type="range"]'); s.value = String(i % 2 ? 4 : 0); s.dispatchEvent(new Event('input', { bubbles: true })); }`
			: `(i) => { const m = window.__map; const from = i % 2 ? Date.parse('2022-01-05T00:00:00+06:00') : -8.64e15; for (const l of window.__layers) m.setFilter('incidents-' + l.id, ['all', ['==', ['get', 'layer'], l.id], ['<', ['get', 't0'], 8.64e15], ['>', ['get', 't1'], from]]); }`;
	const timed = async (action: string, reps: number) => {
		const out: number[] = [];
		for (let i = 0; i < reps; i++)
			out.push(
				(await page.evaluate(
					`(async () => { const t0 = performance.now(); (${action})(${i}); await new Promise((r) => requestAnimationFrame(r)); return (await (${IDLE})()) - t0; })()`
				)) as number
			);
		return out;
	};
	const toggles = await timed(toggle, REPS);
	const filters = await timed(filter, Math.max(2, Math.round(REPS / 4)));

	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('Performance.enable');
	const metrics = (await cdp.send('Performance.getMetrics')).metrics;
	const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
	const workerHeap = await workerHeaps(cdp);

	const gaps = (await page.evaluate(`new Promise((resolve) => {
		const map = ${MAP}; const stamps = []; let on = true;
		const tick = (t) => { stamps.push(t); if (on) requestAnimationFrame(tick); };
		requestAnimationFrame(tick);
		map.panBy([500, 0], { duration: 2000, easing: (t) => t });
		setTimeout(() => { on = false; const d = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
			const q = (p) => d[Math.min(d.length - 1, Math.floor(p * d.length))]; resolve({ p50: q(0.5), p95: q(0.95), max: d[d.length - 1] }); }, 2100);
	})`)) as { p50: number; p95: number; max: number };

	// Counted where they are served, so the worker's fetches (basemap, incidents) count too.
	const bytes = Object.fromEntries(
		Object.entries(
			served.reduce<Record<string, number>>(
				(out, r) => {
					out[r.kind] = (out[r.kind] ?? 0) + r.gzip;
					return out;
				},
				Object.fromEntries(BYTE_KINDS.map((k) => [k, 0]))
			)
		)
	);
	await context.close();
	const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
	if (kind === 'app') last.appView = view;
	return {
		'first idle (ms)': firstIdle,
		'records ready (ms)': recordsReady,
		'FCP (ms)': paint.fcp,
		'LCP (ms)': paint.lcp,
		CLS: paint.cls,
		'toggle to idle (ms)': median(toggles),
		'filter to idle (ms)': median(filters),
		'JS heap after GC (MB)': heap / 1048576,
		'worker JS heap after GC (MB)': workerHeap / 1048576,
		'frame gap p50 (ms)': gaps.p50,
		'frame gap p95 (ms)': gaps.p95,
		'frame gap max (ms)': gaps.max,
		...Object.fromEntries(Object.entries(bytes).map(([k, v]) => [`bytes gzip: ${k} (KB)`, v / 1024]))
	};
}

/**
 * The page's workers (MapLibre parses and tiles there), each garbage-collected, then summed.
 * Reached through the page's CDP session with auto-attach; messages are relayed per worker session.
 */
async function workerHeaps(cdp: CDPSession): Promise<number> {
	const sessions: string[] = [];
	cdp.on('Target.attachedToTarget', (e) => {
		if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
	});
	await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	await new Promise((r) => setTimeout(r, 300));
	let next = 0;
	const call = (sessionId: string, method: string) =>
		new Promise<{ usedSize?: number }>((resolve) => {
			const id = ++next;
			const onMessage = (e: { sessionId: string; message: string }) => {
				const m = JSON.parse(e.message);
				if (e.sessionId !== sessionId || m.id !== id) return;
				cdp.off('Target.receivedMessageFromTarget', onMessage);
				resolve(m.result ?? {});
			};
			cdp.on('Target.receivedMessageFromTarget', onMessage);
			void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
		});
	let total = 0;
	for (const s of sessions) {
		await call(s, 'HeapProfiler.collectGarbage');
		total += (await call(s, 'Runtime.getHeapUsage')).usedSize ?? NaN;
	}
	return sessions.length ? total : NaN;
}

/**
 * Lighthouse 12.2.3 (13 needs Node 22) on its desktop preset, against the app only: its scores are
 * about the page, not about MapLibre. It drives its own headless Chromium over a debugging port.
 */
/** Wraps a static handler with what a production host adds: gzip for text, long caching for hashed files. */
function asHosted(handler: (req: IncomingMessage, res: ServerResponse) => void) {
	return (req: IncomingMessage, res: ServerResponse) => {
		if (req.url?.startsWith('/_app/immutable/'))
			res.setHeader('cache-control', 'public, max-age=31536000, immutable');
		if (!/\bgzip\b/.test(String(req.headers['accept-encoding'])) || req.headers.range)
			return handler(req, res);
		const chunks: Buffer[] = [];
		const end = res.end.bind(res) as (c?: unknown) => ServerResponse;
		const writeHead = res.writeHead;
		// Headers are held back (sirv sends them with writeHead) until the body's encoding is known.
		res.writeHead = ((code: number, headers?: Record<string, string | number>) => {
			res.statusCode = code;
			for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
			return res;
		}) as typeof res.writeHead;
		res.write = ((c: unknown) => (chunks.push(Buffer.from(c as Uint8Array)), true)) as typeof res.write;
		res.end = ((c?: unknown) => {
			if (c && typeof c !== 'function') chunks.push(Buffer.from(c as Uint8Array));
			let body = Buffer.concat(chunks);
			if (
				res.statusCode === 200 &&
				/text|javascript|json|svg|xml/.test(String(res.getHeader('content-type')))
			) {
				body = gzipSync(body);
				res.setHeader('content-encoding', 'gzip');
				res.setHeader('vary', 'accept-encoding');
			}
			res.setHeader('content-length', body.length);
			// Node's end() sends the held headers through writeHead: the real one again.
			res.writeHead = writeHead;
			return end(body);
		}) as typeof res.end;
		handler(req, res);
	};
}

const LIGHTHOUSE_METRICS = [
	'first-contentful-paint',
	'largest-contentful-paint',
	'total-blocking-time',
	'speed-index',
	'interactive'
] as const;
async function lighthouseScores(url: string, chromePath: string): Promise<Record<string, number>> {
	const { default: lighthouse, desktopConfig } = await import('lighthouse');
	const profile = mkdtempSync(join(tmpdir(), 'bench-lh-'));
	const chrome = spawn(
		chromePath,
		[
			'--headless=new',
			'--no-sandbox',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			'about:blank'
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	try {
		const port = await new Promise<number>((resolve, reject) => {
			let err = '';
			chrome.stderr.on('data', (d: Buffer) => {
				err += d;
				const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
				if (m) resolve(Number(m[1]));
			});
			chrome.on('exit', (code) => reject(new Error(`Chromium for Lighthouse exited (${code}): ${err}`)));
		});
		const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' }, desktopConfig);
		if (!result) throw new Error('Lighthouse returned no result');
		if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
		const { categories, audits } = result.lhr;
		return {
			...Object.fromEntries(
				Object.values(categories).map((c) => [`lighthouse ${c.title.toLowerCase()}`, (c.score ?? NaN) * 100])
			),
			// The figures behind the performance score, so a drop can be traced to its cause.
			...Object.fromEntries(
				LIGHTHOUSE_METRICS.map((id) => [`lighthouse ${id} (ms)`, audits[id]?.numericValue ?? NaN])
			)
		};
	} finally {
		// The profile can be removed only once Chromium has let go of it.
		const exited = new Promise((r) => chrome.once('exit', r));
		if (chrome.exitCode === null && chrome.kill()) await exited;
		// Chromium's helper processes can still be writing its cache when the main one exits: the
		// scores are in hand by then, so a leftover temporary profile is not worth losing them.
		try {
			rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		} catch (e) {
			console.warn(`Could not remove Lighthouse's temporary profile ${profile}: ${String(e)}`);
		}
	}
}

function stats(samples: Sample[]) {
	const keys = Object.keys(samples[0] ?? {});
	return Object.fromEntries(
		keys.map((k) => {
			const v = samples.map((s) => s[k]!).sort((a, b) => a - b);
			return [k, { min: v[0]!, median: v[Math.floor(v.length / 2)]!, max: v[v.length - 1]! }];
		})
	);
}

const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
if (!existsSync('static/basemap/land.geojson') || !existsSync('static/basemap/streets.pmtiles'))
	sh('npm', ['run', '-s', 'basemap']);
// The street tiles' build time, from the extract to the archive in memory.
const tileBuild = (() => {
	const t0 = performance.now();
	const bytes = buildStreets().length;
	return { seconds: (performance.now() - t0) / 1000, bytes };
})();
console.log(
	`street tiles: built in ${tileBuild.seconds.toFixed(1)} s, ${(tileBuild.bytes / 1024).toFixed(0)} KB`
);
const browser = await chromium.launch({
	executablePath,
	args: [
		'--no-sandbox',
		'--use-angle=swiftshader',
		'--enable-unsafe-swiftshader',
		'--disable-gpu-vsync',
		'--disable-background-networking',
		'--js-flags=--expose-gc'
	]
});
const results: Record<string, unknown>[] = [];
for (const n of SIZES) {
	const { storyDir, appDir, bareDir } = await prepare(n);
	const app = sirv(appDir, { single: '200.html', extensions: ['html'], gzip: false });
	const bare = sirv(bareDir, { gzip: false });
	const server = createServer((req, res) => {
		record(req.url ?? '', res);
		// The bare page's style names this server's port, so it is served, not read from disk.
		if (req.url === '/__bare/bare-style.json') {
			res.setHeader('content-type', 'application/json');
			return res.end(styleJson);
		}
		if (req.url?.startsWith('/__bare/')) {
			req.url = req.url.slice('/__bare'.length);
			return bare(req, res);
		}
		app(req, res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const styleJson = JSON.stringify(bareStyle(storyDir, appDir, origin));
	const samples: Record<Kind, Sample[]> = { app: [], bare: [] };
	for (let i = 0; i < WARMUP + RUNS; i++)
		for (const kind of ['app', 'bare'] as Kind[]) {
			const v = last.appView;
			const url =
				kind === 'app'
					? `${origin}/`
					: `${origin}/__bare/${v ? `?w=${v.w}&h=${v.h}&z=${v.z}&lat=${v.lat}&lng=${v.lng}` : ''}`;
			const s = await measure(browser, url, kind);
			if (i >= WARMUP) samples[kind].push(s);
		}
	const offline = await offlinePackage(browser, origin);
	console.log(
		`offline package (what the service worker keeps after one visit): ${(offline / 2 ** 20).toFixed(2)} MB`
	);
	let lighthouseResult: Record<string, number> | null = null;
	if (LIGHTHOUSE) {
		try {
			// Served as a real host serves it (gzip, hashed files cached for good), unlike the timed
			// runs, which both pages share uncompressed: Lighthouse scores transfer sizes and caching.
			const hosted = createServer(asHosted(app));
			await new Promise<void>((r) => hosted.listen(0, '127.0.0.1', r));
			const port = (hosted.address() as AddressInfo).port;
			try {
				lighthouseResult = await lighthouseScores(
					`http://127.0.0.1:${port}/`,
					executablePath ?? chromium.executablePath()
				);
			} finally {
				hosted.close();
			}
			console.log(`Lighthouse (desktop, app): ${JSON.stringify(lighthouseResult)}`);
		} catch (e) {
			// Optional: a missing or failing Lighthouse is reported, and the timings still stand.
			console.warn(`Lighthouse skipped: ${e instanceof Error ? e.message : String(e)}`);
		}
	}
	server.close();
	const a = stats(samples.app);
	const b = stats(samples.bare);
	console.log(`\n### ${n.toLocaleString('en')} incidents, ${RUNS} run(s) each\n`);
	console.log('| metric | app min / median / max | bare min / median / max | app/bare |');
	console.log('|---|---|---|---|');
	const f = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2)) : '–');
	for (const k of Object.keys(a)) {
		const ratio = b[k]!.median ? a[k]!.median / b[k]!.median : NaN;
		console.log(
			`| ${k} | ${f(a[k]!.min)} / ${f(a[k]!.median)} / ${f(a[k]!.max)} | ${f(b[k]!.min)} / ${f(b[k]!.median)} / ${f(b[k]!.max)} | ${Number.isFinite(ratio) ? ratio.toFixed(2) + '×' : '–'} |`
		);
	}
	results.push({
		incidents: n,
		runs: RUNS,
		app: a,
		bare: b,
		appBuildBytes: dirBytes(appDir),
		offlinePackageBytes: offline,
		...(lighthouseResult && { lighthouse: lighthouseResult })
	});
}
const version = browser.version();
await browser.close();

function dirBytes(dir: string): number {
	return readdirSync(dir, { recursive: true, withFileTypes: false })
		.map((f) => join(dir, String(f)))
		.filter((p) => statSync(p).isFile())
		.reduce((s, p) => s + statSync(p).size, 0);
}

/**
 * What a reader keeps after one visit: every response the service worker's caches hold once it has
 * installed (it precaches after the first view), summed by body size.
 */
async function offlinePackage(browser: Browser, origin: string): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto(`${origin}/`);
	const bytes = (await page.evaluate(`(async () => {
		const ready = await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(() => r(null), 60000))]);
		if (!ready) return NaN;
		let total = 0;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) total += (await (await cache.match(req)).blob()).size;
		}
		return total;
	})()`)) as number;
	await context.close();
	return bytes;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const out = {
	date: new Date().toISOString(),
	mode: QUICK ? 'quick' : 'full',
	machine: {
		platform: platform(),
		release: release(),
		cpus: cpus().length,
		cpu: cpus()[0]?.model,
		memoryGB: Math.round(totalmem() / 2 ** 30)
	},
	chromium: version,
	versions: {
		'maplibre-gl': pkg.dependencies['maplibre-gl'],
		svelte: pkg.devDependencies.svelte,
		'@sveltejs/kit': pkg.devDependencies['@sveltejs/kit'],
		node: process.version
	},
	settings: {
		viewport: '1280x800',
		dpr: 1,
		warmup: WARMUP,
		runs: RUNS,
		toggleReps: REPS,
		serviceWorkers: 'blocked'
	},
	streetTiles: { buildSeconds: tileBuild.seconds, archiveBytes: tileBuild.bytes },
	results
};
mkdirSync(RESULTS, { recursive: true });
const file = `${RESULTS}/${out.date.slice(0, 19).replace(/[:T]/g, '-')}-${out.mode}.json`;
writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
console.log(`\nresults: ${file}`);
