// Title, description, canonical address and preview image of each prerendered page, so a link
// pasted in a chat, a search engine and a reader without JavaScript all get the item itself.
import type { Dataset, Lang } from '$lib/data/schema';
import { itemPath, type Selection } from '$lib/url/view-state';

export interface PageMeta {
	lang: Lang;
	title: string;
	description: string;
	canonical: string;
	image: string;
	imageAlt: string;
	/** The public root of the site, no trailing slash. */
	siteUrl: string;
}

/** Where the preview card of a page lives, relative to the app's root. */
export const ogImagePath = (s: Selection | null) => (s ? `/og/${s.kind}/${s.id}.png` : '/og/story.png');

/** Default for local use; deployments set PUBLIC_SITE_URL to their public address. */
export const DEFAULT_SITE_URL = 'http://localhost:4173';

export function pageMeta(d: Dataset, s: Selection | null, siteUrl: string, lang: Lang = 'fr'): PageMeta {
	const root = siteUrl.replace(/\/+$/, '');
	const story = d.story;
	let title = story.title[lang];
	let description = story.summary[lang].replace('\n', ' ');
	if (s?.kind === 'site') {
		const p = d.sites.find((x) => x.properties.id === s.id)!.properties;
		title = `${p.name[lang]} — ${story.title[lang]}`;
		description = p.description[lang];
	} else if (s?.kind === 'incident') {
		const p = d.incidents.find((x) => x.properties.id === s.id)!.properties;
		title = `${p.title[lang]} — ${story.title[lang]}`;
		description = p.description[lang];
	} else if (s?.kind === 'claim') {
		const c = d.claims.find((x) => x.id === s.id)!;
		title = `${c.text[lang]} — ${story.title[lang]}`;
		description = `${c.attribution.who[lang]}. ${c.statusNote?.[lang] ?? ''}`.trim();
	}
	return {
		lang,
		title,
		description,
		canonical: root + (s ? itemPath(s) : '/'),
		image: root + ogImagePath(s),
		imageAlt: title,
		siteUrl: root
	};
}
