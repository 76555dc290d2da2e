// The deployer's opt-in street map, as the app uses it: where it lives, and reading config.json.
// Apart from basemap-config.ts (the validator) so the default deployment never downloads zod.
import type { StreetMap } from './basemap-config';

/** The street map's address, resolved against the page (a self-hosted archive may be relative). */
export function streetUrl(s: StreetMap, page: string): URL {
	return new URL((s.style ?? s.pmtiles)!, page);
}

/**
 * The street map with its address resolved against config.json's own, the app's root: the same
 * file on every page, `/` or `/en/site/airport`.
 */
export function resolvedAgainst(street: StreetMap, config: string): StreetMap {
	const at = (a: string | undefined) => (a === undefined ? undefined : new URL(a, config).href);
	return { ...street, style: at(street.style), pmtiles: at(street.pmtiles) };
}

/** A deployer's credit as MapLibre's attribution control shows it: as text, since it reads HTML. */
export const creditText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Reads config.json; a missing or invalid file means no street map, with a warning for the deployer.
 * The shipped default (none) is read here; a named street map is checked by street-check.ts, loaded
 * only then, so the default deployment's first view carries neither the checks nor zod.
 */
export async function loadStreetMap(url: string): Promise<StreetMap | null> {
	let raw: unknown;
	try {
		const response = await fetch(url);
		if (!response.ok) {
			console.warn(
				`config.json answered HTTP ${response.status} at ${url}, so no street map is offered: put the build's config.json (or your own) at the app's root.`
			);
			return null;
		}
		raw = await response.json();
	} catch (e) {
		console.warn('config.json could not be read, so no street map is offered:', e);
		return null;
	}
	if (JSON.stringify(raw) === '{"street":null}') return null;
	const { checkedStreetMap } = await import('./street-check');
	return checkedStreetMap(raw, url);
}

/** Why a deployer's street map cannot be drawn; the reader is told it failed, the console why. */
export class StreetMapError extends Error {
	override name = 'StreetMapError';
}
