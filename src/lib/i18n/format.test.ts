import { describe, expect, it } from 'vitest';
import { formatDayOr, formatNumber, formatWhen } from './format';

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
