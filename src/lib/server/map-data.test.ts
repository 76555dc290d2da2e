import { describe, expect, it } from 'vitest';
import { loadStory } from './geodata';
import { incidentData, incidentPlaces, placeData } from './map-data';
import { mapFileTexts } from './map-files';
import { indexWithFacts } from './story-facts';

const index = indexWithFacts(loadStory());

describe('map data', () => {
	const data = { ...placeData(index), incidents: incidentData(index) };
	it('draws one uncertainty circle per point site and the areas as they are', () => {
		expect(data.areas.features).toHaveLength(index.data.sites.length);
		expect(data.areas.features.find((f) => f.properties.id === 'kazakhstan')?.properties.area).toBe(true);
	});
	it('gives incidents that share a place different offsets', () => {
		const atSquare = data.incidents.features.filter((f) =>
			index.incidentsAt.get('republic-square')!.some((i) => i.properties.id === f.properties.id)
		);
		expect(atSquare.length).toBe(2);
		const [a, b] = atSquare.map((f) => [f.properties.dx, f.properties.dy]);
		expect(a).not.toEqual(b);
	});
	it('keeps the markers of one place a marker apart (22 px), so none covers another', () => {
		const byPlace = new Map<string, typeof data.incidents.features>();
		for (const f of data.incidents.features) {
			const key = f.geometry.coordinates.join();
			byPlace.set(key, [...(byPlace.get(key) ?? []), f]);
		}
		let pairs = 0;
		for (const group of byPlace.values())
			for (const [k, a] of group.entries())
				for (const b of group.slice(k + 1)) {
					pairs++;
					const [p, q] = [a.properties, b.properties];
					expect(Math.hypot(p.dx - q.dx, p.dy - q.dy), `${p.id} and ${q.id}`).toBeGreaterThanOrEqual(24);
				}
		expect(pairs).toBeGreaterThan(0);
	});
	it('draws the country as its area with a scope label, not as a marker in the steppe', () => {
		const country = data.sites.features.find((f) => f.properties.id === 'kazakhstan')!.properties;
		expect(country.area).toBe(true);
		expect(country.name_en).toBe('Kazakhstan (country-wide)');
		expect(country.name_fr).toBe('Kazakhstan (tout le pays)');
		expect(data.sites.features.filter((f) => f.properties.area).map((f) => f.properties.id)).toEqual([
			'kazakhstan'
		]);
	});
	it('stands the incidents of an area in a row under its label, so none covers it', () => {
		const here = new Set(index.incidentsAt.get('kazakhstan')!.map((i) => i.properties.id));
		const row = data.incidents.features.filter((f) => here.has(f.properties.id)).map((f) => f.properties);
		expect(row.length).toBe(4);
		// Below the label's last line (8.4 px and 2 of padding) by more than a marker's half and padding.
		expect(new Set(row.map((p) => p.dy))).toEqual(new Set([26]));
		expect(row.map((p) => p.dx)).toEqual([-39, -13, 13, 39]);
	});
	it('marks every incident about an area with its scope, so no point stands for a place in the steppe', () => {
		const here = new Set(index.incidentsAt.get('kazakhstan')!.map((i) => i.properties.id));
		for (const f of data.incidents.features)
			expect([f.properties.id, f.properties.scope]).toEqual([
				f.properties.id,
				here.has(f.properties.id) ? 'kazakhstan' : null
			]);
		expect(data.areas.features.some((f) => f.properties.id === 'kazakhstan' && f.properties.area)).toBe(true);
	});

	it('publishes each country-wide incident as its area with its scope, and every other one at its place', () => {
		const places = incidentPlaces(index);
		const country = index.site.get('kazakhstan')!.geometry;
		const here = new Set(index.incidentsAt.get('kazakhstan')!.map((i) => i.properties.id));
		expect(here.size).toBeGreaterThan(0);
		expect(places.features.map((f) => f.properties.id)).toEqual(
			index.data.incidents.map((i) => i.properties.id)
		);
		const markers = new Map(data.incidents.features.map((f) => [f.properties.id, f]));
		for (const f of places.features) {
			const id = f.properties.id;
			if (here.has(id)) {
				expect([id, f.properties.scope, f.geometry]).toEqual([id, 'kazakhstan', country]);
			} else {
				// A place's incident stands where its marker is anchored; only the drawing offsets are left out.
				expect([id, f.geometry, f.properties.scope]).toEqual([id, markers.get(id)!.geometry, null]);
				expect(f.properties).not.toHaveProperty('dx');
			}
		}
	});
	it('gives the map its markers as points, and the public incidents file no point for the whole country', () => {
		const files = mapFileTexts(index);
		const markers = JSON.parse(files.markers) as typeof data.incidents;
		expect(markers.features.every((f) => f.geometry.type === 'Point')).toBe(true);
		expect(markers).toEqual(data.incidents);
		const published = JSON.parse(files.incidents) as ReturnType<typeof incidentPlaces>;
		const scoped = published.features.filter((f) => f.properties.scope === 'kazakhstan');
		expect(scoped.length).toBe(index.incidentsAt.get('kazakhstan')!.length);
		expect(scoped.map((f) => f.geometry.type).filter((t) => t === 'Point')).toEqual([]);
	});
});
