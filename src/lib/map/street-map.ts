// The deployer's opt-in street map, as the app uses it: where it lives, and reading config.json.
// Apart from basemap-config.ts (the validator) so the default deployment never downloads zod.
import type { StreetMap } from './basemap-config';
import { pagePolicies, policyAllows } from './page-policy';

/** The street map's address, resolved against the page (a self-hosted archive may be relative). */
export function streetUrl(s: StreetMap, page: string): URL {
	return new URL((s.style ?? s.pmtiles)!, page);
}

/** Reads config.json; a missing or invalid file means no street map, with a warning for the deployer. */
export async function loadStreetMap(url: string): Promise<StreetMap | null> {
	let raw: unknown;
	try {
		const response = await fetch(url);
		if (!response.ok) return null;
		raw = await response.json();
	} catch (e) {
		console.warn('config.json could not be read, so no street map is offered:', e);
		return null;
	}
	// The shipped default, exactly: nothing to validate, so the validator is not even loaded.
	if (JSON.stringify(raw) === '{"street":null}') return null;
	const { AppConfig } = await import('./basemap-config');
	const result = AppConfig.safeParse(raw);
	if (result.success) {
		const street = result.data.street;
		if (!street || allowedByPage(streetUrl(street, location.href))) return street;
		const origin = streetUrl(street, location.href).origin;
		console.warn(
			`config.json names a street map on ${origin}, which this build's Content Security Policy does not allow, so it is not offered: rebuild with STREET_MAP_ORIGINS=${origin} (see the README).`
		);
		return null;
	}
	console.warn(
		`config.json is invalid, so no street map is offered: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
	);
	return null;
}

/** Whether the page's own policy lets it read this address (fetches, and a style's sprite images). */
export function allowedByPage(url: URL): boolean {
	const policies = pagePolicies(document);
	const self = new URL(location.href);
	return ['connect-src', 'img-src'].every((d) => policyAllows(policies, d, url, self));
}
