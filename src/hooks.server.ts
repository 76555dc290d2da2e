import type { Handle } from '@sveltejs/kit';

// The prerendered page is in French, the article's language; the app switches after hydration.
// The Latin text font is preloaded so it arrives before first paint and text never reflows when it
// swaps in (the other subsets and the .woff fallbacks load only if a page needs them).
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', 'fr'),
		preload: ({ type, path }) =>
			type === 'js' ||
			type === 'css' ||
			(type === 'font' && /noto-sans-latin-(400|700)-normal.*\.woff2$/.test(path))
	});
