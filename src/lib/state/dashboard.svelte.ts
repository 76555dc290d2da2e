/* eslint-disable svelte/prefer-svelte-reactivity -- these Sets are built once and never mutated; reactivity lives in $state fields. */
// The dashboard's reactive state. Map and panel read it and call its methods; the URL mirrors it
// (read once at start, written on change by url-sync). Nothing here touches the DOM or MapLibre.
import type { Claim, Incident, Lang } from '$lib/data/schema';
import { overlaps, overlapsSpan, rangeInterval, type DayRange } from '$lib/data/time';
import { daysOf, defaultLayersOf, type StoryIndex } from '$lib/data/story-index';
import { MESSAGES } from '$lib/i18n/messages';
import type { StreetMap } from '$lib/map/basemap-config';
import type { Camera, Known, Selection, ViewState } from '$lib/url/view-state';

export type Change = 'replace' | 'push';

export class Dashboard {
	lang = $state<Lang>('fr');
	/** True once the URL or the reader chose the language; only then does `?lang=` appear in links. */
	langChosen = $state(false);
	visibleLayers = $state<string[]>([]);
	selection = $state<Selection | null>(null);
	layerFilter = $state<string | null>(null);
	/** Days shown; null: the whole story. */
	range = $state<DayRange | null>(null);
	camera = $state<Camera | null>(null);
	embed = $state(false);
	/** The basemap the reader chose; 'street' shows only once a street map is configured. */
	basemap = $state<'street' | null>(null);
	/** The street map the deployer configured, if any (config.json); not part of the link. */
	street = $state<StreetMap | null>(null);
	/** An item a link named that the data no longer has; shown as a notice until dismissed. */
	missing = $state<Selection | null>(null);
	/** Bumped when the map should move to the selection (not when the map itself reported a move). */
	flyRequest = $state(0);
	/** Bumped when the map should jump to `camera` (a link or Back/Forward restored it). */
	cameraRequest = $state(0);

	readonly index: StoryIndex;
	readonly known: Known;
	readonly defaultLayers: string[];
	/** False when the incidents file failed to download: their counts are unknown, not zero. */
	readonly incidentsLoaded: boolean;

	constructor(index: StoryIndex, incidentsLoaded = true) {
		this.index = index;
		this.incidentsLoaded = incidentsLoaded;
		const { story } = index.data;
		this.defaultLayers = defaultLayersOf(story);
		this.visibleLayers = [...this.defaultLayers];
		this.known = {
			// The index's maps by id: no second copy of 100k incident ids.
			sites: index.site,
			incidents: index.incident,
			claims: index.claim,
			layers: story.layers.map((l) => l.id),
			days: daysOf(story)
		};
	}

	t = $derived(MESSAGES[this.lang]);

	/** The place the panel filters on: the selected site, or the site of the selected incident. */
	placeFilter = $derived.by(() => {
		const s = this.selection;
		if (!s) return null;
		if (s.kind === 'site') return s.id;
		if (s.kind === 'incident') return this.index.incident.get(s.id)?.properties.site ?? null;
		return null;
	});

	/** Incidents on the map and the timeline: visible layers, inside the day range. */
	shownIncidents = $derived.by((): Incident[] => {
		const visible = new Set(this.visibleLayers);
		const span: [number, number] = this.range ? rangeInterval(this.range) : [-Infinity, Infinity];
		return this.index.chronological.filter(
			(i) => visible.has(i.properties.layer) && overlapsSpan(i.properties.when, span)
		);
	});

	/** Claims shown in the panel, in article order. */
	shownClaims = $derived.by((): Claim[] => {
		const { placeFilter, layerFilter, selection, range } = this;
		return this.index.data.claims.filter((c) => {
			if (!overlaps(c.date, range)) return false;
			if (selection?.kind === 'incident' && !c.incidents.includes(selection.id)) return false;
			if (placeFilter && selection?.kind !== 'incident' && !this.index.placesOf(c).includes(placeFilter))
				return false;
			if (layerFilter && !this.index.layersOf(c).includes(layerFilter)) return false;
			return true;
		});
	});

	/** Applies a parsed URL. Browser language decides only when the URL does not. */
	apply(view: ViewState, browserLangs: readonly string[], missing: Selection | null = null, initial = true) {
		this.lang = view.lang ?? preferredLang(browserLangs);
		this.langChosen = view.lang !== null;
		this.visibleLayers = view.layers ?? [...this.defaultLayers];
		this.layerFilter = view.filter;
		this.range = view.range;
		this.selection = view.selection;
		this.embed = view.embed;
		this.basemap = view.basemap;
		this.missing = missing;
		this.camera = view.camera;
		// With a camera in the link, the map goes exactly there; without, to the selection (or default).
		if (view.camera) this.cameraRequest++;
		// At start the map already opens on the default view; only a selection needs a flight.
		else if (view.selection || !initial) this.flyRequest++;
	}

	setLang(lang: Lang) {
		this.lang = lang;
		this.langChosen = true;
	}

	toView(): ViewState {
		return {
			lang: this.langChosen ? this.lang : null,
			selection: this.selection,
			layers: this.visibleLayers,
			filter: this.layerFilter,
			range: this.range,
			camera: this.camera,
			embed: this.embed,
			basemap: this.basemap
		};
	}

	select(selection: Selection | null, fly = true) {
		this.selection = selection;
		if (fly && selection) this.flyRequest++;
	}

	setRange(range: DayRange | null) {
		const { from, to } = this.known.days;
		this.range = !range || (range.from <= from && range.to >= to) ? null : range;
	}

	/**
	 * Steps to the previous or next incident in time among those shown, selecting it and flying
	 * there. From no incident, "next" starts at the first and "previous" at the last.
	 */
	step(delta: 1 | -1) {
		const list = this.shownIncidents;
		if (!list.length) return;
		const current =
			this.selection?.kind === 'incident'
				? list.findIndex((i) => i.properties.id === this.selection!.id)
				: -1;
		const next =
			current === -1
				? delta === 1
					? 0
					: list.length - 1
				: Math.min(list.length - 1, Math.max(0, current + delta));
		this.select({ kind: 'incident', id: list[next]!.properties.id });
	}

	setLayerVisible(id: string, visible: boolean) {
		const set = new Set(this.visibleLayers);
		if (visible) set.add(id);
		else set.delete(id);
		// Keep registry order so URLs are stable.
		this.visibleLayers = this.known.layers.filter((l) => set.has(l));
	}
}

export function preferredLang(langs: readonly string[]): Lang {
	for (const l of langs) {
		const base = l.toLowerCase().split('-')[0];
		if (base === 'fr' || base === 'en') return base;
	}
	return 'en';
}
