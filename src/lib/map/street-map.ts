// The deployer's opt-in street map, as the app uses it: where it lives, and reading config.json.
// Apart from basemap-config.ts (the validator) so the default deployment never downloads zod.
import type { StyleSpecification } from 'maplibre-gl';
import type { StreetMap } from './basemap-config';
import { pagePolicies, policyAllows } from './page-policy';

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

/** Reads config.json; a missing or invalid file means no street map, with a warning for the deployer. */
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
	// The shipped default, exactly: nothing to validate, so the validator is not even loaded.
	if (JSON.stringify(raw) === '{"street":null}') return null;
	const { AppConfig } = await import('./basemap-config');
	const result = AppConfig.safeParse(raw);
	if (result.success) {
		const street =
			result.data.street && resolvedAgainst(result.data.street, new URL(url, location.href).href);
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

/** Why a deployer's street map cannot be drawn; the reader is told it failed, the console why. */
export class StreetMapError extends Error {
	override name = 'StreetMapError';
}

/** Every address a MapLibre style reads from (sprites, glyphs, sources), resolved against the style's. */
export function styleAddresses(style: StyleSpecification, base: string): URL[] {
	const raw: unknown[] = [style.glyphs];
	const sprite: unknown = style.sprite;
	if (Array.isArray(sprite)) raw.push(...sprite.map((s: { url?: unknown }) => s?.url));
	else raw.push(sprite);
	for (const source of Object.values(style.sources)) {
		const s = source as { url?: unknown; tiles?: unknown; data?: unknown };
		raw.push(s.url, s.data, ...(Array.isArray(s.tiles) ? s.tiles : []));
	}
	return raw.flatMap((a) => {
		if (typeof a !== 'string') return [];
		try {
			const url = new URL(a.replace(/^pmtiles:\/\//, ''), base);
			return /^https?:$/.test(url.protocol) ? [url] : [];
		} catch {
			return [];
		}
	});
}

/**
 * Fetches a deployer's MapLibre style and checks it can be drawn here: answered, JSON, a style with
 * sources and layers, reading only from origins this page's policy allows.
 */
export async function fetchStreetStyle(url: string): Promise<StyleSpecification> {
	let response: Response;
	try {
		response = await fetch(url);
	} catch (e) {
		throw new StreetMapError(`${url} did not answer (offline, or no CORS headers): ${(e as Error).message}`);
	}
	if (!response.ok) throw new StreetMapError(`${url} answered HTTP ${response.status}`);
	const style: unknown = await response.json().catch(() => null);
	const s = style as Partial<StyleSpecification> | null;
	if (
		!s ||
		typeof s !== 'object' ||
		s.version !== 8 ||
		!s.sources ||
		typeof s.sources !== 'object' ||
		!Array.isArray(s.layers)
	)
		throw new StreetMapError(`${url} is not a MapLibre style: it needs "version": 8, "sources" and "layers"`);
	const refused = [
		...new Set(
			styleAddresses(s as StyleSpecification, url)
				.filter((a) => !allowedByPage(a))
				.map((a) => a.origin)
		)
	];
	if (refused.length)
		throw new StreetMapError(
			`${url} reads from ${refused.join(', ')}, which this build's Content Security Policy does not allow: rebuild with STREET_MAP_ORIGINS="${[...refused].join(' ')}" (see the README)`
		);
	return s as StyleSpecification;
}
