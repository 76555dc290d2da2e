// The box that shows places whole: a point with its uncertainty circle, an area entirely. Used at
// build time for the opening view (story-facts.ts) and in the map for flights to a selection.
import { bbox } from '@turf/bbox';
import { circle } from '@turf/circle';
import type { Feature } from 'geojson';
import type { Site } from '$lib/data/schema';

export type Bounds = [number, number, number, number];

/** Null when none of the sites has a geometry to show. */
export function placesBounds(sites: (Site | undefined)[]): Bounds | null {
	const features: Feature[] = [];
	for (const s of sites) {
		if (!s) continue;
		if (s.geometry.type === 'Point')
			features.push(
				// At least 150 m around, so a precisely known place does not open at street level.
				circle(s.geometry.coordinates, Math.max(s.properties.uncertaintyM, 150) / 1000, {
					units: 'kilometers'
				})
			);
		else features.push(s);
	}
	return features.length ? (bbox({ type: 'FeatureCollection', features }) as Bounds) : null;
}
