import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeSyntheticStory } from '../../../bench/synthetic';
import { Dashboard } from '../state/dashboard.svelte';
import type { Incident } from './schema';
import { loadStory } from '../server/geodata';
import { incidentData, placeData } from '../map/map-data';
import { indexWithFacts, storyFacts } from './story-facts';
import { coreOf, joinStory } from './story-incidents';
import {
	DENSE_ABOVE,
	formatNumber,
	formatWhen,
	indexStory,
	isDense,
	jsonScript,
	published,
	publishedLang
} from './story-index';

const index = indexWithFacts(loadStory());

describe('story index', () => {
	it('measures distances from Republic Square with turf', () => {
		expect(index.kmFromSquare('republic-square')).toBe(0);
		const airport = index.kmFromSquare('airport')!;
		// The airport's terminal lies some 13 km north-north-east of the square.
		expect(airport).toBeGreaterThan(12);
		expect(airport).toBeLessThan(18);
	});

	it('anchors areas inside themselves, never at an invented point outside', () => {
		const [lon, lat] = index.siteAnchor.get('kazakhstan')!;
		expect(lon).toBeGreaterThan(46);
		expect(lon).toBeLessThan(88);
		expect(lat).toBeGreaterThan(40);
		expect(lat).toBeLessThan(56);
	});

	it('finds a claim’s places through its incidents', () => {
		const claim = index.claim.get('akimat-on-fire')!;
		expect(index.placesOf(claim)).toEqual(['akimat']);
		expect(index.layersOf(claim)).toEqual(['fires']);
	});

	it('orders incidents by start, then the more precise first, then by id', () => {
		const base = index.data.incidents[0]!;
		const at = (id: string, when: Incident['properties']['when']): Incident => ({
			...base,
			properties: { ...base.properties, id, when }
		});
		const data = {
			...index.data,
			incidents: [
				at('b', { start: '2022-01-06', precision: 'day' }),
				at('a', { start: '2022-01-06', precision: 'day' }),
				at('c', { start: '2022-01-06T10:00:00+06:00', precision: 'instant' }),
				at('d', { start: '2022-01-05', end: '2022-01-07', precision: 'span' }),
				at('e', { start: '2022-01-06', precision: 'part-of-day', partOfDay: 'night' })
			]
		};
		const order = indexStory(data, index.facts).chronological.map((i) => i.properties.id);
		expect(order).toEqual(['d', 'e', 'a', 'b', 'c']);
	});

	it('lists every incident at a site, in the data’s order', () => {
		const here = index.data.incidents.filter((i) => i.properties.site === 'republic-square');
		expect(here.length).toBeGreaterThan(1);
		expect(index.incidentsAt.get('republic-square')).toEqual(here);
	});

	it('formats dates with their precision', () => {
		expect(
			formatWhen({ start: '2022-01-06', precision: 'part-of-day', partOfDay: 'morning' }, 'en', {
				morning: 'morning'
			})
		).toBe('6 January 2022, morning');
		expect(formatWhen({ start: '2022-01-05', end: '2022-01-06', precision: 'span' }, 'fr', {})).toBe(
			'5 janvier 2022 – 6 janvier 2022'
		);
	});
});

describe('numbers for readers', () => {
	it('group thousands as each language does, and leave small counts as they are', () => {
		expect(formatNumber(100000, 'en')).toBe('100,000');
		expect(formatNumber(100000, 'fr')).toBe('100\u202f000');
		expect(formatNumber(999, 'fr')).toBe('999');
		expect(formatNumber(0.25, 'fr', 2)).toBe('0,25');
	});
});

describe('map data', () => {
	const data = { ...placeData(index), incidents: incidentData(index) };
	it('draws one uncertainty circle per point site and the areas as they are', () => {
		expect(data.areas.features).toHaveLength(index.data.sites.length);
		expect(data.areas.features.find((f) => f.properties.id === 'kazakhstan')?.properties.area).toBe(true);
	});
	it('gives incidents that share a place different offsets', () => {
		const atSquare = data.incidents.features.filter((f) =>
			index.incidentsAt.get('republic-square')!.some((i) => i.properties.id === f.properties.id)
		);
		expect(atSquare.length).toBe(2);
		expect(atSquare[0]!.properties.offset).not.toEqual(atSquare[1]!.properties.offset);
	});
});

describe('story facts worked out at build time', () => {
	const data = loadStory();
	const facts = storyFacts(data);
	it('record a point inside each area and nothing for points, which anchor at themselves', () => {
		const areas = data.sites.filter((s) => s.geometry.type !== 'Point').map((s) => s.properties.id);
		expect(areas.length).toBeGreaterThan(0);
		for (const id of areas) expect(facts.anchor[id]).toHaveLength(2);
		expect(facts.anchor).not.toHaveProperty('airport');
		expect(indexStory(data, facts).siteAnchor.get('airport')).toEqual(
			data.sites.find((s) => s.properties.id === 'airport')!.geometry.coordinates
		);
	});
	it('are what the index answers with, not recomputed in the browser', () => {
		const moved = { ...facts, kmFromSquare: { ...facts.kmFromSquare, airport: 99 } };
		expect(indexStory(data, moved).kmFromSquare('airport')).toBe(99);
	});
});

