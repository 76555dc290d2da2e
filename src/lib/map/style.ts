// The map style: a quiet regional basemap (Natural Earth land and borders, built by
// scripts/build-basemap.ts), uncertainty areas, sites and one symbol layer per incident layer.
// Typed with MapLibre's own style-spec types; type-only imports keep MapLibre out of SSR.
import type {
	CircleLayerSpecification,
	LayerSpecification,
	ExpressionSpecification,
	FillLayerSpecification,
	LineLayerSpecification,
	StyleSpecification,
	SymbolLayerSpecification
} from 'maplibre-gl';
import type { Lang, Layer } from '$lib/data/schema';
import {
	STREETS_BOUNDS,
	STREETS_FILE,
	STREETS_MAX_ZOOM,
	STREETS_SOURCE,
	perFeature,
	streetLabelLayers,
	streetLayers
} from './street-style';
import { markerByEvidence } from './marker-style';
import { STREET_PALETTE } from './street-palette';

/** What is drawn under the story: our embedded basemap, or an opt-in street map's sources and layers. */
export type Basemap =
	| { kind: 'embedded' }
	| {
			kind: 'street';
			sources: StyleSpecification['sources'];
			layers: LayerSpecification[];
			glyphs?: string;
			sprite?: StyleSpecification['sprite'];
	  };

export const FONT = 'Noto Sans Regular';
export const SOURCE = {
	land: 'land',
	borders: 'borders',
	places: 'places',
	areas: 'areas',
	sites: 'sites',
	incidents: 'incidents'
};
export const LAYER = {
	areaFill: 'area-fill',
	areaLine: 'area-line',
	siteDot: 'site-dot',
	siteLabel: 'site-label',
	countryLabel: 'place-country',
	cityDot: 'place-city-dot',
	cityLabel: 'place-city',
	selectedHalo: 'selected-halo',
	incidents: (id: string) => `incidents-${id}`
};
export const HALO_IMAGE = 'halo';
export interface FontFiles {
	latin: string;
	cyrillic: string;
	cyrillicExt: string;
}
/** A time range, in ms, that every incident overlaps: the filter when no days are chosen. */
export const ALL_TIME: [number, number] = [-8.64e15, 8.64e15];

const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const AREA: ExpressionSpecification = ['boolean', ['get', 'area'], false];

/**
 * An incident's pixel offset, [dx, dy], from its two numbers. Not one array property: the map
 * hands a queried feature's arrays back as JSON strings (its tiles are encoded), so evaluating
 * `['get', 'offset']` for a click's features warned and fell back to [0, 0]. The style language has
 * no array constructor, so the pair is built by interpolation: linear in dx between two literal
 * pairs, then in dy between two such rows, which is exact for any offset inside ±OFFSET_MAX.
 */
const OFFSET_MAX = 10_000;
const row = (y: number): ExpressionSpecification => [
	'interpolate',
	['linear'],
	['get', 'dx'],
	-OFFSET_MAX,
	['literal', [-OFFSET_MAX, y]],
	OFFSET_MAX,
	['literal', [OFFSET_MAX, y]]
];
export const ICON_OFFSET: ExpressionSpecification = [
	'interpolate',
	['linear'],
	['get', 'dy'],
	-OFFSET_MAX,
	row(-OFFSET_MAX),
	OFFSET_MAX,
	row(OFFSET_MAX)
];

export interface StyleInput {
	/** URLs of the build-time files (routes/map/): MapLibre's worker fetches and parses them. */
	data: { sites: string; areas: string; incidents: string };
	layers: Layer[];
	visible: readonly string[];
	/** [from, to) in ms: incidents overlapping it are drawn. */
	time: [number, number];
	lang: Lang;
	basemapUrl: (file: string) => string;
	/** The font file for each script a label may use: Latin, Cyrillic, Cyrillic Extended (Kazakh). */
	fonts: FontFiles;

	basemap?: Basemap;
}

/** Which incidents of a layer are drawn: those overlapping the time window. */
export function incidentFilter(layerId: string, [from, to]: [number, number]): ExpressionSpecification {
	return ['all', ['==', ['get', 'layer'], layerId], ['<', ['get', 't0'], to], ['>', ['get', 't1'], from]];
}

