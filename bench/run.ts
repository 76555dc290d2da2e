// `npm run bench [-- --quick] [-- --sizes=1000,10000,100000] [-- --runs=5] [-- --baseline=<git ref>]`
// Measures the app against a bare MapLibre page drawing the same style and data, on seeded synthetic
// stories built through the app's real data path, and, with --baseline, that commit's app beside
// them ("before"). Each run alternates the pages: on a desktop (1280×800, DPR 1), then on a phone at
// 4× CPU throttling (390×844, touch, DPR 1), then the phone's input-delay runs. Fresh contexts,
// SwiftShader, no vsync, service workers off so a first visit is the same every time. Prints
// min/median/max, the ratios of medians and the goals of issue 22; writes JSON to bench/results/.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { build as esbuild } from 'esbuild';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { indexWithFacts } from '../src/lib/server/story-facts';
import { RECORDS_READY } from '../src/lib/data/story-index';
import { buildStyle, ALL_TIME } from '../src/lib/map/style';
import { DEFAULT_STORY_DIR, loadStory } from '../src/lib/server/geodata';
import { loadStoryMap } from '../src/lib/server/story-map';
import { clientStoryMap } from '../src/lib/data/story-map-schema';
import { writeSyntheticStory } from './synthetic';
import { buildStreets } from '../scripts/build-streets';
import { buildStory, prepareBaseline, type Baseline } from './baseline';
import { printGoals, sizeGoals, storyGoals, type Stats } from './goals';
import { lighthouseAll, PRESETS, type Preset } from './lighthouse';
import {
	IDLE,
	MAP,
	MAP_READY,
	PAN_PROBE,
	PAN_RESULT,
	PROBES,
	PROBES_UNTIL,
	tapProbe,
	WAIT_FOR_MAP,
	type TapTarget
} from './probes';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = args.includes('--quick');
const SIZES = (flag('sizes') ?? (QUICK ? '1000' : '1000,10000,100000')).split(',').map(Number);
const RUNS = Number(flag('runs') ?? (QUICK ? 1 : 5));
const WARMUP = QUICK ? 0 : 1;
// Toggles and filters timed per desktop load: fewer where each waits seconds for the map.
const reps = (n: number) => (QUICK ? 3 : n >= 100_000 ? 2 : n >= 10_000 ? 4 : 6);
// Lighthouse runs in a full run (skip with --no-lighthouse) and in a quick one only when asked.
const LIGHTHOUSE = args.includes('--lighthouse') || (!QUICK && !args.includes('--no-lighthouse'));
const BASELINE = flag('baseline');
if (SIZES.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(RUNS) || RUNS < 1)
	throw new Error('--sizes takes whole numbers of incidents (--sizes=1000,10000), --runs a whole number ≥ 1');
const OUT = 'bench/.out';
const RESULTS = 'bench/results';
/** The phone: CPU slowed 4× (as Lighthouse's mobile preset simulates), a phone's viewport and touch. */
const THROTTLE = 4;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const P = '4× phone: ';

type Side = 'app' | 'bare' | 'before';
type Sample = Record<string, number>;
const t0 = performance.now();
const started = new Date().toISOString();
const file = `${RESULTS}/${started.slice(0, 19).replace(/[:T]/g, '-')}-${QUICK ? 'quick' : 'full'}.json`;
const elapsed = () => `${((performance.now() - t0) / 60000).toFixed(1)} min`;

function sh(cmd: string, argv: string[], env: Record<string, string> = {}) {
	execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
}

/** The bare page, bundled once per benchmark: it must never lag behind the app's maplibre-gl or our markers. */
async function buildBare() {
	const bareDir = `${OUT}/bare`;
	mkdirSync(bareDir, { recursive: true });
	await esbuild({
		entryPoints: ['bench/bare.ts'],
		bundle: true,
		format: 'esm',
		minify: true,
		outdir: bareDir,
		loader: { '.woff2': 'file' },
		// The story's streets, credit and note, as vite.config.ts gives them to the app (the synthetic
		// stories borrow the default story's map).
		define: { __STORY_MAP__: JSON.stringify(clientStoryMap(loadStoryMap(DEFAULT_STORY_DIR))) },
		logLevel: 'error'
	});
	copyFileSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', `${bareDir}/maplibre-gl-worker.mjs`);
	writeFileSync(
		`${bareDir}/index.html`,
		'<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bare</title><link rel="icon" href="data:,"><link rel="stylesheet" href="bare.css"><style>html,body,#map{margin:0;height:100%}</style><div id="map"></div><script type="module" src="bare.js"></script>'
	);
	return bareDir;
}

