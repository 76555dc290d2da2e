import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, type Source } from 'pmtiles';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStreets } from './build-streets';
import { ExtractError, loadExtract, readExtract } from './lib/osm-extract';
import { lat2y, lon2x } from './lib/pmtiles-writer';

/** Reads an archive held in memory, as the browser reads one by range requests. */
const memory = (bytes: Uint8Array): Source => ({
	getKey: () => 'memory',
	getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer })
});

describe('the street tiles', () => {
	let archive: PMTiles;
	beforeAll(() => {
		archive = new PMTiles(memory(buildStreets()));
	}, 30_000);

	async function layerAt(z: number, lon: number, lat: number, layer: string) {
		const tile = await archive.getZxy(z, lon2x(lon, z), lat2y(lat, z));
		expect(tile, `a tile at z${z} over ${lon}, ${lat}`).toBeDefined();
		return new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers[layer];
	}

	it('holds Furmanov Street, by its 2012 name, in the tile of the presidential residence', async () => {
		const roads = (await layerAt(14, 76.94778, 43.23472, 'road'))!;
		const names = Array.from({ length: roads.length }, (_, i) => roads.feature(i).properties.name);
		expect(names).toContain('ул. Фурманова');
	});

	it('holds buildings around Republic Square and the airport’s runway and terminal', async () => {
		expect((await layerAt(14, 76.94528, 43.23833, 'building'))?.length).toBeGreaterThan(20);
		// The runways lie some 600 m east of the terminal: the z12 tile holds both.
		const aeroway = (await layerAt(12, 77.0118, 43.3468, 'aeroway'))!;
		const classes = Array.from({ length: aeroway.length }, (_, i) => aeroway.feature(i).properties.class);
		expect(classes).toContain('runway');
		const buildings = (await layerAt(14, 77.0118, 43.3468, 'building'))!;
		const kinds = Array.from({ length: buildings.length }, (_, i) => buildings.feature(i).properties.class);
		expect(kinds).toContain('terminal');
	});

	it('leaves buildings out of the city-wide zooms', async () => {
		expect(await layerAt(11, 76.94528, 43.23833, 'building')).toBeUndefined();
		expect((await layerAt(11, 76.94528, 43.23833, 'road'))?.length).toBeGreaterThan(0);
	});

	it('carries its licence, credit and date in its metadata', async () => {
		const meta = (await archive.getMetadata()) as Record<string, string>;
		expect(meta.license).toBe('CC BY-SA 2.0');
		expect(meta.attribution).toBe('© OpenStreetMap contributors (CC BY-SA 2.0), extract of March 2012');
		expect(meta.version).toBe('2012-03-13');
		expect(meta.description).toMatch(/not as they stood in January 2022/);
		const header = await archive.getHeader();
		expect([header.minZoom, header.maxZoom]).toEqual([8, 14]);
	});
});

describe('a bad extract', () => {
	const dir = mkdtempSync(join(tmpdir(), 'extract-'));

	it('missing: names the file and where to get it back', () => {
		expect(() => loadExtract(join(dir, 'none.osm.pbf'))).toThrow(
			/none\.osm\.pbf: the OpenStreetMap extract is missing\. Copy it back from shared\/data\/osm-almaty-2012\//
		);
	});

	it('empty: says so', () => {
		const file = join(dir, 'empty.osm.pbf');
		writeFileSync(file, '');
		expect(() => loadExtract(file, null)).toThrow(/empty\.osm\.pbf: the file is empty/);
	});

	it('corrupt: says it is not a readable .osm.pbf', () => {
		expect(() => readExtract(new TextEncoder().encode('<osm>not a pbf</osm>'), 'bad.osm.pbf')).toThrow(
			ExtractError
		);
		expect(() => readExtract(new TextEncoder().encode('<osm>not a pbf</osm>'), 'bad.osm.pbf')).toThrow(
			/bad\.osm\.pbf: not a readable OpenStreetMap \.osm\.pbf file/
		);
	});

	it('changed: the checksum does not match the recorded extract', () => {
		const file = join(dir, 'other.osm.pbf');
		writeFileSync(file, 'something else');
		expect(() => loadExtract(file)).toThrow(/other\.osm\.pbf: its checksum is .* not the recorded extract's/);
	});
});
