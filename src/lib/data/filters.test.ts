import { describe, expect, it } from 'vitest';
import type { Claim, Incident } from './schema';
import { claimFollows, countPerSite, narrowingOf, type ClaimFilter } from './filters';

const claim = (id: string, incidents: string[]) => ({ id, incidents }) as unknown as Claim;
const incident = (id: string, site?: string) => ({ properties: { id, site } }) as unknown as Incident;
const filter = (f: Partial<ClaimFilter> = {}): ClaimFilter => ({
	incidentShown: null,
	visibleLayers: new Set(['fires', 'troops']),
	days: null,
	madeInRange: () => true,
	...f
});

describe('claimFollows', () => {
	const about = claim('about', ['fire', 'march']);
	const reach = { layers: ['fires', 'troops'], days: [4, 5] };
	it('keeps a claim while one of its incidents is shown, and drops it when none is', () => {
		expect(claimFollows(about, reach, filter({ incidentShown: (id) => id === 'march' }))).toBe(true);
		expect(claimFollows(about, reach, filter({ incidentShown: () => false }))).toBe(false);
	});
	it('leaves a claim tied to no incident to the days alone, whatever the layers', () => {
		const untied = claim('reaction', []);
		const none = { layers: [], days: [] };
		const allOff = { incidentShown: () => false, visibleLayers: new Set<string>() };
		expect(claimFollows(untied, none, filter({ ...allOff, madeInRange: () => true }))).toBe(true);
		expect(claimFollows(untied, none, filter({ ...allOff, madeInRange: () => false }))).toBe(false);
	});
	it('before the records load, needs one of its layers on and one of its days chosen', () => {
		expect(claimFollows(about, reach, filter({ visibleLayers: new Set(['troops']) }))).toBe(true);
		expect(claimFollows(about, reach, filter({ visibleLayers: new Set(['gunfire']) }))).toBe(false);
		expect(claimFollows(about, reach, filter({ days: [5, 7] }))).toBe(true);
		expect(claimFollows(about, reach, filter({ days: [6, 7] }))).toBe(false);
	});
});

describe('countPerSite', () => {
	it('counts the given incidents by place, leaving out those with no place', () => {
		const counts = countPerSite([incident('a', 'square'), incident('b', 'square'), incident('c')]);
		expect(Object.fromEntries(counts)).toEqual({ square: 2 });
	});
});

describe('narrowingOf', () => {
	it('says which of the layers and the days narrow what is shown', () => {
		const layers = ['fires', 'troops'];
		expect(narrowingOf(layers, layers, null)).toEqual({ layers: false, days: false });
		expect(narrowingOf(['troops'], layers, null)).toEqual({ layers: true, days: false });
		expect(narrowingOf([], layers, { from: '2022-01-05', to: '2022-01-05' })).toEqual({
			layers: true,
			days: true
		});
	});
});
