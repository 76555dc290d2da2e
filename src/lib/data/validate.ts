// Validates a story's raw files into a Dataset, or lists every problem as
// `file > record id > field: what is wrong; what is expected`. Pure: no file system, no DOM.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { bboxPolygon } from '@turf/bbox-polygon';
import type { Position } from 'geojson';
import type { z } from 'zod';
import { CONFIRMED_MIN_ORIGINS, countOrigins, explainCount } from './independence';
import { readingAttributionProblems } from './reading-attribution';
import { clockOf, offsetMs } from './time';
import {
	ClaimList,
	IncidentCollection,
	Reading,
	SiteCollection,
	SourceList,
	Story,
	shown,
	type Dataset,
	type When
} from './schema';

/** File names inside a story folder, keyed by the dataset part they hold. */
export const STORY_FILES = {
	story: 'story.json',
	sites: 'sites.geojson',
	incidents: 'incidents.geojson',
	claims: 'claims.json',
	sources: 'sources.json',
	reading: 'reading.json'
} as const;
/** Parts a story may leave out: without reading.json, it has no guided reading. */
export const OPTIONAL_PARTS: readonly StoryPart[] = ['reading'];
export type StoryPart = keyof typeof STORY_FILES;
export type RawStory = Record<StoryPart, unknown>;

export interface DataError {
	file: string;
	record: string;
	field: string;
	message: string;
}

export function formatError(e: DataError): string {
	return `${e.file} > ${e.record} > ${e.field}: ${e.message}`;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: DataError[] };

const SCHEMAS = {
	story: Story,
	sites: SiteCollection,
	incidents: IncidentCollection,
	claims: ClaimList,
	sources: SourceList,
	reading: Reading.nullable()
} as const;

/** Finds the id of the record an issue path points into, so errors name records, not indices. */
function locate(
	part: StoryPart,
	raw: unknown,
	path: PropertyKey[]
): { record: string; field: PropertyKey[] } {
	const idOf = (v: unknown): string | undefined => {
		if (typeof v !== 'object' || v === null) return undefined;
		const o = v as { id?: unknown; properties?: { id?: unknown } };
		const id = o.properties?.id ?? o.id;
		return typeof id === 'string' ? id : undefined;
	};
	if (part === 'story') return { record: idOf(raw) ?? '(story)', field: path };
	if (part === 'reading') {
		// Steps are named by their paragraph: `reading.json > paragraph 3 > summary.en`.
		const list = (raw as Record<string, unknown> | null)?.[String(path[0])];
		const item = typeof path[1] === 'number' && Array.isArray(list) ? (list[path[1]] as unknown) : undefined;
		const n = (item as { paragraph?: unknown } | undefined)?.paragraph;
		if (typeof path[1] !== 'number') return { record: '(file)', field: path };
		return {
			record: typeof n === 'number' ? `paragraph ${n}` : `${String(path[0])} #${path[1] + 1}`,
			field: path.slice(2)
		};
	}
	// GeoJSON collections: ['features', i, ...]; lists: [i, ...].
	const skip = part === 'sites' || part === 'incidents' ? 1 : 0;
	const index = path[skip];
	if (typeof index !== 'number') return { record: '(file)', field: path };
	const container = skip ? (raw as { features?: unknown[] }).features : (raw as unknown[]);
	const id = idOf(Array.isArray(container) ? container[index] : undefined);
	// Feature fields are named as in the cross-checks: `title.fr`, not `properties.title.fr`.
	const rest = path.slice(skip + 1);
	const record = id === undefined ? `#${index + 1}` : id.length > 40 ? `${id.slice(0, 39)}…` : id;
	return { record, field: skip && rest[0] === 'properties' ? rest.slice(1) : rest };
}

/**
 * A value that has the shape of one alternative of a union ({fr, en} for a title) but is wrong
 * inside it is reported as that alternative's problems, not as "matches none".
 */
function intoAlternative(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
	if (issue.code !== 'invalid_union') return [issue];
	const deeper = issue.errors.find((alt) => alt.length && alt.every((i) => i.path.length > 0));
	if (!deeper) return [issue];
	return deeper.flatMap((i) => intoAlternative({ ...i, path: [...issue.path, ...i.path] }));
}

/** What zod expected, as the data's author would say it. */
const EXPECTED: Record<string, string> = {
	string: 'a text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	tuple: 'a list',
	object: 'an object',
	null: 'null'
};

