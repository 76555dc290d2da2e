// npm run pack (also the end of npm run build): the offline copy, one HTML file per language that
// opens from disk with no server and no connection. The app is built a second time (OFFLINE_COPY=1:
// svelte.config.js, vite.config.ts) with everything inlined, and carries the site's map files from
// the site's build (BUILD_DIR, else build/), which must be there first.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LANGS, langFolder } from '../src/lib/data/langs.js';
import { loadStory } from '../src/lib/server/geodata';
import { DEFAULT_SITE_URL } from '../src/lib/share/page-meta';
import { PAGE_FILES_ID } from '../src/lib/data/carried-files';
import { carried, filesUnder, insetPattern } from './lib/offline-payload';
import { offlineHtml } from './lib/offline-html';

const started = performance.now();
const buildDir = process.env.BUILD_DIR || 'build';
// svelte.config.js writes the offline build's pages here.
const PAGES = '.svelte-kit-offline/pages';

const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
	env: { ...process.env, OFFLINE_COPY: '1', ITEM_PAGES: '0' },
	stdio: 'inherit'
});
if (vite.status !== 0)
	throw new Error(`pack: the offline build failed (vite exited with ${vite.status}); see above.`);

const { story } = loadStory();
const outDir = join(buildDir, 'offline');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const files = LANGS.map((lang) => {
	const insets = filesUnder(join(buildDir, 'og'))
		.map((path) => relative(buildDir, path).split(sep).join('/'))
		.filter((name) => insetPattern(langFolder(lang)).test(name));
	const pageFiles = Object.fromEntries(insets.map((name) => [name, carried(buildDir, name)]));
	const html = offlineHtml(readFileSync(join(PAGES, langFolder(lang), 'index.html'), 'utf8'), {
		[PAGE_FILES_ID]: pageFiles
	});
	const file = `${story.id}-${story.version}.${lang}.html`;
	const sha256 = createHash('sha256').update(html).digest('hex');
	writeFileSync(join(outDir, file), html);
	// In sha256sum's own format, so `sha256sum -c` reads it.
	writeFileSync(join(outDir, `${file}.sha256`), `${sha256}  ${file}\n`);
	return { lang, file, bytes: Buffer.byteLength(html), sha256 };
});
// The site's own address, which the copies name (the banner, share links): as the offline build had it.
const siteUrl = (process.env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
writeFileSync(
	join(outDir, 'index.json'),
	JSON.stringify({ story: story.id, version: story.version, siteUrl, files })
);
for (const f of files)
	console.log(`offline copy: ${join(outDir, f.file)} ${(f.bytes / 1e6).toFixed(2)} MB, sha256 ${f.sha256}`);
console.log(`offline copy: made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
