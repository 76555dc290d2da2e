// Reads a story's basemap.json (data/story-map-schema.ts) and refuses a bad one with the file, the
// field, what is wrong and the fix, as the validator does for the story's records.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storyMapSchema, type StoryMapConfig } from '../data/story-map-schema';
import { STORY_DIR } from './geodata';

export const STORY_MAP_FILE = 'basemap.json';

export class StoryMapError extends Error {}

const cache = new Map<string, StoryMapConfig>();

export function loadStoryMap(dir = STORY_DIR): StoryMapConfig {
	const hit = cache.get(dir);
	if (hit) return hit;
	const map = readStoryMap(dir);
	cache.set(dir, map);
	return map;
}

/** The story's map read afresh (the dev server's check reads every save). */
export function readStoryMap(dir: string): StoryMapConfig {
	const file = join(dir, STORY_MAP_FILE);
	if (!existsSync(file))
		throw new StoryMapError(
			`${file}: missing; every story names its map there (region, places, street extract or "streets": null). Copy one from \`npm run new-story\` and see AUTHORING.md`
		);
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new StoryMapError(`${file}: is not valid JSON (${(e as Error).message}); fix the syntax`);
	}
	const parsed = storyMapSchema.safeParse(raw);
	if (!parsed.success)
		throw new StoryMapError(
			parsed.error.issues
				.map((i) => `${file} > ${i.path.join('.') || '(file)'}: ${i.message}; see AUTHORING.md, "The map"`)
				.join('\n')
		);
	return parsed.data;
}

/** A file the story map names (its extract, its own land), as a path from the repository's root. */
export const storyMapPath = (file: string, dir = STORY_DIR) => join(dir, file);
