// The deployer's opt-in street map, read at run time from `config.json` beside the app (so it can be
// changed without a rebuild). Default: none, and the app contacts no one but its own origin.
import { z } from 'zod';

export const StreetMap = z
	.strictObject({
		/** Who provides it, as readers should see it before choosing ("OpenStreetMap via Protomaps"). */
		name: z.string().min(1),
		attribution: z.string().min(1),
		/** Any MapLibre style URL... */
		style: z.string().min(1).optional(),
		/** ...or a .pmtiles archive in the Protomaps schema, drawn with @protomaps/basemaps. */
		pmtiles: z.string().min(1).optional(),
		flavor: z.enum(['light', 'white', 'grayscale', 'dark', 'black']).default('light')
	})
	.refine((s) => (s.style === undefined) !== (s.pmtiles === undefined), {
		error: 'give exactly one of "style" (a MapLibre style URL) or "pmtiles" (an archive URL)'
	});
export type StreetMap = z.infer<typeof StreetMap>;

export const AppConfig = z.strictObject({ street: StreetMap.nullable() });

/** The street map's address, resolved against the page (a self-hosted archive may be relative). */
export function streetUrl(s: StreetMap, page: string): URL {
	return new URL((s.style ?? s.pmtiles)!, page);
}

/** Reads config.json; a missing or invalid file means no street map, with a warning for the deployer. */
export async function loadStreetMap(url: string): Promise<StreetMap | null> {
	try {
		const response = await fetch(url);
		if (!response.ok) return null;
		const result = AppConfig.safeParse(await response.json());
		if (result.success) return result.data.street;
		console.warn(
			`config.json is invalid, so no street map is offered: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
		);
	} catch (e) {
		console.warn('config.json could not be read, so no street map is offered:', e);
	}
	return null;
}
