import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeSyntheticStory } from '../../../bench/synthetic';
import { coreOf, joinStory } from '$lib/data/story-incidents';
import { DENSE_ABOVE, indexStory, isDense, storyDays } from '$lib/data/story-index';
import { clockOf, daysOf } from '$lib/data/time';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { loadStory } from './geodata';
import { indexOnce, storyFacts } from './story-facts';

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
		const moved = { ...facts, kmFromReference: { ...facts.kmFromReference, airport: 99 } };
		expect(indexStory(data, moved).kmFromReference('airport')).toBe(99);
	});
	it('are worked out once per story for all the pages and map files of a build', () => {
		expect(indexOnce(data)).toBe(indexOnce(data));
		expect(indexOnce(data).facts).toEqual(facts);
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
				// The days its events touch, each day tested against the records one by one.
				const days = daysOf(storyDays(data.story));
				const { overlaps } = clockOf(data.story.timeZone.utcOffset);
				expect(counts.claimDays[c.id]).toEqual(
					days.flatMap((d, k) => (of.some((p) => overlaps(p.when, { from: d, to: d })) ? [k] : []))
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
			fetchRecords: async () => data.incidents
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
			fetchRecords: () => Promise.reject(new Error('offline'))
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

describe('ids that are also names of Object.prototype', () => {
	// The test story with every kind of id renamed to `constructor`, `__proto__` or `toString`.
	const RENAME: Record<string, string> = {
		'test-harbour': 'constructor',
		'test-town-hall': '__proto__',
		'town-hall-fire': 'toString',
		'harbour-blackout': 'constructor',
		'harbour-went-dark': '__proto__',
		'town-hall-burned': 'constructor',
		'test-article': 'toString',
		'test-wire': '__proto__',
		fires: 'constructor',
		outages: '__proto__'
	};
	const renamed = JSON.parse(
		JSON.stringify(loadStory('geodata/test-island')).replace(/"([a-z-]+)"/g, (quoted, id: string) =>
			Object.hasOwn(RENAME, id) ? JSON.stringify(RENAME[id]) : quoted
		)
	) as ReturnType<typeof loadStory>;
	const facts = storyFacts(renamed);

	it('are counted as any other id', () => {
		expect(Object.entries(facts.counts.perSite).sort()).toEqual([
			['__proto__', 1],
			['constructor', 1]
		]);
		expect(Object.entries(facts.counts.perLayer).sort()).toEqual([
			['__proto__', 1],
			['constructor', 1]
		]);
		expect(Object.entries(facts.counts.cites).every(([, n]) => typeof n === 'number')).toBe(true);
	});

	// As the page gets them: through JSON, as plain objects with a prototype.
	for (const [how, f] of [
		['at build time', facts],
		['in the page', JSON.parse(JSON.stringify(facts)) as typeof facts]
	] as const)
		it(`are read as any other id ${how}`, () => {
			const index = indexStory(renamed, f);
			expect(index.kmFromReference('constructor')).toBe(0);
			expect(index.kmFromReference('__proto__')).toBeGreaterThan(0);
			// No site is called toString: nothing inherited answers for it.
			expect(index.kmFromReference('toString')).toBeNull();
			expect(index.placesOf(index.claim.get('constructor')!)).toEqual(['__proto__']);
			expect(index.layersOf(index.claim.get('__proto__')!)).toEqual(['__proto__']);
			expect([...index.layerCount]).toEqual([
				['constructor', 1],
				['__proto__', 1]
			]);
			expect(index.incidentsAt.get('__proto__')!.map((i) => i.properties.id)).toEqual(['toString']);
			expect([...index.citedBy.values()].every((n) => typeof n === 'number')).toBe(true);
		});
});
