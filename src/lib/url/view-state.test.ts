import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	hashPrecision,
	parse,
	parseCamera,
	parseWithNotes,
	readAddress,
	resolve,
	serialize,
	serializeCamera,
	type ViewState
} from './view-state';
import type { Known } from '$lib/types/view';

const known = {
	sites: new Set(['airport', 'akimat', 'republic-square']),
	incidents: new Set(['akimat-fire']),
	claims: new Set(['akimat-on-fire']),
	layers: ['fires', 'gunfire', 'military'],
	days: { from: '2022-01-01', to: '2022-01-13' },
	// Paragraph 6 is left out of the guided reading, as the article's cross-promotion line is.
	steps: [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13]
} satisfies Known;
const DEFAULT_LAYERS = known.layers;
const BASE = 'https://example.org/';
const at = (s: string) => parse(new URL(s, BASE), known);

describe('parse', () => {
	it('reads site, layers, lang, filter, embed and the MapLibre hash', () => {
		expect(
			at('/?site=akimat&layers=gunfire,fires&lang=en&filter=fires&embed=1#13.5/43.2364/76.9456')
		).toEqual({
			lang: 'en',
			selection: { kind: 'site', id: 'akimat' },
			layers: ['fires', 'gunfire'],
			filter: 'fires',
			range: null,
			camera: { zoom: 13.5, lat: 43.2364, lng: 76.9456, bearing: 0, pitch: 0 },
			embed: true,
			basemap: null,
			step: null
		});
	});

	it('falls back field by field on unknown or malformed values', () => {
		expect(at('/?site=atlantis&layers=weather&lang=de&filter=x&embed=yes#abc/1/2')).toEqual({
			lang: null,
			selection: null,
			layers: null,
			filter: null,
			range: null,
			camera: null,
			embed: false,
			basemap: null,
			step: null
		});
		// One bad field does not spoil the others.
		expect(at('/?site=airport&lang=xx').selection).toEqual({ kind: 'site', id: 'airport' });
	});

	it('reads the guided reading step: a paragraph that has one', () => {
		expect(at('/?step=3').step).toBe(3);
		expect(at('/?step=13&embed=1')).toMatchObject({ step: 13, embed: true });
	});

	it('opens a left-out paragraph on the next step', () => {
		expect(at('/?step=6').step).toBe(7);
	});

	it('reads no step outside the article or from a malformed value', () => {
		for (const s of ['0', '14', '-1', '3.5', '3a', '', '99999', ' 3', '1e1'])
			expect(at(`/?step=${encodeURIComponent(s)}`).step, s).toBeNull();
	});

	it('reads no step for a story without a guided reading', () => {
		expect(parse(new URL('/?step=3', BASE), { ...known, steps: [] }).step).toBeNull();
		const { steps, ...without } = known;
		void steps;
		expect(parse(new URL('/?step=3', BASE), without).step).toBeNull();
	});

	it('reads a day range inside the story, each end falling back alone', () => {
		expect(at('/?from=2022-01-05&to=2022-01-06').range).toEqual({ from: '2022-01-05', to: '2022-01-06' });
		expect(at('/?from=2022-01-05').range).toEqual({ from: '2022-01-05', to: '2022-01-13' });
		expect(at('/?from=2021-12-01&to=2022-01-06').range).toEqual({ from: '2022-01-01', to: '2022-01-06' });
		expect(at('/?from=2022-01-09&to=2022-01-02').range).toBeNull();
		expect(at('/?from=2022-02-30').range).toBeNull();
		expect(at('/?from=2022-01-01&to=2022-01-13').range).toBeNull();
	});

	it('keeps known layers and drops unknown ones; empty means none', () => {
		expect(at('/?layers=fires,weather').layers).toEqual(['fires']);
		expect(at('/?layers=').layers).toEqual([]);
	});

	it('prefers the most specific selection, and reads item pages', () => {
		expect(at('/?site=akimat&claim=akimat-on-fire').selection).toEqual({
			kind: 'claim',
			id: 'akimat-on-fire'
		});
		expect(at('/?incident=akimat-fire').selection).toEqual({ kind: 'incident', id: 'akimat-fire' });
		expect(at('/base/site/airport').selection).toEqual({ kind: 'site', id: 'airport' });
		expect(at('/claim/akimat-on-fire?lang=fr').selection).toEqual({ kind: 'claim', id: 'akimat-on-fire' });
	});

	it('reads English from the English pages’ folder, and from ?lang= in older links', () => {
		expect(at('/en/').lang).toBe('en');
		expect(at('/en').lang).toBe('en');
		expect(at('/base/en/?site=akimat').lang).toBe('en');
		expect(at('/en/claim/akimat-on-fire')).toMatchObject({
			lang: 'en',
			selection: { kind: 'claim', id: 'akimat-on-fire' }
		});
		expect(at('/?lang=en').lang).toBe('en');
		// The root pages name no language: the reader's own applies.
		expect(at('/').lang).toBeNull();
		expect(at('/claim/akimat-on-fire').lang).toBeNull();
		// `en` as an item's id, or a folder for a language without one, is no language folder.
		expect(at('/site/en').lang).toBeNull();
		expect(at('/fr/').lang).toBeNull();
		expect(at('/en/site/en').lang).toBe('en');
	});

	it('lets ?lang= win over the folder', () => {
		expect(at('/en/?lang=fr').lang).toBe('fr');
		expect(at('/en/claim/akimat-on-fire?lang=fr').lang).toBe('fr');
	});

	it('names a well-formed id that is no longer in the data, and ignores junk', () => {
		expect(parseWithNotes(new URL('/?site=old-market', BASE), known).missing).toEqual({
			kind: 'site',
			id: 'old-market'
		});
		expect(parseWithNotes(new URL('/incident/gone-now', BASE), known).missing).toEqual({
			kind: 'incident',
			id: 'gone-now'
		});
		expect(parseWithNotes(new URL('/?site=<script>', BASE), known).missing).toBeNull();
		expect(parseWithNotes(new URL('/?site=akimat', BASE), known).missing).toBeNull();
	});

	it('never throws on hostile input', () => {
		for (const s of [
			'/?site=%E0%A4%A',
			'/site/%E0%A4%A',
			'/?layers=,,,',
			'/#//',
			'/#1/2/3/4/5/6',
			'/#NaN/0/0',
			'/#5/95/0',
			'/?lang=__proto__&site=constructor'
		])
			expect(() => at(s)).not.toThrow();
		expect(parseCamera('#5/95/0')).toBeNull();
		expect(parseCamera('#1e3/0/0')).toBeNull();
	});

	it('survives any string as query and hash (property)', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.string({ unit: 'binary' }), (q, h, p) => {
				const url = new URL(BASE);
				url.search = q;
				url.hash = h;
				url.pathname = p;
				const view = parse(url, known);
				// Whatever comes in, what comes out is valid.
				if (view.selection)
					expect(
						known.sites.has(view.selection.id) ||
							known.claims.has(view.selection.id) ||
							known.incidents.has(view.selection.id)
					).toBe(true);
				for (const l of view.layers ?? []) expect(known.layers).toContain(l);
				if (view.camera) expect(Math.abs(view.camera.lat)).toBeLessThanOrEqual(85.06);
				if (view.step !== null) expect(known.steps).toContain(view.step);
			}),
			{ numRuns: 500 }
		);
	});
});

