// `npm run archive-sources [-- <story folder>]`: for a deployer with a connection. Fetches every
// source's page, keeps a gzipped copy in archive/ (git-ignored, never served) and records its day,
// SHA-256 and size in the story's sources.json. Exits 2 when some source failed (its record is kept).
import { join } from 'node:path';
import { ArchiveError, archiveSources, report } from './lib/archive-sources';
import { STORY_DIR } from '../src/lib/server/geodata';

const dir = process.argv[2] ?? STORY_DIR;
try {
	const outcomes = await archiveSources({
		sourcesFile: join(dir, 'sources.json'),
		archiveDir: 'archive',
		day: new Date().toISOString().slice(0, 10)
	});
	const { lines, failed } = report(outcomes);
	for (const line of lines) console.log(line);
	if (failed) process.exit(2);
} catch (e) {
	if (!(e instanceof ArchiveError)) throw e;
	console.error(`✗ ${e.message}`);
	process.exit(1);
}
