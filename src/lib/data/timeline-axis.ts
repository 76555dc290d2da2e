// The timeline's axis fitted to the events: each day with something on it gets a slot; the days
// before the first and after the last (and long empty runs between) fold into one narrow slot
// each, still reachable by the day handles, so the axis never spends its width on empty days.
import { daysOf, type DayRange, type StoryClock } from './time';

/** A slot of the axis: one day, or a run of days with nothing on them (a break). Both ends included. */
export interface AxisSlot {
	from: string;
	to: string;
	/** A run of empty days folded into one slot. */
	gap: boolean;
}

/** Runs of empty days between events at least this long fold into one slot. */
export const FOLD_AT = 3;

/**
 * The axis of a story's days given which of them have something on them (`busy`: day indices).
 * Empty days at either end always fold (the axis starts and ends with the events); inside, only
 * runs of FOLD_AT days or more. With nothing busy, every day is its own slot.
 */
export function axisSlots(range: DayRange, busy: ReadonlySet<number>): AxisSlot[] {
	const days = daysOf(range);
	const first = days.findIndex((_, i) => busy.has(i));
	if (first < 0) return days.map((d) => ({ from: d, to: d, gap: false }));
	let last = days.length - 1;
	while (!busy.has(last)) last--;
	const slots: AxisSlot[] = [];
	const fold = (a: number, b: number) => slots.push({ from: days[a]!, to: days[b]!, gap: true });
	if (first > 0) fold(0, first - 1);
	for (let i = first; i <= last; i++) {
		let j = i;
		while (j <= last && !busy.has(j)) j++;
		if (j - i >= FOLD_AT) {
			fold(i, j - 1);
			i = j - 1;
		} else slots.push({ from: days[i]!, to: days[i]!, gap: false });
	}
	if (last < days.length - 1) fold(last + 1, days.length - 1);
	return slots;
}

/** The slot a day falls in (the first slot before the axis, the last after it). */
export function slotOf(slots: readonly AxisSlot[], day: string): number {
	const i = slots.findIndex((s) => day <= s.to);
	return i < 0 ? slots.length - 1 : i;
}

/**
 * Where a moment falls along the axis, from 0 (its start) to 1 (its end): slots are all as wide,
 * and a moment inside a slot sits in proportion to its place in the slot's days.
 */
export function axisPosition(
	slots: readonly AxisSlot[],
	clock: Pick<StoryClock, 'rangeInterval'>
): (ms: number) => number {
	const bounds = slots.map((s) => clock.rangeInterval(s));
	return (ms) => {
		let i = bounds.findIndex(([, b]) => ms < b);
		if (i < 0) i = bounds.length - 1;
		const [a, b] = bounds[i]!;
		return (i + Math.min(1, Math.max(0, (ms - a) / (b - a)))) / slots.length;
	};
}

/** Longer than this many days, a span widens the axis by its first day only (see busyDays). */
export const LONG_SPAN_DAYS = 2;

/**
 * The days (indices into the story's days) with something on them, from the day spans (first and
 * last day index) of the incidents and of the claims' making. A span longer than LONG_SPAN_DAYS
 * (a toll counted up to the end of a state of emergency, protests since New Year) counts by its
 * first day: its tail is still drawn, inside the folded days, but does not stretch the axis.
 */
export function busyDays(spans: Iterable<readonly [number, number]>): Set<number> {
	const busy = new Set<number>();
	for (const [a, b] of spans) {
		const last = b - a + 1 > LONG_SPAN_DAYS ? a : b;
		for (let d = a; d <= last; d++) busy.add(d);
	}
	return busy;
}

/** A dense story's days with incidents, from its per-layer, per-day counts, as one-day spans. */
export function daysWithCounts(perDay: Readonly<Record<string, readonly number[]>>): [number, number][] {
	const out: [number, number][] = [];
	for (const lane of Object.values(perDay)) lane.forEach((n, d) => n && out.push([d, d]));
	return out;
}