// A camera already at the precision its zoom gets in the hash, as the map reports it once written.
const camera = fc
	.record({
		zoom: fc.integer({ min: 0, max: 2200 }).map((z) => z / 100),
		lat: fc.double({ min: -85, max: 85, noNaN: true }),
		lng: fc.double({ min: -180, max: 180, noNaN: true }),
		bearing: fc.integer({ min: -1800, max: 1800 }).map((b) => b / 10),
		pitch: fc.integer({ min: 0, max: 850 }).map((p) => p / 10)
	})
	.map((c) => {
		const m = 10 ** hashPrecision(c.zoom);
		return { ...c, lat: Math.round(c.lat * m) / m || 0, lng: Math.round(c.lng * m) / m || 0 };
	})
	// Zero pitch with zero bearing is left out of the hash; -0 and 0 are the same view.
	.map((c) => ({ ...c, bearing: c.bearing || 0, pitch: c.pitch || 0 }));

const state: fc.Arbitrary<ViewState> = fc.record({
	lang: fc.constantFrom(null, 'fr' as const, 'en' as const),
	selection: fc.option(
		fc.oneof(
			fc.constantFrom(...known.sites).map((id) => ({ kind: 'site' as const, id })),
			fc.constantFrom(...known.incidents).map((id) => ({ kind: 'incident' as const, id })),
			fc.constantFrom(...known.claims).map((id) => ({ kind: 'claim' as const, id }))
		)
	),
	// The defaults are written as "no parameter", so they come back as null.
	layers: fc
		.option(fc.subarray([...known.layers]))
		.map((l) => (l && l.length === DEFAULT_LAYERS.length ? null : l)),
	filter: fc.option(fc.constantFrom(...known.layers)),
	// Any range of story days except the whole story, which is written as no range at all.
	range: fc.option(fc.tuple(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }))).map((r) => {
		if (!r) return null;
		const [a, b] = r[0] <= r[1] ? r : [r[1], r[0]];
		if (a === 1 && b === 13) return null;
		const day = (d: number) => `2022-01-${String(d).padStart(2, '0')}`;
		return { from: day(a), to: day(b) };
	}),
	camera: fc.option(camera),
	embed: fc.boolean(),
	basemap: fc.constantFrom(null, 'street' as const),
	step: fc.option(fc.constantFrom(...known.steps))
});

