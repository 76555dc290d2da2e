// Dependencies point one way (README, Architecture): read from the source, so a new import that
// breaks the rule fails here with the file that added it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = 'src/lib';

/** Folders under src/lib, and what each may import (value imports; `import type` is free). */
const MAY_IMPORT: Record<string, string[]> = {
	data: [],
	i18n: ['data'],
	share: ['data', 'i18n', 'url'],
	url: ['data'],
	map: ['data', 'i18n', 'share'],
	export: ['data', 'i18n', 'share'],
	offline: ['data'],
	state: ['data', 'i18n', 'map', 'url', 'export', 'share', 'offline'],
	components: ['data', 'i18n', 'map', 'url', 'state', 'export', 'share', 'offline'],
	server: ['data', 'i18n', 'map', 'share', 'export', 'url']
};

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? files(join(dir, e.name))
			: /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.test.ts')
				? [join(dir, e.name)]
				: []
	);
}

/** The src/lib modules a file imports values from, as paths under src/lib without extension. */
function valueModules(file: string): string[] {
	const src = readFileSync(file, 'utf8');
	const out: string[] = [];
	for (const m of src.matchAll(/^\s*import\s+(type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
		const [, typeOnly, names, spec] = m;
		// `import type`, or braces holding only `type X` names, bring no value.
		if (
			typeOnly ||
			(/^\{[^}]*\}$/.test(names!.trim()) &&
				names!
					.replace(/[{}]/g, '')
					.split(',')
					.every((n) => !n.trim() || n.trim().startsWith('type ')))
		)
			continue;
		const target = spec!.startsWith('$lib/')
			? join(LIB, spec!.slice(5))
			: spec!.startsWith('.')
				? relative('.', resolve(dirname(file), spec!))
				: null;
		if (target?.startsWith(`${LIB}/`))
			out.push(target.slice(LIB.length + 1).replace(/\.(ts|js|svelte)$/, ''));
	}
	return out;
}

/** The src/lib folders a file imports values from. */
const valueImports = (file: string) => valueModules(file).map((m) => m.split('/')[0]!);

describe('the folders under src/lib', () => {
	const folders = readdirSync(LIB, { withFileTypes: true })
		.filter((e) => e.isDirectory() && !e.name.startsWith('_'))
		.map((e) => e.name);

	it('each has a rule', () => {
		expect(folders.filter((f) => !(f in MAY_IMPORT))).toEqual([]);
	});

	it('import only what their rule allows', () => {
		const broken: string[] = [];
		for (const folder of folders)
			for (const file of files(join(LIB, folder)))
				for (const target of valueImports(file))
					if (target !== folder && !MAY_IMPORT[folder]?.includes(target))
						broken.push(`${file} imports a value from ${target}/`);
		expect(broken).toEqual([]);
	});

	it('keep zod out of the browser: only build-time code imports values from the schema', () => {
		// zod probes `new Function` when it loads, which the page's Content Security Policy refuses;
		// the lists the browser needs live in zod-free modules (langs.ts, vocab.ts).
		const buildTime = (f: string) => f.startsWith(`${LIB}/server/`) || f === `${LIB}/data/validate.ts`;
		const broken = folders
			.flatMap((folder) => files(join(LIB, folder)))
			.filter((f) => !buildTime(f) && valueModules(f).includes('data/schema'));
		expect(broken).toEqual([]);
	});

	it('never import each other', () => {
		for (const [a, deps] of Object.entries(MAY_IMPORT))
			for (const b of deps) expect(MAY_IMPORT[b] ?? [], `${a} and ${b}`).not.toContain(a);
	});
});
