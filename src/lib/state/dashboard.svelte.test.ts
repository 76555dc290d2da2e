import { describe, expect, it } from 'vitest';
import { indexStory } from '$lib/data/story-index';
import { loadStory } from '$lib/server/geodata';
import { storyFacts } from '$lib/server/story-facts';
import type { ViewState } from '$lib/url/view-state';
import { Dashboard, concernsOf } from './dashboard.svelte';

const data = loadStory();
const dashboard = () => new Dashboard(indexStory(data, storyFacts(data)));
const view = (v: Partial<ViewState> = {}): ViewState => ({
	lang: null,
	selection: null,
	layers: null,
	filter: null,
	range: null,
	camera: null,
	embed: false,
	basemap: null,
	step: null,
	...v
});

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

describe('concernsOf', () => {
	it('gives a claim’s places and incidents', () => {
		const index = indexStory(data, storyFacts(data));
		const claim = data.claims.find((c) => c.incidents.includes('akimat-fire'))!;
		const concerns = concernsOf(index, { kind: 'claim', id: claim.id });
		expect(concerns.incidents).toContain('akimat-fire');
		expect(concerns.sites).toContain('akimat');
	});
});

const CAMERA = { zoom: 13, lat: 43.24, lng: 76.95, bearing: 0, pitch: 0 };

describe('guided reading in the dashboard', () => {
	it('opens on a paragraph with its claims, position and places', () => {
		const dash = dashboard();
		dash.readStep(7);
		expect(dash.readingStep).toMatchObject({ paragraph: 7, position: 6, total: 12 });
		expect(dash.readingStep!.claims.map((c) => c.id)).toEqual(['residence-on-fire', 'akimat-on-fire']);
		expect(dash.cameraTarget).toMatchObject({ kind: 'places', sites: ['presidential-residence', 'akimat'] });
		expect(dash.toView().step).toBe(7);
	});

	it('steps over the left-out paragraph and stays at the ends', () => {
		const dash = dashboard();
		dash.readStep(5);
		dash.readBy(1);
		expect(dash.reading).toBe(7);
		dash.readBy(-1);
		expect(dash.reading).toBe(5);
		dash.readStep(13);
		dash.readBy(1);
		expect(dash.reading).toBe(13);
	});

	it('sends a country-wide step to the country', () => {
		const dash = dashboard();
		dash.readStep(3);
		expect(dash.cameraTarget).toMatchObject({ kind: 'places', sites: ['kazakhstan'] });
		expect(dash.concerns).toEqual({ sites: ['kazakhstan'], incidents: ['russian-paratroopers'] });
	});

	it('refuses a paragraph without a step', () => {
		const dash = dashboard();
		dash.readStep(6);
		expect(dash.reading).toBeNull();
	});

	it('leaves the selection, layers, days and camera as they were', () => {
		const dash = dashboard();
		dash.select({ kind: 'site', id: 'akimat' });
		dash.setLayerVisible('fires', false);
		dash.setRange({ from: '2022-01-05', to: '2022-01-06' });
		dash.camera = CAMERA;
		const before = dash.toView();
		dash.readStep(2);
		dash.readBy(1);
		dash.camera = { ...CAMERA, zoom: 4 };
		dash.stopReading();
		expect(dash.toView()).toEqual(before);
		expect(dash.reading).toBeNull();
	});

	it('follows Back and Forward through steps, and out of reading', () => {
		const dash = dashboard();
		dash.apply(view({ camera: CAMERA }), ['fr']);
		dash.apply(view({ step: 3 }), ['fr'], null, false);
		expect(dash.reading).toBe(3);
		dash.apply(view({ step: 4 }), ['fr'], null, false);
		expect(dash.cameraTarget).toMatchObject({ kind: 'places', sites: ['kazakhstan'] });
		dash.apply(view({ camera: CAMERA }), ['fr'], null, false);
		expect(dash.reading).toBeNull();
		expect(dash.camera).toEqual(CAMERA);
		expect(dash.cameraTarget).toEqual({ kind: 'camera', camera: CAMERA });
	});

	it('opens on a link’s step; closing goes to the link’s own view', () => {
		const dash = dashboard();
		dash.apply(view({ step: 8, selection: { kind: 'site', id: 'akimat' } }), ['fr']);
		expect(dash.readingStep?.paragraph).toBe(8);
		expect(dash.cameraTarget).toMatchObject({ kind: 'places', sites: ['airport'] });
		dash.stopReading();
		expect(dash.selection).toEqual({ kind: 'site', id: 'akimat' });
		expect(dash.camera).toBeNull();
		expect(dash.cameraTarget).toMatchObject({ kind: 'places', sites: ['akimat'] });
	});
});
