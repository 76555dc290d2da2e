// The incidents as the map draws them, written once at build time. MapLibre fetches and parses this
// file in its worker, so the page's main thread never parses or copies the map's largest source.
import { loadStory } from '$lib/server/geodata';
import { indexWithFacts } from '$lib/data/place-facts';
import { incidentData } from '$lib/map/map-data';

export const prerender = true;

export function GET() {
	return new Response(JSON.stringify(incidentData(indexWithFacts(loadStory()))), {
		headers: { 'content-type': 'application/geo+json' }
	});
}
