// The street basemap's layers (tiles built by scripts/build-streets.ts from the story's OpenStreetMap extract):
// quiet ground that orients the reader and stays under the story. Layer and class names are the
// tile builder's (scripts/lib/osm-extract.ts).
import type {
	ExpressionSpecification,
	FillLayerSpecification,
	LayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification
} from 'maplibre-gl';
import { STORY_MAP } from '$lib/data/story-map';
import type { Lang } from '$lib/data/schema';
import { STREET_PALETTE as P } from './street-palette';

export const STREETS_SOURCE = 'streets';
export const STREETS_FILE = 'streets.pmtiles';
/** The extract's extent (the story's basemap.json), [west, south, east, north]: where tiles exist; null without one. */
export const STREETS_BOUNDS = STORY_MAP.streets?.bounds ?? null;
/** Where the tiles stop; MapLibre draws the last level larger beyond it. */
export const STREETS_MAX_ZOOM = 14;

const cls = (...values: string[]): ExpressionSpecification => [
	'match',
	['get', 'class'],
	values,
	true,
	false
];
/**
 * A paint value read per feature (from an optional `paint` property no tile carries, so it is always
 * `value`). Why: MapLibre links one shader program per layer type and per way each paint property is
 * driven (constant, by zoom, by data); the story's layers must be data-driven (a selection is
 * feature-state), so a basemap layer drawn the same way joins their program instead of adding one.
 */
export const perFeature = <T extends string | number>(value: T): ExpressionSpecification => [
	'coalesce',
	['get', 'paint'],
	value
];
/** Exponential widths by zoom, as street maps scale them. */
const width = (...stops: number[]): ExpressionSpecification => [
	'interpolate',
	['exponential', 1.6],
	['zoom'],
	...stops
];

const GREEN = ['park', 'wood', 'sport', 'cemetery'];
const ROADS: { class: string; min: number; fill: number[]; casing: number[] }[] = [
	{ class: 'path', min: 14, fill: [14, 0.6, 18, 2.2], casing: [] },
	{ class: 'service', min: 14, fill: [14, 0.8, 16, 2.5, 18, 8], casing: [14, 1.6, 16, 3.6, 18, 10] },
	{
		class: 'minor',
		min: 12,
		fill: [12, 0.5, 14, 2, 16, 6, 18, 16],
		casing: [13, 1.4, 14, 3, 16, 7.4, 18, 18]
	},
	{
		class: 'secondary',
		min: 10,
		fill: [10, 0.6, 12, 1.6, 14, 4, 16, 10, 18, 24],
		casing: [11, 1.4, 12, 2.8, 14, 5.6, 16, 12, 18, 27]
	},
	{
		class: 'major',
		min: 8,
		fill: [8, 0.6, 10, 1.2, 12, 2.4, 14, 5.4, 16, 13, 18, 30],
		casing: [10, 2, 12, 3.6, 14, 7, 16, 15, 18, 33]
	}
];

