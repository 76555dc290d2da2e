import { describe, expect, it } from 'vitest';
import type { Site } from '$lib/data/schema';
import { KIND_MIN_ZOOM, zoomFloor } from './zoom-floor';

const site = (
	id: string,
	kind: Site['properties']['kind'],
	at: [number, number],
	uncertaintyM: number
): Site => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: at },
	properties: {
		id,
		kind,
		key: false,
		name: { fr: id, en: id },
		description: { fr: id, en: id },
		uncertaintyM,
		position: { fr: id, en: id },
		sources: []
	}
});
const city = site('city', 'city', [10, 40], 20_000);
const square = site('square', 'square', [10.03, 40.01], 300);
const farTown = site('town', 'town', [30, 40], 5_000);

describe('zoomFloor', () => {
	it("stops a camera on a city at the city's zoom", () => {
		expect(zoomFloor([city])).toBe(KIND_MIN_ZOOM.city);
	});
	it('keeps that floor with places inside the city', () => {
		expect(zoomFloor([square, city])).toBe(KIND_MIN_ZOOM.city);
	});
	it('has none for places far apart, or for places of kinds without one', () => {
		expect(zoomFloor([city, farTown])).toBeNull();
		expect(zoomFloor([square])).toBeNull();
	});
});
