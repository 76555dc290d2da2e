// `npm run new-story -- tmp-story && STORY=tmp-story npm run build`, as an author starts: the template
// builds as it is, in a copy of the project (story-build.ts), and its pages hold its one claim.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './locators';
import { projectCopy } from './story-build';

test('a new story from the template validates, builds and holds its records', () => {
	test.setTimeout(300_000);
	const copy = projectCopy();
	try {
		const told = copy.run('npm', ['run', '-s', 'new-story', '--', 'tmp-story']);
		expect(told).toContain('Next (AUTHORING.md');
		copy.run('npm', ['run', '-s', 'build'], { STORY: 'tmp-story', BUILD_DIR: 'build-tmp-story' });
		const out = join(copy.root, 'build-tmp-story');
		const page = readFileSync(join(out, 'en', 'claim', 'crowd-gathered.html'), 'utf8');
		expect(page).toContain('A crowd gathered on the square (our words).');
		expect(existsSync(join(out, 'en', 'site', 'main-square.html'))).toBe(true);
		expect(existsSync(join(out, 'basemap', 'streets.pmtiles'))).toBe(false);
		// Refuses to write over a story that exists, and says so.
		expect(() => copy.run('npm', ['run', '-s', 'new-story', '--', 'tmp-story'])).toThrow(/already exists/);
	} finally {
		copy.remove();
	}
});
