import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { styleAddresses } from './street-map';

describe('styleAddresses', () => {
	it("lists every address a style reads from, resolved against the style's own", () => {
		const style = {
			version: 8,
			glyphs: 'https://fonts.example.org/{fontstack}/{range}.pbf',
			sprite: [{ id: 'default', url: 'sprites/a' }],
			sources: {
				tiles: { type: 'vector', tiles: ['https://a.tiles.example.net/{z}/{x}/{y}.pbf'] },
				json: { type: 'vector', url: 'https://tilejson.example.com/v.json' },
				archive: { type: 'vector', url: 'pmtiles://https://archive.example.com/a.pmtiles' },
				land: { type: 'geojson', data: '../land.geojson' },
				inline: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
				other: { type: 'vector', url: 'mapbox://mapbox.streets' }
			},
			layers: []
		} as unknown as StyleSpecification;
		expect(styleAddresses(style, 'https://styles.example.org/v1/style.json').map((u) => u.origin)).toEqual([
			'https://fonts.example.org',
			'https://styles.example.org',
			'https://a.tiles.example.net',
			'https://tilejson.example.com',
			'https://archive.example.com',
			'https://styles.example.org'
		]);
	});
});
