// `npm run validate [-- <story folder>]`: checks a story's data (by default the one the build uses,
// STORY or STORY_DIR); exits 1 with one line per problem.
import { formatError, validateStory } from '../src/lib/data/validate';
import { STORY_DIR, readStory } from '../src/lib/server/geodata';
import { StoryMapError, loadStoryMap } from '../src/lib/server/story-map';

const dir = process.argv[2] ?? STORY_DIR;
const { raw, errors } = readStory(dir);
const result = errors.length ? { ok: false as const, errors } : validateStory(raw);
if (!result.ok) {
	console.error(`✗ ${dir}: ${result.errors.length} problem(s)`);
	for (const e of result.errors) console.error('  ' + formatError(e));
	console.error(
		'Each line reads: file > record id > field: what is wrong; what is expected. See geodata/README.md.'
	);
	process.exit(1);
}
try {
	loadStoryMap(dir);
} catch (e) {
	if (!(e instanceof StoryMapError)) throw e;
	console.error(`✗ ${dir}: its map\n  ${e.message.replaceAll('\n', '\n  ')}`);
	process.exit(1);
}
const d = result.dataset;
console.log(
	`✓ ${dir}: ${d.sites.length} sites, ${d.incidents.length} incidents, ${d.claims.length} claims, ${d.sources.length} sources`
);
