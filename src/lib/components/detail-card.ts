// The detail card's code is not part of the first view: a site or an incident must be picked for it
// to show, so the story page loads it then, and an item's page (prerendered with its card) in its
// load, before it hydrates.
import type { Selection } from '$lib/types/view';

/** Whether the card shows for this selection: a site's card, or an incident's. */
export const showsCard = (selection: Selection | null) =>
	selection?.kind === 'site' || selection?.kind === 'incident';

export const loadDetailCard = () => import('./DetailCard.svelte').then((m) => m.default);

export type DetailCardComponent = Awaited<ReturnType<typeof loadDetailCard>>;
