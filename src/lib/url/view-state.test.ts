import { describe, expect, it } from 'vitest';
import { parse, parseCamera, serialize, serializeCamera, type Known, type ViewState } from './view-state';

const known: Known = {
	sites: new Set(['airport', 'akimat', 'republic-square']),
	incidents: new Set(['akimat-fire']),
	claims: new Set(['akimat-on-fire']),
	layers: ['fires', 'gunfire', 'military']
};
const BASE = 'https://example.org/';
const at = (s: string) => parse(new URL(s, BASE), known);

describe('parse', () => {
	it('reads site, layers, lang and the MapLibre hash', () => {
		expect(at('/?site=akimat&layers=gunfire,fires&lang=en#13.5/43.2364/76.9456')).toEqual({
			lang: 'en',
			selection: { kind: 'site', id: 'akimat' },
			layers: ['fires', 'gunfire'],
			camera: { zoom: 13.5, lat: 43.2364, lng: 76.9456, bearing: 0, pitch: 0 }
		});
	});

	it('falls back field by field on unknown or malformed values', () => {
		expect(at('/?site=atlantis&layers=weather&lang=de#abc/1/2')).toEqual({
			lang: null,
			selection: null,
			layers: null,
			camera: null
		});
		// One bad field does not spoil the others.
		expect(at('/?site=airport&lang=xx').selection).toEqual({ kind: 'site', id: 'airport' });
	});

	it('keeps known layers and drops unknown ones; empty means none', () => {
		expect(at('/?layers=fires,weather').layers).toEqual(['fires']);
		expect(at('/?layers=').layers).toEqual([]);
	});

	it('prefers the most specific selection', () => {
		expect(at('/?site=akimat&claim=akimat-on-fire').selection).toEqual({
			kind: 'claim',
			id: 'akimat-on-fire'
		});
		expect(at('/?incident=akimat-fire').selection).toEqual({ kind: 'incident', id: 'akimat-fire' });
	});

	it('never throws on hostile input', () => {
		for (const s of [
			'/?site=%E0%A4%A',
			'/?layers=,,,',
			'/#//',
			'/#1/2/3/4/5/6',
			'/#NaN/0/0',
			'/#5/95/0',
			'/?lang=__proto__'
		])
			expect(() => at(s)).not.toThrow();
		expect(parseCamera('#5/95/0')).toBeNull();
		expect(parseCamera('#1e3/0/0')).toBeNull();
	});
});

describe('serialize', () => {
	const state: ViewState = {
		lang: 'fr',
		selection: { kind: 'site', id: 'akimat' },
		layers: ['fires'],
		camera: { zoom: 12, lat: 43.23639, lng: 76.94556, bearing: 0, pitch: 0 }
	};

	it('round-trips through parse', () => {
		const url = serialize(state, new URL(BASE), known.layers);
		expect(parse(url, known)).toEqual(state);
	});

	it('leaves defaults out of the URL and keeps foreign parameters', () => {
		const url = serialize(
			{ ...state, lang: null, layers: [...known.layers] },
			new URL('/?utm=x', BASE),
			known.layers
		);
		expect(url.searchParams.get('layers')).toBeNull();
		expect(url.searchParams.get('lang')).toBeNull();
		expect(url.searchParams.get('utm')).toBe('x');
	});

	it('writes readable commas and MapLibre-style camera precision', () => {
		const url = serialize({ ...state, layers: ['fires', 'gunfire'] }, new URL(BASE), known.layers);
		expect(url.search).toContain('layers=fires,gunfire');
		expect(serializeCamera({ zoom: 3, lat: 43.123456, lng: 76.987654, bearing: 0, pitch: 0 })).toBe(
			'#3/43.12/76.99'
		);
		expect(serializeCamera({ zoom: 15.456, lat: 43.123456, lng: 76.987654, bearing: 30, pitch: 0 })).toBe(
			'#15.46/43.123456/76.987654/30'
		);
	});
});
