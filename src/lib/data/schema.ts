// The single source of truth for the story's data: every TypeScript type used by the app, the
// validator and the scripts is inferred from these zod schemas. Field meanings: geodata/README.md.
import { z } from 'zod';
import { LANGS, type Lang } from './langs';
import { MEASURES, STATUSES } from './vocab';
export { MEASURES, STATUSES, type Status } from './vocab';
export { LANGS, type Lang };

/** Longest accepted id, text and URL: far above any real one, far below a pasted file. */
export const MAX_ID = 80;
export const MAX_TEXT = 2000;
export const MAX_URL = 2000;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const Id = z
	.string()
	.max(MAX_ID, { error: `is too long; expected an id of at most ${MAX_ID} characters`, abort: true })
	.regex(KEBAB, { error: 'is not a kebab-case id; expected e.g. "republic-square"' });

/** A value as a data error quotes it: JSON, cut short. */
export function shown(v: unknown): string {
	const text = JSON.stringify(v) ?? String(v);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// Format characters (zero-width space and joiners, direction marks, BOM), combining marks and the
// blank letters (Hangul fillers, the Braille blank) show nothing on their own.
const INVISIBLE = /[\s\p{Cf}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0\u2800]/gu;
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what follows.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
// Half of a UTF-16 pair with no other half: no character at all.
const LONE_SURROGATE = /\p{Cs}/gu;
const codePoints = (s: string) =>
	[...new Set(s)]
		.slice(0, 3)
		.map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'))
		.join(', ');

const Text = z
	.string()
	.max(MAX_TEXT, {
		error: (i) => `is ${(i.input as string).length} characters long; expected at most ${MAX_TEXT}`,
		abort: true
	})
	.trim()
	.min(1, { error: 'is empty; expected a non-empty text' })
	.check((ctx) => {
		if (ctx.value !== '' && ctx.value.replace(INVISIBLE, '') === '')
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				message: `has only invisible characters (${codePoints(ctx.value)}); expected a text readers can see`
			});
		const bidi = ctx.value.match(BIDI_CONTROL);
		if (bidi)
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				message: `has a bidirectional control character (${codePoints(bidi.join(''))}), which can show a text other than the one stored; remove it (a right-to-left name shows right to left without it)`
			});
		const broken = ctx.value.match(LONE_SURROGATE);
		if (broken)
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				message: `has half of a character (a lone surrogate, ${codePoints(broken.join(''))}); retype the character or save the file as UTF-8`
			});
	});

/** An http(s) address: the app makes links of it, so no `javascript:` or `data:` URL. */
const HttpUrl = z
	.string()
	.max(MAX_URL, { error: `is too long; expected a URL of at most ${MAX_URL} characters`, abort: true })
	.pipe(
		z.url({
			protocol: /^https?$/,
			error: (i) => `is ${shown(i.input)}, not an http(s) URL; expected e.g. "https://example.org/page"`
		})
	)
	.check((ctx) => {
		const { username, password } = new URL(ctx.value);
		if (username || password)
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				message: `is ${shown(ctx.value)}, with a user name or password before its host, which disguises where the link leads; expected the address without "…@"`
			});
	});

/** A text we show to readers: French and English are both required. */
export const Localized = z.strictObject({ fr: Text, en: Text });
export type Localized = z.infer<typeof Localized>;

/**
 * Place names also carry the local languages (any, by language code: "ru", "kk", "uk"...), so readers
 * can match them to local reporting; French and English are required.
 */
export const PlaceName = z
	.object({ fr: Text, en: Text })
	.catchall(Text)
	.superRefine((names, ctx) => {
		for (const code of Object.keys(names))
			if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(code))
				ctx.addIssue({
					code: 'custom',
					path: [code],
					message: `is not a language code; expected one such as "ru", "kk" or "pt-BR"`
				});
	});

// ISO 8601 calendar date, or date-time with an explicit offset (the story's own: story.json timeZone).
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](\d{2}):(\d{2})))?$/;

