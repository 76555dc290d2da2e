// Answers worked out once, at build time: where an area's marker goes, how far each place is from
// the story's reference point, and the incident counts the page shows. The browser receives them
// with the page data, so the geometry library (turf's point-on-feature pulls in robust predicates)
// never ships to readers, and a large story's page opens before its incident records load.
import { env } from 'node:process';
import { distance } from '@turf/distance';
import { pointOnFeature } from '@turf/point-on-feature';
import { placesBounds } from '$lib/map/bounds';
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
 * once the map is idle (story-incidents.ts). Measured (README, Performance): at 100k it brings the
 * first idle from 1.34× to 1.07× the bare page's; at 1k and 10k it gains nothing and turns the
 * records into a long task after the first view. A deployer may move it: RECORDS_LATER_ABOVE.
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
	const anchor: Record<string, LonLat> = {};
	// Points anchor at themselves (indexStory reads them directly); areas at a point inside them.
	for (const f of [...sites, ...incidents])
		if (f.geometry && f.geometry.type !== 'Point')
			anchor[f.properties.id] = pointOnFeature(f as Parameters<typeof pointOnFeature>[0]).geometry
				.coordinates as LonLat;
	const byId = new Map(sites.map((s) => [s.properties.id, s]));
	const at = (id: string) => {
		const s = byId.get(id);
		if (!s) return undefined;
		return s.geometry.type === 'Point' ? (s.geometry.coordinates as LonLat) : anchor[id]!;
	};
	// The validator guarantees the reference site exists.
	const ref = at(story.reference.site)!;
	const kmFromReference: Record<string, number> = {};
	for (const s of sites)
		kmFromReference[s.properties.id] = distance(ref, at(s.properties.id)!, { units: 'kilometers' });
	const openingBounds = placesBounds(story.defaultView.places.map((id) => byId.get(id)));
	// The validator guarantees the default view names existing sites.
	if (!openingBounds) throw new Error('story.json defaultView.places names no site with a geometry');
	const counts = countIncidents(data);
	return {
		anchor,
		kmFromReference,
		openingBounds,
		counts,
		recordsLater: loadsRecordsLater(counts.total)
	};
}

/** The index with its facts worked out here: for build-time code (routes, scripts, tests). */
export function indexWithFacts(data: Dataset): StoryIndex {
	return indexStory(data, storyFacts(data));
}