function buildSynthetic(n: number) {
	const storyDir = writeSyntheticStory(n, `${OUT}/story-${n}`);
	const appDir = `${OUT}/app-${n}`;
	sh('node_modules/.bin/tsx', ['scripts/validate.ts', storyDir]);
	sh('node_modules/.bin/vite', ['build', '--logLevel', 'error'], {
		STORY_DIR: storyDir,
		ITEM_PAGES: '0',
		BUILD_DIR: appDir
	});
	return { storyDir, appDir };
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
			sites: `${origin}/${index.facts.mapFiles.sites}`,
			areas: `${origin}/${index.facts.mapFiles.areas}`,
			incidents: `${origin}/${index.facts.mapFiles.markers}`
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

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/**
 * The app's build, with the bare page under /__bare/ on the same origin (it draws the app's own map
 * data and fonts). The bare page's style names the origin it is served from, so it is served, not read.
 */
function siteHandler(appDir: string, bareDir: string | null, storyDir: string): Handler {
	const app = sirv(appDir, { single: '200.html', extensions: ['html'], gzip: false });
	const bare = bareDir ? sirv(bareDir, { gzip: false }) : null;
	const styles = new Map<string, string>();
	return (req, res) => {
		if (bare && req.url === '/__bare/bare-style.json') {
			const origin = `http://${req.headers.host}`;
			if (!styles.has(origin)) styles.set(origin, JSON.stringify(bareStyle(storyDir, appDir, origin)));
			res.setHeader('content-type', 'application/json');
			return res.end(styles.get(origin));
		}
		if (bare && req.url?.startsWith('/__bare/')) {
			req.url = req.url.slice('/__bare'.length);
			return bare(req, res);
		}
		app(req, res);
	};
}

async function listen(handler: Handler, recorded: boolean): Promise<{ origin: string; close: () => void }> {
	const server = createServer((req, res) => {
		if (recorded) record(req.url ?? '', res);
		handler(req, res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => server.close()
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

/** The app's map size and opening view, given to the bare page so both draw the same pixels. */
interface AppView {
	w: number;
	h: number;
	z: number;
	lat: number;
	lng: number;
}
type Profile = 'desktop' | 'phone';
const appView: Record<Profile, AppView | null> = { desktop: null, phone: null };
const bareUrl = (origin: string, profile: Profile) => {
	const v = appView[profile];
	return `${origin}/__bare/${v ? `?w=${v.w}&h=${v.h}&z=${v.z}&lat=${v.lat}&lng=${v.lng}` : ''}`;
};
const VIEW = `(() => { const m = ${MAP}, c = m.getCanvas(), p = m.getCenter(); return { w: c.clientWidth, h: c.clientHeight, z: m.getZoom(), lat: p.lat, lng: p.lng }; })()`;

/** A fresh context and page with the probes installed; on the phone, touch and the CPU slowed. */
async function open(
	browser: Browser,
	profile: Profile,
	init: string[] = []
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
	const context = await browser.newContext({
		viewport: profile === 'phone' ? PHONE : DESKTOP,
		deviceScaleFactor: 1,
		...(profile === 'phone' && { isMobile: true, hasTouch: true }),
		serviceWorkers: 'block',
		locale: 'en-GB'
	});
	for (const script of [PROBES, ...init]) await context.addInitScript(script);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	if (profile === 'phone') await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
	contexts.add(context);
	context.on('close', () => contexts.delete(context));
	return { context, page, cdp };
}

/** Open contexts: a load that fails or hangs has its context closed, and the run goes on. */
const contexts = new Set<BrowserContext>();
/** Each load may take this long at most (a 100k load on the throttled phone takes well under it). */
const LOAD_LIMIT = 300_000;
async function guarded(what: string, load: () => Promise<Sample>): Promise<Sample> {
	try {
		return await within(load(), LOAD_LIMIT, `${what}: not done`);
	} catch (e) {
		console.warn(`${what}: ${e instanceof Error ? e.message : String(e)}; this load is not counted`);
		await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
		return {};
	}
}

/** The desktop load: first view, paints, toggles and filters to idle, heaps, a pan's frames, bytes. */
async function measureDesktop(browser: Browser, url: string, side: Side, reps: number): Promise<Sample> {
	const { context, page, cdp } = await open(browser, 'desktop');
	served.length = 0;
	await page.goto(url);
	await page.evaluate(WAIT_FOR_MAP);
	const firstIdle = (await page.evaluate(`(${IDLE})()`)) as number;
	const probes = (await page.evaluate(`(${PROBES_UNTIL})(${firstIdle})`)) as ProbeFigures;
	// The app's map opens before a dense story's records load; they are in at this mark. The bare
	// page has all of its data at its first idle. What follows is measured on a settled page.
	const recordsReady =
		side !== 'bare'
			? Math.max(
					firstIdle,
					(await page.evaluate(
						`new Promise((resolve) => { const find = () => { const m = performance.getEntriesByName('${RECORDS_READY}')[0]; m ? resolve(m.startTime) : setTimeout(find, 20); }; find(); })`
					)) as number
				)
			: firstIdle;
	const view = (await page.evaluate(VIEW)) as AppView;
	const paint = (await page.evaluate(`new Promise((resolve) => {
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		let lcp = NaN, cls = 0;
		new PerformanceObserver((l) => { for (const e of l.getEntries()) lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
		new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
		setTimeout(() => resolve({ fcp, lcp, cls }), 200);
	})`)) as { fcp: number; lcp: number; cls: number };

	const toggle =
		side !== 'bare'
			? `() => document.querySelector('input[name="layer"][value="fires"]').click()`
			: `() => { const m = window.__map; const v = m.getLayoutProperty('incidents-fires', 'visibility'); m.setLayoutProperty('incidents-fires', 'visibility', v === 'none' ? 'visible' : 'none'); }`;
	const filter =
		side !== 'bare'
			? `(i) => { const s = document.querySelector('input[type="range"]'); s.value = String(i % 2 ? 4 : 0); s.dispatchEvent(new Event('input', { bubbles: true })); }`
			: `(i) => { const m = window.__map; const from = i % 2 ? Date.parse('2022-01-05T00:00:00+06:00') : -8.64e15; for (const l of window.__layers) m.setFilter('incidents-' + l.id, ['all', ['==', ['get', 'layer'], l.id], ['<', ['get', 't0'], 8.64e15], ['>', ['get', 't1'], from]]); }`;
	const timed = async (action: string, n: number) => {
		const out: number[] = [];
		for (let i = 0; i < n; i++)
			out.push(
				(await page.evaluate(
					`(async () => { const t0 = performance.now(); (${action})(${i}); await new Promise((r) => requestAnimationFrame(r)); return (await (${IDLE})()) - t0; })()`
				)) as number
			);
		return out;
	};
	const toggles = await timed(toggle, reps);
	const filters = await timed(filter, Math.max(2, Math.round(reps / 4)));

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
	if (side === 'app') appView.desktop = view;
	return {
		'first idle (ms)': firstIdle,
		'records ready (ms)': recordsReady,
		'FCP (ms)': paint.fcp,
		'LCP (ms)': paint.lcp,
		CLS: paint.cls,
		'long tasks to first idle (ms)': probes.longTasks,
		'WebGL programs by first idle': probes.programs,
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

interface ProbeFigures {
	programs: number;
	longTasks: number;
	blocking: number;
}

/**
 * Drags the map by 100 px with one finger, right after `ready`, and times it to the moved map. The
 * drag is dispatched through the DevTools protocol, as the browser's own input, so a busy main thread
 * delays its handling, not its time stamp.
 */
async function pan(page: Page, cdp: CDPSession, ready: { at: number; via: string }) {
	const { x, y } = (await page.evaluate(PAN_PROBE)) as { x: number; y: number };
	const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', dx = 0) =>
		cdp.send('Input.dispatchTouchEvent', {
			type,
			touchPoints: type === 'touchEnd' ? [] : [{ x: x - dx, y }]
		});
	await touch('touchStart');
	for (let i = 1; i <= 5; i++) await touch('touchMove', 20 * i);
	await touch('touchEnd');
	const ms = (await page.evaluate(PAN_RESULT)) as number;
	const start = (await page.evaluate('window.__bench.pan.start')) as number;
	return { ms, afterReady: start - ready.at, readyVia: ready.via };
}

/** The phone load, to first idle: how long, how much of it blocked the main thread, how many programs. */
async function measurePhone(browser: Browser, url: string, side: Side, notes: Note[]): Promise<Sample> {
	const { context, page, cdp } = await open(browser, 'phone');
	await page.goto(url);
	await page.evaluate(WAIT_FOR_MAP);
	const firstIdle = (await page.evaluate(`(${IDLE})()`)) as number;
	const probes = (await page.evaluate(`(${PROBES_UNTIL})(${firstIdle})`)) as ProbeFigures;
	const ready = (await page.evaluate(MAP_READY)) as { at: number; via: string };
	const fcp = (await page.evaluate(
		`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`
	)) as number;
	if (side === 'app') appView.phone = (await page.evaluate(VIEW)) as AppView;
	const sample: Sample = {
		[`${P}FCP (ms)`]: fcp,
		[`${P}first idle (ms)`]: firstIdle,
		[`${P}map ready (ms)`]: ready.at,
		[`${P}long tasks to first idle (ms)`]: probes.longTasks,
		[`${P}blocking over 50 ms to first idle (ms)`]: probes.blocking,
		[`${P}WebGL programs by first idle`]: probes.programs
	};
	notes.push({ side, profile: 'phone', mapReadyVia: ready.via });
	// The bare page is ready at its first idle: its pan is timed here. The app's, in its toggle run.
	if (side === 'bare') {
		const p = await pan(page, cdp, ready);
		sample[`${P}pan after map ready, to moved map (ms)`] = p.ms;
		notes.push({ side, profile: 'phone', pan: p });
	}
	await context.close();
	return sample;
}

/**
 * An input-delay run on the phone: a tap on the target 500 ms after first contentful paint (as the
 * DevTools protocol reports it), timed to the painted effect (see `tapProbe`). In the toggle run, the
 * map is then dragged as soon as it is ready.
 */
async function measureTap(browser: Browser, url: string, side: Side, target: TapTarget, notes: Note[]) {
	const { context, page, cdp } = await open(browser, 'phone', [tapProbe(target)]);
	let rect: { x: number; y: number } | null = null;
	page.on('console', (m) => {
		const [tag, json] = m.text().split(' ');
		if (tag === '__bench_rect') rect = JSON.parse(json!);
	});
	await cdp.send('Page.enable');
	await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
	const fcp = new Promise<void>((resolve) =>
		cdp.on('Page.lifecycleEvent', (e) => e.name === 'firstContentfulPaint' && resolve())
	);
	const sample: Sample = {};
	const key = `${P}${target} tap to painted (ms)`;
	try {
		await page.goto(url, { waitUntil: 'commit' });
		await within(fcp, 60_000, 'no first contentful paint');
		await new Promise((r) => setTimeout(r, 500));
		await until(() => rect, 60_000, `no ${target} to tap`);
		const { x, y } = rect!;
		await page.touchscreen.tap(x, y);
		const result = await until(
			async () => {
				try {
					return (await page.evaluate('window.__bench?.tapResult ?? null')) as TapResult | null;
				} catch {
					return null; // The tap followed a link: the next page is loading.
				}
			},
			60_000,
			`no effect of the ${target} tap`
		);
		const tap = (await page.evaluate('window.__bench?.tap ?? null').catch(() => null)) as object | null;
		if (!result.hit) console.warn(`the ${target} tap missed its target (${side}); not counted`);
		sample[key] = result.ms;
		// When the tap came: 500 ms after first contentful paint, plus how late the protocol said so.
		if (tap && 'afterFcp' in tap) sample[`${P}${target} tap, after FCP (ms)`] = tap.afterFcp as number;
		notes.push({ side, profile: 'phone', target, tap: { ...tap, ...result } });
		if (target === 'toggle') {
			const ready = (await page.evaluate(MAP_READY)) as { at: number; via: string };
			const p = await pan(page, cdp, ready);
			sample[`${P}map ready (ms), input run`] = ready.at;
			sample[`${P}pan after map ready, to moved map (ms)`] = p.ms;
			notes.push({ side, profile: 'phone', pan: p });
		}
	} catch (e) {
		console.warn(`${target} run (${side}): ${e instanceof Error ? e.message : String(e)}; not counted`);
		sample[key] = NaN;
	}
	await context.close();
	return sample;
}
interface TapResult {
	ms: number;
	navigated: boolean;
	hit: boolean;
}
type Note = Record<string, unknown>;

/** Polls until `get` gives a value, or fails saying what did not come. */
async function until<T>(get: () => T | null | Promise<T | null>, ms: number, what: string): Promise<T> {
	const end = performance.now() + ms;
	for (;;) {
		const v = await get();
		if (v) return v;
		if (performance.now() > end) throw new Error(`${what} within ${ms / 1000} s`);
		await new Promise((r) => setTimeout(r, 20));
	}
}
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			p,
			new Promise<never>(
				(_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms))
			)
		]);
	} finally {
		clearTimeout(timer);
	}
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

function stats(samples: Sample[]): Stats {
	const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))];
	return Object.fromEntries(
		keys.map((k) => {
			const v = samples
				.map((s) => s[k]!)
				.filter((x) => Number.isFinite(x))
				.sort((a, b) => a - b);
			return [
				k,
				{ min: v[0] ?? NaN, median: v[Math.floor(v.length / 2)] ?? NaN, max: v.at(-1) ?? NaN, n: v.length }
			];
		})
	);
}

