// The precache (the whole app and the street archive, a few megabytes) must not compete with the
// map's first view: the page registers the service worker, and tells it to start, only once that
// view is drawn.

/** The `performance` mark MapView sets once the map has drawn its opening view. */
export const FIRST_VIEW = 'story:first-view';
/** What the page tells an installing service worker once its first view is drawn. */
export const PRECACHE_MAY_START = 'precache-may-start';
/** A page whose map never idles (no WebGL) is as drawn as it will be this long after `load`. */
export const FALLBACK_AFTER_LOAD_MS = 10_000;

/** Resolves once the first view is drawn, or `fallbackMs` after `loaded` if it never is. */
export function firstViewDrawn(loaded: Promise<unknown>, fallbackMs = FALLBACK_AFTER_LOAD_MS): Promise<void> {
	return new Promise((resolve) => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		let settled = false;
		// buffered: a mark set before this was called counts too.
		const observer = new PerformanceObserver((list) => {
			if (list.getEntriesByName(FIRST_VIEW).length) done();
		});
		function done() {
			settled = true;
			observer.disconnect();
			clearTimeout(timer);
			resolve();
		}
		observer.observe({ type: 'mark', buffered: true });
		void loaded.then(() => {
			if (!settled) timer = setTimeout(done, fallbackMs);
		});
	});
}

/** Resolves once the page's `load` event has fired. */
export const pageLoaded = () =>
	new Promise<void>((resolve) => {
		if (document.readyState === 'complete') resolve();
		else addEventListener('load', () => resolve(), { once: true });
	});
