import { describe, expect, it } from 'vitest';
import type { Incident } from './schema';
import { loadStory } from '../server/geodata';
import { indexWithFacts } from '$lib/server/story-facts';
import { published, publishedLang } from '$lib/i18n/format';
import { indexStory } from './story-index';

const index = indexWithFacts(loadStory());

describe('story index', () => {
	it('measures distances from Republic Square with turf', () => {
		expect(index.kmFromReference('republic-square')).toBe(0);
		const airport = index.kmFromReference('airport')!;
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

	it('counts incidents’ citations from the page’s counts, before their records load', () => {
		expect(indexStory({ ...index.data, incidents: [] }, index.facts).citedBy).toEqual(index.citedBy);
	});

	it('counts a claim’s later reporting among its source’s citations', () => {
		const claim = index.data.claims.find((c) => c.context?.length)!;
		const source = claim.context![0]!.source;
		const times = claim.context!.filter((x) => x.source === source).length;
		const claims = index.data.claims.map((c) => (c === claim ? { ...c, context: undefined } : c));
		const without = indexStory({ ...index.data, claims }, index.facts);
		expect(without.citedBy.get(source) ?? 0).toBe(index.citedBy.get(source)! - times);
	});
});

describe('an incident’s independent sources', () => {
	it('are counted by the claims’ rule: an incident citing what a claim cites counts what the claim counts', () => {
		const base = index.data.incidents[0]!;
		const incidents = index.data.claims.map((c): Incident => ({
			...base,
			properties: { ...base.properties, id: `as-${c.id}`, sources: c.sources }
		}));
		const counted = indexStory({ ...index.data, incidents }, index.facts).independent;
		for (const c of index.data.claims)
			expect([c.id, counted.get(`as-${c.id}`)]).toEqual([c.id, index.claimOrigins(c).counted.length]);
	});

	it('leave out the article’s own origin and count one state’s media once', () => {
		// Reuters (the story's own origin), Sputnik Kazakhstan and TASS: three outlets, one origin counted.
		const armour = index.incident.get('armour-republic-square')!.properties;
		expect(new Set(armour.sources.map((r) => index.source.get(r.source)!.outlet)).size).toBeGreaterThan(3);
		expect(index.independent.get('armour-republic-square')).toBe(1);
		expect(index.independent.get('akimat-fire')).toBe(2);
	});

	it('are never fewer than any of the incident’s claims count: the card cites what its claims cite', () => {
		for (const i of index.data.incidents) {
			const p = i.properties;
			for (const id of p.claims) {
				const claim = index.claimOrigins(index.claim.get(id)!).counted.length;
				expect([p.id, id, Math.max(index.independent.get(p.id)!, claim)]).toEqual([
					p.id,
					id,
					index.independent.get(p.id)
				]);
			}
		}
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
