// Where the street map lives. Apart from basemap-config.ts so the panel's control can use it without
// pulling that file's validator into the first-load bundle.
import type { StreetMap } from './basemap-config';

/** The street map's address, resolved against the page (a self-hosted archive may be relative). */
export function streetUrl(s: StreetMap, page: string): URL {
	return new URL((s.style ?? s.pmtiles)!, page);
}
