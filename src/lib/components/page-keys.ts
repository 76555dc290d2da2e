// The page's keys, decided in one place: while guided reading runs, the arrows step and Escape
// leaves it; otherwise Escape clears the selection. Keys the page's own controls need stay theirs.
import type { Dashboard } from '$lib/state/dashboard.svelte';

/** Guided reading leaves these keys alone: text fields, sliders, the map, dialogs. */
const READING_LEAVES =
	'input, textarea, select, [contenteditable="true"], [role="slider"], .maplibregl-map, dialog';
/** Escape keeps the selection here: a field or a list being edited, a dialog. */
const ESCAPE_LEAVES = 'input, select, textarea, [contenteditable], dialog';

const within = (target: EventTarget | null, selector: string) =>
	target instanceof Element && !!target.closest(selector);

/** The one keydown handler of the page (on the window): a handler that already used a key wins. */
export function onPageKey(e: KeyboardEvent, dash: Dashboard): void {
	if (e.defaultPrevented) return;
	if (dash.reading !== null) {
		if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || within(e.target, READING_LEAVES)) return;
		if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
			e.preventDefault();
			dash.readBy(e.key === 'ArrowRight' ? 1 : -1);
		} else if (e.key === 'Escape') {
			e.preventDefault();
			// The selection stays as it was before the reading.
			dash.stopReading();
		}
		return;
	}
	if (e.key !== 'Escape' || !dash.selection || within(e.target, ESCAPE_LEAVES)) return;
	if (document.querySelector('dialog[open]')) return;
	dash.select(null, false);
}
