// Kit's universal hooks (https://svelte.dev/docs/kit/hooks#Universal-hooks).
import type { Reroute } from '@sveltejs/kit';
import { readablePath } from '$lib/url/readable-path';

/** A malformed address routes as the unknown page it is instead of crashing the router. */
export const reroute: Reroute = ({ url }) => readablePath(url.pathname);
