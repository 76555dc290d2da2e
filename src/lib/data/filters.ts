// What the reader's layers and days let through, worked out once for the places list, the claims
// list and their counts, so every count on the page follows the same filters.
import type { Claim, Incident } from './schema';

/** What a claim concerns, from the build-time counts (known before the incident records load). */
export interface ClaimReach {
	/** The layers of its incidents: none for a claim tied to no incident. */
	layers: readonly string[];
	/** The story's days (their indices) its incidents may have happened on. */
	days: readonly number[];
}

export interface ClaimFilter {
	/** Whether an incident is shown (its layer on, inside the days); null while the records are not in. */
	incidentShown: ((id: string) => boolean) | null;
	visibleLayers: ReadonlySet<string>;
	/** The chosen days as indices of the story's days, both ends included; null: every day. */
	days: readonly [number, number] | null;
	/** Whether a claim was made on the chosen days (for a claim tied to no incident). */
	madeInRange: (claim: Claim) => boolean;
}

/**
 * Whether a claim follows the layers and days. A claim about incidents stays while at least one of
 * them is shown. A claim tied to no incident (a reaction, a background fact) is on no layer: the
 * layers leave it alone, and the days keep it by the day it was made. Before the records load, the
 * test is on the claim's layers and days taken apart (one of its layers on, one of its days chosen).
 */
export function claimFollows(claim: Claim, reach: ClaimReach, filter: ClaimFilter): boolean {
	if (!reach.layers.length) return filter.madeInRange(claim);
	if (filter.incidentShown) return claim.incidents.some(filter.incidentShown);
	const { days, visibleLayers } = filter;
	return (
		reach.layers.some((l) => visibleLayers.has(l)) &&
		(!days || reach.days.some((d) => d >= days[0] && d <= days[1]))
	);
}

/** How many of the given incidents each place has (incidents with no place are left out). */
export function countPerSite(incidents: readonly Incident[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const { properties: p } of incidents) if (p.site) counts.set(p.site, (counts.get(p.site) ?? 0) + 1);
	return counts;
}

/** Which filters narrow what is shown: some layer off, or fewer days than the story's. */
export interface Narrowing {
	layers: boolean;
	days: boolean;
}

export function narrowingOf(
	visibleLayers: readonly string[],
	layers: readonly string[],
	range: unknown | null
): Narrowing {
	const on = new Set(visibleLayers);
	return { layers: layers.some((l) => !on.has(l)), days: range !== null };
}
