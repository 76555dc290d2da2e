// Seeded synthetic stories for the benchmarks: the real story's places, sources and claims, with
// N incidents spread like the real ones (most around Almaty, the rest over the region), across every
// layer and the story's days. They go through the app's real data path: validated, then built.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_STORY_DIR } from '../src/lib/server/geodata';

/** Mulberry32: small, seeded, reproducible. */
function random(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function writeSyntheticStory(n: number, dir: string, seed = 2022): string {
	const read = (f: string) => JSON.parse(readFileSync(join(DEFAULT_STORY_DIR, f), 'utf8'));
	const story = read('story.json');
	const claims = read('claims.json') as { id: string; incidents: string[] }[];
	const rnd = random(seed);
	const gauss = () => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd());
	const layers = (story.layers as { id: string }[]).map((l) => l.id);
	for (const c of claims) c.incidents = [];
	const features = [];
	for (let i = 0; i < n; i++) {
		const id = `synthetic-${i}`;
		const nearAlmaty = rnd() < 0.7;
		const lon = nearAlmaty ? 76.93 + gauss() * 0.08 : 47 + rnd() * 40;
		const lat = nearAlmaty ? 43.24 + gauss() * 0.05 : 41 + rnd() * 14;
		const day = 1 + Math.floor(rnd() * 13);
		const start = `2022-01-${String(day).padStart(2, '0')}`;
		const claim = claims[i % claims.length]!;
		claim.incidents.push(id);
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
			properties: {
				id,
				layer: layers[Math.floor(rnd() * layers.length)],
				title: { fr: `Incident synthétique ${i}`, en: `Synthetic incident ${i}` },
				description: { fr: 'Donnée de test pour les mesures.', en: 'Test data for the benchmarks.' },
				site: null,
				uncertaintyM: 500,
				when: { start, precision: 'day' },
				reported: { start, precision: 'day' },
				claims: [claim.id],
				sources: [{ source: 'article-fr', says: { fr: 'Synthétique.', en: 'Synthetic.' } }]
			}
		});
	}
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'story.json'), JSON.stringify(story));
	writeFileSync(join(dir, 'sites.geojson'), JSON.stringify(read('sites.geojson')));
	writeFileSync(join(dir, 'sources.json'), JSON.stringify(read('sources.json')));
	// The same map as the real story's; its extract's path is relative to the story folder.
	const map = read('basemap.json');
	if (map.streets) map.streets.file = relative(dir, join(DEFAULT_STORY_DIR, map.streets.file));
	writeFileSync(join(dir, 'basemap.json'), JSON.stringify(map));
	writeFileSync(join(dir, 'claims.json'), JSON.stringify(claims));
	writeFileSync(join(dir, 'incidents.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
	return dir;
}
