// Title, description, canonical address and preview image of each prerendered page, so a link
// pasted in a chat, a search engine and a reader without JavaScript all get the item itself.
import { LANGS, langFolder, type Lang } from '$lib/data/langs';
import type { Dataset } from '$lib/data/schema';
import type { Selection } from '$lib/types/view';
import { itemPath } from '$lib/url/view-state';

export interface PageMeta {
	lang: Lang;
	/** Open Graph's name of the language (`og:locale`). */
	locale: string;
	title: string;
	description: string;
	canonical: string;
	/** The same page in each language (`hreflang`); the first language's also stands for any other. */
	alternates: Record<Lang, string>;
	image: string;
	imageAlt: string;
	/** The public root of the site, no trailing slash. */
	siteUrl: string;
	/** The page's oEmbed file (share/oembed.ts). */
	oembed: string;
}

const LOCALE: Record<Lang, string> = { fr: 'fr_FR', en: 'en_GB' };

/** Where the preview card of a page lives, relative to the app's root; its print inset beside it. */
export const ogImagePath = (s: Selection | null, lang: Lang = 'fr') =>
	`/og/${langFolder(lang)}${s ? `${s.kind}/${s.id}` : 'story'}.png`;

/** Where a page's oEmbed file lives, relative to the app's root (`/oembed/en/site/airport.json`). */
export const oembedPath = (s: Selection | null, lang: Lang) =>
	`/oembed/${langFolder(lang)}${s ? `${s.kind}/${s.id}` : 'story'}.json`;

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
	const address = (l: Lang) => `${root}/${langFolder(l)}${s ? itemPath(s).slice(1) : ''}`;
	return {
		lang,
		locale: LOCALE[lang],
		title,
		description,
		canonical: address(lang),
		alternates: Object.fromEntries(LANGS.map((l) => [l, address(l)])) as Record<Lang, string>,
		image: root + ogImagePath(s, lang),
		imageAlt: title,
		siteUrl: root,
		oembed: root + oembedPath(s, lang)
	};
}

/** A page's meta in every language: the page's own is prerendered; the title follows the reader's. */
export const pageMetas = (d: Dataset, s: Selection | null, siteUrl: string) =>
	Object.fromEntries(LANGS.map((l) => [l, pageMeta(d, s, siteUrl, l)])) as Record<Lang, PageMeta>;

/** The language of a page from its route's `[[lang]]` folder (none: the root pages'). */
export const pageLang = (folder: string | undefined): Lang => (folder as Lang | undefined) ?? LANGS[0];

/** Prerender entries for each language's copy of a page. */
export const langEntries = () => LANGS.map((l) => ({ lang: langFolder(l) ? l : undefined }));
