import type { When } from '$lib/data/schema';

/** A When as ISO 8601: a date, a date-time, or an interval `start/end`. */
export function formatWhenIso(w: When): string {
	const base = w.end && w.end !== w.start ? `${w.start}/${w.end}` : w.start;
	return w.precision === 'part-of-day' && w.partOfDay ? `${base} (${w.partOfDay})` : base;
}