/** Why a string is not a real ISO 8601 date or date-time, or null when it is one. */
export function isoDateProblem(s: string): string | null {
	const m = ISO_DATE_TIME.exec(s);
	if (!m) return `is ${shown(s)}, not an ISO 8601 date; expected "2022-01-05" or "2022-01-05T21:00+06:00"`;
	const [y, mo, d, h, mi, sec, , oh, om] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
	if (mo! < 1 || mo! > 12) return `has month ${m[2]}; expected 01 to 12`;
	// V8 reads 2022-02-30 as 2 March: a real day survives the round trip through Date unchanged.
	const day = new Date(0);
	day.setUTCFullYear(y!, mo! - 1, d);
	if (day.getUTCDate() !== d) {
		day.setUTCFullYear(y!, mo!, 0);
		const month = day.toLocaleString('en', { month: 'long', timeZone: 'UTC' });
		return `is ${s.slice(0, 10)}, a day that does not exist (${month} ${m[1]} has ${day.getUTCDate()} days); expected a real date`;
	}
	if (h! > 23 || mi! > 59 || sec! > 59)
		return `has the time ${s.slice(11).replace(/(Z|[+-].*)$/, '')}; expected 00:00 to 23:59`;
	if (oh! > 14 || om! > 59) return `has the offset ${m[7]}; expected -12:00 to +14:00`;
	return null;
}

export const IsoDate = z.string().check((ctx) => {
	const problem = isoDateProblem(ctx.value);
	if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
});

export const SOURCE_KINDS = [
	'article',
	'government',
	'state-media',
	'foreign-state-media',
	'foreign-government',
	'international-organisation',
	'ngo',
	'news-agency',
	'news-outlet',
	'social-media',
	'reference'
] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * A name or a title as published, never translated; or, when the document gives none, our own
 * description of it in both languages ("outlet not named in the text").
 */
export const Published = z.union([Text, Localized]);
export type Published = z.infer<typeof Published>;

/** A document we read: the article itself, later reporting, reference works. */
export const Source = z.strictObject({
	id: Id,
	outlet: Published,
	title: Published,
	/** Publication date as far as known; null when we could not establish it. */
	date: IsoDate.nullable(),
	language: z
		.string()
		.regex(/^[a-z]{2}$/, { error: 'is not a two-letter language code; expected e.g. "fr"' }),
	kind: SourceKind,
	/** Public address, or null when there is none (the article's own URL is unknown). */
	url: HttpUrl.nullable(),
	/**
	 * Who first said what this source reports (`reuters`, `kz-health-ministry`). Sources that relay
	 * the same origin count once when we count independent sources. Defaults to the outlet.
	 */
	origin: Id.optional(),
	/**
	 * The state that owns or directs the outlet (`russia` for TASS): outlets of one state speak for
	 * one party, so origins they alone carry count once. Its name is in story.json `alignments`.
	 */
	alignment: Id.optional(),
	note: Localized.optional(),
	/** The day we read it (for a page read on several days, the last). */
	accessed: IsoDate,
	/** A public web archive's copy of the page, where one is known: its address and capture day. */
	archived: z.strictObject({ url: HttpUrl, date: IsoDate }).optional(),
	/**
	 * The copy `npm run archive-sources` kept for the newsroom (never served): the day it was fetched,
	 * the SHA-256 of the page as fetched, hex, and its size in bytes.
	 */
	kept: z
		.strictObject({
			date: IsoDate,
			sha256: z
				.string()
				.regex(/^[0-9a-f]{64}$/, { error: 'is not a SHA-256; expected 64 lower-case hex digits' }),
			bytes: z.number().int().nonnegative()
		})
		.optional()
});
export type Source = z.infer<typeof Source>;

/** A record's pointer to a source, with what that source says in support. */
export const SourceRef = z.strictObject({
	source: Id,
	says: Localized,
	/** Who first said this particular thing, when the source only relays it (overrides the source's). */
	origin: Id.optional()
});
export type SourceRef = z.infer<typeof SourceRef>;
const SourceRefs = z.array(SourceRef).min(1, { error: 'is empty; every record needs at least one source' });

