// GeoJSON for the map's sources, derived from the story index. Pure, so it is unit-testable and
// built once; selection and visibility then change through feature-state and filters, never setData.
import { circle } from '@turf/circle';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Evidence, LonLat, StoryIndex } from '$lib/data/story-index';
import type { Lang } from '$lib/data/schema';
import { incidentPlace } from '$lib/export/exports';
import { MESSAGES } from '$lib/server/messages';

export interface SiteProps {
	id: string;
	key: boolean;
	name_fr: string;
	name_en: string;
	/** Which half of the opening view the site is in: its label runs toward the middle. */
	side: 'east' | 'west';
	/**
	 * A place that is an area (a country): drawn as its area and a scope label, with no marker,
	 * since a point inside it (its anchor, somewhere in the steppe) would claim a place it is not.
	 */
	area: boolean;
}
export interface AreaProps {
	id: string;
	key: boolean;
	/** true for places that are areas (a country), false for a point's uncertainty circle. */
	area: boolean;
}
export interface IncidentProps {
	id: string;
	layer: string;
	evidence: Evidence;
	/** When it happened, as [t0, t1) in ms, so a time filter is a map filter, not new data. */
	t0: number;
	t1: number;
	/**
	 * Pixel offset from the anchor so incidents sharing a place do not hide one another. Two numbers,
	 * not one array: MapLibre hands queried features' arrays back as strings (style.ts, iconOffset).
	 */
	dx: number;
	dy: number;
	/**
	 * For an incident about an area (the whole country), that area's id, as in the exports; null for a
	 * place. Its point is then only where the scope label's row stands, not a place: the area itself is
	 * the feature of that id in the areas file.
	 */
	scope: string | null;
}

const RING_PX = 15;
const ROW_STEP_PX = 26;
/**
 * An area's row below its label's point: clear of the label's last line (half a 1.2 em line at
 * 14 px, 8.4, and 2 px of text padding, style.ts) and of a marker's half (11) with its 2 px of icon
 * padding, since the markers claim their room before the labels do.
 */
const ROW_BELOW_PX = 26;
const FAN_STEP = (70 * Math.PI) / 180;
const FAN_SPAN = Math.PI;
/** Centre to centre, between markers of one place: a marker (22 px) and a gap. */
const APART_PX = 26;
const NEIGHBOUR_M = 1500;

/** Screen angle (y down) pointing away from the nearest other anchor within NEIGHBOUR_M, or null. */
function awayFromNeighbour(a: LonLat, anchors: LonLat[]): number | null {
	const k = Math.cos((a[1] * Math.PI) / 180);
	let best: { d: number; dx: number; dy: number } | null = null;
	for (const b of anchors) {
		const dx = (b[0] - a[0]) * k * 111_320;
		const dy = -(b[1] - a[1]) * 111_320;
		const d = Math.hypot(dx, dy);
		if (d > 1 && d < NEIGHBOUR_M && (!best || d < best.d)) best = { d, dx, dy };
	}
	return best ? Math.atan2(-best.dy, -best.dx) : null;
}

/** The places: a marker per site, and an area or uncertainty circle per site (written at build time). */
export function placeData(index: StoryIndex) {
	const sites: FeatureCollection<Point, SiteProps> = { type: 'FeatureCollection', features: [] };
	const areas: FeatureCollection<Polygon | MultiPolygon, AreaProps> = {
		type: 'FeatureCollection',
		features: []
	};
	// The opening view's middle: labels east of it run to the left, so none leaves a narrow canvas.
	const [west, , east] = index.facts.openingBounds;
	const middle = (west + east) / 2;
	for (const s of index.data.sites) {
		const p = s.properties;
		const anchor = index.siteAnchor.get(p.id)!;
		// Map labels drop the parenthetical detail ("(on the main avenue)"): the panel carries it,
		// and sites close together need short labels to stay legible.
		const short = (n: string) => n.replace(/\s*\(.*\)\s*$/, '');
		const area = s.geometry.type !== 'Point';
		// A country's label says what its scope is: the whole country, not a place in it.
		const name = (lang: Lang) =>
			p.kind === 'country' ? `${short(p.name[lang])} (${MESSAGES[lang].countryWide})` : short(p.name[lang]);
		sites.features.push(
			point(anchor, {
				id: p.id,
				key: p.key,
				name_fr: name('fr'),
				name_en: name('en'),
				side: anchor[0] > middle ? 'east' : 'west',
				area
			})
		);
		if (s.geometry.type === 'Point') {
			const c = circle(anchor, p.uncertaintyM / 1000, { steps: 64, units: 'kilometers' });
			areas.features.push({
				type: 'Feature',
				geometry: c.geometry,
				properties: { id: p.id, key: p.key, area: false }
			});
		} else {
			areas.features.push({
				type: 'Feature',
				geometry: s.geometry,
				properties: { id: p.id, key: p.key, area: true }
			});
		}
	}

	return { sites, areas };
}

