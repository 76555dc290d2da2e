// Runs at build time only (prerender): the dataset is validated once and inlined into the HTML.
import { loadStory } from '$lib/server/geodata';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ dataset: loadStory() });
