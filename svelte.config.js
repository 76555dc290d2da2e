import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered; 200.html serves deep links the prerenderer did not see.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		alias: { $geodata: 'geodata' },
		// Registered by UpdateBanner.svelte, which handles a refusal quietly.
		serviceWorker: { register: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
