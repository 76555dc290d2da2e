import { describe, expect, it } from 'vitest';
import { indexStory } from '$lib/data/story-index';
import { loadStory } from '$lib/server/geodata';
import { storyFacts } from '$lib/server/story-facts';
import type { ViewState } from '$lib/url/view-state';
import { loadMessages } from '$lib/i18n/messages';
import { Dashboard, concernsOf } from './dashboard.svelte';

// A page's load step loads its words before it builds the dashboard; here, both languages'.
await Promise.all([loadMessages('fr'), loadMessages('en')]);

const data = loadStory();
const index = indexStory(data, storyFacts(data));
const dashboard = () => new Dashboard(index);
const { overlaps } = index.clock;
const ids = (claims: { id: string }[]) => claims.map((c) => c.id);
const FIRST_DAYS = { from: '2022-01-01', to: '2022-01-03' };
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

describe('the day range', () => {
	it('shows the claims about the incidents it shows: one meaning for dates', () => {
		const dash = dashboard();
		dash.setRange(FIRST_DAYS);
		const shown = new Set(dash.shownIncidents.map((i) => i.properties.id));
		expect(shown).toEqual(new Set(['nationwide-protests', 'injured-nationwide', 'national-toll']));
		const about = index.data.claims.filter((c) => c.incidents.some((id) => shown.has(id)));
		expect(ids(dash.shownClaims)).toEqual(ids(about));
		// Made on 6 January, about protests since the 2nd: shown with the events, not with the telling.
		expect(ids(dash.shownClaims)).toContain('protests-since-new-year');
		expect(overlaps(index.claim.get('protests-since-new-year')!.date, FIRST_DAYS)).toBe(false);
	});
	it('dates a claim that concerns no incident by the day it was made', () => {
		const dash = dashboard();
		dash.setRange({ from: '2022-01-06', to: '2022-01-06' });
		expect(ids(dash.shownClaims)).toContain('china-internal-affair');
		dash.setRange({ from: '2022-01-07', to: '2022-01-13' });
		expect(ids(dash.shownClaims)).not.toContain('china-internal-affair');
	});
	it('leaves out a claim whose events all fall outside it, even when it was made inside it', () => {
		const dash = dashboard();
		// Made on 6 January, about the 5th.
		dash.setRange({ from: '2022-01-06', to: '2022-01-06' });
		expect(overlaps(index.claim.get('akimat-on-fire')!.date, dash.range)).toBe(false);
		expect(ids(dash.shownClaims)).not.toContain('akimat-on-fire');
		expect(ids(dash.shownClaims)).toContain('airport-under-military-control');
	});
	it('counts each layer’s incidents inside it, and nothing without one', () => {
		const dash = dashboard();
		expect(dash.layerCountsInRange).toBeNull();
		dash.setRange(FIRST_DAYS);
		expect(Object.fromEntries(dash.layerCountsInRange!)).toEqual({ unrest: 1, casualties: 2 });
		dash.setRange({ from: '2022-01-05', to: '2022-01-05' });
		expect(dash.layerCountsInRange!.get('fires')).toBe(2);
	});
});

describe('counts that follow the layers and days', () => {
	it('with every layer off, lists only the claims tied to no incident, and no place has an incident', () => {
		const dash = dashboard();
		for (const l of dash.known.layers) dash.setLayerVisible(l, false);
		expect(dash.shownIncidents).toHaveLength(0);
		const untied = index.data.claims.filter((c) => !c.incidents.length);
		expect(untied.length).toBeGreaterThan(0);
		expect(ids(dash.shownClaims)).toEqual(ids(untied));
		expect([...dash.placeCounts!.values()]).toEqual([]);
		expect(dash.narrowing).toEqual({ layers: true, days: false });
	});
	it('on 5 January alone, counts each place’s incidents of that day', () => {
		const dash = dashboard();
		expect(dash.placeCounts).toBeNull();
		const day = { from: '2022-01-05', to: '2022-01-05' };
		dash.setRange(day);
		const expected = new Map<string, number>();
		for (const i of index.data.incidents)
			if (i.properties.site && overlaps(i.properties.when, day))
				expected.set(i.properties.site, (expected.get(i.properties.site) ?? 0) + 1);
		expect(dash.placeCounts).toEqual(expected);
		expect(dash.placeCounts!.get('republic-square') ?? 0).toBeLessThan(
			index.facts.counts.perSite['republic-square']!
		);
	});
	it('drops a claim whose incidents are all on layers turned off', () => {
		const dash = dashboard();
		expect(ids(dash.shownClaims)).toContain('akimat-on-fire');
		dash.setLayerVisible('fires', false);
		expect(ids(dash.shownClaims)).not.toContain('akimat-on-fire');
	});
});

describe('the claims list', () => {
	it('opens with the city’s claims, the country-wide ones last, each group in article order', () => {
		const groups = dashboard().claimGroups;
		expect(groups.map((g) => g.scope)).toEqual(['city', 'country']);
		const [city, country] = groups;
		expect(city!.claims[0]!.id).toBe('police-killed-dozens');
		for (const g of groups)
			expect(g.claims.map((c) => c.paragraph)).toEqual(
				g.claims.map((c) => c.paragraph).sort((a, b) => a - b)
			);
		// Every claim about the country and no city place is in the country's group.
		const countryWide = index.data.claims.filter((c) => index.placesOf(c).includes('kazakhstan'));
		expect(ids(country!.claims)).toEqual(ids(countryWide));
		expect(city!.claims.length + country!.claims.length).toBe(index.data.claims.length);
	});
	it('keeps the selection when "Show all" widens it', () => {
		const dash = dashboard();
		dash.select({ kind: 'site', id: 'airport' }, false);
		expect(ids(dash.shownClaims)).toEqual(['airport-seized-by-protesters', 'airport-under-military-control']);
		expect(dash.listNarrowed).toBe(true);
		dash.showAllClaims();
		expect(dash.selection).toEqual({ kind: 'site', id: 'airport' });
		expect(dash.shownClaims).toHaveLength(index.data.claims.length);
		expect(dash.listNarrowed).toBe(false);
		// The next pick narrows the list again.
		dash.select({ kind: 'incident', id: 'akimat-fire' }, false);
		expect(ids(dash.shownClaims)).toEqual(['akimat-on-fire']);
	});
	it('is not narrowed by a selected claim, so "Show all" has nothing to lift', () => {
		const dash = dashboard();
		dash.select({ kind: 'claim', id: 'two-beheaded' }, false);
		expect(dash.listNarrowed).toBe(false);
		dash.layerFilter = 'fires';
		expect(dash.listNarrowed).toBe(true);
		dash.showAllClaims();
		expect(dash.layerFilter).toBeNull();
		expect(dash.selection).toEqual({ kind: 'claim', id: 'two-beheaded' });
	});
});
