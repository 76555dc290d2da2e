import { loadDetailCard, showsCard } from '$lib/components/detail-card';
import { withIncidents } from '$lib/data/story-incidents';
import { loadWords } from '$lib/state/words';
import type { PageLoad } from './$types';

// The page is prerendered with the item's card: its code must be here before the page hydrates.
export const load: PageLoad = async ({ data }) => {
	const [story, card, lang] = await Promise.all([
		withIncidents(data),
		showsCard(data.selection) ? loadDetailCard() : null,
		loadWords(data.lang)
	]);
	return { ...story, card, lang };
};
