// The incidents reach the browser as their own file (a hashed JSON, see vite.config.ts), not inlined
// in every page's HTML: a story of 100k incidents would otherwise make each page tens of megabytes.
// A story's page waits for them before it hydrates, unless the story is large (RECORDS_LATER_ABOVE
// in story-facts.ts): a large story's page opens on the build-time counts and loads them once the
// map is idle (Dashboard.loadRecords), so parsing them does not compete with the map's start.
// Prerendering renders from the same data as the browser's first render, so the story's text is in
// the HTML and hydration changes nothing.
import { browser } from '$app/environment';
import type { Claim, Dataset, Incident } from './schema';
import type { StoryFacts } from './story-index';

/**
 * What the server load serializes into the page: the story without its incidents, and without the
 * claims' lists of them, the other side of each incident's `claims` (the validator checks both
 * sides agree). A dense story's claims name thousands of incidents: megabytes of page data.
 */
export type StoryCore = Omit<Dataset, 'incidents' | 'claims'> & { claims: Omit<Claim, 'incidents'>[] };

export function coreOf(dataset: Dataset): StoryCore {
	const { story, sites, claims, sources, reading } = dataset;
	return {
		story,
		sites,
		reading,
		claims: claims.map((c) => {
			const { incidents, ...rest } = c;
			void incidents;
			return rest;
		}),
		sources
	};
}

/** The dataset from the core and the incidents loaded so far, each claim listing its incidents again. */
export function joinStory(core: StoryCore, incidents: Incident[]): Dataset {
	const of = new Map<string, string[]>(core.claims.map((c) => [c.id, []]));
	for (const i of incidents) for (const c of i.properties.claims) of.get(c)?.push(i.properties.id);
	return { ...core, claims: core.claims.map((c) => ({ ...c, incidents: of.get(c.id)! })), incidents };
}

/** Downloads (or, on the server, reads) the incident records. */
export async function loadRecords(): Promise<Incident[]> {
	// Built by the `story-incidents` plugin in vite.config.ts from the validated story.
	const { default: load } = await import('virtual:story-incidents');
	return load();
}

/**
 * Universal load step: joins the core the page carries with the incidents, now or later.
 * - `fetchRecords`: set when the page opens without the records (a large story's page that does not open
 *   on an item); the dashboard calls it once the map is idle, or as soon as the reader needs one.
 * - `incidentsError`: in the browser, a download that fails (the connection drops on a first visit,
 *   before the service worker has a copy) does not replace the prerendered page with an error
 *   page: the page keeps its text, claims and counts, without the records. On the server it stays
 *   an error.
 */
export async function withIncidents<T extends { core: StoryCore; facts: StoryFacts; selection: unknown }>({
	core,
	...rest
}: T) {
	const fetchRecords = rest.facts.recordsLater && !rest.selection ? loadRecords : null;
	let incidents: Incident[] = [];
	let incidentsError: string | null = null;
	if (!fetchRecords)
		try {
			incidents = await loadRecords();
		} catch (e) {
			if (!browser) throw e;
			incidentsError = e instanceof Error ? e.message : String(e);
			console.error(incidentsError);
		}
	return { ...rest, fetchRecords, incidentsError, dataset: joinStory(core, incidents) };
}
