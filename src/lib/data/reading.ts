// The guided reading's steps over a validated story: which paragraphs have one, their order, and
// what each concerns (its places, and its claims' incidents). Pure: no state, no map.
import type { Claim, Reading, ReadingStep } from './schema';

/** The paragraphs that have a step, in the article's order (none without a guided reading). */
export function stepParagraphs(reading: Reading | null): number[] {
	return reading ? reading.steps.map((s) => s.paragraph) : [];
}

export function stepOf(reading: Reading | null, paragraph: number | null): ReadingStep | null {
	return reading?.steps.find((s) => s.paragraph === paragraph) ?? null;
}

/** The step `delta` steps away from a paragraph's, or null past either end. */
export function stepBeside(reading: Reading | null, paragraph: number, delta: 1 | -1): number | null {
	const list = stepParagraphs(reading);
	const i = list.indexOf(paragraph);
	return i === -1 ? null : (list[i + delta] ?? null);
}

/** The paragraphs left out just before a step (the reader is told, on the step after them). */
export function skippedBefore(reading: Reading | null, paragraph: number): Reading['skipped'] {
	const previous = stepBeside(reading, paragraph, -1) ?? 0;
	return reading?.skipped.filter((s) => s.paragraph > previous && s.paragraph < paragraph) ?? [];
}

/** A paragraph's claims, in the article's order. */
export function claimsOfParagraph<C extends Pick<Claim, 'paragraph'>>(
	claims: readonly C[],
	paragraph: number
): C[] {
	return claims.filter((c) => c.paragraph === paragraph);
}

/** What the map shows for a step: its places, and the incidents its claims report. */
export function stepConcerns(
	step: ReadingStep,
	claims: readonly Pick<Claim, 'paragraph' | 'incidents'>[]
): { sites: readonly string[]; incidents: readonly string[] } {
	const incidents = new Set(claimsOfParagraph(claims, step.paragraph).flatMap((c) => c.incidents));
	return { sites: step.places, incidents: [...incidents] };
}
