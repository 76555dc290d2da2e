// The deployer's opt-in street map, read at run time from `config.json` beside the app (so it can be
// changed without a rebuild). Default: none, and the app contacts no one but its own origin.
// This file is the validator only; street-map.ts reads the file and loads this when needed.
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
