import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_LIMIT, WRITE_EVERY_MS, historyWriter, type HistoryKind } from './history-writer';

/** A browser history that records each call and when it was made. */
function fakeHistory(throwing = false) {
	const calls: { at: number; kind: HistoryKind; url: string }[] = [];
	let href = 'https://example.org/';
	const record = (kind: HistoryKind) => (url: string) => {
		calls.push({ at: Date.now(), kind, url });
		if (throwing)
			throw new DOMException(
				'Attempt to use history.replaceState() more than 100 times per 30 seconds',
				'SecurityError'
			);
		href = url;
	};
	return { calls, api: { push: record('push'), replace: record('replace'), current: () => href } };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('historyWriter', () => {
	it('spaces calls by the interval Mobile Safari’s limit allows: 100 per 30 s', () => {
		expect(WRITE_EVERY_MS).toBe(300);
		expect(HISTORY_LIMIT).toEqual({ calls: 100, perMs: 30_000 });
	});

	it('never makes more than 100 calls in 30 s, and always writes the last address (property)', () => {
		const step = fc.record({
			after: fc.integer({ min: 0, max: 400 }),
			kind: fc.constantFrom<HistoryKind>('push', 'replace', 'replace', 'replace')
		});
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 400 }), (steps) => {
				vi.setSystemTime(0);
				const { calls, api } = fakeHistory();
				const writer = historyWriter(api);
				steps.forEach((s, i) => {
					vi.advanceTimersByTime(s.after);
					writer.write(`https://example.org/?v=${i}`, s.kind);
				});
				vi.advanceTimersByTime(WRITE_EVERY_MS);
				for (let i = 1; i < calls.length; i++)
					expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(WRITE_EVERY_MS);
				for (let i = HISTORY_LIMIT.calls; i < calls.length; i++)
					expect(calls[i]!.at - calls[i - HISTORY_LIMIT.calls]!.at).toBeGreaterThanOrEqual(
						HISTORY_LIMIT.perMs
					);
				expect(api.current()).toBe(`https://example.org/?v=${steps.length - 1}`);
				vi.clearAllTimers();
			}),
			{ numRuns: 200 }
		);
	});

	it('pushes a new selection at once, and keeps it a push when a pan follows within the interval', () => {
		const { calls, api } = fakeHistory();
		const writer = historyWriter(api);
		writer.write('https://example.org/?site=airport', 'push');
		expect(calls.map((c) => c.kind)).toEqual(['push']);
		writer.write('https://example.org/?site=akimat', 'push');
		writer.write('https://example.org/?site=akimat#12/43.2/76.9', 'replace');
		vi.advanceTimersByTime(WRITE_EVERY_MS);
		expect(calls.map((c) => [c.kind, c.url])).toEqual([
			['push', 'https://example.org/?site=airport'],
			['push', 'https://example.org/?site=akimat#12/43.2/76.9']
		]);
	});

	it('gathers the replaces of a pan into one', () => {
		const { calls, api } = fakeHistory();
		const writer = historyWriter(api);
		for (let i = 0; i < 10; i++) {
			writer.write(`https://example.org/#12/43.2/76.${i}`, 'replace');
			vi.advanceTimersByTime(20);
		}
		vi.advanceTimersByTime(WRITE_EVERY_MS);
		expect(calls.map((c) => [c.kind, c.url])).toEqual([['replace', 'https://example.org/#12/43.2/76.9']]);
	});

	it('survives a history call that throws a SecurityError, and keeps writing', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const { calls, api } = fakeHistory(true);
		const writer = historyWriter(api);
		expect(() => writer.write('https://example.org/?site=airport', 'push')).not.toThrow();
		expect(() => {
			writer.write('https://example.org/?site=akimat', 'replace');
			vi.advanceTimersByTime(WRITE_EVERY_MS);
		}).not.toThrow();
		expect(calls).toHaveLength(2);
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});

	it('writes nothing that is already the address, and forgets what Back replaced', () => {
		const { calls, api } = fakeHistory();
		const writer = historyWriter(api);
		writer.write('https://example.org/', 'push');
		vi.advanceTimersByTime(WRITE_EVERY_MS);
		writer.write('https://example.org/?site=airport', 'replace');
		writer.cancel();
		vi.advanceTimersByTime(WRITE_EVERY_MS);
		expect(calls).toEqual([]);
	});
});
