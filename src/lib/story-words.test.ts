// Generic code names no story (README, "The next story"): the story's words live in geodata/<story>/.
// The names looked for are read from the story's own data, so this test follows the story it builds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory, STORY_DIR } from './server/geodata';
import { loadStoryMap } from './server/story-map';

/** Words of the first story that the issue (25) names, kept even if the story's data changes. */
const ALWAYS = ['Almaty', 'Kazakhstan', 'akimat', 'Furmanov', 'Nazarbayev', 'Zhanaozen'];

/** The story's place names (every language, with and without their parenthetical detail), its id and name. */
export function storyWords(dir = STORY_DIR): string[] {
	const { story, sites } = loadStory(dir);
	const map = loadStoryMap(dir);
	const names = sites.flatMap((s) => Object.values(s.properties.name) as string[]);
	const words = [
		story.id,
		story.name.fr,
		story.name.en,
		...names,
		...names.map((n) => n.replace(/\s*\(.*\)\s*$/, '')),
		...map.places.include.map((p) => p.name),
		...ALWAYS
	];
	return [...new Set(words.map((w) => w.trim()).filter((w) => w.length >= 4))];
}

/** Code files (not tests, not data) under the given folders. */
function codeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'fixtures' ? [] : codeFiles(path);
		return /\.(ts|js|svelte|css|html)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
	});
}

/** Each word found in the text, case-insensitively. */
export const wordsIn = (text: string, words: string[]) =>
	words.filter((w) => text.toLowerCase().includes(w.toLowerCase()));

describe('no story in the code', () => {
	const words = storyWords();

	it('reads the story’s names from its data', () => {
		const { sites } = loadStory(STORY_DIR);
		for (const s of sites) expect(words).toContain(s.properties.name.en.replace(/\s*\(.*\)\s*$/, ''));
		expect(wordsIn('const where = "AKIMAT";', words)).toContain('akimat');
	});

	it('finds none of them in src/ or scripts/ outside the tests and the data', () => {
		const found = [
			...codeFiles('src'),
			...codeFiles('scripts'),
			'vite.config.ts',
			'svelte.config.js'
		].flatMap((file) => wordsIn(readFileSync(file, 'utf8'), words).map((w) => `${file}: "${w}"`));
		expect(found, 'move these words into geodata/<story>/ (story.json, basemap.json)').toEqual([]);
	});
});
