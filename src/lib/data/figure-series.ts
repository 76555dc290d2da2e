// An incident's conflicting figures as series over time, one per measure, for the small chart
// beside the figures table. Pure: no DOM. Undated figures and "dozens" stay in the table only.
import type { Figure } from './schema';
import { MEASURES } from './vocab';

export interface SeriesPoint {
	/** ISO day the figure was given. */
	day: string;
	value: number;
	figure: Figure;
}

export interface Series {
	measure: Figure['measure'];
	points: SeriesPoint[];
}

/** Dated numbers per measure, oldest first (same-day figures by value), in the registry's order. */
export function figureSeries(figures: readonly Figure[]): Series[] {
	return MEASURES.map((measure) => ({
		measure,
		points: figures
			.filter((f) => f.measure === measure && f.date !== null && f.value !== null)
			.map((f) => ({ day: f.date!.slice(0, 10), value: f.value!, figure: f }))
			.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.value - b.value))
	})).filter((s) => s.points.length > 0);
}

/** A chart is worth drawing when some measure moved: two dated figures for one measure. */
export const worthCharting = (series: readonly Series[]) => series.some((s) => s.points.length > 1);

/**
 * Label positions near their points but at least `gap` apart, inside [min, max]: same-day figures
 * (4,300, 4,353, 4,578) would otherwise print over each other. Returns positions in input order.
 */
export function spreadLabels(ys: readonly number[], gap: number, min: number, max: number): number[] {
	const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
	const placed = order.map((o) => o.y);
	for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
	// Pushed past the bottom: slide the whole stack back up, keeping the gaps.
	const over = placed.length ? placed.at(-1)! - max : 0;
	if (over > 0) for (let k = 0; k < placed.length; k++) placed[k] = placed[k]! - over;
	for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
	const out: number[] = new Array(ys.length);
	order.forEach((o, k) => (out[o.i] = Math.max(min, placed[k]!)));
	return out;
}

/** A round top for a value axis that starts at zero (a toll's small moves are not blown up). */
export function niceMax(max: number): number {
	if (max <= 0) return 1;
	const step = 10 ** Math.floor(Math.log10(max));
	for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * step >= max) return m * step;
	return 10 * step;
}
