// Reads a story folder from disk and validates it. Used at prerender time and by `npm run validate`,
// so the app and the validator can never disagree about what valid data is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	OPTIONAL_PARTS,
	STORY_FILES,
	formatError,
	validateStory,
	type DataError,
	type RawStory,
	type StoryPart
} from '../data/validate';
import type { Dataset } from '../data/schema';

/** The story built when none is named: its folder under geodata/, named in geodata/stories.json. */
export const DEFAULT_STORY = (
	JSON.parse(readFileSync(join('geodata', 'stories.json'), 'utf8')) as { default: string }
).default;
export const DEFAULT_STORY_DIR = join('geodata', DEFAULT_STORY);

/**
 * The folder of the story to build: STORY names a folder under geodata/ (README, "Which story");
 * STORY_DIR, a path, wins over it for data kept elsewhere (test fixtures, the benchmarks' stories).
 */
export function storyDir(env: { STORY?: string; STORY_DIR?: string } = process.env): string {
	if (env.STORY_DIR) return env.STORY_DIR;
	const name = env.STORY || DEFAULT_STORY;
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name))
		throw new Error(
			`STORY is "${name}"; expected the name of a folder under geodata/, such as "${DEFAULT_STORY}" (for data elsewhere, set STORY_DIR to its path)`
		);
	return join('geodata', name);
}

/** The story the app is built from. */
export const STORY_DIR = storyDir();

/** Reads every file of a story; unreadable or malformed JSON becomes a DataError, not a crash. */
export function readStory(dir: string): { raw: RawStory; errors: DataError[] } {
	const raw = {} as RawStory;
	const errors: DataError[] = [];
	for (const [part, file] of Object.entries(STORY_FILES) as [StoryPart, string][]) {
		let text: string;
		try {
			text = readFileSync(join(dir, file), 'utf8');
		} catch {
			if (OPTIONAL_PARTS.includes(part)) {
				raw[part] = null;
				continue;
			}
			errors.push({
				file,
				record: '(file)',
				field: '(file)',
				message: `cannot be read in ${dir}; expected the file to exist`
			});
			continue;
		}
		if (text.charCodeAt(0) === 0xfeff) {
			// JSON.parse rejects it with "Unexpected token", which points at nothing one can see.
			errors.push({
				file,
				record: '(file)',
				field: '(file)',
				message:
					'starts with a byte-order mark (U+FEFF, an invisible character some editors write first); save it as UTF-8 without BOM'
			});
			continue;
		}
		try {
			raw[part] = JSON.parse(text);
		} catch (e) {
			errors.push({
				file,
				record: '(file)',
				field: '(file)',
				message: `is not valid JSON (${(e as Error).message}); fix the syntax`
			});
		}
	}
	return { raw, errors };
}

export class InvalidStoryError extends Error {
	constructor(readonly errors: DataError[]) {
		super(`The story data is invalid (${errors.length} problem(s)):\n` + errors.map(formatError).join('\n'));
	}
}

const cache = new Map<string, Dataset>();

/** Validated once per build: every prerendered page asks for the same story. */
export function loadStory(dir = STORY_DIR): Dataset {
	const hit = cache.get(dir);
	if (hit) return hit;
	const { raw, errors } = readStory(dir);
	if (errors.length) throw new InvalidStoryError(errors);
	const result = validateStory(raw);
	if (!result.ok) throw new InvalidStoryError(result.errors);
	cache.set(dir, result.dataset);
	return result.dataset;
}
