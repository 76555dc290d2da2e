// Answers worked out once, at build time (area anchors, distances, incident counts), so no geometry
// library ships to readers and a large story's page opens before its incident records load.
import { env } from 'node:process';
import { distance } from '@turf/distance';
import { pointOnFeature } from '@turf/point-on-feature';
import { placesBounds } from '$lib/map/bounds';
import { mapFileNames } from './map-files';
import { idRecord, own } from '$lib/data/id-record';
import type { Dataset } from '$lib/data/schema';
import {
	countIncidents,
	DENSE_ABOVE,
	indexStory,
	type LonLat,
	type StoryFacts,
	type StoryIndex
} from '$lib/data/story-index';

/**
 * Past this many incidents, the page opens on the build-time counts and loads the incident records
 * once the map is idle (story-incidents.ts); below it, loading them later gains nothing (README,
 * Performance, has the measures). A deployer may move it: RECORDS_LATER_ABOVE.
 */
export const RECORDS_LATER_ABOVE = 20_000;

/** RECORDS_LATER_ABOVE from the build's environment, checked. */
export function recordsLaterAbove(raw = env.RECORDS_LATER_ABOVE): number {
	if (raw === undefined || raw.trim() === '') return RECORDS_LATER_ABOVE;
	const n = Number(raw);
	// Up to DENSE_ABOVE the timeline draws each incident, so the page needs its records to show.
	if (!Number.isInteger(n) || n < DENSE_ABOVE)
		throw new Error(
			`RECORDS_LATER_ABOVE must be a whole number of incidents, at least ${DENSE_ABOVE} (below that the timeline draws each incident, so the page needs its records before it shows), not "${raw}". Unset it for the default, ${RECORDS_LATER_ABOVE}.`
		);
	return n;
}

/** Whether a story of this many incidents opens without its records (RECORDS_LATER_ABOVE). */
export const loadsRecordsLater = (incidents: number) => incidents > recordsLaterAbove();

export function storyFacts(data: Dataset): StoryFacts {
	const { story, sites, incidents } = data;
	const anchor = idRecord<LonLat>();
	// Points anchor at themselves (indexStory reads them directly); areas at a point inside them.
	for (const f of [...sites, ...incidents])
		if (f.geometry && f.geometry.type !== 'Point')
			anchor[f.properties.id] = pointOnFeature(f as Parameters<typeof pointOnFeature>[0]).geometry
				.coordinates as LonLat;
	const byId = new Map(sites.map((s) => [s.properties.id, s]));
	const at = (id: string) => {
		const s = byId.get(id);
		if (!s) return undefined;
		return s.geometry.type === 'Point' ? (s.geometry.coordinates as LonLat) : own(anchor, id)!;
	};
	// The validator guarantees the reference site exists.
	const ref = at(story.reference.site)!;
	const kmFromReference = idRecord<number>();
	for (const s of sites)
		kmFromReference[s.properties.id] = distance(ref, at(s.properties.id)!, { units: 'kilometers' });
	const openingBounds = placesBounds(story.defaultView.places.map((id) => byId.get(id)));
	// The validator guarantees the default view names existing sites.
	if (!openingBounds) throw new Error('story.json defaultView.places names no site with a geometry');
	const counts = countIncidents(data);
	const facts = {
		anchor,
		kmFromReference,
		openingBounds,
		counts,
		recordsLater: loadsRecordsLater(counts.total)
	};
	// The files' names come from their content, which the names do not shape.
	const unnamed = { sites: '', areas: '', markers: '', incidents: '' };
	return { ...facts, mapFiles: mapFileNames(indexStory(data, { ...facts, mapFiles: unnamed })) };
}

/** The index with its facts worked out here: for build-time code (routes, scripts, tests). */
export function indexWithFacts(data: Dataset): StoryIndex {
	return indexStory(data, storyFacts(data));
}

const indexed = new WeakMap<Dataset, StoryIndex>();

/** indexWithFacts once per story: every prerendered page and map file of a build asks for the same one. */
export function indexOnce(data: Dataset): StoryIndex {
	let index = indexed.get(data);
	if (!index) indexed.set(data, (index = indexWithFacts(data)));
	return index;
}
