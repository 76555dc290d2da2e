// Which name each map data file has in this build, for tools that read the built site (the offline
// copy, the benchmark): `{ "sites": "map/sites.<hash>.geojson", ... }`, relative to the app's root.
import { json } from '@sveltejs/kit';
import { indexOnce } from '$lib/server/story-facts';
import { loadStory } from '$lib/server/geodata';

export const prerender = true;

export const GET = () => json(indexOnce(loadStory()).facts.mapFiles);
