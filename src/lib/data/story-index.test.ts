import { describe, expect, it } from 'vitest';
import type { Incident } from './schema';
import { loadStory } from '../server/geodata';
import { incidentData, placeData } from '../map/map-data';
import { indexWithFacts, placeFacts } from './place-facts';
import { formatWhen, indexStory, jsonScript } from './story-index';

const index = indexWithFacts(loadStory());

describe('story index', () => {
	it('measures distances from Republic Square with turf', () => {
		expect(index.kmFromSquare('republic-square')).toBe(0);
		const airport = index.kmFromSquare('airport')!;
		// The airport's terminal lies some 13 km north-north-east of the square.
		expect(airport).toBeGreaterThan(12);
		expect(airport).toBeLessThan(18);
	});

	it('anchors areas inside themselves, never at an invented point outside', () => {
		const [lon, lat] = index.siteAnchor.get('kazakhstan')!;
		expect(lon).toBeGreaterThan(46);
		expect(lon).toBeLessThan(88);
		expect(lat).toBeGreaterThan(40);
		expect(lat).toBeLessThan(56);
	});

	it('finds a claim’s places through its incidents', () => {
		const claim = index.claim.get('akimat-on-fire')!;
		expect(index.placesOf(claim)).toEqual(['akimat']);
		expect(index.layersOf(claim)).toEqual(['fires']);
	});

	it('orders incidents by start, then the more precise first, then by id', () => {
		const base = index.data.incidents[0]!;
		const at = (id: string, when: Incident['properties']['when']): Incident => ({
			...base,
			properties: { ...base.properties, id, when }
		});
		const data = {
			...index.data,
			incidents: [
				at('b', { start: '2022-01-06', precision: 'day' }),
				at('a', { start: '2022-01-06', precision: 'day' }),
				at('c', { start: '2022-01-06T10:00:00+06:00', precision: 'instant' }),
				at('d', { start: '2022-01-05', end: '2022-01-07', precision: 'span' }),
				at('e', { start: '2022-01-06', precision: 'part-of-day', partOfDay: 'night' })
			]
		};
		const order = indexStory(data, index.facts).chronological.map((i) => i.properties.id);
		expect(order).toEqual(['d', 'e', 'a', 'b', 'c']);
	});

	it('lists every incident at a site, in the data’s order', () => {
		const here = index.data.incidents.filter((i) => i.properties.site === 'republic-square');
		expect(here.length).toBeGreaterThan(1);
		expect(index.incidentsAt.get('republic-square')).toEqual(here);
	});

	it('formats dates with their precision', () => {
		expect(
			formatWhen({ start: '2022-01-06', precision: 'part-of-day', partOfDay: 'morning' }, 'en', {
				morning: 'morning'
			})
		).toBe('6 January 2022, morning');
		expect(formatWhen({ start: '2022-01-05', end: '2022-01-06', precision: 'span' }, 'fr', {})).toBe(
			'5 janvier 2022 – 6 janvier 2022'
		);
	});
});

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

describe('place facts worked out at build time', () => {
	const data = loadStory();
	const facts = placeFacts(data);
	it('record a point inside each area and nothing for points, which anchor at themselves', () => {
		const areas = data.sites.filter((s) => s.geometry.type !== 'Point').map((s) => s.properties.id);
		expect(areas.length).toBeGreaterThan(0);
		for (const id of areas) expect(facts.anchor[id]).toHaveLength(2);
		expect(facts.anchor).not.toHaveProperty('airport');
		expect(indexStory(data, facts).siteAnchor.get('airport')).toEqual(
			data.sites.find((s) => s.properties.id === 'airport')!.geometry.coordinates
		);
	});
	it('are what the index answers with, not recomputed in the browser', () => {
		const moved = { ...facts, kmFromSquare: { ...facts.kmFromSquare, airport: 99 } };
		expect(indexStory(data, moved).kmFromSquare('airport')).toBe(99);
	});
});

describe('JSON carried in the page', () => {
	it('cannot close its script element, and reads back to the same value', () => {
		const value = { text: '</script><script>alert(1)</script>' };
		const html = jsonScript('application/json', value, 'x');
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const body = /^<script type="application\/json" id="x">(.*)<\/script>$/.exec(html)![1]!;
		expect(JSON.parse(body)).toEqual(value);
	});
});
