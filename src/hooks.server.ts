import type { Handle } from '@sveltejs/kit';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The map module's chunk (MapLibre with it), as the client build named it. Pages are prerendered
 * after the client build, whose manifest is then on disk; the dev server has none and skips this.
 */
const mapChunk = (() => {
	const manifest = '.svelte-kit/output/client/.vite/manifest.json';
	if (!existsSync(manifest)) return null;
	const chunks = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file: string }>;
	return chunks['src/lib/map/map-controller.ts']?.file ?? null;
})();

// Kit's own preload of its start script: the map's preload goes beside it, with the same relative path.
const START = /<link href="([^"]*)_app\/immutable\/entry\/start\.[^"]+" rel="modulepreload">/;

// The prerendered page is in French, the article's language; the app switches after hydration.
// The Latin text font is preloaded so it arrives before first paint and text never reflows when it
// swaps in (the other subsets and the .woff fallbacks load only if a page needs them).
// The map's module is preloaded too: Kit only knows the page's static imports, and the map starts
// as soon as its module is here (MapView.svelte), before the page hydrates.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace('%lang%', 'fr');
			return mapChunk
				? page.replace(
						START,
						(link, prefix) => `${link}\n\t\t<link href="${prefix}${mapChunk}" rel="modulepreload">`
					)
				: page;
		},
		preload: ({ type, path }) =>
			type === 'js' ||
			type === 'css' ||
			(type === 'font' && /noto-sans-latin-(400|700)-normal.*\.woff2$/.test(path))
	});
