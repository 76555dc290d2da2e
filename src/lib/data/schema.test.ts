import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDate, isoDateProblem } from './schema';

const day = (d: Date) => d.toISOString().slice(0, 10);

describe('isoDateProblem', () => {
	it('accepts every real day, leap days included', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
				(d) => {
					expect(isoDateProblem(day(d))).toBeNull();
				}
			)
		);
		expect(isoDateProblem('2024-02-29')).toBeNull();
	});

	it('rejects a day past the end of its month, which Date.parse would roll over', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1900, max: 2100 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 3 }),
				(y, m, extra) => {
					const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
					const d = days + extra;
					if (d > 99) return;
					const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
					expect(Number.isNaN(Date.parse(s)) || day(new Date(s)) !== s).toBe(true);
					expect(isoDateProblem(s)).toMatch(/a day that does not exist/);
				}
			)
		);
	});

	it('names the month and its length', () => {
		expect(isoDateProblem('2022-02-30')).toBe(
			'is 2022-02-30, a day that does not exist (February 2022 has 28 days); expected a real date'
		);
		expect(isoDateProblem('2100-02-29')).toMatch(/February 2100 has 28 days/);
		expect(isoDateProblem('2022-01-00')).toMatch(/a day that does not exist/);
	});

	it('checks the time and offset of a date-time', () => {
		expect(isoDateProblem('2022-01-05T21:00+06:00')).toBeNull();
		expect(isoDateProblem('2022-01-05T21:00:30Z')).toBeNull();
		expect(isoDateProblem('2022-04-31T10:00+06:00')).toMatch(/April 2022 has 30 days/);
		expect(isoDateProblem('2022-01-05T24:00+06:00')).toBe('has the time 24:00; expected 00:00 to 23:59');
		expect(isoDateProblem('2022-01-05T21:60Z')).toMatch(/has the time 21:60/);
		expect(isoDateProblem('2022-01-05T21:00+16:00')).toMatch(/has the offset \+16:00/);
		expect(isoDateProblem('2022-13-05')).toBe('has month 13; expected 01 to 12');
	});

	it('rejects what is not ISO 8601, quoting it', () => {
		expect(isoDateProblem('6 janvier 2022')).toMatch(/^is "6 janvier 2022", not an ISO 8601 date/);
		expect(isoDateProblem('2022-01-05T21:00')).toMatch(/not an ISO 8601 date/);
		expect(IsoDate.safeParse('2022-02-30').success).toBe(false);
	});
});
