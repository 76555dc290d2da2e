import { withIncidents } from '$lib/data/story-incidents';
import { loadWords } from '$lib/state/words';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const [story, lang] = await Promise.all([withIncidents(data), loadWords(data.lang)]);
	return { ...story, lang };
};