/** What was found, as the data's author would see it: `the text "1"`, `a list`, `null`. */
function found(v: unknown): string {
	if (typeof v === 'string') return `the text ${shown(v)}`;
	if (typeof v === 'number') return `the number ${v}`;
	if (typeof v === 'boolean' || v === null) return String(v);
	if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
	return 'an object';
}

// zod's own messages start with a capital ("Invalid input"); ours, written in the schema, are
// already in the `what is wrong; what is expected` form and are kept as they are.
const ours = (issue: z.core.$ZodIssue) => !/^[A-Z]/.test(issue.message);

function describe(issue: z.core.$ZodIssue): string {
	// Parsed with reportInput, so only a field that is absent has no input.
	const missing = !('input' in issue) || issue.input === undefined;
	const what = missing ? 'is missing' : `is ${found(issue.input)}`;
	switch (issue.code) {
		case 'invalid_type':
			// Infinity or NaN (from a sheet or a script, never JSON): a number, but none a map can use.
			if (typeof issue.input === 'number' && !Number.isFinite(issue.input))
				return `is not a finite number (${issue.input}); expected a number such as 43.2389`;
			return `${what}; expected ${EXPECTED[issue.expected] ?? issue.expected}`;
		case 'invalid_value':
			return `${what}; expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => shown(v)).join(', ')}`;
		case 'invalid_union': {
			if (issue.discriminator) {
				const key = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
				return `${key === undefined ? 'is missing' : `is ${found(key)}`}; expected one of ${((issue as { options?: unknown[] }).options ?? []).map((o) => shown(o)).join(', ')}`;
			}
			// Each alternative failed: name what each wanted at this level.
			const wanted = issue.errors.flatMap((alt) =>
				alt
					.filter((i) => i.path.length === 0 && i.code === 'invalid_type')
					.map((i) => EXPECTED[(i as { expected: string }).expected] ?? (i as { expected: string }).expected)
			);
			return wanted.length
				? `${what}; expected ${[...new Set(wanted)].join(' or ')}`
				: `${what}; ${issue.message.toLowerCase()}`;
		}
		case 'unrecognized_keys':
			return `has unknown field(s) ${issue.keys.join(', ')}; remove them or add them to the schema`;
		case 'too_small':
		case 'too_big': {
			if (ours(issue)) return issue.message;
			const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
			const word =
				issue.code === 'too_small'
					? issue.inclusive
						? 'at least'
						: 'more than'
					: issue.inclusive
						? 'at most'
						: 'less than';
			const size = Array.isArray(issue.input) ? `has ${issue.input.length} item(s)` : what;
			return `${size}; expected ${word} ${String(bound)}${issue.origin === 'array' ? ' item(s)' : ''}`;
		}
		default:
			return ours(issue) ? issue.message : `${what}; ${issue.message.toLowerCase()}`;
	}
}

function fieldName(path: PropertyKey[]): string {
	return path.length ? path.map(String).join('.') : '(record)';
}

export function validateStory(raw: RawStory): ValidationResult {
	const errors: DataError[] = [];
	const parsed: Partial<Dataset> = {};

	for (const part of Object.keys(SCHEMAS) as StoryPart[]) {
		// reportInput keeps each issue's input, so a wrong type can say what it found.
		const result = SCHEMAS[part].safeParse(raw[part], { reportInput: true });
		if (result.success) {
			(parsed as Record<string, unknown>)[part] =
				part === 'sites' || part === 'incidents'
					? (result.data as { features: unknown[] }).features
					: result.data;
			continue;
		}
		for (const issue of result.error.issues.flatMap(intoAlternative)) {
			const { record, field } = locate(part, raw[part], issue.path);
			errors.push({ file: STORY_FILES[part], record, field: fieldName(field), message: describe(issue) });
		}
	}
	// Cross-checks need every file's shape to be right first; shape errors alone are the useful report.
	if (errors.length) return { ok: false, errors };
	const dataset = parsed as Dataset;
	errors.push(...crossCheck(dataset));
	return errors.length ? { ok: false, errors } : { ok: true, dataset };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/;

/** Calls `found` with every date-time string inside a record, and its field path. */
function forEachDateTime(value: unknown, path: string, found: (v: string, field: string) => void) {
	if (typeof value === 'string') {
		if (DATE_TIME.test(value)) found(value, path);
	} else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) forEachDateTime(v, path ? `${path}.${k}` : k, found);
}

