// Runs at build time only (prerender): the dataset is validated once and inlined into the HTML.
import { env } from 'node:process';
import { loadStory } from '$lib/server/geodata';
import { DEFAULT_SITE_URL, pageMeta } from '$lib/share/page-meta';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const dataset = loadStory();
	return { dataset, selection: null, meta: pageMeta(dataset, null, env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL) };
};
