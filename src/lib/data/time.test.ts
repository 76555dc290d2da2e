import { describe, expect, it } from 'vitest';
import { clockOf, daysOf, isIsoDay } from './time';

const H = 3_600_000;
const jan = (d: number, h = 0) => Date.UTC(2022, 0, d, h) - 6 * H; // Almaty local time
const { countPerDay, interval, overlaps } = clockOf('+06:00');

describe('interval', () => {
	it('makes a day an Almaty calendar day', () => {
		expect(interval({ start: '2022-01-05', precision: 'day' })).toEqual([jan(5), jan(6)]);
	});
	it('makes a part of day its hours', () => {
		expect(interval({ start: '2022-01-06', precision: 'part-of-day', partOfDay: 'morning' })).toEqual([
			jan(6, 6),
			jan(6, 12)
		]);
		expect(interval({ start: '2022-01-06', precision: 'part-of-day', partOfDay: 'night' })).toEqual([
			jan(6, 0),
			jan(6, 6)
		]);
	});
	it('makes a span run to the end of its last day', () => {
		expect(interval({ start: '2022-01-02', end: '2022-01-06', precision: 'span' })).toEqual([jan(2), jan(7)]);
	});
	it('keeps an instant to its moment', () => {
		const [a, b] = interval({ start: '2022-01-06T10:28+06:00', precision: 'instant' });
		expect(a).toBe(jan(6, 10) + 28 * 60_000);
		expect(b - a).toBe(1);
	});
});

describe('filtering by days', () => {
	const night = { start: '2022-01-05', end: '2022-01-06', precision: 'span' as const };
	it('keeps anything that touches the range', () => {
		expect(overlaps(night, { from: '2022-01-06', to: '2022-01-13' })).toBe(true);
		expect(overlaps(night, { from: '2022-01-01', to: '2022-01-05' })).toBe(true);
		expect(overlaps(night, { from: '2022-01-07', to: '2022-01-13' })).toBe(false);
		expect(
			overlaps({ start: '2022-01-05', precision: 'day' }, { from: '2022-01-06', to: '2022-01-06' })
		).toBe(false);
		expect(overlaps(night, null)).toBe(true);
	});
	it('lists the days of a range and checks day strings', () => {
		expect(daysOf({ from: '2022-01-01', to: '2022-01-03' })).toEqual([
			'2022-01-01',
			'2022-01-02',
			'2022-01-03'
		]);
		expect(isIsoDay('2022-01-05')).toBe(true);
		expect(isIsoDay('2022-02-30')).toBe(false);
		expect(isIsoDay('5 Jan')).toBe(false);
		expect(isIsoDay(null)).toBe(false);
	});
});

describe('countPerDay', () => {
	const range = { from: '2022-01-04', to: '2022-01-07' };
	it('counts an incident on every day it may have happened, per layer', () => {
		const bins = countPerDay(
			[
				{ layer: 'fires', when: { start: '2022-01-05', precision: 'day' } },
				{ layer: 'fires', when: { start: '2022-01-05', end: '2022-01-06', precision: 'span' } },
				{ layer: 'gunfire', when: { start: '2022-01-07T23:00:00+06:00', precision: 'instant' } }
			],
			['fires', 'gunfire'],
			range
		);
		expect(bins.get('fires')).toEqual([0, 2, 1, 0]);
		expect(bins.get('gunfire')).toEqual([0, 0, 0, 1]);
	});
	it('leaves out what falls outside the range or in no listed layer', () => {
		const bins = countPerDay(
			[
				{ layer: 'fires', when: { start: '2022-01-01', precision: 'day' } },
				{ layer: 'unknown', when: { start: '2022-01-05', precision: 'day' } }
			],
			['fires'],
			range
		);
		expect([...bins.keys()]).toEqual(['fires']);
		expect(bins.get('fires')).toEqual([0, 0, 0, 0]);
	});
});

describe('clockOf', () => {
	it('reads days at its own offset', () => {
		const { dayStart } = clockOf('-03:30');
		expect(dayStart('2022-01-05')).toBe(Date.UTC(2022, 0, 5, 3, 30));
	});
	it('says how to fix an offset it cannot read', () => {
		expect(() => clockOf('UTC+6')).toThrow(/"UTC\+6" is not a UTC offset; expected e.g. "\+06:00"/);
	});
});
