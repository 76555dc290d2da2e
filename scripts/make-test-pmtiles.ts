// Writes a small PMTiles v3 archive for the street-map tests, from our own GeoJSON (the story's
// sites, and the land around Almaty from the built basemap), in the Protomaps layer names.
// No npm package writes PMTiles v3, so this is a minimal writer: one root directory, no compression.
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bboxClip } from '@turf/bbox-clip';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFileSync, writeFileSync } from 'node:fs';
import { zxyToTileId } from 'pmtiles';

export const TEST_BBOX: [number, number, number, number] = [76.7, 43.1, 77.2, 43.5];
const MIN_ZOOM = 6;
const MAX_ZOOM = 13;
const OUT = process.argv[2] ?? 'e2e/fixtures/almaty-test.pmtiles';

function varint(n: number, out: number[]) {
	while (n >= 0x80) {
		out.push((n % 0x80) | 0x80);
		n = Math.floor(n / 0x80);
	}
	out.push(n);
}

interface Entry {
	tileId: number;
	offset: number;
	length: number;
}

function directory(entries: Entry[]): Uint8Array {
	const out: number[] = [];
	varint(entries.length, out);
	let last = 0;
	for (const e of entries) {
		varint(e.tileId - last, out);
		last = e.tileId;
	}
	for (let i = 0; i < entries.length; i++) varint(1, out); // run lengths
	for (const e of entries) varint(e.length, out);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		varint(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1, out);
	});
	return Uint8Array.from(out);
}

const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number) => {
	const r = (lat * Math.PI) / 180;
	return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

export function makeTestArchive(): Uint8Array {
	const sites = JSON.parse(readFileSync('geodata/almaty-2022/sites.geojson', 'utf8')) as FeatureCollection;
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

	const tiles: { tileId: number; data: Uint8Array }[] = [];
	for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++)
		for (let x = lon2x(TEST_BBOX[0], z); x <= lon2x(TEST_BBOX[2], z); x++)
			for (let y = lat2y(TEST_BBOX[3], z); y <= lat2y(TEST_BBOX[1], z); y++) {
				const layers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
				for (const [name, vt] of Object.entries(index)) {
					const t = vt.getTile(z, x, y);
					if (t) layers[name] = t;
				}
				if (Object.keys(layers).length)
					tiles.push({
						tileId: zxyToTileId(z, x, y),
						data: fromGeojsonVt(layers, { version: 2, extent: 4096 })
					});
			}
	tiles.sort((a, b) => a.tileId - b.tileId);

	let offset = 0;
	const entries = tiles.map((t) => {
		const e = { tileId: t.tileId, offset, length: t.data.length };
		offset += t.data.length;
		return e;
	});
	const root = directory(entries);
	const meta = new TextEncoder().encode(
		JSON.stringify({ name: 'almaty-test', vector_layers: [{ id: 'earth' }, { id: 'places' }] })
	);
	const HEADER = 127;
	const rootOffset = HEADER;
	const metaOffset = rootOffset + root.length;
	const dataOffset = metaOffset + meta.length;

	const header = new DataView(new ArrayBuffer(HEADER));
	new TextEncoder().encode('PMTiles').forEach((b, i) => header.setUint8(i, b));
	header.setUint8(7, 3);
	const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
	u64(8, rootOffset);
	u64(16, root.length);
	u64(24, metaOffset);
	u64(32, meta.length);
	u64(40, 0); // no leaf directories
	u64(48, 0);
	u64(56, dataOffset);
	u64(64, offset);
	u64(72, tiles.length);
	u64(80, tiles.length);
	u64(88, tiles.length);
	header.setUint8(96, 1); // clustered
	header.setUint8(97, 1); // internal compression: none
	header.setUint8(98, 1); // tile compression: none
	header.setUint8(99, 1); // MVT
	header.setUint8(100, MIN_ZOOM);
	header.setUint8(101, MAX_ZOOM);
	const e7 = (v: number) => Math.round(v * 1e7);
	header.setInt32(102, e7(TEST_BBOX[0]), true);
	header.setInt32(106, e7(TEST_BBOX[1]), true);
	header.setInt32(110, e7(TEST_BBOX[2]), true);
	header.setInt32(114, e7(TEST_BBOX[3]), true);
	header.setUint8(118, 11);
	header.setInt32(119, e7(76.945), true);
	header.setInt32(123, e7(43.238), true);

	const file = new Uint8Array(dataOffset + offset);
	file.set(new Uint8Array(header.buffer), 0);
	file.set(root, rootOffset);
	file.set(meta, metaOffset);
	let at = dataOffset;
	for (const t of tiles) {
		file.set(t.data, at);
		at += t.data.length;
	}
	return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const archive = makeTestArchive();
	writeFileSync(OUT, archive);
	console.log(`test archive: ${OUT} ${(archive.length / 1024).toFixed(0)} KB`);
}
