/* eslint-disable svelte/prefer-svelte-reactivity -- these Sets are built once and never mutated; reactivity lives in $state fields. */
// The dashboard's reactive state. Map and panel read it and call its methods; the URL mirrors it
// (read once at start, written on change by url-sync). Nothing here touches the DOM or MapLibre.
import type { Claim, Incident, Lang } from '$lib/data/schema';
import { dayIndex, type DayRange } from '$lib/data/time';
import { SCOPES, scopeOf, type Scope } from '$lib/data/claim-scope';
import { storyDays, defaultLayersOf, indexStory, type StoryIndex } from '$lib/data/story-index';
import { joinStory } from '$lib/data/story-incidents';
import { claimFollows, countPerSite, narrowingOf, type Narrowing } from '$lib/data/filters';
import { own } from '$lib/data/id-record';
import { langFolder, preferredLang } from '$lib/data/langs';
import {
	claimsOfParagraph,
	skippedBefore,
	stepBeside,
	stepConcerns,
	stepOf,
	stepParagraphs
} from '$lib/data/reading';
import { loadMessages, messagesOf, type Messages } from '$lib/i18n/messages';
import type { StreetMap } from '$lib/map/basemap-config';
import type { CameraTarget, Concerns } from '$lib/map/camera-target';
import type { Camera, Known, Selection } from '$lib/types/view';
import type { ViewState } from '$lib/url/view-state';

export class Dashboard {
	lang = $state<Lang>('fr');
	/** True once the URL or the reader chose the language (see toView). */
	langChosen = $state(false);
	visibleLayers = $state<string[]>([]);
	selection = $state<Selection | null>(null);
	layerFilter = $state<string | null>(null);
	/** Days shown; null: the whole story. */
	range = $state<DayRange | null>(null);
	/**
	 * The reader asked to see every claim while keeping the selected place or incident ("Show all"):
	 * the list stops narrowing to it until the next selection.
	 */
	listAll = $state(false);
	camera = $state<Camera | null>(null);
	embed = $state(false);
	/** The basemap the reader chose; 'street' shows only once a street map is configured. */
	basemap = $state<'street' | null>(null);
	/** The street map the deployer configured, if any (config.json); not part of the link. */
	street = $state<StreetMap | null>(null);
	/** An item a link named that the data no longer has; shown as a notice until dismissed. */
	missing = $state<Selection | null>(null);
	/** True while a step waits for the incident records (the timeline says so). */
	stepping = $state(false);
	/**
	 * The camera channel: where the map should go next. A new object per request (so the same place
	 * asked twice moves twice); only these requests move the camera, never `camera` itself, so the
	 * reader's own pan is never undone. The map reports where it settled into `camera`.
	 */
	cameraTarget = $state.raw<CameraTarget | null>(null);
	/**
	 * The paragraph guided reading is on (the article's numbering); null: the dashboard. Reading
	 * never changes the selection, layers or days; leaving it puts the camera back as it was.
	 */
	reading = $state<number | null>(null);
	/** The dashboard's camera when reading began (null: the opening view, or the selection's). */
	private cameraBeforeReading: Camera | null = null;

	// Replaced once, when the incident records arrive after the page opened without them.
	#index = $state.raw<StoryIndex | null>(null);
	get index(): StoryIndex {
		return this.#index!;
	}
	/**
	 * The incident records: 'loaded'; 'pending' (a large story loads them once the map is idle, or
	 * as soon as the reader needs one); 'failed' (the download failed: the counts, which come with
	 * the page, are still right, but no incident can be shown).
	 */
	records = $state<'loaded' | 'pending' | 'failed'>('loaded');
	readonly defaultLayers: string[];
	private readonly fetchRecords: (() => Promise<Incident[]>) | null;
	private loading: Promise<void> | null = null;

	constructor(
		index: StoryIndex,
		records: { fetchRecords?: (() => Promise<Incident[]>) | null; failed?: boolean } = {}
	) {
		this.#index = index;
		this.fetchRecords = records.fetchRecords ?? null;
		this.records = records.failed ? 'failed' : this.fetchRecords ? 'pending' : 'loaded';
		this.defaultLayers = defaultLayersOf(index.data.story);
		this.visibleLayers = [...this.defaultLayers];
	}

