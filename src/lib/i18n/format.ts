// Dates and numbers as readers of each language write them. Formatters are built once each:
// building an Intl formatter costs far more than using one.
import type { Lang } from '$lib/data/langs';
import type { Dataset, Published, When } from '$lib/data/schema';

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
	let f = formatters.get(key) as F | undefined;
	if (!f) formatters.set(key, (f = make()));
	return f;
}

export function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return cached(`d${lang}${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(LOCALE[lang], options));
}

// Each date is formatted once per language: the panel formats the same few dates for many claims
// and sources as the page hydrates. A date-time's day is its date as written: the validator keeps
// date-times at the story's own UTC offset, so that is the local day, with no time zone to look up.
const longDays = new Map<string, string>();
export function formatDay(iso: string, lang: Lang): string {
	const key = lang + iso;
	let out = longDays.get(key);
	if (out === undefined)
		longDays.set(
			key,
			(out = dateFormat(lang, {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			}).format(new Date(iso.slice(0, 10) + 'T00:00:00Z')))
		);
	return out;
}

/** A day for readers ("6 January 2022"), or `unknown` (the reader's words for it) when there is no date. */
export function formatDayOr(iso: string | null | undefined, lang: Lang, unknown: string): string {
	return iso ? formatDay(iso, lang) : unknown;
}

/** Formats a When for readers, keeping its precision honest (no invented hours). */
export function formatWhen(w: When, lang: Lang, partOfDay: Record<string, string>): string {
	const day = (iso: string) => formatDay(iso, lang);
	if (w.end && w.end !== w.start) return `${day(w.start)} – ${day(w.end)}`;
	if (w.precision === 'part-of-day' && w.partOfDay) return `${day(w.start)}, ${partOfDay[w.partOfDay]}`;
	return day(w.start);
}

/** A day in a short line ("6 Jan 2022", "6 janv. 2022"): for histories, where many dates sit together. */
export function formatDayShort(iso: string, lang: Lang): string {
	return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(iso.slice(0, 10) + 'T00:00:00Z')
	);
}

export function formatNumber(n: number, lang: Lang, digits = 0): string {
	// Small counts read the same in both languages: no formatter is built for them at start.
	if (digits === 0 && Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
	return cached(
		`n${lang}${digits}`,
		() =>
			new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits })
	).format(n);
}

/** A When as ISO 8601 for machines (exports): a date, a date-time, or an interval `start/end`. */
export function formatWhenIso(w: When): string {
	const base = w.end && w.end !== w.start ? `${w.start}/${w.end}` : w.start;
	return w.precision === 'part-of-day' && w.partOfDay ? `${base} (${w.partOfDay})` : base;
}

// Distances, three ways, each for where it is read.

/** Kilometres from the story's reference place, on a site's card: hundredths close by ("2,35"). */
export const referenceKm = (km: number, lang: Lang) => formatNumber(km, lang, km < 10 ? 2 : 0);

/** An edge pointer's distance: metres close by, tenths of a kilometre in town, whole kilometres beyond. */
export function pointerDistance(m: number, lang: Lang): string {
	if (m < 1000) return `${formatNumber(Math.round(m / 10) * 10, lang)} m`;
	return m < 10_000
		? `${formatNumber(Math.round(m / 100) / 10, lang, 1)} km`
		: `${formatNumber(Math.round(m / 1000), lang)} km`;
}

/** A printed map's scale bar or distance: whole metres, then kilometres with a tenth when it counts. */
export function insetDistance(m: number, lang: Lang): string {
	if (m < 1000) return `${formatNumber(Math.round(m), lang)} m`;
	const km = m / 1000;
	return `${formatNumber(km, lang, km < 10 && Math.abs(km - Math.round(km)) > 0.05 ? 1 : 0)} km`;
}

/**
 * What a site's card says of where it stands against the story's reference place (story.json
 * `reference`): "This is the main square", "12 km from the main square" (`km` already formatted), or
 * nothing when there is no distance to give.
 */
export function referenceNote(
	reference: Dataset['story']['reference'],
	siteId: string,
	km: string | null,
	lang: Lang
): string | null {
	if (siteId === reference.site) return reference.here[lang];
	return km === null ? null : reference.distance[lang].replace('{km}', km);
}

/** A published name or title as it reads in `lang`: as published, or our description of it. */
export const published = (value: Published, lang: Lang) => (typeof value === 'string' ? value : value[lang]);

/** The language a published name or title is written in, for its element's `lang`. */
export const publishedLang = (value: Published, original: string, lang: Lang) =>
	typeof value === 'string' ? original : lang;
