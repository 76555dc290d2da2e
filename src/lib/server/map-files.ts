// The map's own data files, written once at build time (prerendered routes under /map/). MapLibre's
// worker fetches and parses them, so the page's main thread never parses or copies them, and the
// map can open before the page has its data.
import { indexOnce } from '$lib/server/story-facts';
import type { StoryIndex } from '$lib/data/story-index';
import { loadStory } from './geodata';

export function mapFile(pick: (index: StoryIndex) => unknown): Response {
	return new Response(JSON.stringify(pick(indexOnce(loadStory()))), {
		headers: { 'content-type': 'application/geo+json' }
	});
}
