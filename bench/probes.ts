// What the benchmark installs in every page before the page's own scripts run, and the in-page
// helpers it evaluates. Sent as strings so every page (app, bare, baseline) gets the very same code;
// the app's content security policy does not apply to them (they come through the DevTools protocol).

/** The performance marks that say the live map has drawn and answers input, newest name first. */
export const MAP_READY_MARKS = ['story:map-ready'];

/** The map, in the bare page (a global) or in the app (its container's test hook). */
export const MAP = `(window.__map ?? document.querySelector('[data-ready="true"]')?.storyMap?.map)`;

/** Resolves once the map is idle, with its last frame finished on the GPU, at `performance.now()`. */
export const IDLE = `async () => { const map = ${MAP}; await new Promise((r) => (map.loaded() && !map.isMoving() ? r() : map.once('idle', r)));
	const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl'); gl.finish(); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)); return performance.now(); }`;

/** Waits, polling inside one evaluation (the app's policy refuses `waitForFunction`'s eval), for the map. */
export const WAIT_FOR_MAP = `new Promise((resolve, reject) => {
	const check = () => (${MAP} ? resolve(true) : requestAnimationFrame(check));
	check();
	setTimeout(() => reject(new Error('no map within 120 s')), 120000);
})`;

/**
 * Counts WebGL programs linked (each one a shader compile and link, the first view's largest main-thread
 * cost on a software GPU) and records long tasks from the document's start, with their times.
 */
export const PROBES = `(() => {
	const b = (window.__bench = { programs: [], longTasks: [] });
	for (const C of [self.WebGL2RenderingContext, self.WebGLRenderingContext]) {
		if (!C) continue;
		const link = C.prototype.linkProgram;
		C.prototype.linkProgram = function (p) { b.programs.push(performance.now()); return link.call(this, p); };
	}
	try {
		new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push([e.startTime, e.duration]); })
			.observe({ type: 'longtask', buffered: true });
	} catch {}
})()`;

/** What the probes hold up to a time: programs linked, long tasks summed and their excess over 50 ms. */
export const PROBES_UNTIL = `(until) => {
	const b = window.__bench;
	const tasks = b.longTasks.filter(([t]) => t < until).map(([t, d]) => Math.min(d, until - t));
	return {
		programs: b.programs.filter((t) => t <= until).length,
		longTasks: tasks.reduce((s, d) => s + d, 0),
		blocking: tasks.reduce((s, d) => s + Math.max(0, d - 50), 0)
	};
}`;

/**
 * When the live map is ready: the first of MAP_READY_MARKS, or, in code that sets none (the baseline),
 * the map's first idle. Resolves with the time and what it came from.
 */
export const MAP_READY = `new Promise((resolve) => {
	const names = ${JSON.stringify(MAP_READY_MARKS)};
	const mark = () => names.map((n) => performance.getEntriesByName(n)[0]).find(Boolean);
	let done = false;
	const finish = (at, via) => { if (!done) { done = true; resolve({ at, via }); } };
	const poll = () => { if (done) return; const m = mark(); if (m) return finish(m.startTime, m.name); setTimeout(poll, 10); };
	poll();
	const idle = ${IDLE};
	const waitMap = () => (${MAP} ? idle().then((t) => { const m = mark(); finish(m ? m.startTime : t, m ? m.name : 'first idle'); }) : setTimeout(waitMap, 20));
	waitMap();
})`;

export type TapTarget = 'toggle' | 'claim';
/** The first layer toggle; the first link to a claim (in the claims list where there is one). */
const TARGETS: Record<TapTarget, string> = {
	toggle: `document.querySelector('input[name="layer"]')`,
	claim: `(document.querySelector('.claims a[href*="/claim/"]') ?? document.querySelector('a[href*="/claim/"]'))`
};

