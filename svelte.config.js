import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { policyOfThisBuild } from './src/lib/server/content-security-policy.js';

// OFFLINE_COPY=1 (scripts/pack.ts): the story pages again, each as one file with everything inlined,
// built beside the site (its own outDir and pages folder) so the site's build is left as it is.
const OFFLINE = process.env.OFFLINE_COPY === '1';
const OFFLINE_DIR = '.svelte-kit-offline';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered; 200.html serves deep links the prerenderer did not see.
		// BUILD_DIR: the benchmarks build synthetic stories beside the real one.
		adapter: OFFLINE
			? adapter({ pages: `${OFFLINE_DIR}/pages`, assets: `${OFFLINE_DIR}/pages`, strict: true })
			: adapter({
					pages: process.env.BUILD_DIR || 'build',
					assets: process.env.BUILD_DIR || 'build',
					fallback: '200.html',
					strict: true
				}),
		...(OFFLINE && { outDir: OFFLINE_DIR, output: { bundleStrategy: 'inline' } }),
		alias: { $geodata: 'geodata' },
		// A strict policy in every page (<meta http-equiv>): scripts only from our origin or by hash.
		csp: policyOfThisBuild(),
		// Registered by UpdateBanner.svelte, which handles a refusal quietly.
		serviceWorker: { register: false },
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			// Only benchmark builds (ITEM_PAGES=0) leave the item route out on purpose.
			handleUnseenRoutes: process.env.ITEM_PAGES === '0' || OFFLINE ? 'ignore' : 'fail',
			// The offline copy is the story page in each language; its items are selected in place.
			...(OFFLINE && { entries: ['/', '/en/'] })
		}
	}
};

export default config;
