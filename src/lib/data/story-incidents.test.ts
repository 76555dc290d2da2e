import { describe, expect, it } from 'vitest';
import { loadStory } from '$lib/server/geodata';
import { storyFacts } from './story-facts';
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
		expect(joined.later).toBeNull();
		expect(joined.dataset).toEqual(dataset);
	});
	it('opens a dense story without its records, and loads them when asked', async () => {
		const facts = storyFacts(dataset);
		const dense = { ...facts, counts: { ...facts.counts, total: DENSE_ABOVE + 1 } };
		const page = await withIncidents({ core: coreOf(dataset), facts: dense, selection: null });
		expect(page.dataset.incidents).toEqual([]);
		expect(page.later).not.toBeNull();
		expect(await page.later!()).toEqual(dataset.incidents);
		// An item's page opens on the item: its card needs the records at once.
		const item = { kind: 'site', id: 'airport' } as const;
		const itemPage = await withIncidents({ core: coreOf(dataset), facts: dense, selection: item });
		expect(itemPage.later).toBeNull();
		expect(itemPage.dataset).toEqual(dataset);
	});
});
