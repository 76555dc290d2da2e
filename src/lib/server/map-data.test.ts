import { describe, expect, it } from 'vitest';
import { loadStory } from './geodata';
import { incidentData, placeData } from './map-data';
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
		expect(atSquare[0]!.properties.offset).not.toEqual(atSquare[1]!.properties.offset);
	});
});