/** Ground, water, airport, buildings, rails and roads: drawn under every story layer. */
export function streetLayers(): LayerSpecification[] {
	const src = { source: STREETS_SOURCE };
	const fill = (id: string, layer: string, filter: ExpressionSpecification, color: string, minzoom = 8) =>
		({
			id,
			type: 'fill',
			...src,
			'source-layer': layer,
			minzoom,
			filter,
			paint: { 'fill-color': color }
		}) satisfies FillLayerSpecification;
	const casings = ROADS.filter((r) => r.casing.length).map(
		(r) =>
			({
				id: `streets-road-${r.class}-casing`,
				type: 'line',
				...src,
				'source-layer': 'road',
				minzoom: r.casing[0],
				filter: cls(r.class),
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': P.casing, 'line-width': width(...r.casing) }
			}) satisfies LineLayerSpecification
	);
	const fills = ROADS.map(
		(r) =>
			({
				id: `streets-road-${r.class}`,
				type: 'line',
				...src,
				'source-layer': 'road',
				minzoom: r.min,
				filter: cls(r.class),
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: {
					// Darker at city zoom, where streets are hairlines with no casing to set them off.
					'line-color':
						r.class === 'path' ? P.path : ['interpolate', ['linear'], ['zoom'], 11, P.roadFar, 13, P.road],
					'line-width': width(...r.fill),
					...(r.class === 'path' ? { 'line-dasharray': [2, 1.5] } : {})
				}
			}) satisfies LineLayerSpecification
	);
	return [
		fill('streets-landuse-green', 'landuse', cls(...GREEN), P.park),
		fill('streets-landuse-built', 'landuse', cls('industrial', 'commercial', 'construction'), P.builtUp, 11),
		fill('streets-landuse-pedestrian', 'landuse', cls('pedestrian'), P.pedestrian, 13),
		fill('streets-aerodrome', 'aeroway', cls('aerodrome'), P.aerodrome),
		fill('streets-apron', 'aeroway', cls('apron', 'runway-area'), P.apron, 11),
		fill('streets-water', 'water', ['boolean', true], P.water),
		// Rivers and streams as two layers of zoom-driven widths, not one width driven by zoom and class
		// together: that composite would need a shader program of its own.
		...(
			[
				['river', cls('river'), [10, 1, 16, 4]],
				['stream', ['!', cls('river')], [10, 0.4, 16, 1.5]]
			] satisfies [string, ExpressionSpecification, number[]][]
		).map(
			([name, filter, stops]) =>
				({
					id: `streets-waterway-${name}`,
					type: 'line',
					...src,
					'source-layer': 'waterway',
					minzoom: 10,
					filter,
					paint: {
						'line-color': P.waterway,
						'line-width': ['interpolate', ['linear'], ['zoom'], ...stops]
					}
				}) satisfies LineLayerSpecification
		),
		...(
			[
				['runway', 10, width(10, 1.5, 13, 8, 16, 48, 18, 180)],
				['taxiway', 12, width(12, 0.6, 14, 3, 16, 14, 18, 50)]
			] as const
		).map(
			([c, minzoom, w]) =>
				({
					id: `streets-${c}`,
					type: 'line',
					...src,
					'source-layer': 'aeroway',
					minzoom,
					filter: cls(c),
					paint: { 'line-color': P.runway, 'line-width': w }
				}) satisfies LineLayerSpecification
		),
		// Terminals a shade darker, as a layer of its own: a colour matched by class would be a
		// data-driven fill, and a shader program of its own.
		...(
			[
				['building', ['!', cls('terminal')], P.building],
				['terminal', cls('terminal'), P.terminal]
			] satisfies [string, ExpressionSpecification, string][]
		).map(
			([name, filter, color]) =>
				({
					id: `streets-${name}`,
					type: 'fill',
					...src,
					'source-layer': 'building',
					minzoom: 12,
					filter,
					paint: {
						'fill-color': color,
						'fill-outline-color': P.buildingLine,
						'fill-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0, 13.5, 1]
					}
				}) satisfies FillLayerSpecification
		),
		{
			id: 'streets-rail',
			type: 'line',
			...src,
			'source-layer': 'railway',
			minzoom: 10,
			filter: cls('rail', 'siding'),
			paint: {
				'line-color': P.rail,
				'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 16, 2],
				'line-dasharray': [4, 2]
			}
		} satisfies LineLayerSpecification,
		...casings,
		...fills,
		{
			id: 'streets-tram',
			type: 'line',
			...src,
			'source-layer': 'railway',
			minzoom: 14,
			filter: cls('tram'),
			paint: { 'line-color': '#c9c1b6', 'line-width': 1 }
		} satisfies LineLayerSpecification
	];
}

/** Street names, as the extract spells them (abbreviated Russian), quietly along their streets. */
/** The streets the story names (basemap.json `streets.names`): labelled in the reader's language. */
const NAMED = STORY_MAP.streets?.names ?? [];
const NAMED_OSM = NAMED.flatMap((n) => n.osm);
export const STORY_STREET_LABEL = 'streets-story-label';

/** A story street's label in the reader's language, from the extract's name of its ways. */
export function storyStreetName(lang: Lang): ExpressionSpecification {
	return NAMED.reduceRight<ExpressionSpecification>(
		(other, n) => ['case', ['in', ['get', 'name'], ['literal', n.osm]], n.name[lang], other],
		['get', 'name']
	);
}

export function streetLabelLayers(font: string, lang: Lang): SymbolLayerSpecification[] {
	const named: ExpressionSpecification = ['in', ['get', 'name'], ['literal', NAMED_OSM]];
	return [
		{
			id: 'streets-road-label',
			type: 'symbol',
			source: STREETS_SOURCE,
			'source-layer': 'road',
			minzoom: 13,
			filter: [
				'all',
				['has', 'name'],
				['!', named],
				['any', cls('major', 'secondary'), ['>=', ['zoom'], 15]]
			],
			layout: {
				'symbol-placement': 'line',
				'text-field': ['get', 'name'],
				'text-font': [font],
				'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10, 17, 12.5],
				'text-max-angle': 30,
				'symbol-spacing': 320,
				'text-padding': 4
			},
			paint: { 'text-color': perFeature('#857b70'), 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 }
		},
		// Above the others, so placed first: a street the story names keeps its label, in the
		// reader's script, a little darker than the extract's names.
		...(NAMED.length
			? [
					{
						id: STORY_STREET_LABEL,
						type: 'symbol',
						source: STREETS_SOURCE,
						'source-layer': 'road',
						minzoom: 13,
						filter: named,
						layout: {
							'symbol-placement': 'line',
							'text-field': storyStreetName(lang),
							'text-font': [font],
							'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10.5, 17, 13],
							'text-max-angle': 30,
							'symbol-spacing': 280,
							'text-padding': 4
						},
						paint: {
							'text-color': perFeature('#5b5148'),
							'text-halo-color': '#ffffff',
							'text-halo-width': 1.6
						}
					} satisfies SymbolLayerSpecification
				]
			: [])
	];
}
