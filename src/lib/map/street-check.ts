// A deployer's street map, checked before it is offered or drawn: config.json against its schema,
// and every address against the page's own policy. Loaded only when config.json names a street map.
import type { StyleSpecification } from 'maplibre-gl';
import { pagePolicies, policyAllows } from './page-policy';
import type { StreetMap } from './basemap-config';
import { StreetMapError, resolvedAgainst, streetUrl } from './street-map';

/** config.json as read at `url`, checked: the street map it names, or null with a warning why not. */
export async function checkedStreetMap(raw: unknown, url: string): Promise<StreetMap | null> {
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
