// How wide the places a claim concerns are, to group the claims list: what happened in the city
// first, then elsewhere, then what concerns the whole country (an area, never a point).
import type { SiteProperties } from './schema';

export const SCOPES = ['city', 'elsewhere', 'country'] as const;
export type Scope = (typeof SCOPES)[number];
type PlaceKind = SiteProperties['kind'];

/** Kinds of place inside a city, or the city itself. */
const IN_CITY: ReadonlySet<PlaceKind> = new Set(['airport', 'square', 'building', 'city']);

/**
 * A claim's scope from the kinds of the places it concerns. A place in the city puts it with the
 * city's claims; otherwise a claim about the whole country stays with the country's, even when it
 * also names the town where something began; what is left concerns other places.
 */
export function scopeOf(kinds: readonly PlaceKind[]): Scope {
	if (kinds.some((k) => IN_CITY.has(k))) return 'city';
	if (kinds.includes('country')) return 'country';
	return 'elsewhere';
}