export const SHAPES = ['triangle', 'cross', 'square', 'diamond', 'star', 'circle'] as const;

export const Layer = z.strictObject({
	id: Id,
	label: Localized,
	description: Localized,
	/** Marker fill colour; never the only cue, the shape differs per layer too. */
	color: z.string().regex(/^#[0-9a-f]{6}$/, { error: 'is not a colour; expected "#rrggbb" in lower case' }),
	shape: z.enum(SHAPES),
	defaultVisible: z.boolean()
});
export type Layer = z.infer<typeof Layer>;

/** A UTC offset as ISO 8601 writes it: "+06:00", "-03:30", "+00:00". */
const UtcOffset = z
	.string()
	.regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, { error: 'is not a UTC offset; expected e.g. "+06:00" or "-03:30"' });

const LonLat = z.tuple([z.number(), z.number()]);
const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const Story = z.strictObject({
	id: Id,
	/** Dataset version, shown to readers so a citation can name what it saw. */
	version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/, { error: 'expected "YYYY-MM-DD.N"' }),
	title: Localized,
	/** Two lines at most: the panel's opening. */
	summary: Localized,
	article: z.strictObject({
		language: z.literal('fr'),
		/** Best estimate of the publication date, with its reasoning in dateNote. */
		approximateDate: IsoDate,
		dateNote: Localized,
		/** Not given in the text we received: null, never a guess. */
		outlet: Text.nullable(),
		url: HttpUrl.nullable(),
		provenanceNote: Localized,
		source: Id,
		paragraphs: z.number().int().positive()
	}),
	/**
	 * What the outlets of each state (a source's `alignment`) are called, for the cards: origins
	 * carried only by them count once, "all from Russian state media".
	 */
	alignments: z.record(Id, Localized).optional(),
	timeRange: z.strictObject({ start: IsoDate, end: IsoDate }),
	/** Every coordinate in the story must fall inside [west, south, east, north]. */
	bbox: BBox,
	defaultView: z.strictObject({
		/** The map opens fitted to these places. */
		places: z.array(Id).min(1),
		maxZoom: z.number().min(0).max(22)
	}),
	layers: z.array(Layer).min(1),
	/** The story's short name: the link back to the map on pages that cannot show it. */
	name: Localized,
	/** Who publishes the claim reviews (schema.org ClaimReview author), as it is written. */
	reviewer: Text,
	/** The map's accessible name: what it shows. */
	mapLabel: Localized,
	timeZone: z.strictObject({
		/** IANA name, e.g. "Europe/Paris": the validator checks utcOffset against it over timeRange. */
		name: Text,
		/** The offset in force during the story: days are local days, date-times are written with it. */
		utcOffset: UtcOffset
	}),
	/** The place distances are measured from, and how a site card says so. */
	reference: z.strictObject({
		site: Id,
		/** "{km}" stands for the distance, e.g. "{km} km from the main square". */
		distance: Localized.check((ctx) => {
			for (const lang of LANGS)
				if (!ctx.value[lang].includes('{km}'))
					ctx.issues.push({
						code: 'custom',
						input: ctx.value,
						path: [lang],
						message: `has no "{km}"; expected where the distance goes, e.g. "{km} km from the main square"`
					});
		}),
		/** Shown on the reference site's own card instead of a distance, e.g. "This is the main square". */
		here: Localized
	})
});
export type Story = z.infer<typeof Story>;

export const PLACE_KINDS = ['airport', 'square', 'building', 'city', 'town', 'country'] as const;

export const SiteProperties = z.strictObject({
	id: Id,
	kind: z.enum(PLACE_KINDS),
	/** One of the article's key sites (drawn larger, listed first). */
	key: z.boolean(),
	name: PlaceName,
	description: Localized,
	/** Radius in metres within which the true position lies; for areas, the edge's uncertainty. */
	uncertaintyM: z.number().min(0).max(2_000_000),
	/** Where the position comes from and what the radius covers. */
	position: Localized,
	sources: SourceRefs
});
export type SiteProperties = z.infer<typeof SiteProperties>;

