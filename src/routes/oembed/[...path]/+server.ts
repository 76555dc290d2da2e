// One oEmbed file per prerendered page (share/oembed.ts): `/oembed/story.json`,
// `/oembed/en/site/airport.json`, written at build like the pages they describe.
import { error, json } from '@sveltejs/kit';
import { env } from 'node:process';
import { LANGS } from '$lib/data/langs';
import { loadStory } from '$lib/server/geodata';
import { MESSAGES } from '$lib/server/messages';
import { oembed } from '$lib/share/oembed';
import { DEFAULT_SITE_URL, oembedPath } from '$lib/share/page-meta';
import type { Selection } from '$lib/types/view';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** Every page that has an oEmbed file, by its path under /oembed/. */
function pages() {
	const d = loadStory();
	// ITEM_PAGES=0: no item pages (see the item route), so no oEmbed for them either.
	const items: Selection[] =
		env.ITEM_PAGES === '0'
			? []
			: [
					...d.sites.map((s) => ({ kind: 'site' as const, id: s.properties.id })),
					...d.incidents.map((i) => ({ kind: 'incident' as const, id: i.properties.id })),
					...d.claims.map((c) => ({ kind: 'claim' as const, id: c.id }))
				];
	return new Map(
		LANGS.flatMap((lang) =>
			[null, ...items].map((s) => [oembedPath(s, lang).slice('/oembed/'.length), { s, lang }] as const)
		)
	);
}

export const entries: EntryGenerator = () => [...pages().keys()].map((path) => ({ path }));

export const GET: RequestHandler = ({ params }) => {
	const page = pages().get(params.path);
	if (!page) error(404, `No oEmbed file "${params.path}"`);
	return json(
		oembed(
			loadStory(),
			page.s,
			env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL,
			page.lang,
			MESSAGES[page.lang].appName
		)
	);
};
