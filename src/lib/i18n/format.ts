// Dates and numbers as readers of each language write them. Formatters are built once each:
// building an Intl formatter costs far more than using one.
import type { Lang } from '$lib/data/langs';
import type { When } from '$lib/data/schema';

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
function longDay(iso: string, lang: Lang): string {
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

/** Formats a When for readers, keeping its precision honest (no invented hours). */
export function formatWhen(w: When, lang: Lang, partOfDay: Record<string, string>): string {
	const day = (iso: string) => longDay(iso, lang);
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
