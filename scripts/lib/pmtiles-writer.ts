// A minimal PMTiles v3 writer: one root directory (no leaves), tiles sorted by id, identical tiles
// stored once. No npm package writes PMTiles v3; the `pmtiles` package reads what this writes.
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveInput {
	tiles: { z: number; x: number; y: number; data: Uint8Array }[];
	/** [west, south, east, north] */
	bbox: [number, number, number, number];
	center: [lng: number, lat: number, zoom: number];
	metadata: Record<string, unknown>;
	/** gzip each tile (as PMTiles readers expect when the header says so). */
	gzip: boolean;
}

/** Root directories must fit in the first 16 KiB with the header, where readers look for them. */
const ROOT_LIMIT = 16_384 - 127;

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
	runLength: number;
}

function directory(entries: Entry[]): Uint8Array {
	const out: number[] = [];
	varint(entries.length, out);
	let last = 0;
	for (const e of entries) {
		varint(e.tileId - last, out);
		last = e.tileId;
	}
	for (const e of entries) varint(e.runLength, out);
	for (const e of entries) varint(e.length, out);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		varint(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1, out);
	});
	return Uint8Array.from(out);
}

export function writeArchive({ tiles, bbox, center, metadata, gzip }: ArchiveInput): Uint8Array {
	if (!tiles.length) throw new Error('writeArchive: no tiles to write');
	const sorted = tiles
		.map((t) => ({
			tileId: zxyToTileId(t.z, t.x, t.y),
			z: t.z,
			data: gzip ? gzipSync(t.data, { level: 9 }) : t.data
		}))
		.sort((a, b) => a.tileId - b.tileId);
	// Identical tiles (empty ground, one park filling a tile) are stored once.
	const seen = new Map<string, { offset: number; length: number }>();
	const blobs: Uint8Array[] = [];
	const entries: Entry[] = [];
	let offset = 0;
	for (const t of sorted) {
		const key = Buffer.from(t.data).toString('base64');
		let at = seen.get(key);
		if (!at) {
			at = { offset, length: t.data.length };
			seen.set(key, at);
			blobs.push(t.data);
			offset += t.data.length;
		}
		const prev = entries.at(-1);
		if (prev && prev.offset === at.offset && prev.tileId + prev.runLength === t.tileId) prev.runLength++;
		else entries.push({ tileId: t.tileId, ...at, runLength: 1 });
	}
	const root = directory(entries);
	if (root.length > ROOT_LIMIT)
		throw new Error(
			`writeArchive: the root directory is ${root.length} bytes, over ${ROOT_LIMIT}: lower the maximum zoom or the area (this writer has no leaf directories)`
		);
	const meta = new TextEncoder().encode(JSON.stringify(metadata));
	const HEADER = 127;
	const rootOffset = HEADER;
	const metaOffset = rootOffset + root.length;
	const dataOffset = metaOffset + meta.length;
	const zooms = sorted.map((t) => t.z);

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
	u64(72, sorted.length); // addressed tiles
	u64(80, entries.length);
	u64(88, blobs.length);
	header.setUint8(96, 1); // clustered
	header.setUint8(97, 1); // internal compression: none
	header.setUint8(98, gzip ? 2 : 1); // tile compression: gzip or none
	header.setUint8(99, 1); // MVT
	header.setUint8(100, Math.min(...zooms));
	header.setUint8(101, Math.max(...zooms));
	const e7 = (v: number) => Math.round(v * 1e7);
	header.setInt32(102, e7(bbox[0]), true);
	header.setInt32(106, e7(bbox[1]), true);
	header.setInt32(110, e7(bbox[2]), true);
	header.setInt32(114, e7(bbox[3]), true);
	header.setUint8(118, center[2]);
	header.setInt32(119, e7(center[0]), true);
	header.setInt32(123, e7(center[1]), true);

	const file = new Uint8Array(dataOffset + offset);
	file.set(new Uint8Array(header.buffer), 0);
	file.set(root, rootOffset);
	file.set(meta, metaOffset);
	let at = dataOffset;
	for (const b of blobs) {
		file.set(b, at);
		at += b.length;
	}
	return file;
}

export const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
export const lat2y = (lat: number, z: number) => {
	const r = (lat * Math.PI) / 180;
	return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};
