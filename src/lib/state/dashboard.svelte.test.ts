import { describe, expect, it } from 'vitest';
import { indexWithFacts } from '$lib/server/story-facts';
import { loadStory } from '$lib/server/geodata';
import type { ViewState } from '$lib/url/view-state';
import { Dashboard } from './dashboard.svelte';

const index = indexWithFacts(loadStory());
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
const CAMERA = { zoom: 13, lat: 43.24, lng: 76.95, bearing: 0, pitch: 0 };

describe('guided reading in the dashboard', () => {
	it('opens on a paragraph with its claims, position and places', () => {
		const dash = new Dashboard(index);
		dash.readStep(7);
		expect(dash.readingStep).toMatchObject({ paragraph: 7, position: 6, total: 12 });
		expect(dash.readingStep!.claims.map((c) => c.id)).toEqual(['residence-on-fire', 'akimat-on-fire']);
		expect(dash.readingTarget).toEqual({ sites: ['presidential-residence', 'akimat'], countryWide: false });
		expect(dash.toView().step).toBe(7);
	});

	it('steps over the left-out paragraph and stays at the ends', () => {
		const dash = new Dashboard(index);
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
		const dash = new Dashboard(index);
		dash.readStep(3);
		expect(dash.readingTarget).toEqual({ sites: ['kazakhstan'], countryWide: true });
	});

	it('refuses a paragraph without a step', () => {
		const dash = new Dashboard(index);
		dash.readStep(6);
		expect(dash.reading).toBeNull();
	});

	it('leaves the selection, layers, days and camera as they were', () => {
		const dash = new Dashboard(index);
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
		const dash = new Dashboard(index);
		dash.apply(view({ camera: CAMERA }), ['fr']);
		dash.apply(view({ step: 3 }), ['fr'], null, false);
		expect(dash.reading).toBe(3);
		dash.apply(view({ step: 4 }), ['fr'], null, false);
		expect(dash.readingTarget?.sites).toEqual(['kazakhstan']);
		dash.apply(view({ camera: CAMERA }), ['fr'], null, false);
		expect(dash.reading).toBeNull();
		expect(dash.camera).toEqual(CAMERA);
	});

	it('opens on a link’s step; closing goes to the link’s own view', () => {
		const dash = new Dashboard(index);
		dash.apply(view({ step: 8, selection: { kind: 'site', id: 'akimat' } }), ['fr']);
		expect(dash.readingStep?.paragraph).toBe(8);
		expect(dash.readingTarget?.sites).toEqual(['airport']);
		const flights = dash.flyRequest;
		dash.stopReading();
		expect(dash.selection).toEqual({ kind: 'site', id: 'akimat' });
		expect(dash.camera).toBeNull();
		expect(dash.flyRequest).toBe(flights + 1);
	});
});