/**
 * Installed in an input-delay run. As soon as its target exists, it is scrolled into view (a reader who
 * has scrolled the panel to it) and its centre is reported on the console each time it moves, so the
 * benchmark can tap it without waiting for the main thread. The tap's start is the first touch or
 * pointer event's own time stamp (when the browser received it, however long the main thread was
 * busy). Its end is the end of the first frame that starts with the effect in the DOM: the toggle's
 * checked state flipped, or the claim's link marked current (on this page or, when a tap before
 * hydration followed the link, on the claim's page: the start is kept in sessionStorage for it).
 */
export function tapProbe(target: TapTarget): string {
	return `(() => {
	const KEY = '__bench_tap';
	const b = window.__bench;
	const target = () => ${TARGETS[target]};
	const finishAt = (effect, done) => {
		const poll = () => requestAnimationFrame(() => {
			if (!effect()) return poll();
			const ch = new MessageChannel();
			ch.port1.onmessage = () => done(performance.now());
			ch.port2.postMessage(0);
		});
		poll();
	};
	const kept = sessionStorage.getItem(KEY);
	if (kept) {
		sessionStorage.removeItem(KEY);
		const { epoch, href } = JSON.parse(kept);
		const effect = () => [...document.querySelectorAll('a[aria-current="true"]')].some((a) => a.getAttribute('href') === href);
		finishAt(effect, (t) => (b.tapResult = { ms: performance.timeOrigin + t - epoch, navigated: true, hit: true }));
		return;
	}
	let last = '';
	const report = () => {
		if (b.tap) return;
		const el = target();
		if (el) {
			if (!b.scrolled) { el.scrollIntoView({ block: 'center' }); b.scrolled = true; }
			const r = el.getBoundingClientRect();
			const now = JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width });
			if (now !== last && r.width > 0) console.debug('__bench_rect', (last = now));
		}
		requestAnimationFrame(report);
	};
	requestAnimationFrame(report);
	const start = (e) => {
		if (b.tap) return;
		const el = target();
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		const hit = !!el && (el.closest('label') ?? el).contains(e.target);
		b.tap = { at: e.timeStamp, afterFcp: e.timeStamp - fcp, hit };
		if (!hit) return void (b.tapResult = { ms: NaN, navigated: false, hit });
		const checked = el.checked;
		const href = el.getAttribute('href');
		sessionStorage.setItem(KEY, JSON.stringify({ epoch: performance.timeOrigin + e.timeStamp, href }));
		const effect = ${
			target === 'toggle'
				? `() => el.checked !== checked`
				: `() => [...document.querySelectorAll('a[aria-current="true"]')].some((a) => a.getAttribute('href') === href)`
		};
		finishAt(effect, (t) => {
			sessionStorage.removeItem(KEY);
			b.tapResult = { ms: t - e.timeStamp, navigated: false, hit };
		});
	};
	addEventListener('touchstart', start, { capture: true, passive: true });
	addEventListener('pointerdown', start, { capture: true, passive: true });
})()`;
}

/**
 * Set up before a drag: the drag's start is its first touch move's time stamp; its end, the end of the
 * frame in which the map first drew itself moved (MapLibre's first `render` after its first `move`).
 * Returns the map canvas's centre, where the drag begins.
 */
export const PAN_PROBE = `(() => {
	const map = ${MAP};
	const p = (window.__bench.pan = { start: NaN, moved: NaN });
	addEventListener('touchmove', (e) => { if (Number.isNaN(p.start)) p.start = e.timeStamp; }, { capture: true, passive: true });
	map.once('move', () => map.once('render', () => {
		const ch = new MessageChannel();
		ch.port1.onmessage = () => (p.moved = performance.now());
		ch.port2.postMessage(0);
	}));
	const r = map.getCanvas().getBoundingClientRect();
	return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
})()`;

/** Resolves with the drag's time to a moved map, or NaN if the map has not moved within 30 s. */
export const PAN_RESULT = `new Promise((resolve) => {
	const p = window.__bench.pan, t0 = performance.now();
	const poll = () => (!Number.isNaN(p.moved) ? resolve(p.moved - p.start) : performance.now() - t0 > 30000 ? resolve(NaN) : setTimeout(poll, 20));
	poll();
})`;
