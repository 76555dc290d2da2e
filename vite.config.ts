import { sveltekit } from '@sveltejs/kit/vite';
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `virtual:story-incidents`: the validated story's incidents as a module of their own, so the
 * browser loads them as one cacheable chunk (parsed with JSON.parse) instead of inline page data.
 */
function storyIncidents(): Plugin {
	const id = 'virtual:story-incidents';
	return {
		name: 'story-incidents',
		resolveId: (source) => (source === id ? '\0' + id : undefined),
		async load(resolved) {
			if (resolved !== '\0' + id) return;
			// Through Vite's module runner: the loader is TypeScript, shared with the server load and
			// `npm run validate`, so all three read the story the same way.
			const { module } = await runnerImport<typeof import('./src/lib/server/geodata')>(
				'./src/lib/server/geodata.ts',
				{ configFile: false, logLevel: 'error' }
			);
			// Absolute: in dev a relative path would be taken for an import to resolve.
			this.addWatchFile(resolve(module.STORY_DIR, 'incidents.geojson'));
			const json = JSON.stringify(module.loadStory().incidents);
			return `export default JSON.parse(${JSON.stringify(json)});`;
		}
	};
}

export default defineConfig({
	plugins: [storyIncidents(), sveltekit()],
	build: {
		// maplibre-gl is one ~1 MB chunk loaded after first paint; that size is expected.
		chunkSizeWarningLimit: 1100
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
