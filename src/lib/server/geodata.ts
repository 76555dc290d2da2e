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

export const DEFAULT_STORY_DIR = 'geodata/almaty-2022';
/** The story the app is built from: STORY_DIR lets the benchmarks build it from synthetic data. */
export const STORY_DIR = process.env.STORY_DIR || DEFAULT_STORY_DIR;

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
