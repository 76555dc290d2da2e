// Writes a gzip and a brotli copy beside each text file of the built site, for hosts that serve
// precompressed files: the best (slow) compression once per build, not a quick one per request.
// Left alone: config.json, which deployers edit after the build (a stale compressed copy would be
// served instead of their edit); .pmtiles, read by range requests that need the file's own bytes
// (its tiles are gzipped inside already); images and fonts, compressed already.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TEXT = /\.(html|js|mjs|css|json|geojson|svg|webmanifest|txt|xml)$/;
/** Edited by deployers after the build: always served as it is on disk. */
const NEVER = new Set(['config.json']);
/** Below this, compression saves less than its headers cost. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function textFiles(root: string, dir = root): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return textFiles(root, path);
		return TEXT.test(e.name) && !NEVER.has(relative(root, path)) ? [path] : [];
	});
}

async function compress(file: string): Promise<number> {
	const raw = readFileSync(file);
	if (raw.length < MIN_BYTES) return 0;
	const [br, gzipped] = await Promise.all([
		brotli(raw, {
			params: {
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_SIZE_HINT]: raw.length
			}
		}),
		gz(raw, { level: constants.Z_BEST_COMPRESSION })
	]);
	// A copy no smaller than the file is no use to anyone.
	if (br.length < raw.length) writeFileSync(`${file}.br`, br);
	if (gzipped.length < raw.length) writeFileSync(`${file}.gz`, gzipped);
	return raw.length;
}

const dir = process.env.BUILD_DIR || 'build';
// The e2e builds of other stories (e2e/story-build.ts) serve uncompressed: the copies cost most of their time.
if (process.env.PRECOMPRESS === '0') {
	console.log(`Not precompressed (PRECOMPRESS=0): ${dir}/ is served as it is`);
	process.exit(0);
}
const started = performance.now();
const files = textFiles(dir);
// zlib works on libuv's thread pool (four threads): a few files at a time keep it busy.
let next = 0;
let bytes = 0;
await Promise.all(
	Array.from({ length: 4 }, async () => {
		while (next < files.length) {
			const done = await compress(files[next++]!);
			bytes += done;
		}
	})
);
console.log(
	`Precompressed ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) in ${dir}/ as .br and .gz in ${((performance.now() - started) / 1000).toFixed(1)} s`
);
