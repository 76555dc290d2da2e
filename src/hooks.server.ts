import type { Handle, RequestEvent } from '@sveltejs/kit';
import { base } from '$app/paths';
import { version } from '$app/environment';
import { existsSync, readFileSync } from 'node:fs';
import { env } from 'node:process';
import { loadsRecordsLater } from '$lib/server/story-facts';
import { jsonScript } from '$lib/share/json-script';
import { claimReviews } from '$lib/export/claim-review';
import { loadStory } from '$lib/server/geodata';
import { DEFAULT_SITE_URL, pageLang } from '$lib/share/page-meta';
import { langFolder } from '$lib/data/langs';
import { DEPLOYMENT_META } from '$lib/offline/deployment';
// The language rule as written: the pages run it as it stands, and their policy hashes the same text.
import langRule from '$lib/data/langs.js?raw';
import { langScript } from '$lib/server/lang-script.js';
// Their hashes are in the pages' policy (content-security-policy.js), so they are shared, not copied.
import { FALLBACK_SCRIPT, FALLBACK_STYLE } from '$lib/server/fallback-note.js';

/**
 * The client build's manifest: which file each module became. Pages are prerendered after the
 * client build, whose manifest is then on disk; the dev server has none and preloads nothing more.
 */
const manifest = (() => {
	const path = '.svelte-kit/output/client/.vite/manifest.json';
	if (!existsSync(path)) return {};
	return JSON.parse(readFileSync(path, 'utf8')) as Record<
		string,
		{ file: string; imports?: string[]; assets?: string[] }
	>;
})();

/** The files of modules and of what they import (for the map, MapLibre's own among them). */
function chunksOf(...entries: string[]): string[] {
	const files = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || files.has(chunk.file)) return;
		files.add(chunk.file);
		chunk.imports?.forEach(visit);
	};
	entries.forEach(visit);
	return [...files];
}

// The address Kit renders the adapter's fallback page (200.html) at.
const FALLBACK = '/[fallback]';
// The story page and an item's own page (`/site/airport`), in each language (`/en/`, `/en/site/airport`).
const STORY_ROUTE = '/[[lang=lang]]';
const ITEM_ROUTE = '/[[lang=lang]]/[kind=item]/[id]';
const MAP = 'src/lib/map/map-controller.ts';
// A site's or an incident's page loads its card before it hydrates (detail-card.ts).
const CARD = 'src/lib/components/DetailCard.svelte';
// The loader of the incident records and the file it fetches (vite.config.ts).
const RECORDS = 'virtual:story-incidents';
const recordsFile = manifest[RECORDS]?.assets?.find((file) => file.endsWith('.json'));

/**
 * What a page needs as soon as it starts, beyond what Kit preloads (the page's static imports):
 * the map's module, which starts the map before the page hydrates (MapView.svelte); the card of the
 * item it opens on; and, when the page waits for them before it hydrates (every page but a large
 * story's own, see story-incidents.ts), the incident records and their loader.
 */
function preloadsOf(event: RequestEvent) {
	const item = event.route.id === ITEM_ROUTE;
	const records = item || !loadsRecordsLater(loadStory().incidents.length);
	const modules = [MAP];
	if (item && event.params.kind !== 'claim') modules.push(CARD);
	if (records) modules.push(RECORDS);
	return { modules: chunksOf(...modules), records: records ? recordsFile : undefined };
}

/**
 * The page's ClaimReview JSON-LD: every claim on the story page, the one claim on a claim's own page,
 * none on a site's or an incident's. It is for search engines and link previews, which read the
 * prerendered HTML, and nothing in the page reads it, so it is added here and its code never ships.
 */
function claimReviewScript(event: RequestEvent): string {
	const { id: route } = event.route;
	const only = route === ITEM_ROUTE && event.params.kind === 'claim' ? event.params.id : null;
	if (route !== STORY_ROUTE && !only) return '';
	// The reviews' addresses are the pages of the page's language.
	const lang = pageLang(event.params.lang);
	const siteUrl = (env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, '') + '/' + langFolder(lang);
	const reviews = claimReviews(loadStory(), siteUrl, lang, only ?? undefined);
	return jsonScript('application/ld+json', only ? reviews[0] : reviews);
}

/** Data text as HTML text: a story's name may hold "&" or "<". */
const escapeHtml = (s: string) =>
	s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/**
 * 200.html, the page a static host serves for any address it does not have, is otherwise empty until
 * the app renders: if scripts are off, or the app cannot start, it says so and links to the story.
 */
function fallbackNote(): string {
	const home = `${base}/`;
	const { name } = loadStory().story;
	return `<section id="fallback-note" hidden>
			<p lang="fr">Cette page ne peut pas s’afficher. <a href="${home}">Ouvrir la carte : ${escapeHtml(name.fr)}</a></p>
			<p lang="en">This page cannot be shown. <a href="${home}">Open the map: ${escapeHtml(name.en)}</a></p>
		</section>
		<noscript><style>${FALLBACK_STYLE}</style></noscript>
		<script>${FALLBACK_SCRIPT}</script>`;
}

const LANG_SCRIPT = langScript(langRule);

// Kit's own preload of its start script: ours go beside it, with the same relative path.
const START = /<link href="([^"]*)_app\/immutable\/entry\/start\.[^"]+" rel="modulepreload">/;

// Each page is prerendered in its language (French at the root, English under /en/); the app
// switches after hydration to the reader's, with the language script hiding the panel meanwhile.
// The Latin text font is preloaded so it arrives before first paint and text never reflows when it
// swaps in (the other subsets and the .woff fallbacks load only if a page needs them).
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			let page = html.replace('%lang%', pageLang(event.params.lang)).replace(
				'</head>',
				// The deployment a page belongs to: an older service worker never keeps a newer one's page.
				`<meta name="${DEPLOYMENT_META}" content="${version}" />\n\t\t<script>${LANG_SCRIPT}</script>\n\t\t${claimReviewScript(event)}</head>`
			);
			if (event.url.pathname === FALLBACK)
				page = page.replace(/<body[^>]*>/, (body) => `${body}\n\t\t${fallbackNote()}`);
			const { modules, records } = preloadsOf(event);
			return page.replace(START, (link, prefix) => {
				const links = modules
					// Those Kit already preloads for the page itself are not repeated.
					.filter((file) => !page.includes(`"${prefix}${file}"`))
					.map((file) => `<link href="${prefix}${file}" rel="modulepreload">`);
				// Requested as the loader's fetch() asks (CORS mode, same-origin credentials) so that fetch
				// reuses it; at low priority, so the scripts come first on a slow link.
				if (records)
					links.push(
						`<link href="${prefix}${records}" rel="preload" as="fetch" crossorigin="anonymous" fetchpriority="low">`
					);
				return [link, ...links].join('\n\t\t');
			});
		},
		preload: ({ type, path }) =>
			type === 'js' ||
			type === 'css' ||
			(type === 'font' && /noto-sans-latin-(400|700)-normal.*\.woff2$/.test(path))
	});