describe('JSON carried in the page', () => {
	it('cannot close its script element, and reads back to the same value', () => {
		const value = { text: '</script><script>alert(1)</script>' };
		const html = jsonScript('application/json', value, 'x');
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const body = /^<script type="application\/json" id="x">(.*)<\/script>$/.exec(html)![1]!;
		expect(JSON.parse(body)).toEqual(value);
	});
});

describe('incident counts worked out at build time', () => {
	// A dense story (above DENSE_ABOVE) opens on these counts before its records load, so each must
	// be what the records themselves say. Checked here against the records, counted another way.
	const dir = mkdtempSync(join(tmpdir(), 'counts-'));
	writeSyntheticStory(DENSE_ABOVE * 3, dir);
	const stories = { real: loadStory(), dense: loadStory(dir) };
	for (const [name, data] of Object.entries(stories))
		it(`are what the records say (${name} story)`, () => {
			const { counts } = storyFacts(data);
			const props = data.incidents.map((i) => i.properties);
			expect(counts.total).toBe(props.length);
			expect(isDense(counts)).toBe(name === 'dense');
			for (const l of data.story.layers) {
				const mine = props.filter((p) => p.layer === l.id);
				expect(counts.perLayer[l.id]).toBe(mine.length);
				// Every incident in both stories lies within one day, so each lands in one day's bin.
				if (mine.every((p) => !p.when.end))
					expect(counts.perDay[l.id]!.reduce((a, b) => a + b, 0)).toBe(mine.length);
			}
			for (const s of data.sites)
				expect(counts.perSite[s.properties.id] ?? 0).toBe(
					props.filter((p) => p.site === s.properties.id).length
				);
			for (const c of data.claims) {
				// Through the other side of the two-way reference: the incidents that list the claim.
				const of = props.filter((p) => p.claims.includes(c.id));
				expect(new Set(counts.claimLayers[c.id])).toEqual(new Set(of.map((p) => p.layer)));
				expect(new Set(counts.claimPlaces[c.id])).toEqual(
					new Set([...c.places, ...of.flatMap((p) => p.site ?? [])])
				);
			}
			const cited = props.flatMap((p) => [...p.sources, ...(p.figures ?? [])].map((r) => r.source));
			for (const s of data.sources)
				expect(counts.cites[s.id] ?? 0).toBe(cited.filter((id) => id === s.id).length);
		});

	it('give the dashboard the same answers before and after the records load', async () => {
		const data = stories.dense;
		const facts = storyFacts(data);
		const dash = new Dashboard(indexStory(joinStory(coreOf(data), []), facts), {
			later: async () => data.incidents
		});
		expect(dash.records).toBe('pending');
		const before = {
			shown: dash.shownCount,
			layers: [...dash.index.layerCount],
			places: data.claims.map((c) => dash.index.placesOf(dash.index.claim.get(c.id)!))
		};
		expect(dash.shownIncidents).toEqual([]);
		dash.setRange({ from: '2022-01-04', to: '2022-01-05' });
		// Counted per layer, not per day span: unknown until the records are here.
		expect(dash.shownCount).toBeNull();
		dash.setRange(null);

		await dash.loadRecords();
		expect(dash.records).toBe('loaded');
		expect(dash.index.incident.size).toBe(data.incidents.length);
		expect(before.shown).toBe(dash.shownIncidents.length);
		expect(before.layers).toEqual([...dash.index.layerCount]);
		expect(before.places).toEqual(data.claims.map((c) => dash.index.placesOf(dash.index.claim.get(c.id)!)));
		// The page carries no claim's list of incidents; the records give each claim its list back.
		expect(dash.index.data.claims).toEqual(data.claims);
	});

	it('stay right when the records fail to load, which are then reported as failed', async () => {
		const data = stories.dense;
		const dash = new Dashboard(indexStory(joinStory(coreOf(data), []), storyFacts(data)), {
			later: () => Promise.reject(new Error('offline'))
		});
		const layers = [...dash.index.layerCount];
		expect(dash.shownCount).toBeGreaterThan(0);
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		await dash.loadRecords();
		errors.mockRestore();
		expect(dash.records).toBe('failed');
		// The layer counts came with the page; the timeline, which cannot draw them, says so.
		expect([...dash.index.layerCount]).toEqual(layers);
		expect(layers.every(([, n]) => n > 0)).toBe(true);
		expect(dash.shownCount).toBeNull();
	});
});

describe('published names and titles', () => {
	it('read as published, or as our own description in the reader’s language', () => {
		const ours = { fr: 'Média inconnu', en: 'Unknown outlet' };
		expect(published('RIA Novosti', 'fr')).toBe('RIA Novosti');
		expect(published(ours, 'fr')).toBe('Média inconnu');
		expect(published(ours, 'en')).toBe('Unknown outlet');
		// Marked up in the language they are written in: the original's, or the page's for ours.
		expect(publishedLang('RIA Novosti', 'ru', 'fr')).toBe('ru');
		expect(publishedLang(ours, 'fr', 'en')).toBe('en');
	});
});
