// What the offline copy (npm run pack) carries inside itself, read from the site's build so every
// file keeps the name the build gave it. Text files are gzipped (the browser's DecompressionStream
// reads them back); the street archive's tiles are gzipped already, so it is kept as it is.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadStory } from '../../src/lib/server/geodata';
import { DEFAULT_SITE_URL } from '../../src/lib/share/page-meta';
import type { OfflineCopy } from '../../src/lib/data/carried-files';

/** The folders of the site's build the copy takes, and which of their files. */
const TAKEN: [folder: string, keep: RegExp][] = [
	['map', /\.geojson$/],
	['basemap', /\.(geojson|pmtiles)$/]
];

/** The detail card's print insets (sites and incidents) of one language, such as `og/en/site/…`. */
export const insetPattern = (folder: string) => new RegExp(`^og/${folder}(site|incident)/[^/]+-inset\\.svg$`);

/** A file of the build as the copy carries it. */
export function carried(buildDir: string, name: string): OfflineCopy['files'][string] {
	const bytes = readFileSync(join(buildDir, name));
	return name.endsWith('.pmtiles')
		? { bytes: bytes.toString('base64') }
		: { gzip: gzipSync(bytes, { level: 9 }).toString('base64') };
}

export function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

export function offlinePayload(buildDir: string, env = process.env): OfflineCopy {
	const story = loadStory().story;
	const files: OfflineCopy['files'] = {};
	for (const [folder, keep] of TAKEN) {
		let paths: string[];
		try {
			paths = filesUnder(join(buildDir, folder));
		} catch {
			throw new Error(
				`The offline copy is made from the site's build, and ${join(buildDir, folder)} is missing: run \`npm run build\` first (npm run pack then runs by itself).`
			);
		}
		for (const path of paths) {
			const name = relative(buildDir, path).split(sep).join('/');
			if (keep.test(name)) files[name] = carried(buildDir, name);
		}
	}
	return {
		story: story.id,
		name: story.name,
		version: story.version,
		siteUrl: (env.PUBLIC_SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, ''),
		madeOn: new Date().toISOString().slice(0, 10),
		files
	};
}