// Any camera MapLibre can report: Web Mercator's latitudes, any zoom, bearing and pitch.
const anyCamera = fc.record({
	zoom: fc.double({ min: 0, max: 24, noNaN: true }),
	lat: fc.double({ min: -85.051129, max: 85.051129, noNaN: true }),
	lng: fc.double({ min: -180, max: 180, noNaN: true }),
	bearing: fc.double({ min: -180, max: 180, noNaN: true }),
	pitch: fc.double({ min: 0, max: 85, noNaN: true })
});

describe('readAddress and resolve', () => {
	it('read before the data is here, then checked against it, give what parse gives', () => {
		const url = new URL('/?site=akimat&layers=fires#13/43.2/76.9', BASE);
		const read = readAddress(url, { layers: known.layers, days: known.days });
		expect(read.view.selection).toBeNull();
		expect(resolve(read, known)).toEqual(parseWithNotes(url, known));
	});
});

describe('serializeCamera', () => {
	it('writes a link the parser reads back, for any camera (property)', () => {
		fc.assert(
			fc.property(anyCamera, (c) => {
				const back = parseCamera(serializeCamera(c));
				expect(back).not.toBeNull();
				// Within half a pixel of the centre at that zoom (512 px tiles), as MapLibre's hash.
				const half = 360 / 512 / 2 ** back!.zoom / 2;
				expect(Math.abs(back!.lng - c.lng)).toBeLessThanOrEqual(half + 1e-9);
			}),
			{ numRuns: 2000 }
		);
	});

	it('writes the same link again once read back (property)', () => {
		fc.assert(
			fc.property(anyCamera, (c) => {
				const once = serializeCamera(c);
				expect(serializeCamera(parseCamera(once)!)).toBe(once);
			}),
			{ numRuns: 2000 }
		);
	});

	it('keeps a latitude near the Mercator edge inside the parser’s bound at low zoom', () => {
		const edge = { zoom: 1, lat: 85.0511, lng: 0, bearing: 0, pitch: 0 };
		expect(serializeCamera(edge)).toBe('#1/85/0');
		expect(serializeCamera({ ...edge, lat: -85.0511 })).toBe('#1/-85/0');
		expect(serializeCamera({ ...edge, zoom: 4 })).toBe('#4/85.05/0');
	});

	it('takes its precision from the zoom as written', () => {
		// 1.814 is written 1.81, whose precision is one decimal; 1.814's own would be two.
		const c = { zoom: 1.814, lat: 43.2567, lng: 76.9123, bearing: 0, pitch: 0 };
		expect(serializeCamera(c)).toBe('#1.81/43.3/76.9');
	});
});

