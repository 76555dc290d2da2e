import { describe, expect, it } from 'vitest';
import { loadStory } from '../server/geodata';
import {
	claimsOfParagraph,
	skippedBefore,
	stepBeside,
	stepConcerns,
	stepOf,
	stepParagraphs
} from './reading';

const data = loadStory();
const reading = data.reading!;

describe('guided reading steps', () => {
	it('cover every paragraph but the cross-promotion line, in order', () => {
		expect(stepParagraphs(reading)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13]);
		expect(stepParagraphs(null)).toEqual([]);
	});

	it('step over the left-out paragraph and stop at either end', () => {
		expect(stepBeside(reading, 5, 1)).toBe(7);
		expect(stepBeside(reading, 7, -1)).toBe(5);
		expect(stepBeside(reading, 13, 1)).toBeNull();
		expect(stepBeside(reading, 1, -1)).toBeNull();
		expect(stepBeside(reading, 6, 1)).toBeNull();
	});

	it('tell the step after a left-out paragraph about it, and no other', () => {
		expect(skippedBefore(reading, 7).map((s) => s.paragraph)).toEqual([6]);
		expect(skippedBefore(reading, 5)).toEqual([]);
		expect(skippedBefore(reading, 8)).toEqual([]);
	});

	it('give each step its paragraph’s claims, and none to a paragraph without a step', () => {
		expect(claimsOfParagraph(data.claims, 7).map((c) => c.id)).toEqual([
			'residence-on-fire',
			'akimat-on-fire'
		]);
		expect(claimsOfParagraph(data.claims, 6)).toEqual([]);
		for (const n of stepParagraphs(reading))
			expect(claimsOfParagraph(data.claims, n).length).toBeGreaterThan(0);
	});

	it('show a step’s places and its claims’ incidents, once each', () => {
		expect(stepConcerns(stepOf(reading, 2)!, data.claims)).toEqual({
			sites: ['almaty'],
			incidents: ['rioters-killed', 'security-forces-killed']
		});
	});

	it('show country-wide paragraphs as the country, never as a point in it', () => {
		for (const step of reading.steps.filter((s) => s.countryWide))
			expect(step.places).toContain('kazakhstan');
		expect(stepOf(reading, 8)).toMatchObject({ countryWide: false, places: ['airport'] });
	});
});
