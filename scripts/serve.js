// Serves the built site as a production host would (`vite preview` serves .svelte-kit/output, not
// build/): the brotli or gzip copy written at build time (scripts/precompress.ts) when the browser
// accepts it, hashed files cached for a year, everything else revalidated, the headers the README's
// "Deploy" section asks of a host. Unknown paths get the adapter's 200.html fallback; Range requests
// are honoured, always on the file's own bytes.
// Usage: node scripts/serve.js [dir] [port] [--cors]
// --cors lets pages of other origins read the files (the e2e "third party" that hosts street tiles).
import { createServer } from 'node:http';
import sirv from 'sirv';

const [dir = 'build', portArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const port = Number(portArg ?? process.env.PORT ?? 4173);
const cors = process.argv.includes('--cors');

/** Kit's hashed output: a new deployment gives new names, so a copy never goes stale. */
const IMMUTABLE = '/_app/immutable/';
const CACHE = {
	immutable: 'public, max-age=31536000, immutable',
	// Pages, page data, map data, config.json, the service worker, the manifest: asked again (a 304
	// when unchanged), so a deployment or a deployer's edit reaches readers at once.
	other: 'no-cache'
};
/** Headers a host should send with every file (README, "Deploy"); the policy itself is in each page. */
const SECURITY = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};

const assets = sirv(dir, {
	etag: true,
	gzip: true,
	brotli: true,
	single: '200.html',
	extensions: ['html'],
	setHeaders: cors
		? (res) => {
				res.setHeader('Access-Control-Allow-Origin', '*');
				res.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length, ETag');
			}
		: undefined
});

createServer((req, res) => {
	// Preflight for ranged cross-origin reads.
	if (cors && req.method === 'OPTIONS') {
		res.writeHead(204, {
			'Access-Control-Allow-Origin': '*',
			'Access-Control-Allow-Headers': 'Range, If-Match',
			'Access-Control-Allow-Methods': 'GET, HEAD'
		});
		return res.end();
	}
	const path = new URL(req.url ?? '/', 'http://host').pathname;
	// Set before sirv answers, so a 304 carries them too.
	res.setHeader('Cache-Control', path.startsWith(IMMUTABLE) ? CACHE.immutable : CACHE.other);
	for (const [name, value] of Object.entries(SECURITY)) res.setHeader(name, value);
	// A range is of the file itself (a .pmtiles archive), never of a compressed copy.
	if (req.headers.range) delete req.headers['accept-encoding'];
	assets(req, res);
}).listen(port, '127.0.0.1', () => {
	console.log(`Serving ${dir} on http://127.0.0.1:${port}`);
});