describe('serialize', () => {
	it('round-trips: parse(serialize(s)) == s (property)', () => {
		fc.assert(
			fc.property(state, (s) => {
				const url = serialize(s, new URL(BASE), DEFAULT_LAYERS);
				expect(parse(new URL(url.href), known)).toEqual(s);
			}),
			{ numRuns: 1000 }
		);
	});

	it('leaves defaults out of the URL and keeps foreign parameters', () => {
		const s: ViewState = {
			lang: null,
			selection: null,
			layers: [...known.layers],
			filter: null,
			range: null,
			camera: null,
			embed: false,
			basemap: null,
			step: null
		};
		const url = serialize(s, new URL('/?utm=x', BASE), known.layers);
		expect(url.href).toBe('https://example.org/?utm=x');
	});

	it('writes the reading step, replacing the one the address had', () => {
		const view = parse(new URL('/?step=2&embed=1', BASE), known);
		expect(serialize({ ...view, step: 7 }, new URL('/?step=2&embed=1', BASE), known.layers).search).toBe(
			'?embed=1&step=7'
		);
		expect(serialize({ ...view, step: null }, new URL('/?step=2', BASE), known.layers).search).toBe(
			'?embed=1'
		);
	});

	it('keeps a one-file root (the offline copy) as it is, every language as ?lang=', () => {
		const view = parse(new URL('/?claim=x', BASE), known);
		const file = new URL('file:///sdcard/almaty-2022-2026-11-24.1.fr.html');
		const url = serialize({ ...view, lang: 'en' }, file, known.layers, false);
		expect(url.pathname).toBe(file.pathname);
		expect(url.searchParams.get('lang')).toBe('en');
	});

	it('writes English as the English pages’ folder, French as ?lang=, under any base path', () => {
		const view: ViewState = {
			lang: 'en',
			selection: { kind: 'claim', id: 'akimat-on-fire' },
			layers: null,
			filter: null,
			range: null,
			camera: null,
			embed: false,
			basemap: null,
			step: null
		};
		const root = new URL('/maps/?utm=x&lang=fr', BASE);
		expect(serialize(view, root, known.layers).href).toBe(
			'https://example.org/maps/en/?utm=x&claim=akimat-on-fire'
		);
		expect(serialize({ ...view, lang: 'fr' }, root, known.layers).href).toBe(
			'https://example.org/maps/?utm=x&lang=fr&claim=akimat-on-fire'
		);
		expect(serialize({ ...view, lang: null }, root, known.layers).href).toBe(
			'https://example.org/maps/?utm=x&claim=akimat-on-fire'
		);
	});

	it('writes readable commas and MapLibre-style camera precision', () => {
		const url = serialize(
			{
				lang: 'fr',
				selection: null,
				layers: ['fires', 'gunfire'],
				filter: null,
				range: null,
				camera: null,
				embed: false,
				basemap: null,
				step: null
			},
			new URL(BASE),
			known.layers
		);
		expect(url.search).toBe('?lang=fr&layers=fires,gunfire');
		expect(serializeCamera({ zoom: 3, lat: 43.123456, lng: 76.987654, bearing: 0, pitch: 0 })).toBe(
			'#3/43.12/76.99'
		);
		expect(serializeCamera({ zoom: 15.456, lat: 43.123456, lng: 76.987654, bearing: 30, pitch: 0 })).toBe(
			'#15.46/43.123456/76.987654/30'
		);
	});
});
