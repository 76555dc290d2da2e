// Derived, read-only lookups over a validated dataset. Built once per page load; no DOM, no map.
import type { Claim, Dataset, Incident, Layer, Site, Source, SourceRef } from './schema';
import { countOrigins, type OriginCount } from './independence';
import { clockOf, type StoryClock } from './time';
import { idRecord, own } from './id-record';

/**
 * How well an incident is known, drawn on the map: corroborated (a confirmed claim and at least two
 * independent origins), single-source, unverified (every claim unverified), disputed (a claim disputed).
 */
export const EVIDENCE = ['corroborated', 'single-source', 'unverified', 'disputed'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export type LonLat = [number, number];

export interface StoryIndex {
	data: Dataset;
	facts: StoryFacts;
	site: Map<string, Site>;
	incident: Map<string, Incident>;
	claim: Map<string, Claim>;
	source: Map<string, Source>;
	layer: Map<string, Layer>;
	/** Incidents placed at each site, in data order. */
	incidentsAt: Map<string, Incident[]>;
	/** Where an incident's marker goes: its own geometry, or its site's anchor. */
	anchorOf: (incident: Incident) => LonLat;
	/** A site's marker position; for areas, a point guaranteed to lie inside the area. */
	siteAnchor: Map<string, LonLat>;
	/** Incidents per layer (from the build-time counts: known before the records load). */
	layerCount: Map<string, number>;
	/** Places a claim concerns, directly or through its incidents. */
	placesOf: (claim: Claim) => readonly string[];
	/** Layers a claim's incidents belong to. */
	layersOf: (claim: Claim) => readonly string[];
	/** Kilometres from the story's reference place (story.json reference.site). */
	kmFromReference: (siteId: string) => number | null;
	/** The story's times, read at its UTC offset (story.json timeZone). */
	clock: StoryClock;
	/**
	 * The origins a list of references counts, by the rule a claim's status uses ("confirmed" needs
	 * two): an origin is who said it first, the story's own origin apart, one state's media counted once.
	 */
	originsIn: (refs: readonly SourceRef[]) => OriginCount;
	/** The origins a claim's status counts: `originsIn` over its sources. */
	claimOrigins: (claim: Claim) => OriginCount;
	/**
	 * Each incident's evidence level and independent origins (worked out on first read), counted by
	 * the claims' rule, so an incident card and its claims say the same on one scale.
	 */
	evidence: Map<string, Evidence>;
	independent: Map<string, number>;
	/** How many times each source is cited, across sites, incidents, claims and figures. */
	citedBy: Map<string, number>;
	/** Incidents in time order (the step-through order; sorted on first read). */
	chronological: Incident[];
}

/**
 * Answers worked out at build time (story-facts.ts): geometry, so this module needs no geometry
 * library, and the incident counts, so the page can show them before the records load.
 */
export interface StoryFacts {
	/** A point inside each site or incident whose geometry is an area; points anchor at themselves. */
	anchor: Record<string, LonLat>;
	/** Kilometres from the story's reference site (story.json reference.site), per site. */
	kmFromReference: Record<string, number>;
	/** The opening view's box: the default view's places with their whole uncertainty. */
	openingBounds: [number, number, number, number];
	counts: IncidentCounts;
	/**
	 * A large story: the page opens without its incident records and loads them once the map is idle
	 * (see story-incidents.ts). Decided at build time (story-facts.ts, RECORDS_LATER_ABOVE).
	 */
	recordsLater: boolean;
	/** The map's data files, named after their content (src/lib/server/map-files.ts). */
	mapFiles: MapFiles;
}

/** Where each of the map's data files is, relative to the app's root. */
export interface MapFiles {
	sites: string;
	areas: string;
	/** Where the map draws each incident's marker: a point with its pixel offset. */
	markers: string;
	/** Each incident where it is (a point, or the area it is about): the public file, for tools. */
	incidents: string;
}

/**
 * What the page says about the incidents as a whole, worked out at build time from the records.
 * The panel shows these before the records themselves are loaded (a large story loads them once
 * the map is idle, see story-incidents.ts), so they must never be recomputed from a partial list.
 */
export interface IncidentCounts {
	total: number;
	perLayer: Record<string, number>;
	perSite: Record<string, number>;
	/** Per claim: the places it concerns, its own and its incidents' sites. */
	claimPlaces: Record<string, string[]>;
	/** Per claim: the layers its incidents are in. */
	claimLayers: Record<string, string[]>;
	/**
	 * Per claim: the days of the story (their indices) on which the events it concerns may have
	 * happened; empty for a claim that concerns no incident. The day filter reads these.
	 */
	claimDays: Record<string, number[]>;
	/** Per source: how often incidents cite it (their sources and figures). */
	cites: Record<string, number>;
	/** Per layer, per day of the story: incidents that may have happened that day (timeline lanes). */
	perDay: Record<string, number[]>;
}

/** Above this many incidents (a dense story) the timeline draws counts per day, not single marks. */
export const DENSE_ABOVE = 300;
export const isDense = (counts: IncidentCounts) => counts.total > DENSE_ABOVE;
/** The performance mark set once the map has drawn its opening view and the incident records are in. */
export const RECORDS_READY = 'story:records-ready';

export function countIncidents(data: Dataset): IncidentCounts {
	const perLayer = idRecord<number>(data.story.layers.map((l) => [l.id, 0]));
	const perSite = idRecord<number>();
	const cites = idRecord<number>();
	const cite = (id: string) => (cites[id] = (own(cites, id) ?? 0) + 1);
	const byId = new Map(data.incidents.map((i) => [i.properties.id, i.properties]));
	for (const { properties: p } of data.incidents) {
		perLayer[p.layer] = (own(perLayer, p.layer) ?? 0) + 1;
		if (p.site) perSite[p.site] = (own(perSite, p.site) ?? 0) + 1;
		p.sources.forEach((r) => cite(r.source));
		p.figures?.forEach((f) => cite(f.source));
	}
	const claimPlaces = idRecord<string[]>();
	const claimLayers = idRecord<string[]>();
	const claimDays = idRecord<number[]>();
	const days = storyDays(data.story);
	const clock = clockOf(data.story.timeZone.utcOffset);
	for (const c of data.claims) {
		const of = c.incidents.map((id) => byId.get(id)!);
		claimPlaces[c.id] = [...new Set([...c.places, ...of.flatMap((p) => p.site ?? [])])];
		claimLayers[c.id] = [...new Set(of.map((p) => p.layer))];
		const on = new Set<number>();
		for (const p of of) {
			const [first, last] = clock.dayIndices(p.when, days);
			for (let d = first; d <= last; d++) on.add(d);
		}
		claimDays[c.id] = [...on].sort((a, b) => a - b);
	}
	const layers = data.story.layers.map((l) => l.id);
	const perDay = idRecord(
		clock.countPerDay(
			data.incidents.map((i) => i.properties),
			layers,
			days
		)
	);
	return {
		total: data.incidents.length,
		perLayer,
		perSite,
		claimPlaces,
		claimLayers,
		claimDays,
		cites,
		perDay
	};
}

export function indexStory(data: Dataset, facts: StoryFacts): StoryIndex {
	const byId = <T>(items: T[], id: (t: T) => string) => new Map(items.map((t) => [id(t), t]));
	const site = byId(data.sites, (s) => s.properties.id);
	const incident = byId(data.incidents, (i) => i.properties.id);
	const claim = byId(data.claims, (c) => c.id);
	const source = byId(data.sources, (s) => s.id);
	const layer = byId(data.story.layers, (l) => l.id);

	const siteAnchor = new Map<string, LonLat>();
	for (const s of data.sites) {
		const g = s.geometry;
		siteAnchor.set(
			s.properties.id,
			g.type === 'Point' ? (g.coordinates as LonLat) : own(facts.anchor, s.properties.id)!
		);
	}

	const incidentsAt = new Map<string, Incident[]>();
	for (const i of data.incidents) {
		const p = i.properties;
		if (p.site) {
			// Appended in place: copying the list for each incident made this quadratic per site.
			const here = incidentsAt.get(p.site);
			if (here) here.push(i);
			else incidentsAt.set(p.site, [i]);
		}
	}
	const { counts } = facts;
	const layerCount = new Map(data.story.layers.map((l) => [l.id, own(counts.perLayer, l.id) ?? 0]));

	const anchorOf = (i: Incident): LonLat => {
		if (i.properties.site) return siteAnchor.get(i.properties.site)!;
		const g = i.geometry!;
		return g.type === 'Point' ? (g.coordinates as LonLat) : own(facts.anchor, i.properties.id)!;
	};

	// From the build-time counts: right before the records load, and never a second pass over them.
	const placesOf = (c: Claim): readonly string[] => own(counts.claimPlaces, c.id) ?? c.places;
	const layersOf = (c: Claim): readonly string[] => own(counts.claimLayers, c.id) ?? [];

	const kmFromReference = (id: string) => own(facts.kmFromReference, id) ?? null;
	const clock = clockOf(data.story.timeZone.utcOffset);
	const { interval } = clock;

	const storyOrigin = source.get(data.story.article.source)?.origin ?? null;
	const originsIn = (refs: readonly SourceRef[]) => countOrigins(refs, (id) => source.get(id), storyOrigin);
	const claimOrigins = (c: Claim) => originsIn(c.sources);
	// Worked out on first use (a card, a step, a download), not while the page hydrates: at 10k
	// incidents the origins and the time order were most of the panel's work before it answered.
	let byEvidence: { evidence: Map<string, Evidence>; independent: Map<string, number> } | null = null;
	const weigh = () => {
		if (byEvidence) return byEvidence;
		const evidence = new Map<string, Evidence>();
		const independent = new Map<string, number>();
		for (const i of data.incidents) {
			const p = i.properties;
			const statuses = p.claims.map((id) => claim.get(id)!.status);
			const n = originsIn(p.sources).counted.length;
			independent.set(p.id, n);
			evidence.set(
				p.id,
				statuses.includes('disputed')
					? 'disputed'
					: statuses.every((st) => st === 'unverified')
						? 'unverified'
						: statuses.includes('confirmed') && n >= 2
							? 'corroborated'
							: 'single-source'
			);
		}
		return (byEvidence = { evidence, independent });
	};
	// Incidents' citations come counted with the page: right before their records load.
	const citedBy = new Map(Object.entries(counts.cites));
	const cite = (id: string) => citedBy.set(id, (citedBy.get(id) ?? 0) + 1);
	data.sites.forEach((s) => s.properties.sources.forEach((r) => cite(r.source)));
	data.claims.forEach((c) => {
		c.sources.forEach((r) => cite(r.source));
		c.context?.forEach((x) => cite(x.source));
	});

	// Keys read once per incident, not once per comparison, and ties broken by plain code-unit order:
	// localeCompare (ICU collation) made this sort a visible part of the start at 100k incidents.
	let inTimeOrder: Incident[] | null = null;
	const chronological = () =>
		(inTimeOrder ??= data.incidents
			.map((i) => ({ i, t: interval(i.properties.when), id: i.properties.id }))
			.sort((a, b) => a.t[0] - b.t[0] || a.t[1] - b.t[1] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			.map((d) => d.i));

	return {
		data,
		facts,
		originsIn,
		claimOrigins,
		get evidence() {
			return weigh().evidence;
		},
		get independent() {
			return weigh().independent;
		},
		citedBy,
		get chronological() {
			return chronological();
		},
		site,
		incident,
		claim,
		source,
		layer,
		incidentsAt,
		anchorOf,
		siteAnchor,
		layerCount,
		placesOf,
		layersOf,
		kmFromReference,
		clock
	};
}

/** The layers shown when a link names none. */
export function defaultLayersOf(story: Dataset['story']): string[] {
	return story.layers.filter((l) => l.defaultVisible).map((l) => l.id);
}

/** The story's first and last days (ISO dates), the bounds of any day range. */
export function storyDays(story: Dataset['story']): { from: string; to: string } {
	return { from: story.timeRange.start.slice(0, 10), to: story.timeRange.end.slice(0, 10) };
}

/** A place's names in the local languages, in the data's order (not French or English). */
export const localNames = (name: Record<string, string>): [string, string][] =>
	Object.entries(name).filter(([code]) => code !== 'fr' && code !== 'en');