export function buildStyle({
	data,
	layers,
	visible,
	time,
	lang,
	basemapUrl,
	fonts,
	basemap = { kind: 'embedded' }
}: StyleInput): StyleSpecification {
	const areaFill = {
		id: LAYER.areaFill,
		type: 'fill',
		source: SOURCE.areas,
		paint: {
			// No antialiased outline (a shader program of its own): the dashed area line draws the edge.
			'fill-antialias': false,
			'fill-color': ['case', SELECTED, '#0b57d0', ['get', 'area'], '#7a5c2e', '#1f2937'],
			// A country is tinted where it can be seen whole, and fades away at city zoom.
			'fill-opacity': [
				'interpolate',
				['linear'],
				['zoom'],
				5,
				['case', SELECTED, 0.16, AREA, 0.1, ['get', 'key'], 0.05, 0.03],
				8,
				['case', SELECTED, 0.16, AREA, 0.02, ['get', 'key'], 0.05, 0.03]
			]
		}
	} satisfies FillLayerSpecification;
	const areaLine = {
		id: LAYER.areaLine,
		type: 'line',
		source: SOURCE.areas,
		paint: {
			'line-color': ['case', SELECTED, '#0b57d0', AREA, '#7a5c2e', '#374151'],
			'line-width': ['case', SELECTED, 2, AREA, 1.5, 1],
			'line-opacity': ['case', SELECTED, 0.9, 0.5],
			// Dashed: an uncertainty edge is not a boundary on the ground.
			'line-dasharray': [2, 2]
		}
	} satisfies LineLayerSpecification;
	const siteDot = {
		id: LAYER.siteDot,
		type: 'circle',
		source: SOURCE.sites,
		// An area is not a point: its scope label (below) stands for it, with no marker.
		filter: ['!', AREA],
		paint: {
			'circle-radius': ['case', SELECTED, 9, ['get', 'key'], 6.5, 4.5],
			'circle-color': ['case', SELECTED, '#0b57d0', '#ffffff'],
			'circle-stroke-color': ['case', SELECTED, '#ffffff', '#111827'],
			'circle-stroke-width': ['case', ['get', 'key'], 3, 2]
		}
	} satisfies CircleLayerSpecification;
	const siteLabel = {
		id: LAYER.siteLabel,
		type: 'symbol',
		source: SOURCE.sites,
		layout: {
			'text-field': ['get', `name_${lang}`],
			'text-font': [FONT],
			'text-size': ['case', AREA, 14, ['get', 'key'], 13.5, 12],
			'text-max-width': 11,
			'text-transform': ['case', AREA, 'uppercase', 'none'],
			'text-letter-spacing': ['case', AREA, 0.08, 0],
			// Three sites sit within 400 m of each other: let labels find a free side. Each label tries
			// the side toward the opening view's middle first: MapLibre lets labels run past the canvas
			// edge, and on a phone an outer site's label would be cut (map-data.ts sets `side`).
			// An area's label stands on its last line, centred on its point: more lines grow upward,
			// away from its incidents' row below (map-data.ts), which would otherwise hide it.
			'text-variable-anchor-offset': [
				'case',
				AREA,
				['literal', ['bottom', [0, 0.6]]],
				['==', ['get', 'side'], 'east'],
				['literal', labelSides('right')],
				['literal', labelSides('left')]
			],
			'text-justify': 'auto',
			'symbol-sort-key': ['case', ['get', 'key'], 0, 1]
		},
		paint: {
			'text-color': ['case', SELECTED, '#0b57d0', AREA, '#5c4421', '#111827'],
			'text-halo-color': 'rgba(255,255,255,0.95)',
			'text-halo-width': 1.6
		}
	} satisfies SymbolLayerSpecification;
	const incidentLayers = layers.map(
		(l) =>
			({
				id: LAYER.incidents(l.id),
				type: 'symbol',
				source: SOURCE.incidents,
				filter: incidentFilter(l.id, time),
				layout: {
					visibility: visible.includes(l.id) ? 'visible' : 'none',
					'icon-image': markerByEvidence(l.id),
					'icon-offset': ICON_OFFSET,
					'icon-allow-overlap': true,
					// Always drawn, and in the collision index: the site and street labels placed after
					// them (below in the layer order) take a side free of markers or stay hidden.
					'icon-ignore-placement': false
				}
			}) satisfies SymbolLayerSpecification
	);
	const halo = {
		id: LAYER.selectedHalo,
		type: 'symbol',
		source: SOURCE.incidents,
		filter: ['in', ['get', 'id'], ['literal', []]],
		layout: {
			'icon-image': HALO_IMAGE,
			'icon-offset': ICON_OFFSET,
			'icon-allow-overlap': true,
			'icon-ignore-placement': true
		}
	} satisfies SymbolLayerSpecification;

	// Our own basemap: Natural Earth land and borders, GeoNames places, all from this origin.
	const embeddedSources: StyleSpecification['sources'] = {
		[SOURCE.land]: { type: 'geojson', data: basemapUrl('land.geojson'), attribution: 'Natural Earth' },
		[SOURCE.borders]: { type: 'geojson', data: basemapUrl('borders.geojson') },
		[SOURCE.places]: { type: 'geojson', data: basemapUrl('places.geojson'), attribution: 'GeoNames' },
		// Read by the pmtiles protocol (map-controller.ts) with range requests to our own origin. Its
		// credit is the map's custom attribution, in the reader's language. A story without an extract
		// has none (its credit says so).
		...(STREETS_BOUNDS && {
			[STREETS_SOURCE]: {
				type: 'vector',
				tiles: [`pmtiles://${basemapUrl(STREETS_FILE)}/{z}/{x}/{y}`],
				minzoom: 8,
				maxzoom: STREETS_MAX_ZOOM,
				bounds: STREETS_BOUNDS
			}
		})
	};
	const embeddedLayers: LayerSpecification[] = [
		{ id: 'background', type: 'background', paint: { 'background-color': STREET_PALETTE.sea } },
		{ id: 'land', type: 'fill', source: SOURCE.land, paint: { 'fill-color': STREET_PALETTE.land } },
		...(STREETS_BOUNDS ? streetLayers() : []),
		{
			id: 'borders',
			type: 'line',
			source: SOURCE.borders,
			paint: {
				'line-color': STREET_PALETTE.border,
				'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.6]
			}
		},
		{
			id: LAYER.countryLabel,
			type: 'symbol',
			source: SOURCE.places,
			maxzoom: 7,
			filter: ['==', ['get', 'kind'], 'country'],
			layout: {
				'text-field': ['get', `name_${lang}`],
				'text-font': [FONT],
				'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 6, 15],
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.12,
				'text-max-width': 8
			},
			paint: { 'text-color': perFeature('#7c7166'), 'text-halo-color': '#f4f1ea', 'text-halo-width': 1.2 }
		},
		{
			id: LAYER.cityDot,
			type: 'circle',
			source: SOURCE.places,
			minzoom: 3,
			maxzoom: 9,
			filter: ['!=', ['get', 'kind'], 'country'],
			// Driven by data like the site dots, whose shader program they share.
			paint: {
				'circle-radius': ['case', ['==', ['get', 'kind'], 'capital'], 3.5, 2.5],
				'circle-color': perFeature('#6b6258'),
				'circle-stroke-color': perFeature('#f4f1ea'),
				'circle-stroke-width': perFeature(1)
			}
		},
		{
			id: LAYER.cityLabel,
			type: 'symbol',
			source: SOURCE.places,
			minzoom: 3,
			maxzoom: 9,
			filter: ['!=', ['get', 'kind'], 'country'],
			layout: {
				'text-field': ['get', `name_${lang}`],
				'text-font': [FONT],
				'text-size': ['case', ['==', ['get', 'kind'], 'capital'], 12.5, 11],
				'text-anchor': 'left',
				'text-offset': [0.5, 0],
				'symbol-sort-key': ['-', 0, ['get', 'population']]
			},
			paint: { 'text-color': perFeature('#4b4540'), 'text-halo-color': '#f4f1ea', 'text-halo-width': 1.2 }
		}
	];
	const street = basemap.kind === 'street' ? basemap : null;
	// Street styles name their own fonts; every name they use is drawn from our file, so labels
	// need no glyph server (unless the street style brings one, and only then).
	const fontFaces = [FONT, 'Noto Sans Medium', 'Noto Sans Italic', 'Noto Sans Bold'];
	const faces = [
		{ url: fonts.latin, 'unicode-range': ['U+0000-024F', 'U+2000-206F', 'U+20AC', 'U+2122'] },
		{ url: fonts.cyrillic, 'unicode-range': ['U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'] },
		{ url: fonts.cyrillicExt, 'unicode-range': ['U+0460-052F', 'U+1C80-1C8A', 'U+20B4', 'U+A640-A69F'] }
	];

	return {
		version: 8,
		...(street?.glyphs ? { glyphs: street.glyphs } : {}),
		...(street?.sprite ? { sprite: street.sprite } : {}),
		'font-faces': Object.fromEntries(fontFaces.map((f) => [f, faces])),
		sources: {
			...(street ? street.sources : embeddedSources),
			[SOURCE.areas]: { type: 'geojson', data: data.areas, promoteId: 'id' },
			[SOURCE.sites]: { type: 'geojson', data: data.sites, promoteId: 'id' },
			[SOURCE.incidents]: { type: 'geojson', data: data.incidents, promoteId: 'id' }
		},
		layers: [
			...(street ? street.layers : embeddedLayers),
			...(street || !STREETS_BOUNDS ? [] : streetLabelLayers(FONT, lang)),
			areaFill,
			areaLine,
			siteDot,
			// MapLibre places symbols from the top layer down: the markers above the site labels claim
			// their room first, so no label sits under a marker (it sits beside, never behind one).
			siteLabel,
			halo,
			...incidentLayers
		]
	};
}

/**
 * Label anchors in the order MapLibre tries them, with their offsets (1.1 em from the marker): the
 * given side first, then above and below, then the other side.
 */
function labelSides(first: 'left' | 'right') {
	const r = 1.1;
	const d = Math.round((r / Math.SQRT2) * 100) / 100;
	const near = first === 'left' ? 1 : -1;
	const other = first === 'left' ? 'right' : 'left';
	const around = (r: number, d: number) => [
		first,
		[near * r, 0],
		'top',
		[0, r],
		'bottom',
		[0, -r],
		`top-${first}`,
		[near * d, d],
		`bottom-${first}`,
		[near * d, -d],
		other,
		[-near * r, 0],
		`top-${other}`,
		[-near * d, d],
		`bottom-${other}`,
		[-near * d, -d]
	];
	// Beside the marker first; where the incidents' fan takes every side, just beyond the fan (a
	// label never goes under a marker: style.ts places the markers first).
	const far = 2.9;
	return [...around(r, d), ...around(far, Math.round((far / Math.SQRT2) * 100) / 100)];
}
