import type { Handle } from '@sveltejs/kit';

// The prerendered page is in French, the article's language; the app switches after hydration.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', 'fr') });