const Point = z.strictObject({ type: z.literal('Point'), coordinates: LonLat });
const Ring = z.array(LonLat).min(4);
const Polygon = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
const MultiPolygon = z.strictObject({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(z.array(Ring).min(1)).min(1)
});
const PlaceGeometry = z.discriminatedUnion('type', [Point, Polygon, MultiPolygon]);

export const Site = z.strictObject({
	type: z.literal('Feature'),
	geometry: PlaceGeometry,
	properties: SiteProperties
});
export type Site = z.infer<typeof Site>;

export const SiteCollection = z.strictObject({
	type: z.literal('FeatureCollection'),
	features: z.array(Site)
});

export const PRECISIONS = ['instant', 'part-of-day', 'day', 'span'] as const;
export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;

/** When something happened or was said, and how precisely we know it. */
export const When = z
	.strictObject({
		start: IsoDate,
		/** Inclusive end, for spans; open-ended spans ("since New Year's Day") end at the story's end. */
		end: IsoDate.optional(),
		precision: z.enum(PRECISIONS),
		partOfDay: z.enum(PARTS_OF_DAY).optional(),
		note: Localized.optional()
	})
	.check((ctx) => {
		const w = ctx.value;
		if (w.precision === 'span' && !w.end)
			ctx.issues.push({
				code: 'custom',
				input: w,
				path: ['end'],
				message: 'is missing; a span needs an end'
			});
		if (w.precision === 'part-of-day' && !w.partOfDay)
			ctx.issues.push({
				code: 'custom',
				input: w,
				path: ['partOfDay'],
				message: 'is missing; expected one of ' + PARTS_OF_DAY.join(', ')
			});
		if (w.end && Date.parse(w.end) < Date.parse(w.start))
			ctx.issues.push({ code: 'custom', input: w, path: ['end'], message: 'is before start' });
	});
export type When = z.infer<typeof When>;

export const QUALIFIERS = ['exact', 'more-than', 'almost', 'about', 'dozens'] as const;

/** A number someone gave for an incident: conflicting figures stand side by side, never merged. */
export const Figure = z
	.strictObject({
		measure: z.enum(MEASURES),
		/** null only for "dozens", which names no number. */
		value: z.number().int().nonnegative().nullable(),
		qualifier: z.enum(QUALIFIERS),
		/** What the figure covers (one city, the whole country, security forces only...). */
		scope: Localized,
		who: Localized,
		via: Localized.optional(),
		date: IsoDate.nullable(),
		source: Id,
		/**
		 * Taken back by whoever gave it ("a technical error"): still shown, as withdrawn, never dropped.
		 * `date` is when it was withdrawn (null: not established), `source` the report of the withdrawal.
		 */
		withdrawn: z.strictObject({ date: IsoDate.nullable(), note: Localized, source: Id }).optional()
	})
	.check((ctx) => {
		const f = ctx.value;
		if ((f.value === null) !== (f.qualifier === 'dozens'))
			ctx.issues.push({
				code: 'custom',
				input: f,
				path: ['value'],
				message: 'must be null exactly when qualifier is "dozens"; give the number that was said'
			});
	});
export type Figure = z.infer<typeof Figure>;

/** Later reporting that qualifies a claim, with its own date and source. */
export const ContextNote = z.strictObject({ date: IsoDate.nullable(), text: Localized, source: Id });
export type ContextNote = z.infer<typeof ContextNote>;

