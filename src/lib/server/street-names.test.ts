import { describe, expect, it } from 'vitest';
import { loadStory } from './geodata';
import { loadStoryMap } from './story-map';

describe('the streets the story names (basemap.json streets.names)', () => {
	const names = loadStoryMap().streets?.names ?? [];
	const sources = new Set(loadStory().sources.map((s) => s.id));

	it('cite sources the story has, each name once', () => {
		for (const n of names)
			for (const id of n.sources) expect(sources.has(id), `${n.name.en}: source ${id}`).toBe(true);
		const osm = names.flatMap((n) => n.osm);
		expect(new Set(osm).size).toBe(osm.length);
	});
	it('give a name in each language that differs from the extract’s (else the label would add nothing)', () => {
		for (const n of names)
			for (const lang of ['fr', 'en'] as const) expect(n.osm).not.toContain(n.name[lang]);
	});
});
