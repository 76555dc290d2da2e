import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORY_DIR, readStory } from '../server/geodata';
import {
	STORY_FILES,
	formatError,
	validateStory,
	type RawStory,
	type StoryPart,
	type ValidationResult
} from './validate';

const FIXTURES = join(import.meta.dirname, 'fixtures/broken');

interface BrokenFixture {
	why: string;
	part: StoryPart;
	/** [path into the part's JSON, value to put there] */
	set?: [(string | number)[], unknown];
	/** The value is a text repeated this many times (too long to keep in a fixture). */
	repeat?: number;
	/** Text written before the part's file on disk, where only the file reader sees it. */
	prefix?: string;
	expect: string;
}

function realData(): RawStory {
	const { raw, errors } = readStory(DEFAULT_STORY_DIR);
	expect(errors).toEqual([]);
	return structuredClone(raw);
}

const errorLines = (r: ValidationResult) => (r.ok ? [] : r.errors.map(formatError));

function breakData(raw: RawStory, f: BrokenFixture): RawStory {
	if (!f.set) return raw;
	const [path, set] = f.set;
	const value = f.repeat ? (set as string).repeat(f.repeat) : set;
	let node = raw[f.part] as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	const last = path[path.length - 1]!;
	if (value === null) delete node[last];
	else node[last] = value;
	return raw;
}

/** Writes a story folder, each file's JSON after its prefix if it has one. */
function writeStory(raw: RawStory, prefix: Partial<Record<StoryPart, string>> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'story-'));
	for (const [part, file] of Object.entries(STORY_FILES) as [StoryPart, string][])
		writeFileSync(join(dir, file), (prefix[part] ?? '') + JSON.stringify(raw[part]));
	return dir;
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
			const raw = breakData(realData(), f);
			let result: ValidationResult;
			if (f.prefix === undefined) result = validateStory(raw);
			else {
				const { errors } = readStory(writeStory(raw, { [f.part]: f.prefix }));
				result = errors.length ? { ok: false, errors } : validateStory(raw);
			}
			expect(result.ok).toBe(false);
			const lines = result.ok ? [] : result.errors.map(formatError);
			expect(
				lines.some((l) => l.startsWith(f.expect)),
				`expected a line starting with:\n${f.expect}\ngot:\n${lines.join('\n')}`
			).toBe(true);
		});
	}

	it('says what a wrong type is and what is expected, not that it is missing', () => {
		const cases: [StoryPart, (string | number)[], unknown, string][] = [
			[
				'sites',
				['features', 0, 'properties', 'key'],
				'yes',
				'sites.geojson > airport > key: is the text "yes"; expected true or false'
			],
			[
				'story',
				['layers'],
				'fires',
				'story.json > almaty-2022 > layers: is the text "fires"; expected a list'
			],
			[
				'claims',
				[0, 'text'],
				['a'],
				'claims.json > elite-troops-sent > text: is a list of 1 item; expected an object'
			],
			[
				'claims',
				[0, 'paragraph'],
				2.5,
				'claims.json > elite-troops-sent > paragraph: is the number 2.5; expected a whole number'
			],
			[
				'claims',
				[0, 'status'],
				'maybe',
				'claims.json > elite-troops-sent > status: is the text "maybe"; expected one of "confirmed", "attributed", "unverified", "disputed"'
			],
			[
				'sources',
				[1, 'outlet'],
				5,
				'sources.json > reuters-2022-01-06-russia-sends-troops > outlet: is the number 5; expected a text or an object'
			],
			[
				'sources',
				[1, 'outlet'],
				{ fr: 'x', en: 1 },
				'sources.json > reuters-2022-01-06-russia-sends-troops > outlet.en: is the number 1; expected a text'
			],
			[
				'sites',
				['features', 0, 'geometry', 'type'],
				'Line',
				'sites.geojson > airport > geometry.type: is the text "Line"; expected one of "Point", "Polygon", "MultiPolygon"'
			]
		];
		for (const [part, path, value, line] of cases) {
			const result = validateStory(
				breakData(realData(), { why: '', part, set: [path, value], expect: line })
			);
			expect(result.ok ? [] : result.errors.map(formatError)).toContain(line);
		}
		const result = validateStory(
			breakData(realData(), { why: '', part: 'claims', set: [[0, 'status'], null], expect: '' })
		);
		expect(result.ok ? [] : result.errors.map(formatError)).toContain(
			'claims.json > elite-troops-sent > status: is missing; expected one of "confirmed", "attributed", "unverified", "disputed"'
		);
	});

	it('calls an infinite coordinate not a finite number, not "the number Infinity"', () => {
		const raw = realData();
		const site = (raw.sites as { features: { geometry: { coordinates: number[] } }[] }).features[0]!;
		site.geometry.coordinates = [Infinity, 43.35];
		const lines = errorLines(validateStory(raw));
		expect(lines).toContain(
			'sites.geojson > airport > geometry.coordinates.0: is not a finite number (Infinity); expected a number such as 43.2389'
		);
	});

	it('refuses two entries of one day whose times run backwards', () => {
		const raw = realData();
		const history = (raw.claims as { id: string; statusHistory: { date: string }[] }[]).find(
			(c) => c.id === 'security-forces-13-dead'
		)!.statusHistory;
		history[0]!.date = '2022-01-06T18:00+06:00';
		history[1]!.date = '2022-01-06T09:30+06:00';
		const lines = errorLines(validateStory(raw));
		expect(lines).toContain(
			'claims.json > security-forces-13-dead > statusHistory.1.date: 2022-01-06T09:30+06:00 is earlier than the previous entry (2022-01-06T18:00+06:00) on the same day; list the history oldest first'
		);
		// In order, the same two times pass.
		history[1]!.date = '2022-01-06T19:30+06:00';
		expect(errorLines(validateStory(raw))).toEqual([]);
	});

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

	it('accepts a story without reading.json: it has no guided reading', () => {
		const dir = writeStory(realData());
		rmSync(join(dir, STORY_FILES.reading));
		const { raw, errors } = readStory(dir);
		expect(errors).toEqual([]);
		const result = validateStory(raw);
		expect(result.ok && result.dataset.reading).toBe(null);
	});
});

describe('npm run validate', () => {
	it('exits 1 and prints file > record > field lines for a broken folder', () => {
		const dir = writeStory(
			breakData(realData(), JSON.parse(readFileSync(join(FIXTURES, 'swapped-lonlat.json'), 'utf8')))
		);
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