export const IncidentProperties = z.strictObject({
	id: Id,
	layer: Id,
	title: Localized,
	description: Localized,
	/** Where it happened: a site id, or null when the feature carries its own geometry. */
	site: Id.nullable(),
	/** Only for incidents with their own geometry: metres around it. */
	uncertaintyM: z.number().min(0).optional(),
	when: When,
	/** When it was first reported, which may be later than when it happened. */
	reported: When,
	claims: z.array(Id).min(1, { error: 'is empty; an incident is reported by at least one claim' }),
	figures: z.array(Figure).optional(),
	sources: SourceRefs
});
export type IncidentProperties = z.infer<typeof IncidentProperties>;

export const Incident = z.strictObject({
	type: z.literal('Feature'),
	// RFC 7946 allows a null geometry: the incident is then placed at its site.
	geometry: PlaceGeometry.nullable(),
	properties: IncidentProperties
});
export type Incident = z.infer<typeof Incident>;

export const IncidentCollection = z.strictObject({
	type: z.literal('FeatureCollection'),
	features: z.array(Incident)
});

/**
 * One step in how well a claim is known: when the evidence for a status appeared, the status, why,
 * and the source it rests on. A claim's history runs oldest first; its last entry is its status.
 */
export const StatusEntry = z.strictObject({
	/** When the evidence appeared; null when we could not establish it (only after a dated entry). */
	date: IsoDate.nullable(),
	status: z.enum(STATUSES),
	note: Localized,
	source: Id
});
export type StatusEntry = z.infer<typeof StatusEntry>;

export const Claim = z.strictObject({
	id: Id,
	/** Our own wording; never the article's sentence. */
	text: Localized,
	attribution: z.strictObject({
		who: Localized,
		kind: SourceKind,
		/** The channel it reached the article through (e.g. TASS for the Health Ministry). */
		via: Localized.optional()
	}),
	/** 1-based paragraph of the article the claim comes from. */
	paragraph: z.number().int().positive(),
	places: z
		.array(Id)
		.min(1, { error: 'is empty; a claim concerns at least one place (an area for a country)' }),
	incidents: z.array(Id),
	date: When,
	status: z.enum(STATUSES),
	statusHistory: z
		.array(StatusEntry)
		.min(1, { error: 'is empty; every claim needs its dated status history, its current status last' }),
	statusNote: Localized.optional(),
	context: z.array(ContextNote).optional(),
	sources: SourceRefs
});
export type Claim = z.infer<typeof Claim>;

export const ClaimList = z.array(Claim);

/**
 * One step of the guided reading: our own summary of one paragraph of the article (never its
 * sentences), and the places the map shows for it. Its claims are those of that paragraph.
 */
export const ReadingStep = z.strictObject({
	/** 1-based paragraph of the article, as claims number them. */
	paragraph: z.number().int().positive(),
	/** A short heading for the step. */
	title: Localized,
	/** What the paragraph says, in our words, with who says it. */
	summary: Localized,
	/** Where the map goes for this step (site ids); the claims' incidents are highlighted too. */
	places: z
		.array(Id)
		.min(1, { error: 'is empty; a step shows at least one place (the country for country-wide news)' }),
	/** About the whole country: the map shows the country's area, never a point standing for it. */
	countryWide: z.boolean(),
	/**
	 * What the reader should know about the paragraph's own wording (an order it reverses, a
	 * pronoun with no referent), shown under the summary, each with the source that shows it.
	 */
	notes: z.array(z.strictObject({ text: Localized, source: Id })).optional()
});
export type ReadingStep = z.infer<typeof ReadingStep>;

/** The guided reading: every paragraph of the article is a step or is skipped, with why. */
export const Reading = z.strictObject({
	steps: z.array(ReadingStep).min(1, { error: 'is empty; a guided reading has at least one step' }),
	skipped: z.array(z.strictObject({ paragraph: z.number().int().positive(), why: Localized }))
});
export type Reading = z.infer<typeof Reading>;
export const SourceList = z.array(Source);

/** Everything the app needs, after validation. */
export interface Dataset {
	story: Story;
	sites: Site[];
	incidents: Incident[];
	claims: Claim[];
	sources: Source[];
	/** The guided reading (reading.json); null when the story has none. */
	reading: Reading | null;
}
