// The deployer's opt-in street map, read at run time from `config.json` beside the app (so it can be
// changed without a rebuild). Default: none, and the app contacts no one but its own origin.
// zod/mini: the same validation, tree-shaken to what this schema uses, since it ships to browsers.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

// Mini ships no messages by default; the deployer reads these in the console warning.
z.config(en());

const text = () => z.string().check(z.minLength(1));

export const StreetMap = z
	.strictObject({
		/** Who provides it, as readers should see it before choosing ("OpenStreetMap via Protomaps"). */
		name: text(),
		attribution: text(),
		/** Any MapLibre style URL... */
		style: z.optional(text()),
		/** ...or a .pmtiles archive in the Protomaps schema, drawn with @protomaps/basemaps. */
		pmtiles: z.optional(text()),
		flavor: z._default(z.enum(['light', 'white', 'grayscale', 'dark', 'black']), 'light')
	})
	.check(
		z.refine((s) => (s.style === undefined) !== (s.pmtiles === undefined), {
			error: 'give exactly one of "style" (a MapLibre style URL) or "pmtiles" (an archive URL)'
		})
	);
export type StreetMap = z.infer<typeof StreetMap>;

export const AppConfig = z.strictObject({ street: z.nullable(StreetMap) });

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
