import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { policyOfThisBuild } from './src/lib/server/content-security-policy.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered; 200.html serves deep links the prerenderer did not see.
		// BUILD_DIR: the benchmarks build synthetic stories beside the real one.
		adapter: adapter({
			pages: process.env.BUILD_DIR || 'build',
			assets: process.env.BUILD_DIR || 'build',
			fallback: '200.html',
			strict: true
		}),
		alias: { $geodata: 'geodata' },
		// A strict policy in every page (<meta http-equiv>): scripts only from our origin or by hash.
		csp: policyOfThisBuild(),
		// Registered by UpdateBanner.svelte, which handles a refusal quietly.
		serviceWorker: { register: false },
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			// Only benchmark builds (ITEM_PAGES=0) leave the item route out on purpose.
			handleUnseenRoutes: process.env.ITEM_PAGES === '0' ? 'ignore' : 'fail'
		}
	}
};

export default config;
