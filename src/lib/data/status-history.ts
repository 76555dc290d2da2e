// A claim's status history read for people and for files: the short line a card shows (one step
// per change of status) and the values the exports carry. Pure; dates stay ISO strings.
import type { Status, StatusEntry } from './schema';

/** Consecutive entries with one status: a card names the status once, with its first and last date. */
export interface StatusRun {
	status: Status;
	/** Dates of the run's first and last dated entries; null when none of its entries has a date. */
	from: string | null;
	to: string | null;
	/** The run's last entry: its note says why the status stands. */
	last: StatusEntry;
}

export function statusRuns(history: readonly StatusEntry[]): StatusRun[] {
	const runs: StatusRun[] = [];
	for (const e of history) {
		const run = runs.at(-1);
		if (run && run.status === e.status) {
			if (e.date) {
				run.from ??= e.date;
				run.to = e.date;
			}
			run.last = e;
		} else runs.push({ status: e.status, from: e.date, to: e.date, last: e });
	}
	return runs;
}

/** One line for a spreadsheet cell: `2022-01-06 attributed (ria-…) | date unknown disputed (…)`. */
export function historyText(history: readonly StatusEntry[]): string {
	return history.map((e) => `${e.date ?? 'date unknown'} ${e.status} (${e.source})`).join(' | ');
}
