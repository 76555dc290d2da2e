// Builds the quiet regional basemap into static/basemap/ from Natural Earth 1:10m (world-atlas):
// land polygons and shared country borders, clipped to the region around Kazakhstan, coordinates
// rounded to 4 decimals (~10 m, below what 1:10m data can resolve). Runs before dev and build.
import { bboxClip } from '@turf/bbox-clip';
import type {
	Feature,
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon,
	Position
} from 'geojson';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** [west, south, east, north]: Kazakhstan and its neighbours. */
export const REGION: [number, number, number, number] = [45, 35, 96, 56];
const OUT = 'static/basemap';

const require = createRequire(import.meta.url);
const source = require.resolve('world-atlas/countries-10m.json');
const outputs = [`${OUT}/land.geojson`, `${OUT}/borders.geojson`];
// Skip work when the outputs are newer than the input and this script (dev restarts stay fast).
const newest = Math.max(statSync(source).mtimeMs, statSync(new URL(import.meta.url)).mtimeMs);
if (outputs.every((f) => existsSync(f) && statSync(f).mtimeMs > newest)) process.exit(0);

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

const land = clipPolygons(feature(topo, topo.objects.land) as FeatureCollection<Polygon | MultiPolygon>);
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

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/land.geojson`, JSON.stringify(land));
writeFileSync(`${OUT}/borders.geojson`, JSON.stringify(borders));
console.log(`basemap: ${outputs.map((f) => `${f} ${(statSync(f).size / 1024).toFixed(0)} KB`).join(', ')}`);
