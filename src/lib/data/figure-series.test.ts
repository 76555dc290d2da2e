import { describe, expect, it } from 'vitest';
import { figureSeries, niceMax, spreadLabels, worthCharting } from './figure-series';
import type { Figure } from './schema';

const fig = (measure: Figure['measure'], value: number | null, date: string | null): Figure => ({
	measure,
	value,
	qualifier: value === null ? 'dozens' : 'exact',
	scope: { fr: 's', en: 's' },
	who: { fr: 'w', en: 'w' },
	date,
	source: 'src'
});

describe('figure series', () => {
	it('groups dated numbers by measure, oldest first, leaving out undated figures and "dozens"', () => {
		const series = figureSeries([
			fig('dead', 230, '2022-03-14'),
			fig('dead', 225, '2022-01-15'),
			fig('dead', 238, null),
			fig('attackers-killed', null, '2022-01-06'),
			fig('security-dead', 12, '2022-01-06')
		]);
		expect(series.map((s) => [s.measure, s.points.map((p) => p.value)])).toEqual([
			['dead', [225, 230]],
			['security-dead', [12]]
		]);
		expect(worthCharting(series)).toBe(true);
		expect(worthCharting(figureSeries([fig('dead', 225, '2022-01-15')]))).toBe(false);
	});

	it('keeps a withdrawn figure in its series, where it was given, marked as withdrawn', () => {
		const withdrawn = {
			...fig('dead', 164, '2022-01-09'),
			withdrawn: { date: '2022-01-09', note: { fr: 'n', en: 'n' }, source: 'src' }
		};
		const [dead] = figureSeries([fig('dead', 225, '2022-01-15'), withdrawn]);
		expect(dead!.points.map((p) => [p.value, !!p.figure.withdrawn])).toEqual([
			[164, true],
			[225, false]
		]);
	});

	it('charts all victims apart from the injured, as a measure of its own', () => {
		const series = figureSeries([fig('injured', 4353, '2022-01-15'), fig('victims', 4578, '2022-01-15')]);
		expect(series.map((s) => [s.measure, s.points.map((p) => p.value)])).toEqual([
			['injured', [4353]],
			['victims', [4578]]
		]);
	});

	it('keeps labels apart and inside the panel', () => {
		const ys = spreadLabels([50, 49, 48], 10, 0, 60);
		const sorted = [...ys].sort((a, b) => a - b);
		expect(sorted[1]! - sorted[0]!).toBeGreaterThanOrEqual(10);
		expect(sorted[2]! - sorted[1]!).toBeGreaterThanOrEqual(10);
		expect(Math.max(...ys)).toBeLessThanOrEqual(60);
		// The highest value keeps the lowest label (SVG y grows downwards: callers pass screen y).
		expect(ys[2]).toBe(Math.min(...ys));
		expect(spreadLabels([5, 40], 10, 0, 60)).toEqual([5, 40]);
	});

	it('rounds the axis up to a readable value', () => {
		expect(niceMax(238)).toBe(250);
		expect(niceMax(19)).toBe(20);
		expect(niceMax(4578)).toBe(5000);
		expect(niceMax(0)).toBe(1);
	});
});
