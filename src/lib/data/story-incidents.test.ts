import { describe, expect, it } from 'vitest';
import { loadStory } from '$lib/server/geodata';
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
	});
	it('joins the core and the built chunk back into the very same dataset', async () => {
		const joined = await withIncidents({ core: coreOf(dataset), selection: null });
		expect(joined.selection).toBeNull();
		expect(joined.dataset).toEqual(dataset);
	});
});
