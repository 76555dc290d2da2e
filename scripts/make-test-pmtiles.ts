// Writes a small PMTiles v3 archive for the street-map tests, from our own GeoJSON (the story's
// sites, and the land around them from the built basemap), in the Protomaps layer names.
// Written by the same minimal PMTiles writer as the street tiles (lib/pmtiles-writer.ts), uncompressed.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bboxClip } from '@turf/bbox-clip';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORY_DIR } from '../src/lib/server/geodata';
import { lat2y, lon2x, writeArchive } from './lib/pmtiles-writer';

const MIN_ZOOM = 6;
const MAX_ZOOM = 13;
const OUT = process.argv[2] ?? 'e2e/fixtures/street-test.pmtiles';

/** The story's key sites' box (or all its point sites'), with a margin: a few tiles a zoom. */
export function testBox(sites: FeatureCollection, margin = 0.1): [number, number, number, number] {
	const points = (key: boolean) =>
		sites.features.flatMap((f) =>
			f.geometry.type === 'Point' && (!key || f.properties?.key === true) ? [f.geometry.coordinates] : []
		);
	const keyPoints = points(true);
	const chosen = keyPoints.length ? keyPoints : points(false);
	const lons = chosen.map((p) => p[0]!);
	const lats = chosen.map((p) => p[1]!);
	return [
		Math.min(...lons) - margin,
		Math.min(...lats) - margin,
		Math.max(...lons) + margin,
		Math.max(...lats) + margin
	];
}

export function makeTestArchive(dir = STORY_DIR): Uint8Array {
	const sites = JSON.parse(readFileSync(join(dir, 'sites.geojson'), 'utf8')) as FeatureCollection;
	const TEST_BBOX = testBox(sites);
	const land = JSON.parse(readFileSync('static/basemap/land.geojson', 'utf8')) as FeatureCollection<
		Polygon | MultiPolygon
	>;
	const earth: FeatureCollection = {
		type: 'FeatureCollection',
		features: land.features.map((f) => bboxClip(f, TEST_BBOX) as Feature)
	};
	const places: FeatureCollection = {
		type: 'FeatureCollection',
		features: sites.features
			.filter((f) => f.geometry.type === 'Point')
			.map((f) => ({
				type: 'Feature',
				geometry: f.geometry,
				properties: {
					kind: 'locality',
					name: (f.properties as { name: { en: string } }).name.en,
					min_zoom: 6,
					population_rank: 10
				}
			}))
	};
	const index = {
		earth: new GeoJSONVT(earth, { maxZoom: MAX_ZOOM }),
		places: new GeoJSONVT(places, { maxZoom: MAX_ZOOM })
	};

	const tiles: { z: number; x: number; y: number; data: Uint8Array }[] = [];
	for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++)
		for (let x = lon2x(TEST_BBOX[0], z); x <= lon2x(TEST_BBOX[2], z); x++)
			for (let y = lat2y(TEST_BBOX[3], z); y <= lat2y(TEST_BBOX[1], z); y++) {
				const layers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
				for (const [name, vt] of Object.entries(index)) {
					const t = vt.getTile(z, x, y);
					if (t) layers[name] = t;
				}
				if (Object.keys(layers).length)
					tiles.push({ z, x, y, data: fromGeojsonVt(layers, { version: 2, extent: 4096 }) });
			}
	return writeArchive({
		tiles,
		bbox: TEST_BBOX,
		center: [(TEST_BBOX[0] + TEST_BBOX[2]) / 2, (TEST_BBOX[1] + TEST_BBOX[3]) / 2, 11],
		gzip: false,
		metadata: { name: 'street-test', vector_layers: [{ id: 'earth' }, { id: 'places' }] }
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const archive = makeTestArchive();
	writeFileSync(OUT, archive);
	console.log(`test archive: ${OUT} ${(archive.length / 1024).toFixed(0)} KB`);
}
