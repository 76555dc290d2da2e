// A second story, made up for the tests (geodata/test-island/), read by the code that
// reads Almaty's: what is particular to a story (name, time zone, reference place) follows its story.json.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimReviews } from '$lib/export/claim-review';
import { toCSV } from '$lib/export/exports';
import { formatWhen } from '$lib/i18n/format';
import { referenceNote } from '$lib/i18n/format';
import { DEFAULT_STORY_DIR, loadStory, storyDir } from './geodata';
import { incidentData } from './map-data';
import { indexWithFacts } from './story-facts';

const DIR = 'geodata/test-island';
const index = indexWithFacts(loadStory(DIR));
const { story } = index.data;
const blackout = index.incident.get('harbour-blackout')!.properties;

describe('which story is built', () => {
	it('is almaty-2022 unless STORY names another folder under geodata/', () => {
		expect(storyDir({})).toBe(DEFAULT_STORY_DIR);
		expect(storyDir({ STORY: 'test-story' })).toBe(join('geodata', 'test-story'));
	});
	it('is the path STORY_DIR gives, for data kept elsewhere', () => {
		expect(storyDir({ STORY: 'almaty-2022', STORY_DIR: DIR })).toBe(DIR);
	});
	it('refuses a STORY that is not a folder name, and says what to set instead', () => {
		expect(() => storyDir({ STORY: '../secrets' })).toThrow(
			'STORY is "../secrets"; expected the name of a folder under geodata/, such as "almaty-2022" (for data elsewhere, set STORY_DIR to its path)'
		);
	});
	// A child process starts tsx: slow on a loaded machine, hence the room it gets.
	it('is the one `npm run validate` checks', { timeout: 30_000 }, () => {
		const out = execFileSync('node_modules/.bin/tsx', ['scripts/validate.ts'], {
			env: { ...process.env, STORY_DIR: DIR },
			encoding: 'utf8'
		});
		expect(out).toContain(`✓ ${DIR}: 2 sites, 2 incidents, 2 claims, 2 sources`);
	});
});

describe('a second story', () => {
	it('passes the validator with its two places, incidents and claims', () => {
		expect(index.data.sites.map((s) => s.properties.id)).toEqual(['test-harbour', 'test-town-hall']);
		expect(index.data.incidents).toHaveLength(2);
		expect(index.data.claims).toHaveLength(2);
	});

	it('measures distances from its own reference place', () => {
		expect(story.reference.site).toBe('test-harbour');
		expect(index.kmFromReference('test-harbour')).toBe(0);
		// 0.1° of latitude south of the harbour.
		expect(index.kmFromReference('test-town-hall')).toBeCloseTo(11.1, 1);
		expect(referenceNote(story.reference, 'test-town-hall', '11', 'en')).toBe(
			'11 km from Test Island harbour'
		);
		expect(referenceNote(story.reference, 'test-harbour', '0', 'fr')).toBe('C’est le port de l’Île-Témoin');
	});

	it('reads its days at its own UTC offset', () => {
		expect(story.timeZone).toEqual({ name: 'Atlantic/South_Georgia', utcOffset: '-02:00' });
		// Local midnight at -02:00 is 02:00 UTC.
		expect(index.clock.dayStart('2019-03-11')).toBe(Date.UTC(2019, 2, 11, 2));
		// 23:30 on the 11th, island time, is the 12th in UTC (and in Almaty): it stays on the 11th.
		expect(index.clock.overlaps(blackout.when, { from: '2019-03-11', to: '2019-03-11' })).toBe(true);
		expect(index.clock.overlaps(blackout.when, { from: '2019-03-12', to: '2019-03-12' })).toBe(false);
		expect(index.facts.counts.perDay.outages).toEqual([0, 1, 0, 0]);
	});

	it('orders its incidents in its own time', () => {
		expect(index.chronological.map((i) => i.properties.id)).toEqual(['town-hall-fire', 'harbour-blackout']);
	});

	it('gives the map its incidents’ times in its own time', () => {
		const fire = incidentData(index).features.find((f) => f.properties.id === 'town-hall-fire')!;
		// The evening, 18:00 to midnight at -02:00.
		expect([fire.properties.t0, fire.properties.t1]).toEqual([
			Date.UTC(2019, 2, 10, 20),
			Date.UTC(2019, 2, 11, 2)
		]);
	});

	it('dates a late-evening time on its local day', () => {
		expect(formatWhen(blackout.when, 'en', {})).toBe('11 March 2019');
		expect(formatWhen(blackout.when, 'fr', {})).toBe('11 mars 2019');
	});

	it('publishes its claim reviews under its own name', () => {
		const reviews = claimReviews(index.data, 'https://example.org', 'en') as {
			author: { name: string };
		}[];
		expect(reviews.map((r) => r.author.name)).toEqual([
			'Test Island claims map (test fixture)',
			'Test Island claims map (test fixture)'
		]);
	});

	it('exports its claims as CSV with its own dates', () => {
		const csv = toCSV(index, { incidents: [], claims: index.data.claims });
		expect(csv).toContain('2019-03-11T23:30-02:00');
	});
});
