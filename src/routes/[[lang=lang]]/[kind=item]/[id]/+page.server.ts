// One prerendered page per site, incident and claim in each language (`/site/airport`,
// `/en/site/airport`), with its own preview card.
import { error } from '@sveltejs/kit';
import { env } from 'node:process';
import { indexOnce } from '$lib/server/story-facts';
import { coreOf } from '$lib/data/story-incidents';
import { loadStory } from '$lib/server/geodata';
import { DEFAULT_SITE_URL, langEntries, pageLang, pageMetas } from '$lib/share/page-meta';
import type { Selection, SelectionKind } from '$lib/types/view';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => {
	// ITEM_PAGES=0: no page per item (synthetic benchmark stories have thousands).
	if (env.ITEM_PAGES === '0') return [];
	const d = loadStory();
	return langEntries().flatMap(({ lang }) => [
		...d.sites.map((s) => ({ lang, kind: 'site', id: s.properties.id })),
		...d.incidents.map((i) => ({ lang, kind: 'incident', id: i.properties.id })),
		...d.claims.map((c) => ({ lang, kind: 'claim', id: c.id }))
	]);
};

export const load: PageServerLoad = ({ params }) => {
	const dataset = loadStory();
	const selection: Selection = { kind: params.kind as SelectionKind, id: params.id };
	const exists =
		selection.kind === 'site'
			? dataset.sites.some((s) => s.properties.id === selection.id)
			: selection.kind === 'incident'
				? dataset.incidents.some((i) => i.properties.id === selection.id)
				: dataset.claims.some((c) => c.id === selection.id);
	if (!exists) error(404, `No ${selection.kind} "${selection.id}" in this dataset`);
	return {
		core: coreOf(dataset),
		facts: indexOnce(dataset).facts,
		selection,
		lang: pageLang(params.lang),
		meta: pageMetas(dataset, selection, env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL)
	};
};
