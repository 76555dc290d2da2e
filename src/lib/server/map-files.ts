// The map's own data files, written once at build time (prerendered route /map/[file]). MapLibre's
// worker fetches and parses them, so the page's main thread never parses or copies them, and the
// map can open before the page has its data. Each is named after its content
// (`map/sites.3f9c2a1b7e04.geojson`) and the page's boot data names them, so a page always reads its
// own deployment's data, whatever a cache or an older service worker holds; `map/files.json` lists
// them for tools (the offline copy, the benchmark). The map draws `markers`; `incidents` places each
// incident where it is (the whole country as its area), for anyone reading the map's data.
import { createHash } from 'node:crypto';
import type { MapFiles, StoryIndex } from '$lib/data/story-index';
import { incidentData, incidentPlaces, placeData } from './map-data';

const texts = new WeakMap<StoryIndex, Record<keyof MapFiles, string>>();

/** The files' contents, worked out once per index. */
export function mapFileTexts(index: StoryIndex): Record<keyof MapFiles, string> {
	let t = texts.get(index);
	if (!t) {
		const places = placeData(index);
		t = {
			sites: JSON.stringify(places.sites),
			areas: JSON.stringify(places.areas),
			markers: JSON.stringify(incidentData(index)),
			incidents: JSON.stringify(incidentPlaces(index))
		};
		texts.set(index, t);
	}
	return t;
}

/** Each file's address under the app's root, named after its content. */
export function mapFileNames(index: StoryIndex): MapFiles {
	const t = mapFileTexts(index);
	const name = (kind: keyof MapFiles) =>
		`map/${kind}.${createHash('sha256').update(t[kind]).digest('hex').slice(0, 12)}.geojson`;
	return {
		sites: name('sites'),
		areas: name('areas'),
		markers: name('markers'),
		incidents: name('incidents')
	};
}

/** The file a build-time request names (`sites.3f9c2a1b7e04.geojson`), or null. */
export function mapFile(index: StoryIndex, file: string): Response | null {
	const kind = (Object.keys(index.facts.mapFiles) as (keyof MapFiles)[]).find(
		(k) => index.facts.mapFiles[k] === `map/${file}`
	);
	if (!kind) return null;
	return new Response(mapFileTexts(index)[kind], {
		headers: { 'content-type': 'application/geo+json' }
	});
}
