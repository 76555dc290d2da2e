import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
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
			if (command === 'serve' || options?.ssr || OFFLINE)
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

/** `npm run pack` builds the app a second time as one file (scripts/pack.ts): OFFLINE_COPY=1. */
const OFFLINE = process.env.OFFLINE_COPY === '1';
const WORKER_URL = 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
const FONT_URL = /^@fontsource\/noto-sans\/files\/([\w-]+\.woff2)\?url$/;

/**
 * `virtual:offline-copy`: null in the site's build. In the offline copy's, what the copy carries
 * inside itself (its banner's facts, the map's data files, the street archive, the print insets),
 * read from the site's build (BUILD_DIR, else build/) so file names are the build's own; and
 * MapLibre's worker as a blob: URL made from its source, since a file opened from disk can load no
 * other file.
 */
function offlineCopy(): Plugin {
	const id = 'virtual:offline-copy';
	const worker = '\0offline-copy-worker';
	return {
		name: 'offline-copy',
		enforce: 'pre',
		resolveId(source, _importer, options) {
			if (source === id) return '\0' + id;
			if (!OFFLINE || options?.ssr) return;
			if (source === WORKER_URL) return worker;
			const font = FONT_URL.exec(source)?.[1];
			if (font) return `\0offline-copy-font:${font}`;
		},
		// Fontsource's stylesheets name a .woff beside each .woff2 for browsers without woff2 (none
		// that run MapLibre 6): inlined, it would only add weight.
		transform(code, moduleId) {
			if (OFFLINE && /@fontsource\/.*\.css$/.test(moduleId))
				return code.replace(/,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g, '');
		},
		async load(resolved) {
			// Gzipped, and inflated at once (fflate, which pmtiles already brings): MapLibre reads the
			// worker's address as soon as it is loaded, before an asynchronous DecompressionStream could.
			if (resolved === worker) {
				const code = readFileSync(resolve('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'));
				const gz = gzipSync(code, { level: 9 }).toString('base64');
				return `import { gunzipSync, strFromU8 } from 'fflate';
const gz = atob(${scriptSafe(gz)});
const bytes = new Uint8Array(gz.length);
for (let i = 0; i < gz.length; i++) bytes[i] = gz.charCodeAt(i);
export default URL.createObjectURL(new Blob([strFromU8(gunzipSync(bytes))], { type: 'text/javascript' }));`;
			}
			// The map's font files, read through the copy's own protocol (src/lib/map/offline-files.ts).
			if (resolved.startsWith('\0offline-copy-font:')) {
				const name = resolved.slice('\0offline-copy-font:'.length);
				const bytes = readFileSync(resolve('node_modules/@fontsource/noto-sans/files', name)).toString(
					'base64'
				);
				return `import copy from '${id}';
copy.files['fonts/${name}'] = { bytes: ${scriptSafe(bytes)} };
export default 'offline://fonts/${name}';`;
			}
			if (resolved !== '\0' + id) return;
			if (!OFFLINE) return 'export default null;';
			const { module } = await runnerImport<typeof import('./scripts/lib/offline-payload')>(
				'./scripts/lib/offline-payload.ts',
				{ configFile: false, logLevel: 'error', resolve: { alias: { $lib: resolve('src/lib') } } }
			);
			const { offlinePayload } = module;
			return `export default ${scriptSafe(offlinePayload(process.env.BUILD_DIR || 'build'))};`;
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

/** JSON as a JavaScript literal that can sit inside an HTML <script> element. */
const scriptSafe = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

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

/** The site's own build is followed by `npm run pack` (postbuild): only then is there a copy to offer. */
const PACKED = process.env.npm_lifecycle_event === 'build' && !OFFLINE;

export default defineConfig({
	define: { __OFFLINE_COPIES__: JSON.stringify(PACKED) },
	plugins: [offlineCopy(), storyMap(), storyDevErrors(), storyIncidents(), sveltekit()],
	build: {
		// The offline copy carries its fonts inside it, as data: URLs.
		assetsInlineLimit: OFFLINE ? Infinity : undefined,
		// maplibre-gl is one ~1 MB chunk loaded after first paint; that size is expected.
		chunkSizeWarningLimit: 1100,
		rolldownOptions: {
			output: OFFLINE
				? {}
				: {
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
