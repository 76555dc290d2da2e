// The incidents reach the browser as their own file (a hashed JSON, see vite.config.ts), not inlined
// in every page's HTML: a story of 100k incidents would otherwise make each page tens of megabytes.
// Prerendering renders with them all the same, so the story's text is still in the HTML.
import type { Dataset } from './schema';

/** What the server load serializes into the page: the story without its incidents. */
export type StoryCore = Omit<Dataset, 'incidents'>;

export function coreOf(dataset: Dataset): StoryCore {
	const { story, sites, claims, sources } = dataset;
	return { story, sites, claims, sources };
}

/** Universal load step: joins the core the page carries with the incidents chunk. */
export async function withIncidents<T extends { core: StoryCore }>({ core, ...rest }: T) {
	// Built by the `story-incidents` plugin in vite.config.ts from the validated story.
	const { default: loadIncidents } = await import('virtual:story-incidents');
	return { ...rest, dataset: { ...core, incidents: await loadIncidents() } satisfies Dataset };
}
