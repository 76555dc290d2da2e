import { describe, expect, it } from 'vitest';
import { formatDayOr, formatNumber, formatWhen, insetDistance, pointerDistance, referenceKm } from './format';

describe('dates for readers', () => {
	it('formats dates with their precision', () => {
		expect(
			formatWhen({ start: '2022-01-06', precision: 'part-of-day', partOfDay: 'morning' }, 'en', {
				morning: 'morning'
			})
		).toBe('6 January 2022, morning');
		expect(formatWhen({ start: '2022-01-05', end: '2022-01-06', precision: 'span' }, 'fr', {})).toBe(
			'5 janvier 2022 – 6 janvier 2022'
		);
	});
});

describe('a day or its absence', () => {
	it('formats a known day, and says an unknown one in the words given', () => {
		expect(formatDayOr('2022-01-06', 'fr', 'date inconnue')).toBe('6 janvier 2022');
		expect(formatDayOr('2022-01-06T21:00+06:00', 'en', 'date unknown')).toBe('6 January 2022');
		expect(formatDayOr(null, 'en', 'date unknown')).toBe('date unknown');
	});
});

describe('numbers for readers', () => {
	it('group thousands as each language does, and leave small counts as they are', () => {
		expect(formatNumber(100000, 'en')).toBe('100,000');
		expect(formatNumber(100000, 'fr')).toBe('100\u202f000');
		expect(formatNumber(999, 'fr')).toBe('999');
		expect(formatNumber(0.25, 'fr', 2)).toBe('0,25');
	});
});

describe('distances for readers', () => {
	it('an edge pointer rounds to tens of metres, then tenths and whole kilometres', () => {
		expect(pointerDistance(434, 'en')).toBe('430 m');
		expect(pointerDistance(2345, 'fr')).toBe('2,3 km');
		expect(pointerDistance(12_600, 'en')).toBe('13 km');
	});
	it('a printed scale keeps whole kilometres whole', () => {
		expect(insetDistance(500, 'en')).toBe('500 m');
		expect(insetDistance(2000, 'fr')).toBe('2 km');
		expect(insetDistance(1500, 'fr')).toBe('1,5 km');
	});
	it('a card gives hundredths of a kilometre close by', () => {
		expect(referenceKm(2.345, 'fr')).toBe('2,35');
		expect(referenceKm(12.3, 'en')).toBe('12');
	});
});
