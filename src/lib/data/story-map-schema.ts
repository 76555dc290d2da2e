// The story's own map, geodata/<story>/basemap.json: the region drawn, the countries and places named
// on it, and its street extract (or none) with its credit. Read at build time (scripts, vite.config.ts);
// the browser gets only what it draws and credits (story-map.ts), never this module (zod stays out).
import { z } from 'zod';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
/** [west, south, east, north] in degrees. */
const box = z
	.tuple([lon, lat, lon, lat])
	.refine(
		([w, s, e, n]) => w < e && s < n,
		'expected [west, south, east, north] with west < east and south < north'
	);
const text = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

/**
 * A street the story names, labelled on the map in the reader's language: the extract's own names
 * are in Cyrillic (and may be older than the story's), so a street a card names is found on the map.
 */
const streetNameSchema = z
	.object({
		/** The street's names as the extract spells them (its ways are not all named alike). */
		osm: z.array(z.string().trim().min(1)).min(1),
		/** Its name for readers, in each language. */
		name: text,
		/** The story's sources for the name and its place (ids in sources.json). */
		sources: z.array(z.string().min(1)).min(1),
		/** How the extract's street was matched with the name the sources give. */
		note: text
	})
	.strict();

export const streetExtractSchema = z
	.object({
		/** The .osm.pbf file, relative to the story's folder. */
		file: z
			.string()
			.regex(/\.osm\.pbf$/, 'expected the path of an .osm.pbf file, relative to the story folder'),
		/** Its checksum, so a changed file is noticed and its provenance recorded again. */
		sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the 64 hex digits of `sha256sum <file>`'),
		/** The newest object's date: what "as mapped then" means. */
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
		licence: z.string().trim().min(1),
		/** Where tiles exist; the extract's own extent. */
		bounds: box,
		/** The archive's centre, [lon, lat, zoom]. */
		center: z.tuple([lon, lat, z.number().min(0).max(22)]),
		/** Where the file came from, for the fix when it is missing or changed. */
		provenance: z.string().trim().min(1),
		/** The archive's own name and description (PMTiles metadata). */
		title: z.string().trim().min(1),
		description: z.string().trim().min(1),
		/** The short credit written into the archive's metadata. */
		attribution: z.string().trim().min(1),
		/** The short credit printed on insets, in each language (a French page prints the French one). */
		shortCredit: text,
		/** The map's credit, in each language: licence, date, what the date means. */
		credit: text,
		/** The legend's note on the basemap, in each language. */
		note: text,
		/** The streets the story names, labelled in the reader's language. */
		names: z.array(streetNameSchema).default([])
	})
	.strict();

export const storyMapSchema = z
	.object({
		/** The regional basemap's extent: land, borders and places are clipped to it. */
		region: box,
		/** Natural Earth admin-0 units in the region not drawn as countries (a lease, a glacier). */
		notCountries: z.array(z.string().min(1)).default([]),
		/** The story's own land (a GeoJSON file in its folder), drawn with Natural Earth's: for a made-up place. */
		land: z.string().min(1).nullable().default(null),
		places: z
			.object({
				/** GeoNames cities in the region from this population on. */
				minPopulation: z.number().int().nonnegative(),
				/** A lower bar by country (ISO 3166 alpha-2 code), for the story's own country. */
				byCountry: z
					.record(
						z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code'),
						z.number().int().nonnegative()
					)
					.default({}),
				/** Towns the story names, whatever their size: GeoNames name and country code. */
				include: z
					.array(z.object({ name: z.string().min(1), country: z.string().regex(/^[A-Z]{2}$/) }).strict())
					.default([]),
				/** French and English names where GeoNames' English one is not what readers know. */
				names: z.record(z.string().min(1), text).default({})
			})
			.strict(),
		/** The OpenStreetMap extract under the city, or null: the map then has no streets and says so. */
		streets: streetExtractSchema.nullable()
	})
	.strict();

export type StoryMapConfig = z.infer<typeof storyMapSchema>;
export type StreetExtract = z.infer<typeof streetExtractSchema>;

/** What the browser gets: the streets' extent and zoom, and their credit and note, or null. */
export interface StoryMapClient {
	streets: {
		bounds: [number, number, number, number];
		credit: z.infer<typeof text>;
		note: z.infer<typeof text>;
		/** The streets the story names: the extract's names, and the reader's. */
		names: { osm: string[]; name: z.infer<typeof text> }[];
	} | null;
}

export const clientStoryMap = (m: StoryMapConfig): StoryMapClient => ({
	streets: m.streets && {
		bounds: m.streets.bounds,
		credit: m.streets.credit,
		note: m.streets.note,
		names: m.streets.names.map(({ osm, name }) => ({ osm, name }))
	}
});
