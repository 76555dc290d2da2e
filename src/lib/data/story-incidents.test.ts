import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeSyntheticStory } from '../../../bench/synthetic';
import { loadStory } from '$lib/server/geodata';
import { RECORDS_LATER_ABOVE, recordsLaterAbove, storyFacts } from '$lib/server/story-facts';
import { DENSE_ABOVE } from './story-index';
import { coreOf, withIncidents } from './story-incidents';

describe('the story split between page data and the incidents chunk', () => {
	const dataset = loadStory();
	it('keeps the incidents out of what the page serializes', () => {
		const core = coreOf(dataset);
		expect(core).not.toHaveProperty('incidents');
		const description = dataset.incidents[0]!.properties.description.en;
		expect(JSON.stringify(dataset)).toContain(description);
		expect(JSON.stringify(core)).not.toContain(description);
		expect(core.claims).toHaveLength(dataset.claims.length);
		// Nor the claims' lists of incidents: the incidents name their claims.
		expect(core.claims.every((c) => !('incidents' in c))).toBe(true);
	});
	it('joins the core and the built chunk back into the very same dataset', async () => {
		const joined = await withIncidents({
			core: coreOf(dataset),
			facts: storyFacts(dataset),
			selection: null
		});
		expect(joined.selection).toBeNull();
		expect(joined.fetchRecords).toBeNull();
		expect(joined.dataset).toEqual(dataset);
	});
	it('opens a large story without its records, and loads them when asked', async () => {
		const large = { ...storyFacts(dataset), recordsLater: true };
		const page = await withIncidents({ core: coreOf(dataset), facts: large, selection: null });
		expect(page.dataset.incidents).toEqual([]);
		expect(page.fetchRecords).not.toBeNull();
		expect(await page.fetchRecords!()).toEqual(dataset.incidents);
		// An item's page opens on the item: its card needs the records at once.
		const item = { kind: 'site', id: 'airport' } as const;
		const itemPage = await withIncidents({ core: coreOf(dataset), facts: large, selection: item });
		expect(itemPage.fetchRecords).toBeNull();
		expect(itemPage.dataset).toEqual(dataset);
	});
});

describe('which stories load their records after the map (RECORDS_LATER_ABOVE)', () => {
	afterEach(() => void vi.unstubAllEnvs());
	const dataset = loadStory();
	it('is decided at build time from the incident count and the setting', () => {
		const dir = mkdtempSync(join(tmpdir(), 'later-'));
		writeSyntheticStory(DENSE_ABOVE * 2, dir);
		const dense = loadStory(dir);
		expect(storyFacts(dataset).recordsLater).toBe(false);
		expect(storyFacts(dense).recordsLater).toBe(false);
		vi.stubEnv('RECORDS_LATER_ABOVE', String(DENSE_ABOVE));
		expect(recordsLaterAbove()).toBe(DENSE_ABOVE);
		expect(storyFacts(dense).recordsLater).toBe(true);
		expect(storyFacts(dataset).recordsLater).toBe(false);
	});
	it('refuses a setting that is not a whole number of incidents, or too low, and says why', () => {
		expect(recordsLaterAbove(undefined)).toBe(RECORDS_LATER_ABOVE);
		expect(recordsLaterAbove(' ')).toBe(RECORDS_LATER_ABOVE);
		expect(recordsLaterAbove('5000')).toBe(5000);
		for (const bad of ['many', '2e', '4000.5', String(DENSE_ABOVE - 1), '-1'])
			expect(() => recordsLaterAbove(bad)).toThrow(
				new RegExp(`RECORDS_LATER_ABOVE must be a whole number .* at least ${DENSE_ABOVE} .*not "${bad}"`)
			);
	});
});
