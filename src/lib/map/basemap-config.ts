// The deployer's opt-in street map, read at run time from `config.json` beside the app (so it can be
// changed without a rebuild). Default: none, and the app contacts no one but its own origin.
// This file is the validator only; street-map.ts reads the file and loads this when needed.
// zod/mini: the same validation, tree-shaken to what this schema uses, since it ships to browsers.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

// Mini ships no messages by default; the deployer reads these in the console warning. Jitless:
// zod would otherwise probe `new Function`, which the page's Content Security Policy refuses.
z.config({ ...en(), jitless: true });

const text = () => z.string().check(z.minLength(1));
/** Longest name and credit: a line of the Basemap choice, a line of the map's corner. */
export const MAX_NAME = 60;
export const MAX_ATTRIBUTION = 200;
const capped = (max: number) =>
	text().check(z.maxLength(max, { error: `is longer than ${max} characters; shorten it` }));

/** Whether an address is one the app may fetch: http(s), absolute or relative to the app. */
export function isHttpAddress(value: string): boolean {
	try {
		return /^https?:$/.test(new URL(value, 'https://app.invalid/').protocol);
	} catch {
		return false;
	}
}

const address = () =>
	text().check(
		z.refine(isHttpAddress, {
			error:
				'give an http(s) address, absolute or relative to the app (e.g. "https://tiles.example.org/style.json")'
		})
	);

export const StreetMap = z
	.strictObject({
		/** Who provides it, as readers should see it before choosing ("OpenStreetMap via Protomaps"). */
		name: capped(MAX_NAME),
		attribution: capped(MAX_ATTRIBUTION),
		/** Any MapLibre style URL... */
		style: z.optional(address()),
		/** ...or a .pmtiles archive in the Protomaps schema, drawn with @protomaps/basemaps. */
		pmtiles: z.optional(address()),
		flavor: z._default(z.enum(['light', 'white', 'grayscale', 'dark', 'black']), 'light')
	})
	.check(
		z.refine((s) => (s.style === undefined) !== (s.pmtiles === undefined), {
			error: 'give exactly one of "style" (a MapLibre style URL) or "pmtiles" (an archive URL)'
		})
	);
export type StreetMap = z.infer<typeof StreetMap>;

export const AppConfig = z.strictObject({ street: z.nullable(StreetMap) });
