// Builds a story in a throwaway copy of the project (its sources, static files and data; node_modules
// linked), so the build's own outputs in static/ (basemap, preview cards) never replace the main story's.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const COPIED = [
	'src',
	'scripts',
	'static',
	'geodata',
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

export interface StoryBuild {
	/** The copy's root: run commands there. */
	root: string;
	run(cmd: string, args: string[], env?: Record<string, string>): string;
	remove(): void;
}

export function projectCopy(): StoryBuild {
	const root = mkdtempSync(join(tmpdir(), 'story-build-'));
	for (const entry of COPIED)
		cpSync(entry, join(root, entry), {
			recursive: true,
			// The main story's built basemap and cards are outputs: the copy's build makes its own.
			filter: (src) => !/^static\/(basemap|og)(\/|$)/.test(src)
		});
	symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
	// Precompressed copies are the build's slowest step and change nothing these tests read.
	const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
		execFileSync(cmd, args, {
			cwd: root,
			env: { ...process.env, PRECOMPRESS: '0', ...env },
			encoding: 'utf8',
			stdio: 'pipe'
		});
	run('node_modules/.bin/svelte-kit', ['sync']);
	return { root, run, remove: () => rmSync(root, { recursive: true, force: true }) };
}
