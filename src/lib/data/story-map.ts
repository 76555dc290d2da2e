// The story's map as the browser needs it (streets' extent, credit and note), put in by vite.config.ts
// from geodata/<story>/basemap.json at build time. Outside Vite (scripts under tsx) it reads as "no
// streets": the scripts read basemap.json themselves (server/story-map.ts).
import type { StoryMapClient } from './story-map-schema';

declare const __STORY_MAP__: StoryMapClient | undefined;

export const STORY_MAP: StoryMapClient =
	typeof __STORY_MAP__ === 'undefined' ? { streets: null } : __STORY_MAP__;
