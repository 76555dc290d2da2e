// oEmbed (https://oembed.com/): each prerendered page (the story, each item, in each language)
// announces a JSON file written at build (`<link rel="alternate" type="application/json+oembed">`),
// so a CMS that reads oEmbed turns a pasted link into the embed: an iframe of the same view and the
// script that sizes it (embed-frame.ts).
import { langFolder, type Lang } from '$lib/data/langs';
import type { Dataset } from '$lib/data/schema';
import type { Selection } from '$lib/types/view';
import { embedSnippet, FIRST_HEIGHT } from './embed-frame';
import { ogImagePath, pageMeta } from './page-meta';

/** The width the embed is laid out for at its widest; it fills any narrower column. */
const WIDTH = 680;

/** The embedded view of a page: its language's story page with the item selected, `embed=1`. */
export function embedAddress(s: Selection | null, siteUrl: string, lang: Lang): string {
	const url = new URL(`${siteUrl.replace(/\/+$/, '')}/${langFolder(lang)}`);
	// The root pages switch to a reader's own language unless told: a French host page keeps French.
	if (!langFolder(lang)) url.searchParams.set('lang', lang);
	if (s) url.searchParams.set(s.kind, s.id);
	url.searchParams.set('embed', '1');
	return url.href;
}

/** A page's oEmbed response, type `rich`. */
/** `providerName`: the app's name in `lang` (the server's words: share/ loads no language itself). */
export function oembed(d: Dataset, s: Selection | null, siteUrl: string, lang: Lang, providerName: string) {
	const meta = pageMeta(d, s, siteUrl, lang);
	return {
		version: '1.0',
		type: 'rich',
		title: meta.title,
		provider_name: providerName,
		provider_url: `${meta.siteUrl}/${langFolder(lang)}`,
		html: embedSnippet(embedAddress(s, siteUrl, lang), meta.title),
		width: WIDTH,
		height: FIRST_HEIGHT,
		thumbnail_url: meta.siteUrl + ogImagePath(s, lang),
		thumbnail_width: 1200,
		thumbnail_height: 630
	};
}