/**
 * The incidents, each at its place with a pixel offset. Built at build time into a file the map's
 * worker fetches (routes/map/incidents.geojson), so it scales with the story without touching the page.
 */
export function incidentData(index: StoryIndex): FeatureCollection<Point, IncidentProps> {
	// Group incidents by anchor. A group spreads on a ring; when another site is close by, it fans
	// out on the side away from that neighbour instead, so nearby sites' markers do not interleave.
	const groups = new Map<string, { anchor: LonLat; ids: string[] }>();
	for (const i of index.data.incidents) {
		const anchor = index.anchorOf(i);
		const key = anchor.join(',');
		const g = groups.get(key) ?? { anchor, ids: [] };
		g.ids.push(i.properties.id);
		groups.set(key, g);
	}
	const incidents: FeatureCollection<Point, IncidentProps> = { type: 'FeatureCollection', features: [] };
	const anchors = [...index.siteAnchor.values()];
	// An area's anchor carries its scope label, not a marker: its incidents stand in a row below it.
	const areaAnchors = new Set(
		index.data.sites
			.filter((s) => s.geometry.type !== 'Point')
			.map((s) => index.siteAnchor.get(s.properties.id)!.join(','))
	);
	for (const [key, g] of groups) {
		const away = awayFromNeighbour(g.anchor, anchors);
		const n = g.ids.length;
		// A fan's steps widen as it fills, up to a half turn; its radius keeps neighbours a marker apart.
		const step = n > 1 ? Math.min(FAN_STEP, FAN_SPAN / (n - 1)) : 0;
		const fanR = n > 1 ? Math.max(RING_PX, APART_PX / 2 / Math.sin(step / 2)) : RING_PX;
		const ringR = n > 1 ? Math.max(RING_PX, APART_PX / 2 / Math.sin(Math.PI / n)) : RING_PX;
		g.ids.forEach((id, k) => {
			const angle = away === null ? -Math.PI / 2 + (2 * Math.PI * k) / n : away + (k - (n - 1) / 2) * step;
			const r = away === null ? ringR : fanR;
			const [dx, dy] = areaAnchors.has(key)
				? [(k - (n - 1) / 2) * ROW_STEP_PX, ROW_BELOW_PX]
				: [Math.round(Math.cos(angle) * r), Math.round(Math.sin(angle) * r)];
			const incident = index.incident.get(id)!;
			const p = incident.properties;
			const [t0, t1] = index.clock.interval(p.when);
			const site = p.site ? index.site.get(p.site) : undefined;
			const own = incident.geometry && incident.geometry.type !== 'Point';
			const scope = site && site.geometry.type !== 'Point' ? site.properties.id : own ? id : null;
			incidents.features.push(
				point(sixDecimals(g.anchor), {
					id,
					layer: p.layer,
					evidence: index.evidence.get(id)!,
					t0,
					t1,
					dx,
					dy,
					scope
				})
			);
		});
	}
	return incidents;
}

/** An incident in the public incidents file: what the map filters on, without the drawing offsets. */
export type IncidentPlaceProps = Omit<IncidentProps, 'dx' | 'dy'>;

/**
 * The public incidents file (`map/incidents.<hash>.geojson`, named in /map/files.json): each incident
 * where it is, as the exports place it: its place's point, or, for one about the whole country, that
 * area with its `scope`, never a point in the steppe. The map draws from `incidentData` (the markers
 * file), where such an incident's point is only its marker's place in the row under the area's label.
 */
export function incidentPlaces(
	index: StoryIndex
): FeatureCollection<Point | Polygon | MultiPolygon, IncidentPlaceProps> {
	return {
		type: 'FeatureCollection',
		features: index.data.incidents.map((i) => {
			const p = i.properties;
			const { at, area, scope } = incidentPlace(index, i);
			const [t0, t1] = index.clock.interval(p.when);
			const properties = { id: p.id, layer: p.layer, evidence: index.evidence.get(p.id)!, t0, t1, scope };
			return area ? { type: 'Feature', geometry: area, properties } : point(sixDecimals(at!), properties);
		})
	};
}

// Six decimals (about 10 cm) are more than any position here is known to; fewer bytes to fetch.
const sixDecimals = (c: LonLat) => c.map((v) => Math.round(v * 1e6) / 1e6) as LonLat;

function point<P>(c: LonLat, properties: P): Feature<Point, P> {
	return { type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties };
}
