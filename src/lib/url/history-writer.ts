// Writes the address bar within the browser's limits, as MapLibre's src/ui/hash.ts does: a throttle
// computed from the stated limit, and a history call that throws is caught, not left to break the page.

/** Mobile Safari's limit on history calls (pushState and replaceState together): 100 per 30 s. */
export const HISTORY_LIMIT = { calls: 100, perMs: 30_000 };
/** One call at most this often keeps within it. */
export const WRITE_EVERY_MS = HISTORY_LIMIT.perMs / HISTORY_LIMIT.calls;

export type HistoryKind = 'push' | 'replace';

export interface HistoryApi {
	push: (url: string) => void;
	replace: (url: string) => void;
	/** The address now, so a write that changes nothing is skipped. */
	current: () => string;
}

export interface HistoryWriter {
	/** Asks for the address to become `url`; a push asked for in the same interval stays a push. */
	write: (url: string, kind: HistoryKind) => void;
	/** Writes what is waiting now (the page is going away). */
	flush: () => void;
	/** Forgets what is waiting (Back or Forward has just set the address). */
	cancel: () => void;
}

/**
 * A push goes at once when the interval allows, so Back steps through what the reader chose; a
 * replace waits one interval, so the many of a pan become one. No two calls come closer than
 * WRITE_EVERY_MS, and the last address asked for is always written. Selections within one interval
 * become one history entry, the latest.
 */
export function historyWriter(api: HistoryApi): HistoryWriter {
	let pending: { url: string; kind: HistoryKind } | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastCall = -Infinity;
	let warned = false;

	const call = () => {
		if (!pending) return;
		const { url, kind } = pending;
		pending = null;
		if (url === api.current()) return;
		lastCall = Date.now();
		try {
			api[kind](url);
		} catch (e) {
			// A SecurityError (over a limit, or a sandboxed frame): the address lags, the page works.
			if (!warned) console.warn('The address bar could not be updated:', e);
			warned = true;
		}
	};
	const wait = (ms: number) => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(later, ms);
	};
	function later() {
		timer = null;
		if (!pending) return;
		call();
		wait(WRITE_EVERY_MS);
	}
	return {
		write(url, kind) {
			pending = { url, kind: pending?.kind === 'push' ? 'push' : kind };
			const since = Date.now() - lastCall;
			if (pending.kind === 'push' && since >= WRITE_EVERY_MS) {
				call();
				wait(WRITE_EVERY_MS);
			} else if (!timer) wait(pending.kind === 'push' ? WRITE_EVERY_MS - since : WRITE_EVERY_MS);
		},
		flush() {
			if (timer) clearTimeout(timer);
			timer = null;
			call();
		},
		cancel() {
			pending = null;
		}
	};
}
