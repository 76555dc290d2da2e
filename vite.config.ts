import { sveltekit } from '@sveltejs/kit/vite';
import { resolve, sep } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `virtual:story-incidents`: a function that returns the validated story's incidents, so they are
 * not inlined in every page's data. In the browser build they are a hashed JSON file fetched and
 * parsed with `Response.json()`: a JavaScript module would keep its whole source alive in the heap
 * (53 MB at 100k incidents) and take three times as long to load. Prerendering (SSR) and the dev
 * server get them inline.
 */
function storyIncidents(): Plugin {
	const id = 'virtual:story-incidents';
	let command: 'build' | 'serve' = 'serve';
	return {
		name: 'story-incidents',
		configResolved(config) {
			command = config.command;
		},
		resolveId: (source) => (source === id ? '\0' + id : undefined),
		async load(resolved, options) {
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
			if (command === 'serve' || options?.ssr)
				return `export default async () => JSON.parse(${JSON.stringify(json)});`;
			const ref = this.emitFile({ type: 'asset', name: 'incidents.json', source: json });
			return `export default async () => {
	const url = import.meta.ROLLUP_FILE_URL_${ref};
	const res = await fetch(url);
	if (!res.ok) throw new Error(\`The story's incidents could not be loaded from \${url} (HTTP \${res.status}). Reload the page once the connection is back.\`);
	return res.json();
};`;
		}
	};
}

/**
 * `__STORY_MAP__`: what the browser needs of the story's basemap.json (the streets' extent, their
 * credit and note, or none), read at build time so the code names no story (src/lib/data/story-map.ts).
 */
function storyMap(): Plugin {
	return {
		name: 'story-map',
		async config() {
			const [{ module: loader }, { module: schema }] = await Promise.all([
				runnerImport<typeof import('./src/lib/server/story-map')>('./src/lib/server/story-map.ts', {
					configFile: false,
					logLevel: 'error'
				}),
				runnerImport<typeof import('./src/lib/data/story-map-schema')>('./src/lib/data/story-map-schema.ts', {
					configFile: false,
					logLevel: 'error'
				})
			]);
			return { define: { __STORY_MAP__: JSON.stringify(schema.clientStoryMap(loader.loadStoryMap())) } };
		}
	};
}

/**
 * In `npm run dev`, saving a story file validates the story again: a problem shows in Vite's error
 * overlay (file > record > field, and the fix) over the last good map; once fixed, the page reloads on
 * the new data (a new basemap.json restarts the server, since it sets `__STORY_MAP__`).
 */
function storyDevErrors(): Plugin {
	return {
		name: 'story-dev-errors',
		apply: 'serve',
		async configureServer(server) {
			const load = <T>(path: string) =>
				runnerImport<T>(path, { configFile: false, logLevel: 'error' }).then((r) => r.module);
			const { STORY_DIR } = await load<typeof import('./src/lib/server/geodata')>(
				'./src/lib/server/geodata.ts'
			);
			const dir = resolve(STORY_DIR);
			let problems: string[] = [];
			let overlay: ReturnType<typeof import('./src/lib/server/story-check').devOverlay> | null = null;
			server.watcher.add(dir);
			const saved = async (file: string) => {
				if (!file.startsWith(dir + sep) || file.includes(`${sep}sheets${sep}`) || file.endsWith('.tmp'))
					return;
				const check = await load<typeof import('./src/lib/server/story-check')>(
					'./src/lib/server/story-check.ts'
				);
				problems = check.checkStory(dir);
				if (problems.length) {
					overlay = check.devOverlay(STORY_DIR, problems);
					server.config.logger.error(overlay.message, { timestamp: true });
					server.ws.send({ type: 'error', err: overlay });
					return;
				}
				overlay = null;
				server.config.logger.info(`story data valid again (${file.slice(dir.length + 1)})`, {
					timestamp: true
				});
				if (file.endsWith('basemap.json')) return server.restart();
				// The page's data is read once per server: read it again, on the saved files.
				for (const env of Object.values(server.environments)) env.moduleGraph.invalidateAll();
				server.ws.send({ type: 'full-reload' });
			};
			for (const event of ['change', 'add', 'unlink']) server.watcher.on(event, saved);
			// A reader who reloads by hand still sees what is wrong.
			server.ws.on('connection', () => {
				if (overlay) setTimeout(() => overlay && server.ws.send({ type: 'error', err: overlay }), 500);
			});
		}
	};
}

export default defineConfig({
	plugins: [storyMap(), storyDevErrors(), storyIncidents(), sveltekit()],
	build: {
		// maplibre-gl is one ~1 MB chunk loaded after first paint; that size is expected.
		chunkSizeWarningLimit: 1100,
		rolldownOptions: {
			output: {
				// MapLibre alone in its chunk: the map's own code (controller, style, Turf) then lands in a
				// chunk of its own, counted as ours by the byte measures instead of hiding in MapLibre's.
				codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }] }
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Property tests and the validator's child process run for seconds on a busy two-core machine:
		// a limit is there to catch a hang, not to time them.
		testTimeout: 30_000,
		hookTimeout: 30_000
	}
});
