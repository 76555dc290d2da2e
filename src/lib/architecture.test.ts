// Dependencies point one way (README, Architecture): read from the source (.ts, .js, .svelte under
// src/lib, the routes, the hooks, the service worker), so an import that breaks the rule fails here
// with the file that added it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = 'src/lib';

/**
 * Folders under src/lib, and the parts of src/ outside it, with what each may import from src/lib,
 * types included. `types` holds the words every folder shares (a camera, a selection).
 */
const MAY_IMPORT: Record<string, string[]> = {
	data: [],
	types: ['data'],
	i18n: ['data', 'types'],
	share: ['data', 'types', 'i18n', 'url'],
	url: ['data', 'types'],
	map: ['data', 'types', 'i18n', 'share'],
	export: ['data', 'types', 'i18n', 'share'],
	offline: ['data', 'types'],
	state: ['data', 'types', 'i18n', 'map', 'url', 'export', 'share', 'offline'],
	components: ['data', 'types', 'i18n', 'map', 'url', 'state', 'export', 'share', 'offline'],
	server: ['data', 'types', 'i18n', 'map', 'share', 'export', 'url'],
	// Composition: load the data, lay out components; never the state or the map directly.
	routes: ['data', 'types', 'i18n', 'share', 'server', 'state', 'components'],
	hooks: ['data', 'types', 'url', 'share', 'export', 'server', 'offline'],
	// Its own global, no DOM: nothing of the page's components, state or map.
	'service-worker': ['data', 'types', 'offline']
};

/** The parts of src/ outside src/lib, by the rule that applies to them. */
const OUTSIDE: Record<string, string[]> = {
	routes: ['src/routes', 'src/params'],
	hooks: ['src/hooks.ts', 'src/hooks.server.ts'],
	'service-worker': ['src/service-worker.ts']
};

function files(path: string): string[] {
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? files(join(path, e.name))
			: /\.(ts|js|svelte)$/.test(e.name) && !/\.test\.ts$|\.d\.ts$/.test(e.name)
				? [join(path, e.name)]
				: []
	);
}

/** The files a rule covers: its folder under src/lib, or its parts of src/. */
const ruled = (name: string) => (OUTSIDE[name] ?? [join(LIB, name)]).filter(existsSync).flatMap(files);

/** A module specifier as a path under src/lib without extension or query, or null when outside. */
function inLib(file: string, spec: string): string | null {
	const path = spec.replace(/\?.*$/, '');
	const target = path.startsWith('$lib/')
		? join(LIB, path.slice(5))
		: path.startsWith('.')
			? relative('.', resolve(dirname(file), path))
			: null;
	return target?.startsWith(`${LIB}/`) ? target.slice(LIB.length + 1).replace(/\.(ts|js|svelte)$/, '') : null;
}

/**
 * The src/lib modules a file imports, as paths under src/lib without extension: static imports and
 * re-exports, `import()` (loaded later, or a type); with `values`, only those that bring a value.
 */
function importedModules(file: string, values = false): string[] {
	const src = readFileSync(file, 'utf8');
	const out: string[] = [];
	for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
		const [, typeOnly, names, spec] = m;
		// `import type`, or braces holding only `type X` names, bring no value.
		const typesOnly =
			!!typeOnly ||
			(/^\{[^}]*\}$/.test(names!.trim()) &&
				names!
					.replace(/[{}]/g, '')
					.split(',')
					.every((n) => !n.trim() || n.trim().startsWith('type ')));
		if (values && typesOnly) continue;
		const target = inLib(file, spec!);
		if (target) out.push(target);
	}
	for (const m of src.matchAll(/(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
		if (values && m[1]) continue;
		const target = inLib(file, m[2]!);
		if (target) out.push(target);
	}
	return out;
}

/** The src/lib folders a file imports from, types included. */
const importedFolders = (file: string) => importedModules(file).map((m) => m.split('/')[0]!);

describe('the folders under src/lib', () => {
	const folders = readdirSync(LIB, { withFileTypes: true })
		.filter((e) => e.isDirectory() && !e.name.startsWith('_'))
		.map((e) => e.name);

	it('each has a rule', () => {
		expect(folders.filter((f) => !(f in MAY_IMPORT))).toEqual([]);
	});

	it('and the routes, hooks and service worker import only what their rule allows, types included', () => {
		const broken: string[] = [];
		for (const name of [...folders, ...Object.keys(OUTSIDE)])
			for (const file of ruled(name))
				for (const target of importedFolders(file))
					if (target !== name && !MAY_IMPORT[name]?.includes(target))
						broken.push(`${file} imports from ${target}/`);
		expect(broken).toEqual([]);
	});

	it('the rules cover files: a renamed folder or entry does not pass unread', () => {
		for (const name of Object.keys(MAY_IMPORT)) expect(ruled(name).length, name).toBeGreaterThan(0);
	});

	it('keep zod out of the browser: only build-time code imports values from the schema', () => {
		// zod probes `new Function` when it loads, which the page's Content Security Policy refuses;
		// the lists the browser needs live in zod-free modules (langs.ts, vocab.ts).
		const buildTime = (f: string) =>
			f.startsWith(`${LIB}/server/`) ||
			f === `${LIB}/data/validate.ts` ||
			/\bhooks\.server\.ts$|\+(page\.server|server)\.ts$/.test(f);
		const broken = [...folders, ...Object.keys(OUTSIDE)]
			.flatMap(ruled)
			.filter((f) => !buildTime(f) && importedModules(f, true).includes('data/schema'));
		expect(broken).toEqual([]);
	});

	it('never import each other', () => {
		for (const [a, deps] of Object.entries(MAY_IMPORT))
			for (const b of deps) expect(MAY_IMPORT[b] ?? [], `${a} and ${b}`).not.toContain(a);
	});
});
