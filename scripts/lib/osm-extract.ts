// Reads the story's OpenStreetMap extract (named in its basemap.json) into the street basemap's layers:
// what the tile builder (build-streets.ts) cuts into tiles and the preview cards (build-og.ts) draw as insets.
import type { Feature, Geometry } from 'geojson';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import osmtogeojson from 'osmtogeojson';
import tinyOsmPbf from 'tiny-osmpbf';
import { loadStoryMap, storyMapPath } from '../../src/lib/server/story-map';

/** The story's extract, or null when its map has no streets. */
export const STREETS = loadStoryMap().streets;
export const EXTRACT = STREETS && storyMapPath(STREETS.file);
/** The extract as its provenance records it; another file needs its own provenance. */
export const EXTRACT_SHA256 = STREETS?.sha256 ?? null;
export const ATTRIBUTION = STREETS?.attribution ?? null;

/** Tile layers, drawn in this order (style.ts): ground first, roads and rails on top. */
export const STREET_LAYERS = [
	'landuse',
	'water',
	'waterway',
	'aeroway',
	'building',
	'railway',
	'road'
] as const;
export type StreetLayer = (typeof STREET_LAYERS)[number];

/** What every feature carries into the tiles: its class, its name when it has one, its first zoom. */
export interface StreetProps {
	class: string;
	name?: string;
	minzoom: number;
}
export type StreetFeature = Feature<Geometry, StreetProps>;
export type StreetLayers = Record<StreetLayer, StreetFeature[]>;

export class ExtractError extends Error {
	constructor(file: string, problem: string, fix: string) {
		super(`${file}: ${problem}. ${fix}`);
		this.name = 'ExtractError';
	}
}

type Tags = Record<string, string | undefined>;
type Kind = 'line' | 'area';
/** A rule: the layer, class and first zoom for a feature's tags and shape, or null to leave it out. */
type Rule = (t: Tags, kind: Kind) => [StreetLayer, string, number] | null;

const ROAD: Record<string, [string, number]> = {
	motorway: ['major', 8],
	trunk: ['major', 8],
	primary: ['major', 9],
	motorway_link: ['major', 12],
	trunk_link: ['major', 12],
	primary_link: ['major', 12],
	secondary: ['secondary', 10],
	secondary_link: ['secondary', 12],
	tertiary: ['secondary', 11],
	tertiary_link: ['secondary', 12],
	residential: ['minor', 12],
	unclassified: ['minor', 12],
	living_street: ['minor', 13],
	road: ['minor', 12],
	unsurfaced: ['minor', 13],
	service: ['service', 14],
	track: ['service', 14],
	pedestrian: ['path', 14],
	footway: ['path', 14],
	path: ['path', 14],
	steps: ['path', 14],
	cycleway: ['path', 14]
};
const GREEN: Record<string, [string, number]> = {
	park: ['park', 10],
	garden: ['park', 12],
	common: ['park', 11],
	playground: ['park', 13],
	recreation_ground: ['park', 11],
	village_green: ['park', 12],
	grass: ['park', 12],
	meadow: ['park', 12],
	pitch: ['sport', 13],
	stadium: ['sport', 12],
	sports_centre: ['sport', 13],
	track: ['sport', 13],
	forest: ['wood', 10],
	wood: ['wood', 10],
	cemetery: ['cemetery', 12],
	industrial: ['industrial', 12],
	railway: ['industrial', 12],
	commercial: ['commercial', 12],
	retail: ['commercial', 12],
	construction: ['construction', 13],
	farmland: ['farmland', 11],
	orchard: ['farmland', 11]
};

