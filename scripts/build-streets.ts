// Builds the street basemap, static/basemap/streets.pmtiles, from the OpenStreetMap extract the story's
// basemap.json names (or removes it when the story has none): vector tiles of streets (named), buildings, water, parks and landuse, railways and
// the airport, for the extract's area. MapLibre overzooms the last level up to the map's maximum zoom.
// Runs before dev and build; a missing or damaged extract stops it with the file's name and the fix.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { StreetExtract } from '../src/lib/data/story-map-schema';
import { STORY_DIR } from '../src/lib/server/geodata';
import { STORY_MAP_FILE } from '../src/lib/server/story-map';
import { basemapStamp } from './lib/basemap-stamp';
import {
	EXTRACT,
	ExtractError,
	STREETS,
	STREET_LAYERS,
	loadExtract,
	type StreetLayers
} from './lib/osm-extract';
import { lat2y, lon2x, writeArchive } from './lib/pmtiles-writer';
import { STREETS_FILE, STREETS_MAX_ZOOM } from '../src/lib/map/street-style';

export const OUT = `static/basemap/${STREETS_FILE}`;
export const MIN_ZOOM = 8;
/** z14 resolves about 0.4 m at mid-latitudes: finer than an extract's own accuracy. */
export const MAX_ZOOM = STREETS_MAX_ZOOM;

type Tile = NonNullable<ReturnType<GeoJSONVT['getTile']>>;

/** Cuts the layers into tiles; a feature enters a tile from its own first zoom on. */
export function buildTiles(
	layers: StreetLayers,
	bounds: [number, number, number, number],
	minZoom = MIN_ZOOM,
	maxZoom = MAX_ZOOM
) {
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
		for (let x = lon2x(bounds[0], z); x <= lon2x(bounds[2], z); x++)
			for (let y = lat2y(bounds[3], z); y <= lat2y(bounds[1], z); y++) {
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

export function buildStreets(streets: StreetExtract = STREETS!, extract = EXTRACT!): Uint8Array {
	const layers = loadExtract(extract, streets.sha256);
	const tiles = buildTiles(layers, streets.bounds);
	return writeArchive({
		tiles,
		bbox: streets.bounds,
		center: streets.center,
		gzip: true,
		metadata: {
			name: streets.title,
			description: streets.description,
			attribution: streets.attribution,
			license: streets.licence,
			source: `OpenStreetMap extract ${basename(streets.file)}; provenance: ${streets.provenance}`,
			version: streets.date,
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
	const { sameStory, stamp } = basemapStamp('streets');
	if (!STREETS || !EXTRACT) {
		// No extract: no archive, and the map's credit says the story has no street map.
		rmSync(OUT, { force: true });
		stamp();
		console.log(`streets: none for ${STORY_DIR} (its ${STORY_MAP_FILE} has "streets": null)`);
		process.exit(0);
	}
	// Skip work when the archive is this story's and newer than the extract and this builder (dev restarts stay fast).
	const inputs = [
		EXTRACT,
		new URL(import.meta.url),
		new URL('./lib/osm-extract.ts', import.meta.url),
		new URL('./lib/pmtiles-writer.ts', import.meta.url)
	];
	const fresh =
		sameStory &&
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
			renameSync(`${OUT}.tmp`, OUT);
			stamp();
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
