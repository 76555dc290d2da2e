// static/basemap/ holds one story's basemap at a time: a stamp (outside static/, so never shipped) says
// whose, so a build of another story, or an edited basemap.json, rebuilds it instead of reusing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { STORY_DIR } from '../../src/lib/server/geodata';
import { STORY_MAP_FILE, storyMapPath } from '../../src/lib/server/story-map';

const DIR = '.svelte-kit/story-basemap';

export function basemapStamp(part: 'regional' | 'streets') {
	const file = `${DIR}/${part}`;
	const content = `${STORY_DIR}\n${readFileSync(storyMapPath(STORY_MAP_FILE), 'utf8')}`;
	return {
		sameStory: existsSync(file) && readFileSync(file, 'utf8') === content,
		stamp() {
			mkdirSync(DIR, { recursive: true });
			writeFileSync(file, content);
		}
	};
}
