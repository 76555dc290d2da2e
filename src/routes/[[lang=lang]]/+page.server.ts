// Runs at build time only (prerender): the dataset is validated once; its core is inlined into the
// HTML and the incidents follow as their own chunk (+page.ts).
import { env } from 'node:process';
import { storyFacts } from '$lib/server/story-facts';
import { coreOf } from '$lib/data/story-incidents';
import { loadStory } from '$lib/server/geodata';
import { DEFAULT_SITE_URL, langEntries, pageLang, pageMetas } from '$lib/share/page-meta';
import type { EntryGenerator, PageServerLoad } from './$types';

// The story in each language: `/` (French, the article's, and any reader's own), `/en/`.
export const entries: EntryGenerator = langEntries;
// `/en/` as a folder with its index.html, as `/` is.
export const trailingSlash = 'always';

export const load: PageServerLoad = ({ params }) => {
	const dataset = loadStory();
	return {
		core: coreOf(dataset),
		facts: storyFacts(dataset),
		selection: null,
		lang: pageLang(params.lang),
		meta: pageMetas(dataset, null, env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL)
	};
};
