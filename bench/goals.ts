// The goals of issue 22, each checked against the figure it is about. A goal is reported with its
// figure whether it is met or not; a figure that could not be measured is "not measured", never "met".
import type { Preset } from './lighthouse';

export interface Stat {
	min: number;
	median: number;
	max: number;
	/** How many runs gave a figure (a tap that missed, a map that never moved, give none). */
	n: number;
}
export type Stats = Record<string, Stat>;
export interface GoalCheck {
	goal: string;
	figure: string;
	/** null: not measured. */
	met: boolean | null;
}

const fmt = (x: number, unit: string) =>
	Number.isFinite(x) ? `${unit === '×' ? x.toFixed(2) : x.toFixed(x >= 100 ? 0 : 1)}${unit}` : '–';
const check = (goal: string, value: number, unit: string, ok: (v: number) => boolean): GoalCheck => ({
	goal,
	figure: fmt(value, unit),
	// Judged on the figure as printed (a ratio to two decimals), so a goal never reads "1.00×, not met".
	met: Number.isFinite(value) ? ok(unit === '×' ? Number(value.toFixed(2)) : value) : null
});
const ratio = (a: Stats, b: Stats, k: string) => (a[k]?.median ?? NaN) / (b[k]?.median ?? NaN);

/** The goals a synthetic size is measured against, for one side (the app, or the baseline) against the bare page. */
export function sizeGoals(n: number, side: Stats, bare: Stats): GoalCheck[] {
	const idleGoal = n >= 100_000 ? 1.1 : 1.05;
	const goals = [
		check(
			`first idle ≤ ${idleGoal.toFixed(2)}× bare`,
			ratio(side, bare, 'first idle (ms)'),
			'×',
			(v) => v <= idleGoal
		),
		check(
			'main-thread blocking before first idle, 4× phone, ≤ 0.6× bare',
			ratio(side, bare, '4× phone: long tasks to first idle (ms)'),
			'×',
			(v) => v <= 0.6
		),
		...(['toggle', 'claim'] as const).map((target) =>
			check(
				`input delay during load (${target === 'toggle' ? 'layer toggle' : 'claim'} tap, 4× phone) ≤ 200 ms`,
				side[`4× phone: ${target} tap to painted (ms)`]?.median ?? NaN,
				' ms',
				(v) => v <= 200
			)
		),
		check(
			'our JavaScript on the first view ≤ 60 KB gzip',
			side['bytes gzip: our JavaScript (KB)']?.median ?? NaN,
			' KB',
			(v) => v <= 60
		),
		check(
			'frame p95 while panning ≤ 1.0× bare',
			ratio(side, bare, 'frame gap p95 (ms)'),
			'×',
			(v) => v <= 1.0
		)
	];
	if (n === 10_000)
		goals.push(
			check('page heap ≤ 1.3× bare at 10k', ratio(side, bare, 'JS heap after GC (MB)'), '×', (v) => v <= 1.3)
		);
	return goals;
}

/** Lighthouse on the real story: mobile ≥ 80 and desktop ≥ 95, on each of its pages. */
export function storyGoals(
	scores: Record<string, Partial<Record<Preset, Record<string, number>>>>
): GoalCheck[] {
	const min: Record<Preset, number> = { mobile: 80, desktop: 95 };
	return Object.entries(scores).flatMap(([path, byPreset]) =>
		(Object.keys(min) as Preset[])
			.filter((p) => byPreset[p])
			.map((p) =>
				check(`Lighthouse ${p} ≥ ${min[p]}, ${path}`, byPreset[p]!.performance ?? NaN, '', (v) => v >= min[p])
			)
	);
}

/** One goals table: each goal, today's figure and whether it is met, and the baseline's beside it. */
export function printGoals(after: GoalCheck[], before?: GoalCheck[]) {
	const said = (g?: GoalCheck) => (!g ? '' : g.met === null ? 'not measured' : g.met ? 'met' : '**not met**');
	console.log(before ? '| goal | now | | before | |' : '| goal | now | |');
	console.log(before ? '|---|---|---|---|---|' : '|---|---|---|');
	for (const [i, g] of after.entries())
		console.log(
			`| ${g.goal} | ${g.figure} | ${said(g)} |${before ? ` ${before[i]?.figure ?? ''} | ${said(before[i])} |` : ''}`
		);
}
