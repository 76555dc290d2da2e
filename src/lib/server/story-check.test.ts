import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStory, devOverlay } from './story-check';

const dir = mkdtempSync(join(tmpdir(), 'story-check-'));
cpSync('geodata/test-island', dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dev server’s check of a saved story', () => {
	it('finds nothing in a valid story', () => {
		expect(checkStory(dir)).toEqual([]);
	});

	it('says which file, record and field is wrong, and the fix, over the last good map', () => {
		const file = join(dir, 'claims.json');
		const good = readFileSync(file, 'utf8');
		writeFileSync(file, good.replace('"status": "attributed"', '"status": "atributed"'));
		try {
			const problems = checkStory(dir);
			expect(problems).toEqual([
				'claims.json > harbour-went-dark > status: is the text "atributed"; expected one of "confirmed", "attributed", "unverified", "disputed"'
			]);
			const overlay = devOverlay('geodata/test-island', problems);
			expect(overlay.message).toContain('the map shows its last valid version');
			expect(overlay.message).toContain(problems[0]);
			expect(overlay.plugin).toBe('story data');
		} finally {
			writeFileSync(file, good);
		}
		expect(checkStory(dir)).toEqual([]);
	});

	it('reads the story’s map too, naming the field', () => {
		const file = join(dir, 'basemap.json');
		const good = readFileSync(file, 'utf8');
		writeFileSync(file, good.replace('"region": [-34, -38, -28, -32]', '"region": [-28, -38, -34, -32]'));
		try {
			expect(checkStory(dir)).toEqual([
				`${join(dir, 'basemap.json')} > region: expected [west, south, east, north] with west < east and south < north; see AUTHORING.md, "The map"`
			]);
		} finally {
			writeFileSync(file, good);
		}
	});

	it('shows at most twenty problems, and says how many more', () => {
		const many = Array.from({ length: 25 }, (_, i) => `claims.json > c${i} > status: wrong`);
		expect(devOverlay('x', many).message).toContain('… and 5 more (npm run validate)');
	});
});
