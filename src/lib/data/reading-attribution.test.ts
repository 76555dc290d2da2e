import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory } from '../server/geodata';
import { occurrences, outletNames, readingAttributionProblems } from './reading-attribution';
import type { Reading } from './schema';

const data = loadStory();
// The summary paragraph 9 had before issue 23: it credited Reuters, which the paragraph does not name.
const oldNine = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, 'fixtures/broken/reading-outlet-not-named.json'), 'utf8')
	) as {
		set: [unknown, Reading['steps'][number]['summary']];
	}
).set[1];

describe('reading summaries credit as the claims do', () => {
	it('finds nothing to say about the committed reading', () => {
		expect(readingAttributionProblems(data.reading!, data.claims, data.sources)).toEqual([]);
	});

	it('refuses the old paragraph 9, which credited Reuters as if the article named it', () => {
		const reading = structuredClone(data.reading!);
		reading.steps.find((s) => s.paragraph === 9)!.summary = oldNine;
		const problems = readingAttributionProblems(reading, data.claims, data.sources);
		expect(problems.map((p) => [p.paragraph, p.lang])).toEqual([
			[9, 'fr'],
			[9, 'en']
		]);
		expect(problems[1]!.message).toContain('names "Reuters" as a source');
		expect(problems[1]!.message).toContain('"our research: Reuters"');
	});

	it('accepts an outlet the paragraph names (TASS in paragraph 11), unmarked', () => {
		const eleven = data.reading!.steps.find((s) => s.paragraph === 11)!;
		expect(occurrences(eleven.summary.en, 'TASS', 'en')).toEqual([{ marked: false }]);
		expect(readingAttributionProblems(data.reading!, data.claims, data.sources)).toEqual([]);
	});

	it('reads "our research" as covering the name only up to the end of its aside', () => {
		expect(occurrences('A fire (our research: Reuters).', 'Reuters', 'en')).toEqual([{ marked: true }]);
		expect(occurrences('A fire (our research: TASS). Reuters saw it.', 'Reuters', 'en')).toEqual([
			{ marked: false }
		]);
		expect(occurrences('un feu (nos recherches : des correspondants de Reuters)', 'Reuters', 'fr')).toEqual([
			{ marked: true }
		]);
		// A name inside a longer one is not that outlet: Interfax is not Interfax-Ukraine.
		expect(occurrences('Interfax-Ukraine says so.', 'Interfax', 'en')).toEqual([]);
	});

	it('takes outlet names as readers meet them, without the relay', () => {
		const names = outletNames(data.sources);
		expect(names).toEqual(expect.arrayContaining(['Reuters', 'TASS', 'Xinhua', "People's Daily"]));
		expect(names.some((n) => n.includes('('))).toBe(false);
	});
});
