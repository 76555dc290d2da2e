import { describe, expect, it } from 'vitest';
import { indexStory } from '$lib/data/story-index';
import { loadStory } from '$lib/server/geodata';
import { storyFacts } from '$lib/server/story-facts';
import { Dashboard, concernsOf } from './dashboard.svelte';

const data = loadStory();
const dashboard = () => new Dashboard(indexStory(data, storyFacts(data)));

describe('the camera channel', () => {
	it('asks for the selection’s places, with a new request each time', () => {
		const dash = dashboard();
		dash.select({ kind: 'site', id: 'akimat' });
		const first = dash.cameraTarget;
		expect(first).toMatchObject({ kind: 'places', sites: ['akimat'], maxZoom: 16 });
		dash.select({ kind: 'site', id: 'akimat' });
		expect(dash.cameraTarget).toEqual(first);
		expect(dash.cameraTarget).not.toBe(first);
	});

	it('leaves the camera alone for a pick made on the map', () => {
		const dash = dashboard();
		dash.select({ kind: 'incident', id: 'akimat-fire' }, false);
		expect(dash.cameraTarget).toBeNull();
	});

	it('lets a step keep a view that already lies inside the incident’s place', () => {
		const dash = dashboard();
		dash.step(1);
		expect(dash.cameraTarget).toMatchObject({ kind: 'places', unlessInside: true });
	});

	it('jumps to the camera a link names rather than to its selection', () => {
		const dash = dashboard();
		const camera = { zoom: 12, lat: 43.2, lng: 76.9, bearing: 0, pitch: 0 };
		dash.apply({ ...dash.toView(), selection: { kind: 'site', id: 'akimat' }, camera }, ['fr']);
		expect(dash.cameraTarget).toEqual({ kind: 'camera', camera });
	});
});

describe('what is shown', () => {
	it('knows where the selected incident stands in the step order, and that a site is not in it', () => {
		const dash = dashboard();
		const third = dash.shownIncidents[2]!.properties;
		dash.select({ kind: 'incident', id: third.id });
		expect(dash.stepIndex).toBe(2);
		dash.setLayerVisible(third.layer, false);
		expect(dash.stepIndex).toBe(-1);
		dash.select({ kind: 'site', id: 'akimat' });
		expect(dash.stepIndex).toBe(-1);
	});

	it('downloads the claims listed and the incidents shown at the selected place', () => {
		const dash = dashboard();
		dash.select({ kind: 'site', id: 'akimat' });
		const { claims, incidents } = dash.downloadable;
		expect(claims).toEqual(dash.shownClaims);
		expect(incidents.length).toBeGreaterThan(0);
		expect(incidents.every((i) => i.properties.site === 'akimat')).toBe(true);
		expect(incidents.length).toBeLessThan(dash.shownIncidents.length);
	});
});

describe('concernsOf', () => {
	it('gives a claim’s places and incidents', () => {
		const index = indexStory(data, storyFacts(data));
		const claim = data.claims.find((c) => c.incidents.includes('akimat-fire'))!;
		const concerns = concernsOf(index, { kind: 'claim', id: claim.id });
		expect(concerns.incidents).toContain('akimat-fire');
		expect(concerns.sites).toContain('akimat');
	});
});