/** A date-time rewritten at another offset, for an error's example ("2022-01-06T10:28+06:00"). */
function localTime(iso: string, utcOffset: string): string {
	return new Date(Date.parse(iso) - offsetMs(utcOffset)).toISOString().slice(0, 16) + utcOffset;
}

/**
 * Why the time zone does not hold over the story's days, or null: an IANA name the runtime knows,
 * whose offset is utcOffset on every day of timeRange (the app reads days at that one offset).
 */
export function timeZoneProblem(
	zone: Dataset['story']['timeZone'],
	range: Dataset['story']['timeRange']
): string | null {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en', { timeZone: zone.name, timeZoneName: 'longOffset' });
	} catch {
		return `name ${shown(zone.name)} is not an IANA time zone; expected e.g. "Europe/Paris" or "America/Lima"`;
	}
	const last = Date.parse(range.end.slice(0, 10) + 'T12:00:00Z');
	for (let t = Date.parse(range.start.slice(0, 10) + 'T12:00:00Z'); t <= last; t += 86_400_000) {
		const name = format.formatToParts(t).find((p) => p.type === 'timeZoneName')!.value;
		const offset = name === 'GMT' ? '+00:00' : name.slice(3);
		if (offset !== zone.utcOffset) {
			const day = new Date(t).toISOString().slice(0, 10);
			return `utcOffset is ${zone.utcOffset}, but ${zone.name} is at ${offset} on ${day}; expected the offset in force over the whole timeRange (a story across an offset change is not supported: split it)`;
		}
	}
	return null;
}

