// The shareable view state and its URL form: two pure functions; parse never throws and falls back
// field by field. The camera follows MapLibre's hash convention `#zoom/lat/lng[/bearing/pitch]`
// (maplibre-gl-js src/ui/hash.ts), with precision tied to zoom.
import { addressLang, ITEM_PAGE, langFolder, type Lang } from '$lib/data/langs';
import { isIsoDay, type DayRange } from '$lib/data/time';
import type { Camera, Known, Selection, SelectionKind } from '$lib/types/view';

export interface ViewState {
	/** The address's language (`/en/`, or `?lang=` in older links); null: the browser's. */
	lang: Lang | null;
	selection: Selection | null;
	/** Visible layer ids in registry order; null: the registry's defaults. */
	layers: string[] | null;
	/** The claims list narrowed to one layer. */
	filter: string | null;
	/** Days shown on the map, the timeline and the panel; null: the whole story. */
	range: DayRange | null;
	camera: Camera | null;
	/** Compact view for iframes on other sites. */
	embed: boolean;
	/** The opt-in street map; null: the embedded basemap (used too when no street map is configured). */
	basemap: 'street' | null;
	/** The paragraph guided reading is on (the article's numbering); null: not reading. */
	step: number | null;
}

// Most specific first: a link to a claim may also name its place, never the reverse.
const SELECTION_PARAMS: SelectionKind[] = ['claim', 'incident', 'site'];
const OWN_PARAMS = [
	'lang',
	'layers',
	'filter',
	'from',
	'to',
	'embed',
	'basemap',
	'step',
	...SELECTION_PARAMS
];

/** The parser's bound on latitude: Web Mercator's edge (85.0511°), as MapLibre's hash writes it. */
export const MAX_LAT = 85.06;

