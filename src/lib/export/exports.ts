// What the reader sees, as files: GeoJSON and CSV of the shown incidents and claims, with their
// statuses and sources. Pure; the panel loads this module with import() on first download, so
// papaparse stays out of the page's first bundle.
import Papa from 'papaparse';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Claim, Incident, Site, SourceRef, StatusEntry } from '$lib/data/schema';
import { historyText } from '$lib/data/status-history';
import type { StoryIndex } from '$lib/data/story-index';
import { published } from '$lib/i18n/format';
import { formatWhenIso } from '$lib/i18n/format';

export interface Shown {
	incidents: Incident[];
	claims: Claim[];
}

type Props = Record<string, string | number | boolean | null>;
type Area = Polygon | MultiPolygon;

/** One exported record: flat properties, and where it is (a point, or the area it is about). */
interface ExportRecord {
	props: Props;
	/** The marker position for a place; null for an area, which has no honest single point. */
	at: [number, number] | null;
	area: Area | null;
	history: StatusEntry[] | null;
}

/** Where a record about a site goes: the site's point, or, for a city-wide or country-wide area, the area. */
function placeOf(index: StoryIndex, site: Site): Pick<ExportRecord, 'at' | 'area'> {
	const g = site.geometry;
	return g.type === 'Point'
		? { at: index.siteAnchor.get(site.properties.id)!, area: null }
		: { at: null, area: g };
}

/**
 * Where an incident is: its place's point, its own area, or the area it is about (the whole country)
 * with that area's id as `scope`; never a made-up point. The exports and the map's public incidents
 * file (src/lib/server/map-data.ts) both place incidents with it.
 */
export function incidentPlace(
	index: StoryIndex,
	i: Incident
): Pick<ExportRecord, 'at' | 'area'> & { scope: string | null } {
	const p = i.properties;
	const site = p.site ? index.site.get(p.site) : undefined;
	const own = i.geometry && i.geometry.type !== 'Point' ? i.geometry : null;
	const place = site
		? placeOf(index, site)
		: own
			? { at: null, area: own }
			: { at: index.anchorOf(i), area: null };
	return { ...place, scope: place.area ? (p.site ?? p.id) : null };
}

function sourcesText(index: StoryIndex, refs: SourceRef[]): string {
	return refs
		.map((r) => {
			const s = index.source.get(r.source)!;
			// One column for both languages: our own descriptions of an unnamed outlet or title in English.
			return `${published(s.outlet, 'en')}${s.date ? ` (${s.date})` : ''}: ${published(s.title, 'en')}${s.url ? ` <${s.url}>` : ''}`;
		})
		.join(' | ');
}

/**
 * One flat record per shown incident and claim: the GeoJSON properties and the CSV rows alike. A
 * record about an area (the whole country) gets the area and a `scope`, never a made-up point.
 */
export function exportRecords(index: StoryIndex, shown: Shown): ExportRecord[] {
	const v = index.data.story.version;
	const incidents = shown.incidents.map((i) => {
		const p = i.properties;
		const site = p.site ? index.site.get(p.site) : undefined;
		const { scope, ...place } = incidentPlace(index, i);
		return {
			...place,
			history: null,
			props: {
				kind: 'incident',
				id: p.id,
				layer: p.layer,
				title_fr: p.title.fr,
				title_en: p.title.en,
				text_fr: p.description.fr,
				text_en: p.description.en,
				when: formatWhenIso(p.when),
				when_precision: p.when.precision,
				first_reported: formatWhenIso(p.reported),
				status: index.evidence.get(p.id)!,
				status_history: null,
				independent_sources: index.independent.get(p.id)!,
				attributed_to: null,
				places: p.site,
				scope,
				uncertainty_m: place.area
					? null
					: site?.geometry.type === 'Point'
						? site.properties.uncertaintyM
						: (p.uncertaintyM ?? null),
				claims: p.claims.join(' '),
				sources: sourcesText(index, p.sources),
				dataset_version: v
			} satisfies Props
		};
	});
	const claims = shown.claims.map((c) => {
		const places = index.placesOf(c);
		const first = index.site.get(places[0]!)!;
		const place = placeOf(index, first);
		return {
			...place,
			history: c.statusHistory,
			props: {
				kind: 'claim',
				id: c.id,
				layer: index.layersOf(c).join(' ') || null,
				title_fr: null,
				title_en: null,
				text_fr: c.text.fr,
				text_en: c.text.en,
				when: formatWhenIso(c.date),
				when_precision: c.date.precision,
				first_reported: null,
				status: c.status,
				status_history: historyText(c.statusHistory),
				independent_sources: index.claimOrigins(c).counted.length,
				attributed_to: `${c.attribution.who.en} (${c.attribution.kind})${c.attribution.via ? ` via ${c.attribution.via.en}` : ''}`,
				places: places.join(' '),
				scope: place.area ? first.properties.id : null,
				uncertainty_m: place.area ? null : first.properties.uncertaintyM,
				claims: null,
				sources: sourcesText(index, c.sources),
				dataset_version: v
			} satisfies Props
		};
	});
	return [...incidents, ...claims];
}

export function toGeoJSON(
	index: StoryIndex,
	shown: Shown
): FeatureCollection<Point | Area> & Record<string, unknown> {
	const features: Feature<Point | Area>[] = exportRecords(index, shown).map(
		({ props, at, area, history }) => ({
			type: 'Feature',
			id: `${props.kind}:${props.id}`,
			geometry: area ?? { type: 'Point', coordinates: at! },
			// In GeoJSON the history is a list a program can read, not the CSV's one-cell text.
			properties: { ...props, status_history: history }
		})
	);
	// Foreign members (RFC 7946 §6.1) say what the file is and which data it came from.
	return {
		type: 'FeatureCollection',
		story: index.data.story.id,
		dataset_version: index.data.story.version,
		features
	};
}

export const CSV_COLUMNS = [
	'kind',
	'id',
	'layer',
	'title_fr',
	'title_en',
	'text_fr',
	'text_en',
	'when',
	'when_precision',
	'first_reported',
	'status',
	'status_history',
	'independent_sources',
	'attributed_to',
	'places',
	'scope',
	'lon',
	'lat',
	'uncertainty_m',
	'claims',
	'sources',
	'dataset_version'
] as const;

/**
 * Cells a spreadsheet would run as a formula (OWASP's list: = + - @ tab, carriage return) get a
 * leading apostrophe. Papa's own `escapeFormulae: true` pattern ends in `.*$`, which misses a cell
 * whose formula is followed by a line break.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function toCSV(index: StoryIndex, shown: Shown): string {
	const rows = exportRecords(index, shown).map(({ props, at }): Props => ({
		...props,
		lon: at?.[0] ?? null,
		lat: at?.[1] ?? null
	}));
	return Papa.unparse(
		{ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')) },
		{ newline: '\r\n', escapeFormulae: FORMULA }
	);
}

/** File names carry the story id, the export date and the dataset version. */
export function exportFileName(index: StoryIndex, ext: string, today = new Date()): string {
	return `${index.data.story.id}_${today.toISOString().slice(0, 10)}_v${index.data.story.version}.${ext}`;
}
