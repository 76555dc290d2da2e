// The web app manifest, written at build time from the story's own name and summary (story.json),
// in the article's language, so an installed app is named after the story it holds.
import { MESSAGES } from '$lib/server/messages';
import { loadStory } from '$lib/server/geodata';

export const prerender = true;

export function GET(): Response {
	const { story } = loadStory();
	const lang = story.article.language;
	const manifest = {
		name: `${story.name[lang]} — ${MESSAGES[lang].appName}`,
		short_name: story.name[lang],
		description: story.summary[lang].split('\n')[0],
		lang,
		start_url: './',
		scope: './',
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: '#0b57d0',
		icons: [
			{ src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
			{ src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
			{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }
		]
	};
	return new Response(JSON.stringify(manifest, null, '\t'), {
		headers: { 'content-type': 'application/manifest+json' }
	});
}
