// Everything that touches MapLibre lives here and in style.ts. Loaded with import() (MapView.svelte),
// so the large maplibre-gl chunk never delays the story's prerendered text.
import { bbox } from '@turf/bbox';
import {
	AttributionControl,
	Map as MlMap,
	NavigationControl,
	ScaleControl,
	addProtocol,
	prewarm,
	setWorkerUrl
} from 'maplibre-gl';
import type { LngLatBoundsLike, MapEventType, MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import latinFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import cyrillicFont from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillicExtFont from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';
import { PMTiles, Protocol } from 'pmtiles';
import { loadMessages, messagesOf } from '$lib/i18n/messages';
import type { Lang, Layer } from '$lib/data/schema';
import type { StoryIndex } from '$lib/data/story-index';
import type { Camera, MapStart, Selection } from '$lib/types/view';
import type { CameraTarget, Concerns } from './camera-target';
import { clockOf, type DayRange, type StoryClock } from '$lib/data/time';
import type { MapBoot } from './boot';
import { placesBounds, type Bounds } from './bounds';
import { drawHalo, drawMarker } from './icons';
import { ICON_PX, MARKER_STYLES, markerImage } from './marker-style';
import { ALL_TIME, HALO_IMAGE, LAYER, SOURCE, buildStyle, incidentFilter, type Basemap } from './style';
import type { StreetMap } from './basemap-config';
import { StreetMapError, creditText, streetUrl } from './street-map';
import { STORY_STREET_LABEL, STREETS_SOURCE, storyStreetName } from './street-style';
import { POINTER_INSET, edgePointers, type Box, type Pointer } from './edge-pointers';
import { sidePadding as paddingFor } from './opening';
import { carriedFiles } from './offline-files';
import { zoomFloor } from './zoom-floor';
import { distance } from '@turf/distance';

setWorkerUrl(workerUrl);
// The street tiles (ours, and a deployer's opt-in archive) are read from .pmtiles archives by range.
const archives = new Protocol();
addProtocol('pmtiles', archives.tile);
// In the offline copy (npm run pack) the map's files are inside the page.
const carried = carriedFiles(archives);
const EMBEDDED: Basemap = { kind: 'embedded' };
// The worker starts (and fetches its script) while the page still hydrates, not when the map is built.
prewarm();

export interface MapEvents {
	/** The reader clicked a site or an incident on the map. */
	onPick: (selection: Selection) => void;
	/** The camera settled after a move (by the reader or by us). */
	onMove: (camera: Camera) => void;
	/** Street tiles failed to load (once per map): the story is still drawn. */
	onStreetsFailed: () => void;
	/**
	 * Key sites out of view, as pointers at the map's edge, and the boxes of the markers in view
	 * (which the pointers must not cover); called as the map moves.
	 */
	onPointers: (pointers: Pointer[], markers: Box[]) => void;
}

export interface MapOptions extends MapStart {
	container: HTMLElement;
	boot: MapBoot;
	/** The site's base path: the map's files are under `${base}/map/` and `${base}/basemap/`. */
	base: string;
}

/**
 * Opens from the boot data alone, so it can start before the page hydrates (MapView.svelte); the
 * story's index and the reader's events arrive with `attach` once the dashboard exists.
 */
export class StoryMap {
	readonly map: MlMap;
	private selectedFeatures: { source: string; id: string }[] = [];
	/** Resolves once sources are loaded; feature-state needs them. */
	readonly ready: Promise<void>;
	/**
	 * Resolves once the map has drawn its opening view completely (tiles, labels, fades). Listened
	 * for from the start: 'idle' can fire in the very frame that fires 'load'.
	 */
	readonly firstIdle: Promise<void>;
	private index: StoryIndex | null = null;
	private events: MapEvents | null = null;
	/** Where the reader moved the map before the dashboard was there to hear it. */
	private unreported: Camera | null = null;
	private readonly boot: MapBoot;
	private readonly clock: StoryClock;
	private readonly layers: Layer[];
	private visible: readonly string[];
	private lang: Lang;
	private range: DayRange | null;
	private highlighted: Concerns = { sites: [], incidents: [] };
	private basemap: Basemap = EMBEDDED;
	/** The credit control, once it is on the map (see showCredit). */
	private attribution: AttributionControl | null = null;
	private streetsFailed = false;
	/** The basemap last asked for, and the one drawn: they differ while a street map loads. */
	private wantedBasemap = 'embedded';
	private shownBasemap = 'embedded';
	/** While a street map is first drawn, its failures are useBasemap's to report. */
	private switching = false;
	private readonly styleInput: Omit<
		Parameters<typeof buildStyle>[0],
		'visible' | 'time' | 'lang' | 'basemap'
	>;

	constructor(opts: MapOptions) {
		this.boot = opts.boot;
		this.clock = clockOf(opts.boot.utcOffset);
		this.layers = opts.boot.layers;
		this.visible = opts.visible;
		this.lang = opts.lang;
		this.range = opts.range;
		const file = carried ?? ((path: string) => new URL(`${opts.base}/${path}`, location.href).href);
		this.styleInput = {
			data: {
				sites: file(opts.boot.files.sites),
				areas: file(opts.boot.files.areas),
				incidents: file(opts.boot.files.markers)
			},
			layers: this.layers,
			basemapUrl: (f) => file(`basemap/${f}`),
			fonts: {
				latin: new URL(latinFont, location.href).href,
				cyrillic: new URL(cyrillicFont, location.href).href,
				cyrillicExt: new URL(cyrillicExtFont, location.href).href
			}
		};
		const style = this.style();
		const c = opts.camera;
		this.map = new MlMap({
			container: opts.container,
			style,
			...(c
				? { center: [c.lng, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch }
				: {
						bounds: this.defaultBounds(),
						// Room at the sides for the labels beside the outermost markers (the airport's).
						fitBoundsOptions: { padding: sidePadding(opts.container), maxZoom: opts.boot.maxZoom }
					}),
			attributionControl: false,
			// Our data never leaves the region; world copies would only duplicate markers.
			renderWorldCopies: false,
			maxZoom: 18,
			minZoom: 2
		});
		this.map.addControl(new NavigationControl({ showCompass: true, visualizePitch: true }), 'top-right');
		this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
		// A listener replaces MapLibre's own logging of errors: log what is not ours to handle.
		this.map.on('error', (e) => {
			const source = (e as { sourceId?: string }).sourceId;
			const street = source === STREETS_SOURCE || (source !== undefined && this.isStreetSource(source));
			if (!street) return console.error(e.error ?? e);
			if (this.switching) return;
			if (!this.streetsFailed) console.warn('Street tiles could not be loaded:', e.error?.message);
			this.streetsFailed = true;
			this.events?.onStreetsFailed();
		});

		// Images are drawn when the style first asks for them, so none is requested over the network.
		const ratio = Math.max(1, Math.min(3, Math.round(window.devicePixelRatio || 1)));
		const images = new Map<string, () => ImageData>(
			this.layers.flatMap((l) =>
				MARKER_STYLES.map(
					(st) => [markerImage(l.id, st), () => drawMarker(l.shape, l.color, st, ratio)] as const
				)
			)
		);
		images.set(HALO_IMAGE, () => drawHalo(ratio));
		this.map.setMissingStyleImageResolver((id) => {
			if (this.map.hasImage(id)) return;
			const draw = images.get(id);
			// A street style's icons we do not ship become blank, not console noise.
			this.map.addImage(id, draw ? draw() : { width: 1, height: 1, data: new Uint8Array(4) }, {
				pixelRatio: ratio
			});
		});
		this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
		void this.showCredit();
		this.firstIdle = new Promise((resolve) => this.map.once('idle', () => resolve()));

		// A country has no marker: its scope label is what a reader clicks.
		const clickable = [LAYER.siteDot, LAYER.siteLabel, ...this.layers.map((l) => LAYER.incidents(l.id))];
		this.map.on('click', (e) => {
			// Before the dashboard is there, a click has nothing to select yet.
			if (!this.events) return;
			const hits = this.map.queryRenderedFeatures(e.point, {
				layers: clickable.filter((l) => this.map.getLayer(l))
			});
			const hit = pickTop(hits);
			if (hit) this.events.onPick(hit);
		});
		for (const layer of clickable) {
			this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
			this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
		}
		let pending = 0;
		this.map.on('move', () => {
			pending ||= requestAnimationFrame(() => {
				pending = 0;
				this.reportPointers();
			});
		});
		this.map.on('resize', () => this.reportPointers());
		// The markers in view, which pointers keep off, are known once their data is drawn.
		this.map.on('idle', () => this.reportPointers());
		this.map.on('moveend', (e) => {
			const camera = this.camera();
			if (this.events) this.events.onMove(camera);
			// Only the reader's own moves are worth reporting later; the opening view is the default.
			else if (e.originalEvent) this.unreported = camera;
		});
	}

	/** The dashboard is there: the map can answer selections and report the reader's picks and moves. */
	attach(index: StoryIndex, events: MapEvents) {
		this.setIndex(index);
		this.events = events;
		if (this.streetsFailed) events.onStreetsFailed();
		this.reportPointers();
		if (this.unreported) events.onMove(this.unreported);
		this.unreported = null;
	}

	/** The story's index, again once the incident records arrive after the page opened. */
	setIndex(index: StoryIndex) {
		this.index = index;
	}

	/** Where the key sites out of view lie, seen from the map's edge. */
	private reportPointers() {
		if (!this.events) return;
		const el = this.map.getContainer();
		const center = this.map.getCenter().toArray();
		const sites = this.boot.keySites.map((s) => {
			const p = this.map.project(s.at);
			return { id: s.id, x: p.x, y: p.y, distanceM: distance(center, s.at, { units: 'meters' }) };
		});
		const pointers = edgePointers(el.clientWidth, el.clientHeight, sites, POINTER_INSET);
		this.events.onPointers(pointers, pointers.length ? this.markerBoxes() : []);
	}

	/** The incident and site markers drawn in view, as screen boxes (their icons and dots). */
	markerBoxes(): Box[] {
		return this.drawnMarkers().map(({ x, y, r }) => ({
			left: x - r,
			top: y - r,
			right: x + r,
			bottom: y + r
		}));
	}

	/**
	 * Where a place's marker (an area's label) or an incident's marker is drawn, in CSS px; null when
	 * it is out of view or not drawn.
	 */
	markerAt(selection: Selection): { x: number; y: number } | null {
		if (selection.kind === 'site') {
			const at = this.index?.siteAnchor.get(selection.id);
			const p = at && this.map.project(at);
			const el = this.map.getContainer();
			return p && p.x >= 0 && p.y >= 0 && p.x <= el.clientWidth && p.y <= el.clientHeight ? p : null;
		}
		return this.drawnMarkers().find((m) => m.kind === selection.kind && m.id === selection.id) ?? null;
	}

	private drawnMarkers() {
		const incidentLayers = this.layers.map((l) => LAYER.incidents(l.id));
		const layers = [LAYER.siteDot, ...incidentLayers].filter((l) => this.map.getLayer(l));
		return this.map.queryRenderedFeatures({ layers }).flatMap((f) => {
			if (f.geometry.type !== 'Point') return [];
			const p = this.map.project(f.geometry.coordinates as [number, number]);
			const incident = f.source === SOURCE.incidents;
			const { dx, dy } = incident ? (f.properties as { dx: number; dy: number }) : { dx: 0, dy: 0 };
			const kind: Selection['kind'] = incident ? 'incident' : 'site';
			// An icon's half width; a key site's dot with its stroke.
			return [
				{ kind, id: String(f.properties.id), x: p.x + dx, y: p.y + dy, r: incident ? ICON_PX / 2 : 10 }
			];
		});
	}

	private camera(): Camera {
		const center = this.map.getCenter();
		return {
			zoom: this.map.getZoom(),
			lat: center.lat,
			lng: center.lng,
			bearing: this.map.getBearing(),
			pitch: this.map.getPitch()
		};
	}

	/** The story's opening view: its key places with their whole uncertainty circles. */
	private defaultBounds(): Bounds {
		return this.boot.bounds;
	}

	/** The whole style for the current state: used at start and when the basemap changes. */
	private style(): StyleSpecification {
		return buildStyle({
			...this.styleInput,
			visible: this.visible,
			time: this.range ? this.clock.rangeInterval(this.range) : ALL_TIME,
			lang: this.lang,
			basemap: this.basemap
		});
	}

	/**
	 * Switches between the embedded basemap and the deployer's street map. Nothing of the street map
	 * is requested before the reader chooses it. Resolves once the street map is drawn; rejects with
	 * why it could not be (unreachable, not a style or an archive, refused by the page's policy, its
	 * tiles failing), once the embedded basemap is back.
	 */
	async useBasemap(choice: 'embedded' | 'street', street: StreetMap | null) {
		const url = choice === 'street' && street ? streetUrl(street, location.href).href : null;
		const key = url ? `street:${url}` : 'embedded';
		if (key === this.wantedBasemap) return;
		this.wantedBasemap = key;
		try {
			const basemap = url && street ? await this.streetBasemap(street, url) : EMBEDDED;
			// The reader chose again while this one loaded.
			if (key !== this.wantedBasemap) return;
			this.showBasemap(basemap, key);
			if (basemap.kind === 'street') await this.drawn(basemap);
		} catch (e) {
			if (key === this.wantedBasemap) {
				this.wantedBasemap = 'embedded';
				this.showBasemap(EMBEDDED, 'embedded');
			}
			throw e;
		}
	}

	/** The street map's sources and layers, once it is known to answer. */
	private async streetBasemap(street: StreetMap, url: string): Promise<Basemap> {
		if (street.pmtiles) {
			// Its header, read once here and kept for the tiles: an archive that does not answer fails now.
			const archive = new PMTiles(url);
			await archive.getHeader().catch((e: Error) => {
				throw new StreetMapError(`${url} could not be read as a PMTiles archive: ${e.message}`);
			});
			archives.add(archive);
			const basemaps = await import('@protomaps/basemaps');
			return {
				kind: 'street',
				sources: {
					protomaps: { type: 'vector', url: `pmtiles://${url}`, attribution: creditText(street.attribution) }
				},
				layers: basemaps.layers('protomaps', basemaps.namedFlavor(street.flavor), { lang: this.lang })
			};
		}
		const { fetchStreetStyle } = await import('./street-check');
		const remote = await fetchStreetStyle(url);
		const sources = Object.fromEntries(
			Object.entries(remote.sources).map(([k, v]) => [
				k,
				{ ...v, attribution: creditText(street.attribution) }
			])
		) as StyleSpecification['sources'];
		return { kind: 'street', sources, layers: remote.layers, glyphs: remote.glyphs, sprite: remote.sprite };
	}

	private isStreetSource(id: string): boolean {
		return this.basemap.kind === 'street' && Object.hasOwn(this.basemap.sources, id);
	}

	private showBasemap(basemap: Basemap, key: string) {
		if (key === this.shownBasemap) return;
		this.basemap = basemap;
		this.shownBasemap = key;
		this.map.setStyle(this.style(), { diff: false });
		this.refreshCredit();
		// Feature-state needs the new sources loaded.
		this.map.once('idle', () => this.highlight(this.highlighted));
	}

	/** Resolves when the street map has drawn its first view; rejects if its sources fail first. */
	private drawn(street: Basemap & { kind: 'street' }): Promise<void> {
		this.switching = true;
		return new Promise<void>((resolve, reject) => {
			const done = () => {
				this.switching = false;
				this.map.off('error', failed);
				this.map.off('idle', idle);
			};
			const idle = () => (done(), resolve());
			const failed = (e: MapEventType['error']) => {
				const source = (e as { sourceId?: string }).sourceId;
				if (!source || !Object.hasOwn(street.sources, source)) return;
				done();
				reject(new StreetMapError(`its tiles could not be loaded: ${e.error?.message ?? 'unknown error'}`));
			};
			this.map.on('error', failed);
			this.map.on('idle', idle);
		});
	}

	/**
	 * The street tiles' credit, in the reader's language, with what their date means. Compact on a
	 * narrow map (MapLibre's own rule), where it opens on a tap.
	 */
	private credit() {
		return new AttributionControl({
			customAttribution: this.shownBasemap === 'embedded' ? messagesOf(this.lang)?.streetsCredit : undefined
		});
	}

	/**
	 * The credit goes on the map once, whole: with the sources' credits (known at 'load') and its
	 * words, which the map may start without. Put on early, it grew as they arrived and moved on
	 * the first view (a layout shift).
	 */
	private async showCredit() {
		await this.ready;
		while (!messagesOf(this.lang)) await loadMessages(this.lang);
		if (!this.attribution) this.refreshCredit(true);
	}

	private refreshCredit(first = false) {
		if (!this.attribution && !first) return;
		if (this.attribution) this.map.removeControl(this.attribution);
		this.attribution = this.credit();
		this.addCredit(this.attribution);
	}

	/** On a narrow map the credit starts folded behind its (i) button, which unfolds it. */
	private addCredit(credit: AttributionControl) {
		this.map.addControl(credit, 'bottom-right');
		const el = this.map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact');
		el?.classList.remove('maplibregl-compact-show');
		el?.removeAttribute('open');
	}

	setLang(lang: Lang) {
		if (lang !== this.lang) {
			this.lang = lang;
			this.refreshCredit();
		}
		for (const id of [LAYER.siteLabel, LAYER.countryLabel, LAYER.cityLabel])
			if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', ['get', `name_${lang}`]);
		if (this.map.getLayer(STORY_STREET_LABEL))
			this.map.setLayoutProperty(STORY_STREET_LABEL, 'text-field', storyStreetName(lang));
	}

	setVisible(visible: readonly string[]) {
		this.visible = visible;
		for (const l of this.layers)
			this.map.setLayoutProperty(
				LAYER.incidents(l.id),
				'visibility',
				visible.includes(l.id) ? 'visible' : 'none'
			);
	}

	setRange(range: DayRange | null) {
		this.range = range;
		const time = range ? this.clock.rangeInterval(range) : ALL_TIME;
		for (const l of this.layers) this.map.setFilter(LAYER.incidents(l.id), incidentFilter(l.id, time));
	}

	/** Highlights what a selection concerns: its places and its incidents. */
	highlight(concerns: Concerns) {
		this.highlighted = concerns;
		for (const f of this.selectedFeatures) this.map.setFeatureState(f, { selected: false });
		this.selectedFeatures = [];
		for (const id of concerns.sites)
			for (const source of [SOURCE.sites, SOURCE.areas]) this.selectedFeatures.push({ source, id });
		for (const f of this.selectedFeatures) this.map.setFeatureState(f, { selected: true });
		this.map.setFilter(LAYER.selectedHalo, ['in', ['get', 'id'], ['literal', concerns.incidents]]);
	}

	/** Carries out the state's camera request; with reduced motion, every move is a jump. */
	moveTo(target: CameraTarget) {
		if (target.kind === 'camera') {
			const c = target.camera;
			this.map.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
			return;
		}
		const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
		const duration = target.animate === false || reduce ? 0 : 900;
		if (target.kind === 'data') {
			const b = this.dataBounds();
			if (b) this.map.fitBounds(b, { padding: 48, ...(duration ? {} : { duration: 0 }) });
			return;
		}
		const index = this.index;
		const sites = target.kind === 'places' && index ? target.sites.map((id) => index.site.get(id)) : [];
		const bounds = target.kind === 'default' ? this.defaultBounds() : index && placesBounds(sites);
		if (!bounds) return;
		if (
			target.kind === 'places' &&
			target.unlessInside &&
			inside(this.map.getBounds().toArray().flat(), bounds)
		)
			return;
		const fit = {
			padding: sidePadding(this.map.getContainer()),
			maxZoom: (target.kind === 'places' && target.maxZoom) || this.boot.maxZoom,
			duration
		} satisfies Parameters<MlMap['fitBounds']>[1] & object;
		// A city is seen as a city: its circle's fit would open on the region (zoom-floor.ts).
		const floor = zoomFloor(sites.filter((s) => s !== undefined));
		const camera = floor === null ? undefined : this.map.cameraForBounds(bounds, fit);
		// Centred on the places' middle (the side padding is even; a `padding` here would stay on
		// the map and add to every later fit's).
		const [w, s, e, n] = bounds;
		if (camera?.zoom !== undefined && camera.zoom < floor!)
			this.map.flyTo({ center: [(w + e) / 2, (s + n) / 2], zoom: floor!, bearing: 0, duration });
		else this.map.fitBounds(bounds, fit);
	}

	/** Every place and every visible incident (turf bbox over their anchors). */
	private dataBounds(): LngLatBoundsLike | null {
		const index = this.index;
		if (!index) return null;
		const anchors = [
			...index.siteAnchor.values(),
			...index.data.incidents
				.filter((i) => this.visible.includes(i.properties.layer))
				.map((i) => index.anchorOf(i))
		];
		return bbox({
			type: 'FeatureCollection',
			features: anchors.map((c) => ({
				type: 'Feature',
				properties: {},
				geometry: { type: 'Point', coordinates: c }
			}))
		}) as Bounds;
	}

	destroy() {
		this.map.remove();
	}
}

/** The opening view's padding (opening.ts), for this map's width: the picture of it uses the same. */
const sidePadding = (el: HTMLElement) => paddingFor(el.clientWidth);

/** True when the box [w, s, e, n] `view` lies wholly inside `box`. */
function inside(view: number[], box: Bounds) {
	const [w, s, e, n] = view as Bounds;
	return w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3];
}

/**
 * Incidents win over sites when both are under the pointer: they are drawn on top. A site's marker
 * wins over another site's label: dots are circles, outside the labels' collision index, so a label
 * may be placed over a neighbour's dot, and a tap on that dot means that place.
 */
function pickTop(hits: MapGeoJSONFeature[]): Selection | null {
	const incident = hits.find((h) => h.source === SOURCE.incidents);
	if (incident) return { kind: 'incident', id: String(incident.properties.id) };
	const site = hits.find((h) => h.layer.id === LAYER.siteDot) ?? hits.find((h) => h.source === SOURCE.sites);
	return site ? { kind: 'site', id: String(site.properties.id) } : null;
}
