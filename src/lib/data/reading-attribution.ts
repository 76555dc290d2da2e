// Does each guided-reading summary credit what it reports as the paragraph's claims do? An outlet
// the paragraph does not name (found by our research) appears in a summary only after "our
// research", as in the claims' own attribution. Pure: the validator and its tests call it.
import { LANGS, type Lang } from './langs';
import type { Claim, Reading, Source } from './schema';

/** How our texts say a name comes from our research, not from the article. */
export const RESEARCH_MARKERS: Record<Lang, readonly string[]> = {
	fr: ['nos recherches', 'notre recherche'],
	en: ['our research']
};

/** Where a research aside ends: its closing bracket or the end of its clause. */
const ASIDE_END = /[).;—]/;

/**
 * Outlet names as readers meet them: the published name without its relay
 * ("Reuters (via Daily Mail wires)" is Reuters), each of a pair ("People's Daily / Xinhua").
 */
export function outletNames(sources: readonly Pick<Source, 'outlet'>[]): string[] {
	const names = new Set<string>();
	for (const s of sources) {
		if (typeof s.outlet !== 'string') continue;
		for (const part of s.outlet.split(' (')[0]!.split(' / '))
			if (part.trim().length >= 3) names.add(part.trim());
	}
	return [...names];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a name occurs in a text, each occurrence marked when it follows "our research" in its aside. */
export function occurrences(text: string, name: string, lang: Lang): { marked: boolean }[] {
	const found: { marked: boolean }[] = [];
	const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escape(name)}(?![\\p{L}\\p{N}-])`, 'gu');
	const lower = text.toLowerCase();
	for (const m of text.matchAll(re)) {
		const before = lower.slice(0, m.index);
		const marker = Math.max(...RESEARCH_MARKERS[lang].map((k) => before.lastIndexOf(k)));
		found.push({ marked: marker !== -1 && !ASIDE_END.test(before.slice(marker)) });
	}
	return found;
}

export interface AttributionProblem {
	paragraph: number;
	lang: Lang;
	message: string;
}

/**
 * The summaries that name an outlet as a speaker where the paragraph's claims do not: an outlet
 * may appear unmarked only if a claim of that paragraph names it unmarked in its attribution.
 */
export function readingAttributionProblems(
	reading: Reading,
	claims: readonly Pick<Claim, 'paragraph' | 'attribution'>[],
	sources: readonly Pick<Source, 'outlet'>[]
): AttributionProblem[] {
	const names = outletNames(sources);
	const problems: AttributionProblem[] = [];
	for (const step of reading.steps) {
		const own = claims.filter((c) => c.paragraph === step.paragraph);
		for (const lang of LANGS) {
			const credits = own.map((c) => `${c.attribution.who[lang]} ${c.attribution.via?.[lang] ?? ''}`);
			for (const name of names) {
				if (!occurrences(step.summary[lang], name, lang).some((o) => !o.marked)) continue;
				const namedByClaims = credits.some((t) => occurrences(t, name, lang).some((o) => !o.marked));
				if (namedByClaims) continue;
				problems.push({
					paragraph: step.paragraph,
					lang,
					message: `names "${name}" as a source, but no claim of paragraph ${step.paragraph} credits it as the article's own (their attribution says "${own.map((c) => c.attribution.who[lang]).join('" / "') || 'nothing'}"); mark it as ours, "${RESEARCH_MARKERS[lang][0]}${lang === 'fr' ? ' : ' : ': '}${name}", or name the speaker the paragraph names`
				});
			}
		}
	}
	return problems;
}