function crossCheck(d: Dataset): DataError[] {
	const errors: DataError[] = [];
	const err = (part: StoryPart, record: string, field: string, message: string) =>
		errors.push({ file: STORY_FILES[part], record, field, message });

	const idsOf = (part: StoryPart, ids: string[]) => {
		const seen = new Set<string>();
		ids.forEach((id, i) => {
			if (seen.has(id)) err(part, id, 'id', `is used twice (record #${i + 1}); ids must be unique`);
			if (/^\d+$/.test(id))
				err(part, id, 'id', 'is only digits; expected a descriptive slug, never an index');
			seen.add(id);
		});
		return seen;
	};
	const sites = idsOf(
		'sites',
		d.sites.map((s) => s.properties.id)
	);
	const incidents = idsOf(
		'incidents',
		d.incidents.map((s) => s.properties.id)
	);
	const claims = idsOf(
		'claims',
		d.claims.map((c) => c.id)
	);
	const sources = idsOf(
		'sources',
		d.sources.map((s) => s.id)
	);
	const layers = idsOf(
		'story',
		d.story.layers.map((l) => l.id)
	);

	const ref = (
		part: StoryPart,
		record: string,
		field: string,
		id: string,
		set: Set<string>,
		what: string
	) => {
		if (!set.has(id))
			err(
				part,
				record,
				field,
				`refers to unknown ${what} "${id}"; expected one of the ids in ${what === 'layer' ? STORY_FILES.story : STORY_FILES[pluralOf(what)]}`
			);
	};
	const sourceRefs = (part: StoryPart, record: string, refs: { source: string }[]) =>
		refs.forEach((r, i) => ref(part, record, `sources.${i}.source`, r.source, sources, 'source'));

	// Story
	const s = d.story;
	ref('story', s.id, 'article.source', s.article.source, sources, 'source');
	s.defaultView.places.forEach((p, i) => ref('story', s.id, `defaultView.places.${i}`, p, sites, 'site'));
	ref('story', s.id, 'reference.site', s.reference.site, sites, 'site');
	const zoneProblem = timeZoneProblem(s.timeZone, s.timeRange);
	if (zoneProblem) err('story', s.id, 'timeZone', zoneProblem);
	// A date-time's day is shown as written (format.ts), so it must be written in the story's time.
	const offsetOf = (part: StoryPart, record: string, value: unknown) =>
		forEachDateTime(value, '', (v, field) => {
			const written = /(Z|[+-]\d{2}:\d{2})$/.exec(v)![1]!;
			if (written.replace('Z', '+00:00') !== s.timeZone.utcOffset)
				err(
					part,
					record,
					field,
					`is written at ${written}; expected the story's local time, at ${s.timeZone.utcOffset} (story.json timeZone), e.g. ${localTime(v, s.timeZone.utcOffset)}`
				);
		});
	offsetOf('story', s.id, s);
	d.sites.forEach((f) => offsetOf('sites', f.properties.id, f.properties));
	d.incidents.forEach((f) => offsetOf('incidents', f.properties.id, f.properties));
	d.claims.forEach((c) => offsetOf('claims', c.id, c));
	d.sources.forEach((c) => offsetOf('sources', c.id, c));
	const [w, south, e, n] = s.bbox;
	if (!(w < e && south < n && w >= -180 && e <= 180 && south >= -90 && n <= 90))
		err(
			'story',
			s.id,
			'bbox',
			'is not [west, south, east, north] in degrees with west < east and south < north'
		);
	const box = bboxPolygon(s.bbox);
	// A date is a local day of the story, a date-time the moment it names (time.ts).
	const { dayStart } = clockOf(s.timeZone.utcOffset);
	const moment = (iso: string) => (iso.length === 10 ? dayStart(iso) : Date.parse(iso));
	const start = moment(s.timeRange.start);
	// The range's end date is inclusive: anything during that day is inside.
	const end = moment(s.timeRange.end) + (s.timeRange.end.length === 10 ? 86_400_000 : 0);
	if (!(start < end)) err('story', s.id, 'timeRange', 'ends before it starts');

	const position = (part: StoryPart, record: string, field: string, p: Position) => {
		const [lon, lat] = p as [number, number];
		if (booleanPointInPolygon(p, box)) return;
		const swapped = booleanPointInPolygon([lat, lon], box);
		err(
			part,
			record,
			field,
			swapped
				? `[${lon}, ${lat}] looks like [lat, lon]; GeoJSON expects [lon, lat]: swap the two numbers`
				: `[${lon}, ${lat}] is outside the story's bounding box [${s.bbox.join(', ')}]; check the coordinates or widen story.json bbox`
		);
	};
	const geometry = (part: StoryPart, record: string, g: Dataset['sites'][number]['geometry']) => {
		if (g.type === 'Point') return position(part, record, 'geometry.coordinates', g.coordinates);
		const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		polys.forEach((poly) =>
			poly.forEach((ring) => {
				const [a, b] = [ring[0]!, ring[ring.length - 1]!];
				if (a[0] !== b[0] || a[1] !== b[1])
					err(
						part,
						record,
						'geometry.coordinates',
						'has a ring that is not closed; repeat the first position last'
					);
				ring.forEach((p) => position(part, record, 'geometry.coordinates', p));
			})
		);
	};
	const when = (part: StoryPart, record: string, field: string, w: When) => {
		for (const key of ['start', 'end'] as const) {
			const v = w[key];
			if (v === undefined) continue;
			const t = moment(v);
			if (t < start || t >= end)
				err(
					part,
					record,
					`${field}.${key}`,
					`${v} is outside the story's time range ${s.timeRange.start} to ${s.timeRange.end}`
				);
		}
	};

	for (const site of d.sites) {
		const p = site.properties;
		geometry('sites', p.id, site.geometry);
		sourceRefs('sites', p.id, p.sources);
	}

	const claimById = new Map(d.claims.map((c) => [c.id, c]));
	for (const inc of d.incidents) {
		const p = inc.properties;
		ref('incidents', p.id, 'layer', p.layer, layers, 'layer');
		if (p.site !== null) {
			ref('incidents', p.id, 'site', p.site, sites, 'site');
			if (inc.geometry)
				err(
					'incidents',
					p.id,
					'geometry',
					'is set together with site; use one: a site id, or a geometry with site null'
				);
		} else if (!inc.geometry) {
			err('incidents', p.id, 'geometry', 'is null and site is null; give a site id or a geometry');
		} else {
			geometry('incidents', p.id, inc.geometry);
			if (p.uncertaintyM === undefined)
				err(
					'incidents',
					p.id,
					'uncertaintyM',
					'is missing; an incident with its own geometry needs a radius in metres'
				);
		}
		when('incidents', p.id, 'when', p.when);
		when('incidents', p.id, 'reported', p.reported);
		if (moment(p.reported.start) < moment(p.when.start))
			err(
				'incidents',
				p.id,
				'reported.start',
				'is before the incident started; it cannot be reported before it happens'
			);
		p.figures?.forEach((f, i) => ref('incidents', p.id, `figures.${i}.source`, f.source, sources, 'source'));
		p.figures?.forEach((f, i) => {
			if (!f.withdrawn) return;
			ref('incidents', p.id, `figures.${i}.withdrawn.source`, f.withdrawn.source, sources, 'source');
			if (f.withdrawn.date && f.date && f.withdrawn.date < f.date)
				err(
					'incidents',
					p.id,
					`figures.${i}.withdrawn.date`,
					`${f.withdrawn.date} is before the figure was given (${f.date}); a figure is withdrawn after it is given`
				);
		});
		p.claims.forEach((c, i) => {
			ref('incidents', p.id, `claims.${i}`, c, claims, 'claim');
			const claim = claimById.get(c);
			if (claim && !claim.incidents.includes(p.id))
				err(
					'incidents',
					p.id,
					`claims.${i}`,
					`lists claim "${c}" but that claim does not list this incident; add "${p.id}" to its incidents`
				);
		});
		sourceRefs('incidents', p.id, p.sources);
	}

	// A status cannot be set before its claim was made, nor after the dataset was published.
	const lastDay = s.version.slice(0, 10);
	const statusHistory = (c: Dataset['claims'][number]) => {
		const cited = new Set(c.sources.map((r) => r.source));
		const claimDay = c.date.start.slice(0, 10);
		let previous: string | null = null;
		let undatedSeen = false;
		c.statusHistory.forEach((e, i) => {
			const at = `statusHistory.${i}`;
			ref('claims', c.id, `${at}.source`, e.source, sources, 'source');
			if (sources.has(e.source) && !cited.has(e.source))
				err(
					'claims',
					c.id,
					`${at}.source`,
					`is "${e.source}", which this claim does not cite; add it to the claim's sources so readers can see it`
				);
			if (e.date === null) {
				if (i === 0)
					err(
						'claims',
						c.id,
						`${at}.date`,
						'is null; the first entry needs a date (when the claim was first reported or judged)'
					);
				undatedSeen = true;
				return;
			}
			const day = e.date.slice(0, 10);
			if (undatedSeen)
				err(
					'claims',
					c.id,
					`${at}.date`,
					'follows an entry with no date; entries whose date is not established go last'
				);
			if (day < claimDay)
				err(
					'claims',
					c.id,
					`${at}.date`,
					`${e.date} is before the claim was made (${c.date.start}); a status cannot predate its claim`
				);
			if (day > lastDay)
				err(
					'claims',
					c.id,
					`${at}.date`,
					`${e.date} is after the dataset's version date (${lastDay}); expected a date that has passed`
				);
			if (previous !== null && day < previous.slice(0, 10))
				err(
					'claims',
					c.id,
					`${at}.date`,
					`${e.date} is before the previous entry (${previous.slice(0, 10)}); list the history oldest first`
				);
			// Two times of one day are ordered too (a day alone orders with neither).
			else if (
				previous?.includes('T') &&
				e.date.includes('T') &&
				day === previous.slice(0, 10) &&
				Date.parse(e.date) < Date.parse(previous)
			)
				err(
					'claims',
					c.id,
					`${at}.date`,
					`${e.date} is earlier than the previous entry (${previous}) on the same day; list the history oldest first`
				);
			previous = e.date;
		});
		const last = c.statusHistory.at(-1);
		if (last && last.status !== c.status)
			err(
				'claims',
				c.id,
				`statusHistory.${c.statusHistory.length - 1}.status`,
				`is "${last.status}" but the claim's status is "${c.status}"; the last entry is the current status: add an entry or change status`
			);
	};

	const incidentById = new Map(d.incidents.map((i) => [i.properties.id, i]));
	const sourceById = new Map(d.sources.map((x) => [x.id, x]));
	// The article's own origin (the story it rewrites) never counts toward "confirmed".
	const storyOrigin = sourceById.get(s.article.source)?.origin ?? null;
	d.sources.forEach((x) => {
		if (x.alignment && !s.alignments?.[x.alignment])
			err(
				'sources',
				x.id,
				'alignment',
				`is "${x.alignment}", which story.json alignments does not name; add "${x.alignment}": {"fr": …, "en": …} there (what its outlets are called, e.g. "Russian state media")`
			);
	});
	for (const c of d.claims) {
		c.places.forEach((p, i) => ref('claims', c.id, `places.${i}`, p, sites, 'site'));
		c.incidents.forEach((id, i) => {
			ref('claims', c.id, `incidents.${i}`, id, incidents, 'incident');
			const inc = incidentById.get(id);
			if (inc && !inc.properties.claims.includes(c.id))
				err(
					'claims',
					c.id,
					`incidents.${i}`,
					`lists incident "${id}" but that incident does not list this claim; add "${c.id}" to its claims`
				);
		});
		if (c.paragraph > s.article.paragraphs)
			err(
				'claims',
				c.id,
				'paragraph',
				`is ${c.paragraph} but the article has ${s.article.paragraphs} paragraphs`
			);
		when('claims', c.id, 'date', c.date);
		c.context?.forEach((n, i) => ref('claims', c.id, `context.${i}.source`, n.source, sources, 'source'));
		sourceRefs('claims', c.id, c.sources);
		statusHistory(c);
		if (c.status === 'confirmed') {
			const count = countOrigins(c.sources, (id) => sourceById.get(id), storyOrigin);
			if (count.counted.length < CONFIRMED_MIN_ORIGINS)
				err(
					'claims',
					c.id,
					'status',
					`is "confirmed" but its sources give ${count.counted.length} independent origin(s) besides the story's own; "confirmed" needs at least ${CONFIRMED_MIN_ORIGINS} (${explainCount(count, storyOrigin)}): cite a source from another origin, or set status to "attributed"`
				);
		}
	}
	if (d.reading) {
		checkReading(d, sites, sources, err);
		for (const p of readingAttributionProblems(d.reading, d.claims, d.sources))
			err('reading', `paragraph ${p.paragraph}`, `summary.${p.lang}`, p.message);
	}
	return errors;
}

