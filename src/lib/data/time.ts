// The time model: every When becomes a half-open interval [start, end) in milliseconds, honest to
// its precision. Dates without a time are days in Almaty (UTC+6 in 2022), where the events happened.
import type { When } from './schema';

export const ALMATY_OFFSET = '+06:00';
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Hours of the local day each part covers. */
const PARTS = { night: [0, 6], morning: [6, 12], afternoon: [12, 18], evening: [18, 24] } as const;

const isDay = (iso: string) => iso.length === 10;

/** Local midnight at the start of a calendar day in Almaty. */
export function dayStart(isoDay: string): number {
	return Date.parse(`${isoDay.slice(0, 10)}T00:00:00${ALMATY_OFFSET}`);
}

// Records are never mutated once validated, so each When's interval is parsed once: filtering and
// sorting tens of thousands of incidents would otherwise parse the same ISO strings again and again.
const parsed = new WeakMap<When, [number, number]>();

/** The interval a When covers. A span's end day is inclusive; an instant lasts a millisecond. */
export function interval(w: When): [number, number] {
	let out = parsed.get(w);
	if (!out) parsed.set(w, (out = computeInterval(w)));
	return out;
}

function computeInterval(w: When): [number, number] {
	const start = isDay(w.start) ? dayStart(w.start) : Date.parse(w.start);
	if (w.precision === 'instant') return [start, start + 1];
	if (w.precision === 'part-of-day' && w.partOfDay) {
		const [a, b] = PARTS[w.partOfDay];
		const d = dayStart(w.start);
		return [d + a * HOUR_MS, d + b * HOUR_MS];
	}
	if (w.end) return [start, isDay(w.end) ? dayStart(w.end) + DAY_MS : Date.parse(w.end) + 1];
	return [start, isDay(w.start) ? start + DAY_MS : start + 1];
}

/** A reader's date filter: whole local days, both ends inclusive. */
export interface DayRange {
	from: string;
	to: string;
}

export function rangeInterval(r: DayRange): [number, number] {
	return [dayStart(r.from), dayStart(r.to) + DAY_MS];
}

/** True when anything of `w` falls inside the range: an uncertain time is shown, not hidden. */
export function overlaps(w: When, r: DayRange | null): boolean {
	return !r || overlapsSpan(w, rangeInterval(r));
}

/** The same test against a range already in ms, for filtering many records with one range. */
export function overlapsSpan(w: When, [from, to]: [number, number]): boolean {
	const [a, b] = interval(w);
	return a < to && b > from;
}

/** Calendar days of a range, as ISO dates. */
export function daysOf(r: DayRange): string[] {
	const out: string[] = [];
	for (let t = dayStart(r.from); t <= dayStart(r.to); t += DAY_MS)
		out.push(new Date(t + 6 * HOUR_MS).toISOString().slice(0, 10));
	return out;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDay(s: string | null): s is string {
	return (
		!!s &&
		ISO_DAY.test(s) &&
		!Number.isNaN(dayStart(s)) &&
		new Date(dayStart(s) + 6 * HOUR_MS).toISOString().startsWith(s)
	);
}

/**
 * How many incidents of each layer may have happened on each day of a range: an incident counts on
 * every day its interval touches. Dense timelines draw these counts instead of single marks.
 */
export function countPerDay(
	items: readonly { layer: string; when: When }[],
	layers: readonly string[],
	range: DayRange
): Map<string, number[]> {
	const n = daysOf(range).length;
	const bins = new Map(layers.map((l) => [l, new Array<number>(n).fill(0)]));
	for (const item of items) {
		const lane = bins.get(item.layer);
		if (!lane) continue;
		const [first, last] = dayIndices(item.when, range);
		for (let d = first; d <= last; d++) lane[d]!++;
	}
	return bins;
}

/**
 * The days of a range that anything of `w` falls on, as the indices of the first and the last
 * (first > last when it falls on none of them).
 */
export function dayIndices(w: When, range: DayRange): [number, number] {
	const [t0, t1] = rangeInterval(range);
	const [a, b] = interval(w);
	const n = Math.round((t1 - t0) / DAY_MS);
	return [Math.max(0, Math.floor((a - t0) / DAY_MS)), Math.min(n - 1, Math.ceil((b - t0) / DAY_MS) - 1)];
}

/** The index of a day within a range that starts on `from` (both ISO dates). */
export const dayIndex = (day: string, from: string) => Math.round((dayStart(day) - dayStart(from)) / DAY_MS);
