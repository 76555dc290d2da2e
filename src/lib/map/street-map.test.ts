import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { styleAddresses } from './street-check';
import { creditText, resolvedAgainst } from './street-map';

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

describe('a deployer street map', () => {
	it("resolves a relative address against config.json's, the app's root, not the page's", () => {
		const street = { name: 'Streets', attribution: '© OSM', flavor: 'light' as const };
		const config = 'https://news.example.org/almaty/config.json';
		expect(resolvedAgainst({ ...street, pmtiles: 'basemap/streets.pmtiles' }, config).pmtiles).toBe(
			'https://news.example.org/almaty/basemap/streets.pmtiles'
		);
		expect(resolvedAgainst({ ...street, style: '/styles/liberty.json' }, config).style).toBe(
			'https://news.example.org/styles/liberty.json'
		);
		expect(resolvedAgainst({ ...street, style: 'https://tiles.example.org/s' }, config).style).toBe(
			'https://tiles.example.org/s'
		);
	});

	it('has its credit shown as text: no element, no link survives', () => {
		const credit = creditText(
			'© OSM <img src=x onerror="alert(1)"> <a href=\'https://evil.example\'>x</a> & co'
		);
		expect(credit).not.toMatch(/[<>"']/);
		expect(credit).toBe(
			'© OSM &#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#60;a href=&#39;https://evil.example&#39;&#62;x&#60;/a&#62; &#38; co'
		);
	});
});
