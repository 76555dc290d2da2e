// The shareable view state and its URL form: two pure functions, parse never throws and falls back
// field by field. The camera follows MapLibre's hash convention `#zoom/lat/lng[/bearing/pitch]`
// (maplibre-gl-js src/ui/hash.ts), with precision tied to zoom.
import { LANGS, type Lang } from '$lib/data/schema';

export interface Camera {
	zoom: number;
	lat: number;
	lng: number;
	bearing: number;
	pitch: number;
}

export type SelectionKind = 'site' | 'incident' | 'claim';
export interface Selection {
	kind: SelectionKind;
	id: string;
}

export interface ViewState {
	/** null: not chosen in the URL, use the browser's preference. */
	lang: Lang | null;
	selection: Selection | null;
	/** Visible layer ids in registry order; null: the registry's defaults. */
	layers: string[] | null;
	camera: Camera | null;
}

/** What the data allows; anything else in a URL falls back to the default. */
export interface Known {
	sites: ReadonlySet<string>;
	incidents: ReadonlySet<string>;
	claims: ReadonlySet<string>;
	/** Layer ids in registry order. */
	layers: readonly string[];
}

export const EMPTY_VIEW: ViewState = { lang: null, selection: null, layers: null, camera: null };

// Most specific first: a link to a claim also names its place, never the reverse.
const SELECTION_PARAMS: SelectionKind[] = ['claim', 'incident', 'site'];

export function parseCamera(hash: string): Camera | null {
	const parts = hash.replace(/^#/, '').split('/');
	if (parts.length < 3 || parts.length > 5) return null;
	if (!parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return null;
	const [zoom, lat, lng, bearing = 0, pitch = 0] = parts.map(Number) as number[];
	if (!(zoom! >= 0 && zoom! <= 24 && Math.abs(lat!) <= 85.06 && Math.abs(lng!) <= 180)) return null;
	if (!(Math.abs(bearing) <= 180 && pitch >= 0 && pitch <= 85)) return null;
	return { zoom: zoom!, lat: lat!, lng: lng!, bearing, pitch };
}

export function serializeCamera(c: Camera): string {
	// Same precision rule as MapLibre's hash: enough decimals to place the centre within a pixel.
	const precision = Math.max(0, Math.ceil((c.zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
	const m = Math.pow(10, precision);
	const round = (v: number, f: number) => Math.round(v * f) / f;
	const parts = [round(c.zoom, 100), round(c.lat, m), round(c.lng, m)];
	const bearing = round(c.bearing, 10);
	const pitch = round(c.pitch, 10);
	if (bearing || pitch) parts.push(bearing);
	if (pitch) parts.push(pitch);
	return '#' + parts.join('/');
}

export function parse(url: URL, known: Known): ViewState {
	const q = url.searchParams;
	const lang = q.get('lang');
	let selection: Selection | null = null;
	for (const kind of SELECTION_PARAMS) {
		const id = q.get(kind);
		const set = kind === 'site' ? known.sites : kind === 'incident' ? known.incidents : known.claims;
		if (id !== null && set.has(id)) {
			selection = { kind, id };
			break;
		}
	}
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
	return {
		lang: (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : null,
		selection,
		layers,
		camera: parseCamera(url.hash)
	};
}

/**
 * Writes a state onto a base URL, keeping its path and any parameter we do not own.
 * `defaultLayers` lets the default visibility stay out of the URL, so shared links stay short.
 */
export function serialize(state: ViewState, base: URL, defaultLayers: readonly string[]): URL {
	const url = new URL(base.href);
	const q = url.searchParams;
	for (const key of ['lang', 'layers', ...SELECTION_PARAMS]) q.delete(key);
	if (state.lang) q.set('lang', state.lang);
	if (state.selection) q.set(state.selection.kind, state.selection.id);
	if (state.layers && !sameMembers(state.layers, defaultLayers)) q.set('layers', state.layers.join(','));
	// Commas are legal in a query; keeping them readable keeps shared links legible.
	url.search = q.toString().replace(/%2C/g, ',');
	url.hash = state.camera ? serializeCamera(state.camera) : '';
	return url;
}

function sameMembers(a: readonly string[], b: readonly string[]) {
	return a.length === b.length && a.every((x) => b.includes(x));
}