export function parseCamera(hash: string): Camera | null {
	const parts = hash.replace(/^#/, '').split('/');
	if (parts.length < 3 || parts.length > 5) return null;
	if (!parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return null;
	const [zoom, lat, lng, bearing = 0, pitch = 0] = parts.map(Number) as number[];
	if (!(zoom! >= 0 && zoom! <= 24 && Math.abs(lat!) <= MAX_LAT && Math.abs(lng!) <= 180)) return null;
	if (!(Math.abs(bearing) <= 180 && pitch >= 0 && pitch <= 85)) return null;
	return { zoom: zoom!, lat: lat!, lng: lng!, bearing, pitch };
}

/** Decimals MapLibre's hash uses at a zoom: enough to place the centre within a pixel. */
export function hashPrecision(zoom: number) {
	return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

/** Fixed notation without trailing zeros: String(1e-7) would write an exponent the parser rejects. */
function fixed(v: number, digits: number): string {
	const s = v.toFixed(digits);
	const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
	return t === '-0' ? '0' : t;
}

export function serializeCamera(c: Camera): string {
	// The precision of the zoom as written, as MapLibre's hash does: taken from the unrounded zoom,
	// a link read back at its rounded zoom could be written with other digits the second time.
	const zoom = fixed(c.zoom, 2);
	const p = hashPrecision(Number(zoom));
	// Near the Mercator edge, rounding can step past the parser's bound (85.0511 as 85.1 at one
	// decimal): the latitude is then cut toward the equator at the same precision.
	let lat = fixed(c.lat, p);
	if (Math.abs(Number(lat)) > MAX_LAT) lat = fixed(Math.trunc(c.lat * 10 ** p) / 10 ** p, p);
	const parts = [zoom, lat, fixed(c.lng, p)];
	const bearing = fixed(c.bearing, 1);
	const pitch = fixed(c.pitch, 1);
	if (bearing !== '0' || pitch !== '0') parts.push(bearing);
	if (pitch !== '0') parts.push(pitch);
	return '#' + parts.join('/');
}

export interface Parsed {
	view: ViewState;
	/** An item the link names that the data no longer has: the reader is told, not left blank. */
	missing: Selection | null;
}

function safeDecode(s: string) {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** The address read, before the items it names are checked against the data (`resolve`). */
export interface AddressRead {
	/**
	 * Everything but the selection, which `resolve` picks from `asked`, and the step, whose number
	 * `resolve` checks against the guided reading's.
	 */
	view: ViewState;
	/** The items the address names, in the order a selection is picked from them. */
	asked: Selection[];
}

/** Reads the address; needs only the story's layers and days, so it can run before the data is here. */
export function readAddress(url: URL, known: Pick<Known, 'layers' | 'days'>): AddressRead {
	const q = url.searchParams;
	const asked: Selection[] = [];
	for (const kind of SELECTION_PARAMS) {
		const id = q.get(kind);
		if (id !== null && id !== '') asked.push({ kind, id });
	}
	const m = ITEM_PAGE.exec(url.pathname);
	if (m) asked.push({ kind: m[1] as SelectionKind, id: safeDecode(m[2]!) });

	let layers: string[] | null = null;
	const rawLayers = q.get('layers');
	if (rawLayers !== null) {
		const wanted = new Set(
			rawLayers
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		);
		const valid = known.layers.filter((l) => wanted.has(l));
		// An empty value means "no layer"; a value naming only unknown layers is malformed: default.
		if (wanted.size === 0 || valid.length > 0) layers = valid;
	}
	const filter = q.get('filter');
	return {
		view: {
			lang: addressLang(url.search, url.pathname),
			selection: null,
			layers,
			filter: filter !== null && known.layers.includes(filter) ? filter : null,
			range: parseRange(q.get('from'), q.get('to'), known.days),
			camera: parseCamera(url.hash),
			embed: q.get('embed') === '1',
			basemap: q.get('basemap') === 'street' ? 'street' : null,
			step: /^\d{1,4}$/.test(q.get('step') ?? '') ? Number(q.get('step')) : null
		},
		asked
	};
}

/** Picks the selection among the items the address names: the first the data has. */
export function resolve(read: AddressRead, known: Known): Parsed {
	const setOf = (kind: SelectionKind) =>
		kind === 'site' ? known.sites : kind === 'incident' ? known.incidents : known.claims;
	const selection = read.asked.find((s) => setOf(s.kind).has(s.id)) ?? null;
	// Only a well-formed id that is absent is "no longer in the dataset"; junk is just ignored.
	const missing = selection
		? null
		: (read.asked.find((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s.id)) ?? null);
	return { view: { ...read.view, selection, step: stepFor(read.view.step, known.steps ?? []) }, missing };
}

export function parseWithNotes(url: URL, known: Known): Parsed {
	return resolve(readAddress(url, known), known);
}

/**
 * A paragraph with a step; a paragraph the reading leaves out (the cross-promotion line) opens on
 * the next step. Anything outside the steps' paragraphs, or not a whole number, is no reading.
 */
function stepFor(n: number | null, steps: readonly number[]): number | null {
	if (n === null || !(n >= steps[0]!)) return null;
	return steps.find((s) => s >= n) ?? null;
}

/**
 * Days inside the story, each end falling back to the story's own; a range that ends before it
 * starts, or that is the whole story, is no filter.
 */
function parseRange(from: string | null, to: string | null, days: DayRange): DayRange | null {
	const inside = (d: string | null): d is string => isIsoDay(d) && d >= days.from && d <= days.to;
	const r = { from: inside(from) ? from : days.from, to: inside(to) ? to : days.to };
	if (r.from > r.to || (r.from === days.from && r.to === days.to)) return null;
	return r;
}

export function parse(url: URL, known: Known): ViewState {
	return parseWithNotes(url, known).view;
}

/**
 * Writes a state onto a root URL, keeping any parameter we do not own (an item page's path is
 * replaced by the root: the query says the same, and stays editable). A language with pages of its
 * own is their folder (`/en/`), so a link's preview is in it too; the root pages' is `?lang=`.
 * `defaultLayers` keeps the default visibility out of the URL, so shared links stay short.
 */
export function serialize(
	state: ViewState,
	root: URL,
	defaultLayers: readonly string[],
	/** false for a root that is one file (the offline copy): every language is then `?lang=`. */
	folders = true
): URL {
	const folder = state.lang && folders ? langFolder(state.lang) : '';
	const url = new URL(folder, root.href);
	url.search = root.search;
	const q = url.searchParams;
	for (const key of OWN_PARAMS) q.delete(key);
	if (state.lang && !folder) q.set('lang', state.lang);
	if (state.selection) q.set(state.selection.kind, state.selection.id);
	if (state.layers && !sameMembers(state.layers, defaultLayers)) q.set('layers', state.layers.join(','));
	if (state.filter) q.set('filter', state.filter);
	if (state.range) {
		q.set('from', state.range.from);
		q.set('to', state.range.to);
	}
	if (state.embed) q.set('embed', '1');
	if (state.basemap) q.set('basemap', state.basemap);
	if (state.step) q.set('step', String(state.step));
	// Commas are legal in a query; keeping them readable keeps shared links legible.
	url.search = q.toString().replace(/%2C/g, ',');
	url.hash = state.camera ? serializeCamera(state.camera) : '';
	return url;
}

/** The path of an item's own prerendered page, relative to the app's base. */
export function itemPath(s: Selection): string {
	return `/${s.kind}/${s.id}`;
}

function sameMembers(a: readonly string[], b: readonly string[]) {
	return a.length === b.length && a.every((x) => b.includes(x));
}