/**
 * Every paragraph of the article is a step or is skipped, once, in order; a step's places exist,
 * a country-wide step shows a country, and a skipped paragraph carries no claim.
 */
function checkReading(
	d: Dataset,
	sites: Set<string>,
	sources: Set<string>,
	err: (part: StoryPart, record: string, field: string, message: string) => void
) {
	const reading = d.reading!;
	const total = d.story.article.paragraphs;
	const seen = new Map<number, string>();
	const kindOf = new Map(d.sites.map((s) => [s.properties.id, s.properties.kind]));
	const paragraph = (n: number, record: string, field: string) => {
		if (n > total) err('reading', record, field, `is ${n} but the article has ${total} paragraphs`);
		else if (seen.has(n))
			err('reading', record, field, `is ${n}, already ${seen.get(n)}; each paragraph appears once`);
		seen.set(n, field.startsWith('skipped') ? 'skipped' : 'a step');
	};
	let previous = 0;
	for (const step of reading.steps) {
		const record = `paragraph ${step.paragraph}`;
		paragraph(step.paragraph, record, 'paragraph');
		if (step.paragraph < previous)
			err(
				'reading',
				record,
				'paragraph',
				`comes after paragraph ${previous}; list the steps in the article's order`
			);
		previous = step.paragraph;
		step.notes?.forEach((n, i) => {
			if (!sources.has(n.source))
				err(
					'reading',
					record,
					`notes.${i}.source`,
					`refers to unknown source "${n.source}"; expected one of the ids in ${STORY_FILES.sources}`
				);
		});
		step.places.forEach((p, i) => {
			if (!sites.has(p))
				err(
					'reading',
					record,
					`places.${i}`,
					`refers to unknown site "${p}"; expected one of the ids in ${STORY_FILES.sites}`
				);
		});
		if (step.countryWide && !step.places.some((p) => kindOf.get(p) === 'country'))
			err(
				'reading',
				record,
				'places',
				'names no country but countryWide is true; add the country\'s area (an area site, e.g. "france") or set countryWide to false'
			);
	}
	reading.skipped.forEach((s, i) => {
		paragraph(s.paragraph, `paragraph ${s.paragraph}`, `skipped.${i}.paragraph`);
		const claims = d.claims.filter((c) => c.paragraph === s.paragraph).map((c) => c.id);
		if (claims.length)
			err(
				'reading',
				`paragraph ${s.paragraph}`,
				`skipped.${i}.paragraph`,
				`is skipped but carries claims (${claims.join(', ')}); make it a step or move the claims`
			);
	});
	for (let n = 1; n <= total; n++)
		if (!seen.has(n))
			err(
				'reading',
				`paragraph ${n}`,
				'(record)',
				'is neither a step nor skipped; add a step for it, or list it in skipped with why'
			);
}

function pluralOf(what: string): StoryPart {
	return ({ site: 'sites', incident: 'incidents', claim: 'claims', source: 'sources' } as const)[
		what as 'site'
	];
}