const RULES: Rule[] = [
	(t, k) => {
		const a = t.aeroway;
		if (a === 'aerodrome' && k === 'area') return ['aeroway', 'aerodrome', 9];
		if (a === 'apron' && k === 'area') return ['aeroway', 'apron', 11];
		if (a === 'runway') return ['aeroway', k === 'area' ? 'runway-area' : 'runway', 10];
		if (a === 'taxiway') return ['aeroway', 'taxiway', 12];
		if (a === 'terminal' && k === 'area') return ['building', 'terminal', 12];
		return null;
	},
	(t, k) => (t.building && t.building !== 'no' && k === 'area' ? ['building', 'building', 13] : null),
	(t, k) => {
		if (k !== 'area') return null;
		if (
			t.natural === 'water' ||
			t.landuse === 'reservoir' ||
			t.landuse === 'basin' ||
			t.waterway === 'riverbank'
		)
			return ['water', 'water', 9];
		return null;
	},
	(t, k) => {
		const w = t.waterway;
		if (k !== 'line' || !w) return null;
		if (w === 'river') return ['waterway', 'river', 10];
		if (w === 'canal') return ['waterway', 'canal', 12];
		if (w === 'stream' || w === 'drain' || w === 'ditch') return ['waterway', 'stream', 13];
		return null;
	},
	(t, k) => {
		if (k !== 'line') return null;
		if (t.railway === 'rail') return ['railway', t.service ? 'siding' : 'rail', t.service ? 13 : 10];
		if (t.railway === 'tram') return ['railway', 'tram', 13];
		return null;
	},
	(t, k) => {
		const r = t.highway && ROAD[t.highway];
		if (!r) return null;
		// A pedestrian square drawn as an area is ground, not a line to stroke.
		if (k === 'area') return t.highway === 'pedestrian' ? ['landuse', 'pedestrian', 13] : null;
		return ['road', r[0], r[1]];
	},
	(t, k) => {
		if (k !== 'area') return null;
		const g = GREEN[t.leisure ?? ''] ?? GREEN[t.landuse ?? ''] ?? GREEN[t.natural ?? ''];
		return g ? ['landuse', g[0], g[1]] : null;
	}
];

const kindOf = (g: Geometry): Kind | null =>
	g.type === 'LineString' || g.type === 'MultiLineString'
		? 'line'
		: g.type === 'Polygon' || g.type === 'MultiPolygon'
			? 'area'
			: null;

/** Parses the extract's bytes into the basemap's layers. `file` names it in errors. */
export function readExtract(bytes: Uint8Array, file = EXTRACT ?? 'extract'): StreetLayers {
	if (bytes.length === 0)
		throw new ExtractError(
			file,
			'the file is empty',
			`Copy the extract again from its source (${provenance}).`
		);
	let osm: { elements: unknown[] };
	try {
		osm = tinyOsmPbf(bytes);
	} catch (e) {
		throw new ExtractError(
			file,
			`not a readable OpenStreetMap .osm.pbf file (${(e as Error).message})`,
			`Replace it with the original extract (${provenance}).`
		);
	}
	if (!osm.elements?.length)
		throw new ExtractError(
			file,
			'the file holds no OpenStreetMap objects',
			`Replace it with the original extract (${provenance}).`
		);
	const layers = Object.fromEntries(STREET_LAYERS.map((l) => [l, []])) as unknown as StreetLayers;
	const geojson = osmtogeojson(osm, { flatProperties: true }) as { features: Feature<Geometry, Tags>[] };
	for (const f of geojson.features) {
		const kind = f.geometry && kindOf(f.geometry);
		if (!kind) continue;
		const tags = f.properties;
		for (const rule of RULES) {
			const hit = rule(tags, kind);
			if (!hit) continue;
			const [layer, cls, minzoom] = hit;
			const props: StreetProps = { class: cls, minzoom };
			const name = tags.name?.trim();
			if (name && (layer === 'road' || layer === 'waterway' || cls === 'park')) props.name = name;
			layers[layer].push({ type: 'Feature', geometry: f.geometry, properties: props });
			break;
		}
	}
	if (!layers.road.length)
		throw new ExtractError(
			file,
			'the file holds no streets',
			`Replace it with the original extract (${provenance}).`
		);
	return layers;
}

const provenance = STREETS?.provenance ?? 'its source, as recorded in the story folder';

/** Reads the extract from disk, after checking it is the one whose provenance the README records. */
export function loadExtract(file = EXTRACT ?? '', sha256: string | null = EXTRACT_SHA256): StreetLayers {
	if (!existsSync(file))
		throw new ExtractError(file, 'the OpenStreetMap extract is missing', `Copy it back from ${provenance}.`);
	const bytes = readFileSync(file);
	if (sha256) {
		const found = createHash('sha256').update(bytes).digest('hex');
		if (found !== sha256 && bytes.length > 0)
			throw new ExtractError(
				file,
				`its checksum is ${found.slice(0, 12)}…, not the recorded extract's ${sha256.slice(0, 12)}… (changed or damaged)`,
				`Copy the original back from ${provenance}, or, for a new extract, record its provenance and its sha256 in the story's basemap.json (streets.provenance, streets.sha256)`
			);
	}
	return readExtract(bytes, file);
}
