// The dev server's check of a saved story file (vite.config.ts, `storyDevErrors`): the validator's
// problems, read afresh, and how Vite's error overlay shows them over the last good map.
import { formatError, validateStory } from '../data/validate';
import { readStory } from './geodata';
import { StoryMapError, readStoryMap } from './story-map';

/** Every problem of the story in `dir`, as `file > record > field: what is wrong; the fix`; none when valid. */
export function checkStory(dir: string): string[] {
	const { raw, errors } = readStory(dir);
	const result = errors.length ? { ok: false as const, errors } : validateStory(raw);
	const problems = result.ok ? [] : result.errors.map(formatError);
	try {
		readStoryMap(dir);
	} catch (e) {
		if (!(e instanceof StoryMapError)) throw e;
		problems.push(...e.message.split('\n'));
	}
	return problems;
}

/** Vite's error payload (its overlay): what to fix, and that the map shown is the last valid one. */
export function devOverlay(dir: string, problems: string[]) {
	const shown = problems.slice(0, 20);
	return {
		plugin: 'story data',
		id: dir,
		message:
			`The story in ${dir} has ${problems.length} problem(s); the map shows its last valid version.\n` +
			shown.join('\n') +
			(problems.length > shown.length
				? `\n… and ${problems.length - shown.length} more (npm run validate)`
				: '') +
			'\nEach line reads: file > record > field: what is wrong; what is expected. Save the fix: this clears itself.',
		stack: ''
	};
}