const f = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2)) : '–');
const r = (a?: { median: number }, b?: { median: number }) => {
	const v = (a?.median ?? NaN) / (b?.median ?? NaN);
	return Number.isFinite(v) ? `${v.toFixed(2)}×` : '–';
};
const mmm = (s?: { min: number; median: number; max: number }) =>
	s ? `${f(s.min)} / ${f(s.median)} / ${f(s.max)}` : '–';
function printTable(cols: Partial<Record<Side, Stats>>) {
	const { app, bare, before } = cols as Record<Side, Stats>;
	console.log(
		before
			? '| metric | app min / median / max | bare min / median / max | app/bare | before min / median / max | before/bare | app/before |'
			: '| metric | app min / median / max | bare min / median / max | app/bare |'
	);
	console.log(before ? '|---|---|---|---|---|---|---|' : '|---|---|---|---|');
	const keys = [...new Set([...Object.keys(app), ...Object.keys(bare), ...Object.keys(before ?? {})])];
	for (const k of keys)
		console.log(
			`| ${k} | ${mmm(app[k])} | ${mmm(bare[k])} | ${r(app[k], bare[k])} |${before ? ` ${mmm(before[k])} | ${r(before[k], bare[k])} | ${r(app[k], before[k])} |` : ''}`
		);
}

