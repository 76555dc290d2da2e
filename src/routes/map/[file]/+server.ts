// The map's data files under names that carry their content's hash (see $lib/server/map-files.ts).
import { error } from '@sveltejs/kit';
import { indexOnce } from '$lib/server/story-facts';
import { loadStory } from '$lib/server/geodata';
import { mapFile } from '$lib/server/map-files';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	Object.values(indexOnce(loadStory()).facts.mapFiles).map((path) => ({
		file: path.slice('map/'.length)
	}));

export const GET: RequestHandler = ({ params }) =>
	mapFile(indexOnce(loadStory()), params.file) ?? error(404, `No map file "${params.file}"`);
