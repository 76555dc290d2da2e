// Bringing what the reader opened into view (in the panel, or the phone's sheet) and, when they
// opened it from a button in the panel, moving focus to it, so it never drops to the page's body.

/** Set by a button that opens a card; the card that shows next takes focus (see `revealCard`). */
let focusWanted = false;

/** Call before selecting from a button: the opened card's heading will take focus. */
export function focusNextCard() {
	focusWanted = true;
}

/**
 * Glides only after the reader has acted on the page and has not asked for less motion: a link
 * lands where it points at once.
 */
const smooth = () =>
	(navigator.userActivation?.hasBeenActive ?? true) &&
	!matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Scrolls `el` into view in whatever scrolls it, once the layout has settled (the phone's sheet
 * may be growing in the same update).
 */
export function reveal(el: HTMLElement) {
	requestAnimationFrame(() =>
		el.scrollIntoView({ block: 'nearest', behavior: smooth() ? 'smooth' : 'instant' })
	);
}

/** Reveals a card and gives its heading focus if a button asked for it (`focusNextCard`). */
export function revealCard(card: HTMLElement, heading: HTMLElement | undefined) {
	if (focusWanted && heading) {
		focusWanted = false;
		heading.focus({ preventScroll: true });
	}
	reveal(card);
}