/**
 * Written after each size, so a run stopped or failing at 100k keeps what it measured: a file whose
 * `complete` is false is a partial run, whatever its name.
 */
function save(complete: boolean) {
	const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
	const out = {
		date: started,
		complete,
		mode: QUICK ? 'quick' : 'full',
		minutes: (performance.now() - t0) / 60000,
		machine: {
			platform: platform(),
			release: release(),
			cpus: cpus().length,
			cpu: cpus()[0]?.model,
			memoryGB: Math.round(totalmem() / 2 ** 30)
		},
		chromium: browser.version(),
		versions: {
			'maplibre-gl': pkg.dependencies['maplibre-gl'],
			svelte: pkg.devDependencies.svelte,
			'@sveltejs/kit': pkg.devDependencies['@sveltejs/kit'],
			node: process.version
		},
		...(baseline && { baseline: { ref: baseline.ref, commit: baseline.commit } }),
		settings: {
			desktop: `${DESKTOP.width}x${DESKTOP.height}`,
			phone: `${PHONE.width}x${PHONE.height}, touch, CPU ${THROTTLE}× slower`,
			dpr: 1,
			warmup: WARMUP,
			runs: RUNS,
			toggleReps: Object.fromEntries(SIZES.map((n) => [n, reps(n)])),
			serviceWorkers: 'blocked'
		},
		streetTiles: { buildSeconds: tileBuild.seconds, archiveBytes: tileBuild.bytes },
		...(story && { story }),
		results
	};
	mkdirSync(RESULTS, { recursive: true });
	// NaN is no JSON: a figure not measured is written as null.
	writeFileSync(
		file,
		JSON.stringify(out, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n'
	);
}

const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
if (!existsSync('static/basemap/land.geojson') || !existsSync('static/basemap/streets.pmtiles'))
	sh('npm', ['run', '-s', 'basemap']);
// The street tiles' build time, from the extract to the archive in memory.
const tileBuild = (() => {
	const t = performance.now();
	const bytes = buildStreets().length;
	return { seconds: (performance.now() - t) / 1000, bytes };
})();
console.log(
	`street tiles: built in ${tileBuild.seconds.toFixed(1)} s, ${(tileBuild.bytes / 1024).toFixed(0)} KB`
);
const baseline: Baseline | null = BASELINE ? prepareBaseline(BASELINE) : null;
if (baseline)
	console.log(
		`baseline ${baseline.ref} (${baseline.commit.slice(0, 7)}): ready in ${baseline.dir} (${elapsed()})`
	);
// However the run ends, the baseline's temporary worktree goes.
process.on('exit', () => baseline?.remove());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

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
const chromePath = executablePath ?? chromium.executablePath();
const bareDir = await buildBare();
const sides: Side[] = baseline ? ['app', 'bare', 'before'] : ['app', 'bare'];
type Scores = Record<string, Partial<Record<Preset, Record<string, number>>>>;

// The real story, as `npm run build` builds it, under Lighthouse only: its pages are the goals'.
let story: Record<string, unknown> | null = null;
if (LIGHTHOUSE && !args.includes('--no-story')) {
	console.log(`\nthe real story: building (${elapsed()})`);
	buildStory('.', `${OUT}/real-app`);
	baseline?.buildStory(`${OUT}/real-before`);
	// A quick run checks each code path once: mobile on the English page, desktop on the bare page.
	const paths = QUICK ? ['/en/'] : ['/', '/en/'];
	const lh: Partial<Record<Side, Scores>> = {
		app: await lighthouseAll(
			siteHandler(`${OUT}/real-app`, bareDir, DEFAULT_STORY_DIR),
			paths,
			QUICK ? ['mobile'] : PRESETS,
			chromePath,
			'app'
		),
		bare: await lighthouseAll(
			siteHandler(`${OUT}/real-app`, bareDir, DEFAULT_STORY_DIR),
			['/__bare/'],
			QUICK ? ['desktop'] : PRESETS,
			chromePath,
			'bare'
		)
	};
	if (baseline)
		lh.before = await lighthouseAll(
			siteHandler(`${OUT}/real-before`, null, DEFAULT_STORY_DIR),
			paths,
			PRESETS,
			chromePath,
			'before'
		);
	const goals = { app: storyGoals(lh.app!), ...(lh.before && { before: storyGoals(lh.before) }) };
	console.log(`\n### The real story (${DEFAULT_STORY_DIR}), Lighthouse 12.2.3\n`);
	console.log('| page | preset | performance | TBT (ms) | TTI (ms) | LCP (ms) | FCP (ms) |');
	console.log('|---|---|---|---|---|---|---|');
	for (const [side, scores] of Object.entries(lh))
		for (const [path, byPreset] of Object.entries(scores))
			for (const [preset, s] of Object.entries(byPreset))
				console.log(
					`| ${side} ${path} | ${preset} | ${f(s.performance ?? NaN)} | ${['TBT (ms)', 'TTI (ms)', 'LCP (ms)', 'FCP (ms)'].map((k) => f(s[k] ?? NaN)).join(' | ')} |`
				);
	console.log('');
	printGoals(goals.app, goals.before);
	story = { dir: DEFAULT_STORY_DIR, lighthouse: lh, goals };
}

const results: Record<string, unknown>[] = [];
for (const n of SIZES) {
	console.log(`\n${n.toLocaleString('en')} incidents: building (${elapsed()})`);
	const { storyDir, appDir } = buildSynthetic(n);
	baseline?.buildSynthetic(n, `${OUT}/before-${n}`);
	const servers: Partial<Record<Side, { origin: string; close: () => void }>> = {};
	servers.app = await listen(siteHandler(appDir, bareDir, storyDir), true);
	if (baseline) servers.before = await listen(siteHandler(`${OUT}/before-${n}`, null, storyDir), true);
	const url = (side: Side, profile: Profile) =>
		side === 'bare' ? bareUrl(servers.app!.origin, profile) : `${servers[side]!.origin}/`;
	const samples: Record<Side, Sample[]> = { app: [], bare: [], before: [] };
	const notes: Note[] = [];
	for (let i = 0; i < WARMUP + RUNS; i++) {
		const run: Record<Side, Sample> = { app: {}, bare: {}, before: {} };
		for (const side of sides)
			Object.assign(
				run[side],
				await guarded(`${side}, desktop`, () =>
					measureDesktop(browser, url(side, 'desktop'), side, i < WARMUP ? 1 : reps(n))
				)
			);
		if (i < WARMUP) continue; // The warm-up fills the disk cache and Chromium's code caches.
		for (const side of sides)
			Object.assign(
				run[side],
				await guarded(`${side}, phone`, () => measurePhone(browser, url(side, 'phone'), side, notes))
			);
		for (const target of ['toggle', 'claim'] as TapTarget[])
			for (const side of sides.filter((s) => s !== 'bare'))
				Object.assign(
					run[side],
					await guarded(`${side}, ${target} tap`, () =>
						measureTap(browser, url(side, 'phone'), side, target, notes)
					)
				);
		for (const side of sides) samples[side].push(run[side]);
		console.log(`  run ${i + 1 - WARMUP} of ${RUNS} done (${elapsed()})`);
	}
	const offline = await offlinePackage(browser, servers.app.origin);
	console.log(
		`offline package (what the service worker keeps after one visit): ${(offline / 2 ** 20).toFixed(2)} MB`
	);
	for (const s of Object.values(servers)) s.close();
	let lighthouse: Partial<Record<Side, Scores>> | null = null;
	if (LIGHTHOUSE) {
		// The app and before only: the bare page has no contentful element but its WebGL canvas, so
		// Lighthouse finds no LCP and gives it no performance score (it is audited on the real story).
		lighthouse = {
			app: await lighthouseAll(
				siteHandler(appDir, bareDir, storyDir),
				['/'],
				QUICK ? ['desktop'] : PRESETS,
				chromePath,
				'app'
			)
		};
		if (baseline)
			lighthouse.before = await lighthouseAll(
				siteHandler(`${OUT}/before-${n}`, null, storyDir),
				['/'],
				PRESETS,
				chromePath,
				'before'
			);
	}
	const cols: Partial<Record<Side, Stats>> = Object.fromEntries(sides.map((s) => [s, stats(samples[s])]));
	const goals = {
		app: sizeGoals(n, cols.app!, cols.bare!),
		...(cols.before && { before: sizeGoals(n, cols.before, cols.bare!) })
	};
	console.log(`\n### ${n.toLocaleString('en')} incidents, ${RUNS} run(s) each\n`);
	printTable(cols);
	if (lighthouse) {
		console.log('\n| Lighthouse | preset | performance | TBT (ms) | TTI (ms) | LCP (ms) | FCP (ms) |');
		console.log('|---|---|---|---|---|---|---|');
		for (const [side, scores] of Object.entries(lighthouse))
			for (const byPreset of Object.values(scores))
				for (const [preset, s] of Object.entries(byPreset))
					console.log(
						`| ${side} | ${preset} | ${f(s.performance ?? NaN)} | ${['TBT (ms)', 'TTI (ms)', 'LCP (ms)', 'FCP (ms)'].map((k) => f(s[k] ?? NaN)).join(' | ')} |`
					);
	}
	console.log('');
	printGoals(goals.app, goals.before);
	results.push({
		incidents: n,
		runs: RUNS,
		...cols,
		appBuildBytes: dirBytes(appDir),
		offlinePackageBytes: offline,
		...(lighthouse && { lighthouse }),
		goals,
		notes
	});
	save(false);
}
save(true);
await browser.close();
console.log(`\nresults: ${file} (${elapsed()})`);

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
