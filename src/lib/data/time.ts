// The time model: every When becomes a half-open interval [start, end) in milliseconds, honest to
// its precision. Dates without a time are local days where the story happened, at the UTC offset its
// story.json gives (timeZone.utcOffset): each story has its clock.
import type { When } from './schema';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Hours of the local day each part covers. */
const PARTS = { night: [0, 6], morning: [6, 12], afternoon: [12, 18], evening: [18, 24] } as const;

const isDay = (iso: string) => iso.length === 10;

/** A reader's date filter: whole local days, both ends inclusive. */
export interface DayRange {
	from: string;
	to: string;
}

/** Times read at one story's UTC offset. */
export interface StoryClock {
	/** Local midnight at the start of a calendar day. */
	dayStart: (isoDay: string) => number;
	/** The interval a When covers. A span's end day is inclusive; an instant lasts a millisecond. */
	interval: (w: When) => [number, number];
	rangeInterval: (r: DayRange) => [number, number];
	/** True when anything of `w` falls inside the range: an uncertain time is shown, not hidden. */
	overlaps: (w: When, r: DayRange | null) => boolean;
	/** The same test against a range already in ms, for filtering many records with one range. */
	overlapsSpan: (w: When, span: [number, number]) => boolean;
	/**
	 * The days of a range that anything of `w` falls on, as the indices of the first and the last
	 * (first > last when it falls on none of them).
	 */
	dayIndices: (w: When, range: DayRange) => [number, number];
	/** Incidents per layer per day of the range (see countPerDay below). */
	countPerDay: (
		items: readonly { layer: string; when: When }[],
		layers: readonly string[],
		range: DayRange
	) => Map<string, number[]>;
}

/** Milliseconds to add to a UTC wall-clock reading to get the instant: "+06:00" gives -6 h. */
export function offsetMs(utcOffset: string): number {
	const m = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset);
	if (!m)
		throw new Error(
			`"${utcOffset}" is not a UTC offset; expected e.g. "+06:00" (story.json timeZone.utcOffset)`
		);
	return (m[1] === '-' ? 1 : -1) * (Number(m[2]) * HOUR_MS + Number(m[3]) * 60_000);
}

// One clock per offset, kept: its cache of intervals then outlives the index rebuilt when records load.
const clocks = new Map<string, StoryClock>();

/** The clock of a story whose local time is `utcOffset` (story.json timeZone.utcOffset). */
export function clockOf(utcOffset: string): StoryClock {
	let clock = clocks.get(utcOffset);
	if (!clock) clocks.set(utcOffset, (clock = makeClock(offsetMs(utcOffset))));
	return clock;
}

function makeClock(shift: number): StoryClock {
	const dayStart = (isoDay: string) => Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) + shift;

	// Records are never mutated once validated, so each When's interval is parsed once: filtering and
	// sorting tens of thousands of incidents would otherwise parse the same ISO strings again and again.
	const parsed = new WeakMap<When, [number, number]>();
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
	const interval = (w: When): [number, number] => {
		let out = parsed.get(w);
		if (!out) parsed.set(w, (out = computeInterval(w)));
		return out;
	};
	const rangeInterval = (r: DayRange): [number, number] => [dayStart(r.from), dayStart(r.to) + DAY_MS];
	const overlapsSpan = (w: When, [from, to]: [number, number]) => {
		const [a, b] = interval(w);
		return a < to && b > from;
	};
	const dayIndices = (w: When, range: DayRange): [number, number] => {
		const [t0, t1] = rangeInterval(range);
		const [a, b] = interval(w);
		const n = Math.round((t1 - t0) / DAY_MS);
		return [Math.max(0, Math.floor((a - t0) / DAY_MS)), Math.min(n - 1, Math.ceil((b - t0) / DAY_MS) - 1)];
	};
	const clock: StoryClock = {
		dayStart,
		interval,
		rangeInterval,
		overlapsSpan,
		dayIndices,
		overlaps: (w, r) => !r || overlapsSpan(w, rangeInterval(r)),
		countPerDay: (items, layers, range) => countPerDay(clock, items, layers, range)
	};
	return clock;
}

/** Calendar days of a range, as ISO dates (the same at any offset). */
export function daysOf(r: DayRange): string[] {
	const out: string[] = [];
	for (let t = Date.parse(`${r.from}T00:00:00Z`); t <= Date.parse(`${r.to}T00:00:00Z`); t += DAY_MS)
		out.push(new Date(t).toISOString().slice(0, 10));
	return out;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDay(s: string | null): s is string {
	if (!s || !ISO_DAY.test(s)) return false;
	const t = Date.parse(`${s}T00:00:00Z`);
	return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/**
 * How many incidents of each layer may have happened on each day of a range: an incident counts on
 * every day its interval touches. Dense timelines draw these counts instead of single marks.
 */
function countPerDay(
	{ dayIndices }: StoryClock,
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

/** The index of a day within a range that starts on `from` (both ISO dates; the same at any offset). */
export const dayIndex = (day: string, from: string) =>
	Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