	/** What a link may name: the index's maps by id (no second copy of 100k incident ids). */
	get known(): Known {
		const { story } = this.index.data;
		return {
			sites: this.index.site,
			incidents: this.index.incident,
			claims: this.index.claim,
			layers: story.layers.map((l) => l.id),
			days: storyDays(story),
			steps: stepParagraphs(this.index.data.reading)
		};
	}

	/** Loads the incident records if the page opened without them; resolves once they are in (or failed). */
	loadRecords(): Promise<void> {
		if (!this.fetchRecords) return Promise.resolve();
		const fetchRecords = this.fetchRecords;
		return (this.loading ??= (async () => {
			try {
				const incidents = await fetchRecords();
				const { data, facts } = this.index;
				this.#index = indexStory(joinStory(data, incidents), facts);
				this.records = 'loaded';
			} catch (e) {
				console.error(e);
				this.records = 'failed';
			}
		})());
	}

	/** The interface's words in `lang`: loaded before `lang` changes to it (see `showIn`). */
	t = $derived(wordsIn(this.lang));
	/** The language last asked for: a slower load of an earlier one must not win. */
	#asked: Lang | null = null;

	/** Shows the page in `lang` once its words are loaded (the other language's load on first use). */
	private showIn(lang: Lang, chosen: boolean) {
		this.#asked = lang;
		const apply = () => {
			if (this.#asked !== lang) return;
			this.lang = lang;
			this.langChosen = chosen;
		};
		if (messagesOf(lang)) return apply();
		loadMessages(lang).then(apply, (e: unknown) => console.error(e));
	}

	/** The place the panel filters on: the selected site, or the site of the selected incident. */
	placeFilter = $derived.by(() => {
		const s = this.selection;
		if (!s) return null;
		if (s.kind === 'site') return s.id;
		if (s.kind === 'incident') return this.index.incident.get(s.id)?.properties.site ?? null;
		return null;
	});

	/** The step being read, with its claims and what the map highlights for it. */
	readingStep = $derived.by(() => {
		const { reading, claims } = this.index.data;
		const step = stepOf(reading, this.reading);
		if (!step || !reading) return null;
		const steps = stepParagraphs(reading);
		return {
			...step,
			/** 1-based position among the steps, and their number. */
			position: steps.indexOf(step.paragraph) + 1,
			total: steps.length,
			claims: claimsOfParagraph(claims, step.paragraph),
			skippedBefore: skippedBefore(reading, step.paragraph),
			concerns: stepConcerns(step, claims)
		};
	});

	/** What the map highlights: the step being read, or else what the selection concerns. */
	concerns = $derived(this.readingStep?.concerns ?? concernsOf(this.index, this.selection));

	/** Incidents on the map and the timeline: visible layers, inside the day range. */
	shownIncidents = $derived.by((): Incident[] => {
		const visible = new Set(this.visibleLayers);
		const { rangeInterval, overlapsSpan } = this.index.clock;
		const span: [number, number] = this.range ? rangeInterval(this.range) : [-Infinity, Infinity];
		return this.index.chronological.filter(
			(i) => visible.has(i.properties.layer) && overlapsSpan(i.properties.when, span)
		);
	});

	/** Where the selected incident stands among those shown (the step order); -1 when none is. */
	stepIndex = $derived.by(() => {
		const s = this.selection;
		return s?.kind === 'incident' ? this.shownIncidents.findIndex((i) => i.properties.id === s.id) : -1;
	});

	/** What the downloads give: the claims listed, and the incidents shown at the place the list shows if any. */
	get downloadable(): { claims: Claim[]; incidents: Incident[] } {
		const place = this.listPlace;
		return {
			claims: this.shownClaims,
			incidents: this.shownIncidents.filter((i) => !place || i.properties.site === place)
		};
	}

	/**
	 * How many incidents are shown: null when it is not known, or when the timeline and the step
	 * buttons cannot show them (their records failed to load). While the records are on their way,
	 * it is known without a day range (the build-time counts are per layer).
	 */
	shownCount = $derived.by((): number | null => {
		if (this.records === 'failed') return null;
		// Without a range, the build-time counts say it: the page need not sort its records to know.
		if (!this.range) {
			const { perLayer } = this.index.facts.counts;
			return this.visibleLayers.reduce((n, l) => n + (perLayer[l] ?? 0), 0);
		}
		return this.records === 'loaded' ? this.shownIncidents.length : null;
	});

	/** The place the claims list narrows to: the selected place's, unless the reader asked for all. */
	listPlace = $derived(this.listAll ? null : this.placeFilter);

	/** True when the list leaves claims out for a reason "Show all" can lift. */
	listNarrowed = $derived(
		!!this.layerFilter ||
			(!this.listAll && (this.selection?.kind === 'site' || this.selection?.kind === 'incident'))
	);

	/** Which of the layers and days narrow what is shown (the counts say what they follow). */
	narrowing = $derived<Narrowing>(narrowingOf(this.visibleLayers, this.known.layers, this.range));

	/** Claims that follow the layers and days (see claimFollows), in article order. */
	followingClaims = $derived.by((): Claim[] => {
		const { claims } = this.index.data;
		if (!this.narrowing.layers && !this.narrowing.days) return claims;
		const { claimLayers, claimDays } = this.index.facts.counts;
		const shown = this.records === 'loaded' ? new Set(this.shownIncidents.map((i) => i.properties.id)) : null;
		const { from } = this.known.days;
		const range = this.range;
		const filter = {
			incidentShown: shown && ((id: string) => shown.has(id)),
			visibleLayers: new Set(this.visibleLayers),
			days: range ? ([dayIndex(range.from, from), dayIndex(range.to, from)] as const) : null,
			madeInRange: (c: Claim) => this.index.clock.overlaps(c.date, range)
		};
		return claims.filter((c) =>
			claimFollows(c, { layers: own(claimLayers, c.id) ?? [], days: own(claimDays, c.id) ?? [] }, filter)
		);
	});

	/**
	 * Per place, its incidents shown (layers and days): null when nothing narrows them (the totals
	 * apply) or while the records are not in.
	 */
	placeCounts = $derived.by((): Map<string, number> | null => {
		if (!this.narrowing.layers && !this.narrowing.days) return null;
		return this.records === 'loaded' ? countPerSite(this.shownIncidents) : null;
	});

	/** Claims shown in the panel, in article order. */
	shownClaims = $derived.by((): Claim[] => {
		const { listPlace, layerFilter, selection, listAll } = this;
		const incidentClaims =
			selection?.kind === 'incident' && !listAll
				? this.index.incident.get(selection.id)?.properties.claims
				: null;
		return this.followingClaims.filter((c) => {
			// An incident picked before the records arrived narrows the list once they are in.
			if (incidentClaims && !incidentClaims.includes(c.id)) return false;
			if (listPlace && selection?.kind !== 'incident' && !this.index.placesOf(c).includes(listPlace))
				return false;
			if (layerFilter && !this.index.layersOf(c).includes(layerFilter)) return false;
			return true;
		});
	});

	/** The shown claims by scope (the city's first, the country's last), in article order within each. */
	claimGroups = $derived.by((): { scope: Scope; claims: Claim[] }[] => {
		const { site, placesOf } = this.index;
		const groups = new Map<Scope, Claim[]>(SCOPES.map((scope) => [scope, []]));
		for (const c of this.shownClaims) {
			const kinds = placesOf(c).flatMap((id) => site.get(id)?.properties.kind ?? []);
			groups.get(scopeOf(kinds))!.push(c);
		}
		return SCOPES.map((scope) => ({ scope, claims: groups.get(scope)! })).filter((g) => g.claims.length);
	});

	/**
	 * Per layer, its incidents inside the day range: null without a range (the totals apply), or
	 * while the records are not in (the build-time counts are per layer, not per day span).
	 */
	layerCountsInRange = $derived.by((): Map<string, number> | null => {
		if (!this.range || this.records !== 'loaded') return null;
		const { rangeInterval, overlapsSpan } = this.index.clock;
		const span = rangeInterval(this.range);
		const counts = new Map<string, number>();
		for (const i of this.index.chronological)
			if (overlapsSpan(i.properties.when, span))
				counts.set(i.properties.layer, (counts.get(i.properties.layer) ?? 0) + 1);
		return counts;
	});

	/** "Show all": every claim again, the selection kept (the card and the map stay on it). */
	showAllClaims() {
		this.layerFilter = null;
		if (this.selection?.kind === 'site' || this.selection?.kind === 'incident') this.listAll = true;
	}

	/** Applies a parsed URL. Browser language decides only when the URL does not. */
	apply(view: ViewState, browserLangs: readonly string[], missing: Selection | null = null, initial = true) {
		this.showIn(view.lang ?? preferredLang(browserLangs), view.lang !== null);
		this.visibleLayers = view.layers ?? [...this.defaultLayers];
		this.layerFilter = view.filter;
		this.range = view.range;
		this.selection = view.selection;
		this.listAll = false;
		this.embed = view.embed;
		this.basemap = view.basemap;
		this.missing = missing;
		// Reading begun by Back/Forward leaves, when closed, for the camera the reader had; begun by
		// the opening link, for the link's own view.
		if (view.step !== null && this.reading === null) this.cameraBeforeReading = initial ? null : this.camera;
		this.reading = view.step;
		this.camera = view.camera;
		// A step goes to its places (Back/Forward fly between them); a link's camera wins at start.
		if (view.step !== null && (!initial || !view.camera)) this.moveToStep();
		// With a camera in the link, the map goes exactly there; without, to the selection (or default).
		// At start the map already opens on the default view; only a selection needs a flight.
		else if (view.camera) this.moveCamera({ kind: 'camera', camera: view.camera });
		else if (view.selection) this.moveCamera(this.placesOf(view.selection));
		else if (!initial) this.moveCamera({ kind: 'default' });
	}

	/** Sends the camera somewhere (see `cameraTarget`). */
	moveCamera(target: CameraTarget) {
		this.cameraTarget = { ...target };
	}

	/** The places a selection concerns, close up. */
	private placesOf(selection: Selection, unlessInside = false): CameraTarget {
		return { kind: 'places', sites: concernsOf(this.index, selection).sites, maxZoom: 16, unlessInside };
	}

	/** A pointer at the map's edge was followed: one site is selected, several are shown together. */
	showSites(ids: readonly string[]) {
		if (ids.length === 1) this.select({ kind: 'site', id: ids[0]! });
		else this.moveCamera({ kind: 'places', sites: ids });
	}

	/** Every place and every incident of the visible layers (the records load first, if need be). */
	fitToData() {
		void this.loadRecords().then(() => this.moveCamera({ kind: 'data' }));
	}

	setLang(lang: Lang) {
		this.showIn(lang, true);
	}

	toView(): ViewState {
		return {
			// An English reader's links are the English pages, whose previews are English too; the root
			// pages' language is named only once chosen, so a link otherwise opens in its reader's.
			lang: this.langChosen || langFolder(this.lang) ? this.lang : null,
			// A link's item that the data no longer has stays in the address while the notice says so:
			// the reader's link is not rewritten under them.
			selection: this.selection ?? this.missing,
			layers: this.visibleLayers,
			filter: this.layerFilter,
			range: this.range,
			camera: this.camera,
			embed: this.embed,
			basemap: this.basemap,
			step: this.reading
		};
	}

	/** Opens guided reading on a paragraph's step (or moves to it), and the map to its places. */
	readStep(paragraph: number) {
		if (!stepOf(this.index.data.reading, paragraph)) return;
		if (this.reading === null) this.cameraBeforeReading = this.camera;
		this.reading = paragraph;
		// Its incidents' highlights need the records.
		void this.loadRecords();
		this.moveToStep();
	}

	/** Guided reading from its first step. */
	startReading() {
		const first = this.index.data.reading?.steps[0];
		if (first) this.readStep(first.paragraph);
	}

	/** The next or previous step; nothing past either end. */
	readBy(delta: 1 | -1) {
		if (this.reading === null) return;
		const next = stepBeside(this.index.data.reading, this.reading, delta);
		if (next !== null) this.readStep(next);
	}

	/** Back to the dashboard as it was: its selection, layers and days untouched, its camera back. */
	stopReading() {
		if (this.reading === null) return;
		this.reading = null;
		this.camera = this.cameraBeforeReading;
		if (this.camera) this.moveCamera({ kind: 'camera', camera: this.camera });
		else if (this.selection) this.moveCamera(this.placesOf(this.selection));
		else this.moveCamera({ kind: 'default' });
	}

	/**
	 * The step's places whole, no closer than the opening view (a step keeps its streets around it):
	 * a country-wide step shows the country's area, never a point in it.
	 */
	private moveToStep() {
		const step = stepOf(this.index.data.reading, this.reading);
		if (step) this.moveCamera({ kind: 'places', sites: step.places });
	}

	/** `fly`: false when the reader picked it on the map, where it already is; 'step': see `step`. */
	select(selection: Selection | null, fly: boolean | 'step' = true) {
		this.selection = selection;
		this.listAll = false;
		// The reader has moved on from the link's missing item.
		this.missing = null;
		// A card needs the records: a pick made before they arrived fetches them now.
		if (selection) void this.loadRecords();
		if (fly && selection) this.moveCamera(this.placesOf(selection, fly === 'step'));
	}

	setRange(range: DayRange | null) {
		const { from, to } = this.known.days;
		this.range = !range || (range.from <= from && range.to >= to) ? null : range;
		// The places' and claims' counts follow the days exactly once the records are in.
		if (this.range) void this.loadRecords();
	}

	/**
	 * Steps to the previous or next incident in time among those shown, selecting it and flying
	 * there. From no incident, "next" starts at the first and "previous" at the last.
	 */
	step(delta: 1 | -1) {
		if (this.records === 'pending') {
			this.stepping = true;
			void this.loadRecords().then(() => {
				this.stepping = false;
				if (this.records === 'loaded') this.step(delta);
			});
			return;
		}
		const list = this.shownIncidents;
		if (!list.length) return;
		const current = this.stepIndex;
		const next =
			current === -1
				? delta === 1
					? 0
					: list.length - 1
				: Math.min(list.length - 1, Math.max(0, current + delta));
		// Calm steps: from a street, a city-wide or country-wide incident keeps the view (the reader
		// is already inside its place, and the card says its scope) instead of zooming out to the
		// whole country and back in to street level on the next step (zoom 3 to 16 and back).
		this.select({ kind: 'incident', id: list[next]!.properties.id }, 'step');
	}

	setLayerVisible(id: string, visible: boolean) {
		const set = new Set(this.visibleLayers);
		if (visible) set.add(id);
		else set.delete(id);
		// Keep registry order so URLs are stable.
		this.visibleLayers = this.known.layers.filter((l) => set.has(l));
		void this.loadRecords();
	}
}

/** What a selection is about: its places (with their uncertainty, for the camera) and its incidents. */
export function concernsOf(index: StoryIndex, selection: Selection | null): Concerns {
	if (!selection) return { sites: [], incidents: [] };
	const { site, incident, claim, placesOf, incidentsAt } = index;
	if (selection.kind === 'site') {
		const ids = (incidentsAt.get(selection.id) ?? []).map((i) => i.properties.id);
		return { sites: site.has(selection.id) ? [selection.id] : [], incidents: ids };
	}
	if (selection.kind === 'incident') {
		const s = incident.get(selection.id)?.properties.site;
		return { sites: s ? [s] : [], incidents: [selection.id] };
	}
	const c = claim.get(selection.id);
	return c ? { sites: placesOf(c), incidents: c.incidents } : { sites: [], incidents: [] };
}

/** A language's words, which must be loaded (a page's load step awaits them: `loadMessages`). */
function wordsIn(lang: Lang): Messages {
	const words = messagesOf(lang);
	if (!words)
		throw new Error(
			`The interface's words in "${lang}" are not loaded: await loadMessages('${lang}') first.`
		);
	return words;
}
