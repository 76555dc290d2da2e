// The incidents reach the browser as their own file (a hashed JSON, see vite.config.ts), not inlined
// in every page's HTML: a story of 100k incidents would otherwise make each page tens of megabytes.
// Prerendering renders with them all the same, so the story's text is still in the HTML.
import { browser } from '$app/environment';
import type { Dataset, Incident } from './schema';

/** What the server load serializes into the page: the story without its incidents. */
export type StoryCore = Omit<Dataset, 'incidents'>;

export function coreOf(dataset: Dataset): StoryCore {
	const { story, sites, claims, sources } = dataset;
	return { story, sites, claims, sources };
}

/**
 * Universal load step: joins the core the page carries with the incidents chunk. In the browser, a
 * download that fails (the connection drops on a first visit, before the service worker has a copy)
 * does not replace the prerendered page with an error page: the page keeps its text and claims,
 * without incidents, and `incidentsError` says what is missing. On the server it stays an error.
 */
export async function withIncidents<T extends { core: StoryCore }>({ core, ...rest }: T) {
	let incidents: Incident[] = [];
	let incidentsError: string | null = null;
	try {
		// Built by the `story-incidents` plugin in vite.config.ts from the validated story.
		const { default: loadIncidents } = await import('virtual:story-incidents');
		incidents = await loadIncidents();
	} catch (e) {
		if (!browser) throw e;
		incidentsError = e instanceof Error ? e.message : String(e);
		console.error(incidentsError);
	}
	return { ...rest, incidentsError, dataset: { ...core, incidents } satisfies Dataset };
}
