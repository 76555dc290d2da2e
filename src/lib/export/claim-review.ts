// schema.org ClaimReview (https://schema.org/ClaimReview) for each claim: embedded as JSON-LD in the
// prerendered pages (hooks.server.ts) and downloadable (ExportBar), apart from the file exports so
// neither needs papaparse.
import type { Dataset, Lang, Status } from '$lib/data/schema';

const RATING: Record<Status, number> = { disputed: 1, unverified: 2, attributed: 3, confirmed: 4 };

export function claimReviews(
	{ story, claims }: Pick<Dataset, 'story' | 'claims'>,
	siteUrl: string,
	lang: Lang,
	only?: string
): object[] {
	const root = siteUrl.replace(/\/+$/, '');
	const version = story.version.slice(0, 10);
	return claims
		.filter((c) => !only || c.id === only)
		.map((c) => {
			// The rating is the history's latest entry; the validator keeps it equal to `status`.
			const latest = c.statusHistory.at(-1)!;
			const modified = latest.date;
			return {
				'@context': 'https://schema.org',
				'@type': 'ClaimReview',
				url: `${root}/claim/${c.id}`,
				datePublished: version,
				// When new evidence last set the rating: the latest entry's date, left out when not established.
				...(modified ? { dateModified: modified.slice(0, 10) } : {}),
				inLanguage: lang,
				author: { '@type': 'Organization', name: story.reviewer, url: `${root}/` },
				claimReviewed: c.text[lang],
				reviewBody: c.statusNote?.[lang] ?? undefined,
				reviewRating: {
					'@type': 'Rating',
					ratingValue: RATING[latest.status],
					bestRating: 4,
					worstRating: 1,
					alternateName: latest.status
				},
				itemReviewed: {
					'@type': 'Claim',
					author: {
						'@type': c.attribution.kind === 'social-media' ? 'Thing' : 'Organization',
						name: c.attribution.who[lang]
					},
					datePublished: c.date.start.slice(0, 10),
					appearance: {
						'@type': 'NewsArticle',
						inLanguage: story.article.language,
						datePublished: story.article.approximateDate,
						...(story.article.url ? { url: story.article.url } : {}),
						// The outlet is not known; we say so rather than guess.
						publisher: { '@type': 'Organization', name: story.article.outlet ?? 'unknown' }
					}
				}
			};
		});
}
