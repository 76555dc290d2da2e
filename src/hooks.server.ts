import type { Handle, RequestEvent } from '@sveltejs/kit';
import { existsSync, readFileSync } from 'node:fs';
import { env } from 'node:process';
import { jsonScript } from '$lib/data/story-index';
import { claimReviews } from '$lib/export/claim-review';
import { loadStory } from '$lib/server/geodata';
import { DEFAULT_SITE_URL } from '$lib/share/page-meta';

/**
 * The chunks of modules and of what they import (for the map, MapLibre's own among them), as the
 * client build named them. Pages are prerendered after the client build, whose manifest is then on
 * disk; the dev server has none and skips this.
 */
const chunksOf = (() => {
	const manifest = '.svelte-kit/output/client/.vite/manifest.json';
	if (!existsSync(manifest)) return () => [];
	const chunks = JSON.parse(readFileSync(manifest, 'utf8')) as Record<
		string,
		{ file: string; imports?: string[] }
	>;
	return (...entries: string[]) => {
		const files = new Set<string>();
		const visit = (key: string) => {
			const chunk = chunks[key];
			if (!chunk || files.has(chunk.file)) return;
			files.add(chunk.file);
			chunk.imports?.forEach(visit);
		};
		entries.forEach(visit);
		return [...files];
	};
})();
const MAP = 'src/lib/map/map-controller.ts';
// A site's or an incident's page loads its card before it hydrates (detail-card.ts).
const CARD = 'src/lib/components/DetailCard.svelte';
const storyChunks = chunksOf(MAP);
const itemChunks = chunksOf(MAP, CARD);

/**
 * The page's ClaimReview JSON-LD: every claim on the story page, the one claim on a claim's own page,
 * none on a site's or an incident's. It is for search engines and link previews, which read the
 * prerendered HTML, and nothing in the page reads it, so it is added here and its code never ships.
 */
function claimReviewScript(event: RequestEvent): string {
	const { id: route } = event.route;
	const only = route === '/[kind=item]/[id]' && event.params.kind === 'claim' ? event.params.id : null;
	if (route !== '/' && !only) return '';
	const siteUrl = env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL;
	const reviews = claimReviews(loadStory(), siteUrl, 'fr', only ?? undefined);
	return jsonScript('application/ld+json', only ? reviews[0] : reviews);
}

// Kit's own preload of its start script: the map's preload goes beside it, with the same relative path.
const START = /<link href="([^"]*)_app\/immutable\/entry\/start\.[^"]+" rel="modulepreload">/;

// The prerendered page is in French, the article's language; the app switches after hydration.
// The Latin text font is preloaded so it arrives before first paint and text never reflows when it
// swaps in (the other subsets and the .woff fallbacks load only if a page needs them).
// The map's module is preloaded too: Kit only knows the page's static imports, and the map starts
// as soon as its module is here (MapView.svelte), before the page hydrates. So is an item page's card.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace('%lang%', 'fr').replace('</head>', `${claimReviewScript(event)}</head>`);
			return page.replace(START, (link, prefix) =>
				[link]
					.concat(
						// Those Kit already preloads for the page itself are not repeated.
						(event.route.id === '/[kind=item]/[id]' && event.params.kind !== 'claim'
							? itemChunks
							: storyChunks
						)
							.filter((file) => !page.includes(`"${prefix}${file}"`))
							.map((file) => `<link href="${prefix}${file}" rel="modulepreload">`)
					)
					.join('\n\t\t')
			);
		},
		preload: ({ type, path }) =>
			type === 'js' ||
			type === 'css' ||
			(type === 'font' && /noto-sans-latin-(400|700)-normal.*\.woff2$/.test(path))
	});
