import { describe, expect, it } from 'vitest';
import { axisPosition, axisSlots, busyDays, daysWithCounts, slotOf } from './timeline-axis';
import { clockOf } from './time';

const RANGE = { from: '2022-01-01', to: '2022-01-13' };
const day = (d: number) => `2022-01-${String(d).padStart(2, '0')}`;

describe('axisSlots', () => {
	it('ends with the events: the empty days before and after fold into one slot each', () => {
		// Days 2 to 6 January (indices 1 to 5) have events.
		const slots = axisSlots(RANGE, new Set([1, 2, 3, 4, 5]));
		expect(slots.map((s) => [s.from.slice(8), s.to.slice(8), s.gap])).toEqual([
			['01', '01', true],
			['02', '02', false],
			['03', '03', false],
			['04', '04', false],
			['05', '05', false],
			['06', '06', false],
			['07', '13', true]
		]);
	});
	it('folds a long empty run between events, and keeps a short one as days', () => {
		const slots = axisSlots(RANGE, new Set([0, 2, 8]));
		expect(slots.map((s) => `${s.from.slice(8)}-${s.to.slice(8)}${s.gap ? ' gap' : ''}`)).toEqual([
			'01-01',
			'02-02',
			'03-03',
			'04-08 gap',
			'09-09',
			'10-13 gap'
		]);
	});
	it('keeps every day when nothing is dated', () => {
		expect(axisSlots(RANGE, new Set())).toHaveLength(13);
	});
});

describe('slotOf and axisPosition', () => {
	const slots = axisSlots(RANGE, new Set([1, 2, 3, 4, 5]));
	const clock = clockOf('+06:00');
	const at = axisPosition(slots, clock);
	it('finds the slot of a day, folded days included', () => {
		expect(slotOf(slots, day(1))).toBe(0);
		expect(slotOf(slots, day(5))).toBe(4);
		expect(slotOf(slots, day(9))).toBe(6);
	});
	it('places a day’s noon at the middle of its slot, and the axis ends at 1', () => {
		const noon = clock.dayStart(day(5)) + 12 * 3_600_000;
		expect(at(noon)).toBeCloseTo(4.5 / 7);
		expect(at(clock.rangeInterval(RANGE)[1])).toBe(1);
		expect(at(clock.dayStart(day(1)))).toBe(0);
	});
});

describe('busyDays', () => {
	it('counts the days a short event or a claim covers', () => {
		expect(
			[
				...busyDays([
					[1, 2],
					[4, 4]
				])
			].sort()
		).toEqual([1, 2, 4]);
	});
	it('counts a long span by its first day only, so its tail does not stretch the axis', () => {
		// A toll counted from 2 to 11 January, and a fire on the 5th.
		expect(
			[
				...busyDays([
					[1, 10],
					[4, 4]
				])
			].sort()
		).toEqual([1, 4]);
	});
	it('reads a dense story’s per-day counts as one-day spans', () => {
		const spans = daysWithCounts({ fires: [0, 2, 0, 0], troops: [0, 0, 0, 1] });
		expect([...busyDays(spans)].sort()).toEqual([1, 3]);
	});
});
