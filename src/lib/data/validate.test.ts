import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORY_DIR, readStory } from '../server/geodata';
import { STORY_FILES, formatError, validateStory, type RawStory, type StoryPart } from './validate';

const FIXTURES = join(import.meta.dirname, 'fixtures/broken');

interface BrokenFixture {
	why: string;
	part: StoryPart;
	/** [path into the part's JSON, value to put there] */
	set: [(string | number)[], unknown];
	expect: string;
}

function realData(): RawStory {
	const { raw, errors } = readStory(DEFAULT_STORY_DIR);
	expect(errors).toEqual([]);
	return structuredClone(raw);
}

function breakData(raw: RawStory, f: BrokenFixture): RawStory {
	const [path, value] = f.set;
	let node = raw[f.part] as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	const last = path[path.length - 1]!;
	if (value === null) delete node[last];
	else node[last] = value;
	return raw;
}

describe('validateStory', () => {
	it('accepts the story data as committed', () => {
		const result = validateStory(realData());
		if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
		expect(result.dataset.sites.map((s) => s.properties.id)).toEqual(
			expect.arrayContaining(['airport', 'republic-square', 'presidential-residence', 'akimat'])
		);
		expect(result.dataset.claims.length).toBeGreaterThanOrEqual(20);
		expect(result.dataset.claims.length).toBeLessThanOrEqual(30);
	});

	const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
	it('has broken fixtures to check', () => expect(fixtures.length).toBeGreaterThan(10));

	for (const file of fixtures) {
		const f = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as BrokenFixture;
		it(`rejects ${f.why} (${file})`, () => {
			const result = validateStory(breakData(realData(), f));
			expect(result.ok).toBe(false);
			const lines = result.ok ? [] : result.errors.map(formatError);
			expect(
				lines.some((l) => l.startsWith(f.expect)),
				`expected a line starting with:\n${f.expect}\ngot:\n${lines.join('\n')}`
			).toBe(true);
		});
	}

	it('reports malformed JSON and missing files without throwing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'story-'));
		writeFileSync(join(dir, STORY_FILES.story), '{ "id": ');
		const { errors } = readStory(dir);
		const lines = errors.map(formatError);
		expect(lines).toContain(
			`${STORY_FILES.sites} > (file) > (file): cannot be read in ${dir}; expected the file to exist`
		);
		expect(lines.find((l) => l.startsWith('story.json > (file) > (file): is not valid JSON'))).toBeTruthy();
	});
});

describe('npm run validate', () => {
	it('exits 1 and prints file > record > field lines for a broken folder', () => {
		const dir = mkdtempSync(join(tmpdir(), 'story-'));
		const raw = breakData(
			realData(),
			JSON.parse(readFileSync(join(FIXTURES, 'swapped-lonlat.json'), 'utf8'))
		);
		for (const [part, file] of Object.entries(STORY_FILES))
			writeFileSync(join(dir, file), JSON.stringify(raw[part as StoryPart]));
		let out = '';
		let code = 0;
		try {
			execFileSync('node_modules/.bin/tsx', ['scripts/validate.ts', dir], {
				encoding: 'utf8',
				stdio: 'pipe'
			});
		} catch (e) {
			const err = e as { status: number; stderr: string };
			code = err.status;
			out = err.stderr;
		}
		expect(code).toBe(1);
		expect(out).toContain(
			'sites.geojson > airport > geometry.coordinates: [43.3521, 77.0405] looks like [lat, lon]'
		);
	});
});
