// Builds the street basemap, static/basemap/streets.pmtiles, from the OpenStreetMap extract in
// geodata/basemap/: vector tiles of streets (named), buildings, water, parks and landuse, railways and
// the airport, for the extract's area. MapLibre overzooms the last level up to the map's maximum zoom.
// Runs before dev and build; a missing or damaged extract stops it with the file's name and the fix.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import {
	ATTRIBUTION,
	EXTRACT,
	ExtractError,
	STREET_LAYERS,
	loadExtract,
	type StreetLayers
} from './lib/osm-extract';
import { lat2y, lon2x, writeArchive } from './lib/pmtiles-writer';
import { STREETS_BOUNDS, STREETS_FILE, STREETS_MAX_ZOOM } from '../src/lib/map/street-style';

export const OUT = `static/basemap/${STREETS_FILE}`;
export const MIN_ZOOM = 8;
/** z14 resolves 0.4 m at Almaty's latitude: finer than the extract's own accuracy. */
export const MAX_ZOOM = STREETS_MAX_ZOOM;

type Tile = NonNullable<ReturnType<GeoJSONVT['getTile']>>;

/** Cuts the layers into tiles; a feature enters a tile from its own first zoom on. */
export function buildTiles(layers: StreetLayers, minZoom = MIN_ZOOM, maxZoom = MAX_ZOOM) {
	const indexes = STREET_LAYERS.map(
		(name) =>
			[
				name,
				new GeoJSONVT(
					{ type: 'FeatureCollection', features: layers[name] },
					{ maxZoom, indexMaxZoom: maxZoom, tolerance: 3, buffer: 64 }
				)
			] as const
	);
	const tiles: { z: number; x: number; y: number; data: Uint8Array }[] = [];
	for (let z = minZoom; z <= maxZoom; z++)
		for (let x = lon2x(STREETS_BOUNDS[0], z); x <= lon2x(STREETS_BOUNDS[2], z); x++)
			for (let y = lat2y(STREETS_BOUNDS[3], z); y <= lat2y(STREETS_BOUNDS[1], z); y++) {
				const out: Record<string, Tile> = {};
				for (const [name, index] of indexes) {
					const tile = index.getTile(z, x, y);
					const features = tile?.features.filter((f) => Number(f.tags?.minzoom ?? 0) <= z);
					if (tile && features?.length) out[name] = { ...tile, features } as Tile;
				}
				if (Object.keys(out).length)
					tiles.push({ z, x, y, data: fromGeojsonVt(out, { version: 2, extent: 4096 }) });
			}
	return tiles;
}

export function buildStreets(extract = EXTRACT): Uint8Array {
	const layers = loadExtract(extract);
	const tiles = buildTiles(layers);
	return writeArchive({
		tiles,
		bbox: STREETS_BOUNDS,
		center: [76.945, 43.238, 13],
		gzip: true,
		metadata: {
			name: 'Almaty streets, March 2012',
			description:
				'Streets, buildings, water, parks, landuse, railways and the airport of Almaty, from an OpenStreetMap extract of March 2012: as mapped then, not as they stood in January 2022.',
			attribution: ATTRIBUTION,
			license: 'CC BY-SA 2.0',
			source:
				'OpenStreetMap extract almaty-2012-03.osm.pbf (objects dated 2008-01-28 to 2012-03-13); provenance in geodata/basemap/README.md',
			version: '2012-03-13',
			type: 'baselayer',
			format: 'pbf',
			vector_layers: STREET_LAYERS.map((id) => ({
				id,
				fields: {
					class: 'String',
					minzoom: 'Number',
					...(['road', 'waterway', 'landuse'].includes(id) ? { name: 'String' } : {})
				}
			}))
		}
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	// Skip work when the archive is newer than the extract and this builder (dev restarts stay fast).
	const inputs = [
		EXTRACT,
		new URL(import.meta.url),
		new URL('./lib/osm-extract.ts', import.meta.url),
		new URL('./lib/pmtiles-writer.ts', import.meta.url)
	];
	const fresh =
		existsSync(OUT) &&
		existsSync(EXTRACT) &&
		inputs.every((f) => statSync(f).mtimeMs < statSync(OUT).mtimeMs);
	if (!fresh) {
		const t0 = performance.now();
		try {
			const archive = buildStreets();
			mkdirSync('static/basemap', { recursive: true });
			// Written whole or not at all: a failed build leaves no half archive behind.
			writeFileSync(`${OUT}.tmp`, archive);
			const { renameSync } = await import('node:fs');
			renameSync(`${OUT}.tmp`, OUT);
			console.log(
				`streets: ${OUT} ${(archive.length / 1024).toFixed(0)} KB in ${((performance.now() - t0) / 1000).toFixed(1)} s`
			);
		} catch (e) {
			if (e instanceof ExtractError) {
				console.error(`Street basemap not built: ${e.message}`);
				process.exit(1);
			}
			throw e;
		}
	}
}
