// `--baseline=<git ref>`: that commit of this repository, checked out in a temporary git worktree and
// built there with its own scripts and its own story data, so the benchmark can measure it beside
// the working tree in one sitting ("before" and "after").
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Baseline {
	ref: string;
	commit: string;
	dir: string;
	/** Builds the baseline's app on a synthetic story of n incidents, written by its own generator. */
	buildSynthetic(n: number, outDir: string): void;
	/** Builds the baseline's real story with its own `npm run build`. */
	buildStory(outDir: string): void;
	remove(): void;
}

function run(cmd: string, argv: string[], cwd: string, env: Record<string, string> = {}) {
	execFileSync(cmd, argv, {
		cwd,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ...env }
	});
}

/**
 * The real story, built as `npm run build` builds it (validated, preview cards drawn, prerendered)
 * but for the basemap, built once beforehand, and the precompressed copies, which the benchmark's
 * servers do not use (they gzip as they send).
 */
export function buildStory(cwd: string, outDir: string) {
	run('npm', ['run', '-s', 'validate'], cwd);
	run('npm', ['run', '-s', 'og'], cwd);
	run('npm', ['run', '-s', '--ignore-scripts', 'build', '--', '--logLevel', 'error'], cwd, {
		BUILD_DIR: resolve(outDir)
	});
}

export function prepareBaseline(ref: string): Baseline {
	let commit: string;
	try {
		commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error(
			`--baseline=${ref}: not a commit of this repository (try a hash such as ad041bb, or a branch)`
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
	run('git', ['worktree', 'add', '--detach', '--quiet', dir, commit], '.');
	const remove = () => {
		if (existsSync(join(dir, 'node_modules'))) {
			// A symlink to our own node_modules is unlinked first: only the link goes.
			try {
				unlinkSync(join(dir, 'node_modules'));
			} catch {
				rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
			}
		}
		try {
			run('git', ['worktree', 'remove', '--force', dir], '.');
		} catch (e) {
			console.warn(`Could not remove the baseline's worktree ${dir}: ${String(e)}`);
		}
	};
	try {
		const lock = execFileSync('git', ['show', `${commit}:package-lock.json`], { maxBuffer: 64 << 20 });
		if (lock.equals(readFileSync('package-lock.json'))) {
			// The same dependencies to the byte: ours serve, and the build is faster and offline.
			symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
			run('node_modules/.bin/svelte-kit', ['sync'], dir);
		} else {
			console.log(`baseline ${ref}: its package-lock.json differs, installing its dependencies`);
			run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir, {
				PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1'
			});
		}
		run('npm', ['run', '-s', 'basemap'], dir);
		// The opening pictures (static/opening/) are linked from every page since issue 22: without
		// them a synthetic story's prerender stops on a 404, as the working tree's would.
		run('npm', ['run', '-s', 'og'], dir);
	} catch (e) {
		remove();
		throw e;
	}
	return {
		ref,
		commit,
		dir,
		buildSynthetic(n, outDir) {
			const story = join(dir, `bench/.out/story-${n}`);
			const gen = join(dir, 'bench/.out/write-synthetic.ts');
			mkdirSync(join(dir, 'bench/.out'), { recursive: true });
			writeFileSync(
				gen,
				`import { writeSyntheticStory } from '../synthetic';\nwriteSyntheticStory(${n}, ${JSON.stringify(story)});\n`
			);
			run('node_modules/.bin/tsx', [gen], dir);
			run('node_modules/.bin/tsx', ['scripts/validate.ts', story], dir);
			run('node_modules/.bin/vite', ['build', '--logLevel', 'error'], dir, {
				STORY_DIR: story,
				ITEM_PAGES: '0',
				BUILD_DIR: resolve(outDir)
			});
		},
		buildStory: (outDir) => buildStory(dir, outDir),
		remove
	};
}
