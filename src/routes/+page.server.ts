// Runs at build time only (prerender): the dataset is validated once; its core is inlined into the
// HTML and the incidents follow as their own chunk (+page.ts).
import { env } from 'node:process';
import { indexOnce } from '$lib/server/story-facts';
import { coreOf } from '$lib/data/story-incidents';
import { loadStory } from '$lib/server/geodata';
import { DEFAULT_SITE_URL, pageMeta } from '$lib/share/page-meta';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const dataset = loadStory();
	return {
		core: coreOf(dataset),
		facts: indexOnce(dataset).facts,
		selection: null,
		meta: pageMeta(dataset, null, env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL)
	};
};
