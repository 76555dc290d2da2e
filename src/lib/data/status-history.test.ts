import { describe, expect, it } from 'vitest';
import type { StatusEntry } from './schema';
import { historyText, statusRuns } from './status-history';

const entry = (date: string | null, status: StatusEntry['status'], source = 's'): StatusEntry => ({
	date,
	status,
	note: { fr: 'n', en: 'n' },
	source
});

describe('status history', () => {
	it('names each status once, from its first to its last date', () => {
		const runs = statusRuns([
			entry('2022-01-06', 'attributed'),
			entry('2022-01-06', 'attributed'),
			entry('2022-01-15', 'attributed')
		]);
		expect(runs.map(({ status, from, to }) => [status, from, to])).toEqual([
			['attributed', '2022-01-06', '2022-01-15']
		]);
	});

	it('starts a new step when the status changes, undated steps included', () => {
		const history = [entry('2022-01-06', 'attributed'), entry(null, 'disputed', 'denial')];
		const runs = statusRuns(history);
		expect(runs.map(({ status, from }) => [status, from])).toEqual([
			['attributed', '2022-01-06'],
			['disputed', null]
		]);
		expect(runs[1]!.last.source).toBe('denial');
	});

	it('writes the history as one cell, saying when a date is unknown', () => {
		expect(historyText([entry('2022-01-06', 'attributed', 'ria'), entry(null, 'disputed', 'inb')])).toBe(
			'2022-01-06 attributed (ria) | date unknown disputed (inb)'
		);
	});
});
