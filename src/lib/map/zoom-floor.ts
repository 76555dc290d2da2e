// How far out a camera on a place may go. A city-wide place stands for a city, not for a point in it:
// fitting its uncertainty circle (the city's whole extent plus a margin) opened the view on the
// region, where the city's incidents and its sites' markers merged into one blob. A camera on a
// city (and on places inside it) stops at the zoom where the city is seen as a city, its markers
// apart. No MapLibre here: pure, unit-tested.
import { distance } from '@turf/distance';
import type { Site } from '$lib/data/schema';

type PlaceKind = Site['properties']['kind'];

/**
 * The farthest-out zoom, per place kind, of a camera on such a place (MapLibre zoom, 512 px tiles).
 * 11: some 28 m a pixel at mid-latitudes, a phone shows 10 km of the city and a desktop map 20 km;
 * sites 2 km apart stand some 70 px apart, further than a marker's fan.
 */
export const KIND_MIN_ZOOM: Partial<Record<PlaceKind, number>> = { city: 11, town: 12 };

/**
 * The zoom floor of a camera on these places: that of the widest place with a floor when every
 * other place lies inside its circle (a city and its squares), else none (a city and a town 1,000
 * km apart must both be seen).
 */
export function zoomFloor(sites: readonly Site[]): number | null {
	const floored = sites
		.filter((s) => s.geometry.type === 'Point' && KIND_MIN_ZOOM[s.properties.kind] !== undefined)
		.sort((a, b) => b.properties.uncertaintyM - a.properties.uncertaintyM);
	const widest = floored[0];
	if (!widest || widest.geometry.type !== 'Point') return null;
	const centre = widest.geometry.coordinates;
	const within = sites.every(
		(s) =>
			s === widest ||
			(s.geometry.type === 'Point' &&
				distance(centre, s.geometry.coordinates, { units: 'meters' }) <= widest.properties.uncertaintyM)
	);
	return within ? KIND_MIN_ZOOM[widest.properties.kind]! : null;
}
