// Serves the built site as a production host would (`vite preview` serves .svelte-kit/output, not
// build/): the brotli or gzip copy written at build time (scripts/precompress.ts) when the browser
// accepts it, hashed files cached for a year, everything else revalidated, the headers the README's
// "Deploy" section asks of a host. Unknown paths get the adapter's 200.html fallback. Ranges follow
// RFC 9110 §14 on the file's own bytes. Every file is looked at afresh on each request (a deployer
// edits config.json on a running host), and a fault in one request answers that request alone.
// Usage: node scripts/serve.js [dir] [port] [--cors]
// --cors lets pages of other origins read the files (the e2e "third party" that hosts street tiles).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, posix, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const [dir = 'build', portArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const port = Number(portArg ?? process.env.PORT ?? 4173);
const cors = process.argv.includes('--cors');
const root = resolve(dir);

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
const CORS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'Content-Range, Content-Length, ETag, Accept-Ranges'
};
/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.pmtiles': 'application/vnd.pmtiles'
};
/** Precompressed copies, best first (scripts/precompress.ts writes both). */
/** @type {[string, string][]} */
const ENCODINGS = [
	['br', '.br'],
	['gzip', '.gz']
];

class HttpError extends Error {
	/** @param {number} status @param {string} message */
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

/**
 * The request's path, decoded, as a file path under the site, or null when it cannot be decoded
 * (`%E0%A4%A`). A request-target that is not a clean absolute path (`//`, `http://[`, `..`, a NUL)
 * is a 400, never a guess.
 * @param {string} target
 */
function pathOf(target) {
	let raw = target;
	// absolute-form (RFC 9112 §3.2.2): a proxy's form, which a server must still accept.
	if (/^https?:\/\//i.test(raw)) {
		try {
			raw = new URL(raw).pathname;
		} catch {
			throw new HttpError(400, 'unreadable request-target');
		}
	}
	raw = raw.split(/[?#]/, 1)[0] ?? '';
	if (!raw.startsWith('/') || raw.includes('//')) throw new HttpError(400, 'not a clean path');
	let path;
	try {
		path = decodeURIComponent(raw);
	} catch {
		// Names no file (`/site/%E0%A4%A`): the app's fallback page says so, and links to the story.
		return null;
	}
	if (path.includes('\0') || path.includes('\\') || posix.normalize(path) !== path)
		throw new HttpError(400, 'not a clean path');
	return path;
}

/** @param {string} file */
async function fileAt(file) {
	const full = join(root, file);
	if (full !== root && !full.startsWith(root + sep)) return null;
	try {
		const s = await stat(full, { bigint: true });
		return s.isFile() ? { full, stat: s } : null;
	} catch {
		return null;
	}
}

/**
 * The file a path names, as a static host finds it (sirv's and nginx's `try_files` order).
 * @param {string} path
 */
async function find(path) {
	const candidates = path.endsWith('/')
		? [`${path}index.html`]
		: [path, `${path}.html`, `${path}/index.html`];
	for (const c of candidates) {
		const found = await fileAt(c);
		if (found) return { ...found, name: c };
	}
	// A file that is not there (`/_app/immutable/gone.js`) is a 404; a page address gets the app.
	return isFileAddress(path) ? null : fallback();
}

/**
 * Whether an address names a file rather than a page (`__data.json`, `gone.js`), so that the app
 * is never sent where data is expected.
 * @param {string} path
 */
const isFileAddress = (path) => {
	const bare = path.split(/[?#]/, 1)[0] ?? '';
	return /\.[a-z0-9]+$/i.test(bare) && !bare.endsWith('.html');
};

/** The adapter's fallback page, the app for any address it has no file for. */
async function fallback() {
	const page = await fileAt('/200.html');
	return page ? { ...page, name: '/200.html' } : null;
}

/** @param {import('node:fs').BigIntStats} s @param {string} suffix */
const etagOf = (s, suffix = '') => `"${s.size.toString(16)}-${s.mtimeNs.toString(16)}${suffix}"`;

/**
 * A Range header (RFC 9110 §14.1.2) against a file of `size` bytes: null when it is to be ignored
 * (another unit, or not the grammar's), [] when no range is satisfiable (a 416), else the byte
 * ranges asked, inclusive, in order.
 * @param {string} header @param {number} size
 * @returns {[number, number][] | null}
 */
function parseRange(header, size) {
	const eq = header.indexOf('=');
	if (eq < 0 || header.slice(0, eq).trim().toLowerCase() !== 'bytes') return null;
	/** @type {[number, number][]} */
	const ranges = [];
	for (const spec of header.slice(eq + 1).split(',')) {
		const m = /^\s*(\d*)-(\d*)\s*$/.exec(spec);
		if (!m || (m[1] === '' && m[2] === '')) return null;
		if (m[1] === '') {
			// A suffix: the last n bytes, the whole file when it is shorter.
			const n = Number(m[2]);
			if (n > 0 && size > 0) ranges.push([Math.max(0, size - n), size - 1]);
			continue;
		}
		const first = Number(m[1]);
		const last = m[2] === '' ? size - 1 : Number(m[2]);
		// last < first is invalid (§14.1.1); answered as unsatisfiable, as a careful host does.
		if (last < first || first >= size) continue;
		ranges.push([first, Math.min(last, size - 1)]);
	}
	return ranges;
}

/**
 * Whether an If-Range validator (§13.1.5) still names this file: a strong ETag, or the exact
 * Last-Modified date.
 * @param {string} value @param {string} etag @param {string} modified
 */
function ifRangeHolds(value, etag, modified) {
	const v = value.trim();
	if (v.startsWith('"')) return v === etag;
	if (v.startsWith('W/')) return false;
	const date = Date.parse(v);
	return !Number.isNaN(date) && new Date(date).toUTCString() === modified;
}

/**
 * Whether an If-None-Match list names this file (weak comparison, §13.1.2).
 * @param {string} value @param {string} etag
 */
function noneMatch(value, etag) {
	const bare = (/** @type {string} */ t) => t.trim().replace(/^W\//, '');
	return value.trim() === '*' || value.split(',').some((t) => bare(t) === bare(etag));
}

/**
 * The codings an Accept-Encoding header accepts (RFC 9110 §12.5.3): `br;q=0` refuses brotli.
 * @param {string} header
 */
function acceptedEncodings(header) {
	const accepted = new Set();
	for (const part of header.split(',')) {
		const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
		const q = params.find((p) => p.startsWith('q='));
		if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name);
	}
	return accepted;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function answer(req, res) {
	for (const [name, value] of Object.entries(SECURITY)) res.setHeader(name, value);
	if (cors && req.method === 'OPTIONS') {
		// Preflight for ranged cross-origin reads.
		res.writeHead(204, {
			...CORS,
			'Access-Control-Allow-Headers': 'Range, If-Match, If-Range',
			'Access-Control-Allow-Methods': 'GET, HEAD'
		});
		return res.end();
	}
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { Allow: 'GET, HEAD' });
		return res.end();
	}
	const target = req.url ?? '/';
	const path = pathOf(target);
	res.setHeader('Cache-Control', path?.startsWith(IMMUTABLE) ? CACHE.immutable : CACHE.other);
	// An address that cannot be decoded names no file: a page's gets the app, a file's a 404.
	const file = path !== null ? await find(path) : isFileAddress(target) ? null : await fallback();
	if (!file) throw new HttpError(404, 'not found');
	// Only with a file: a missing one is answered as a host without CORS answers (the tests' third party).
	if (cors) for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);

	const size = Number(file.stat.size);
	const modified = new Date(Number(file.stat.mtimeMs)).toUTCString();
	const type = TYPES[extname(file.name)] ?? 'application/octet-stream';
	const rangeHeader = req.headers.range;
	let etag = etagOf(file.stat);
	/** @type {{ full: string, size: number, encoding: string | null }} */
	let body = { full: file.full, size, encoding: null };
	// A range is of the file itself (a .pmtiles archive), never of a compressed copy.
	const copies = (await Promise.all(ENCODINGS.map(([, ext]) => fileAt(file.name + ext)))).some(Boolean);
	if (copies) res.setHeader('Vary', 'Accept-Encoding');
	if (!rangeHeader && copies) {
		const accepted = acceptedEncodings(String(req.headers['accept-encoding'] ?? ''));
		for (const [encoding, ext] of ENCODINGS) {
			if (!accepted.has(encoding)) continue;
			const copy = await fileAt(file.name + ext);
			if (!copy) continue;
			etag = etagOf(copy.stat, `-${encoding}`);
			body = { full: copy.full, size: Number(copy.stat.size), encoding };
			break;
		}
	}
	res.setHeader('ETag', etag);
	res.setHeader('Last-Modified', modified);
	res.setHeader('Accept-Ranges', 'bytes');
	res.setHeader('Content-Type', type);

	const inm = req.headers['if-none-match'];
	const ims = req.headers['if-modified-since'];
	if (
		inm ? noneMatch(inm, etag) : ims && Date.parse(ims) >= Math.floor(Number(file.stat.mtimeMs) / 1000) * 1000
	) {
		res.removeHeader('Content-Type');
		res.writeHead(304);
		return res.end();
	}

	let start = 0;
	let end = body.size - 1;
	let status = 200;
	const ifRange = req.headers['if-range']?.toString();
	if (rangeHeader && (!ifRange || ifRangeHolds(ifRange, etag, modified))) {
		const ranges = parseRange(rangeHeader, body.size);
		if (ranges && ranges.length === 0) {
			res.writeHead(416, { 'Content-Range': `bytes */${body.size}`, 'Content-Length': 0 });
			return res.end();
		}
		if (ranges) {
			// Several ranges: the first is sent (a single-part 206 whose Content-Range says which);
			// a reader of ranges (PMTiles) asks one at a time.
			[start, end] = /** @type {[number, number]} */ (ranges[0]);
			status = 206;
			res.setHeader('Content-Range', `bytes ${start}-${end}/${body.size}`);
		}
	}
	if (body.encoding) res.setHeader('Content-Encoding', body.encoding);
	res.setHeader('Content-Length', body.size === 0 ? 0 : end - start + 1);
	res.writeHead(status);
	if (req.method === 'HEAD' || body.size === 0) return res.end();
	await pipeline(createReadStream(body.full, { start, end }), res);
}

const server = createServer((req, res) => {
	answer(req, res).catch((error) => {
		// Mid-body (a reader that stopped reading, as MapLibre does with tiles it no longer needs).
		if (res.headersSent) return res.destroy();
		const status = error instanceof HttpError ? error.status : 500;
		if (status === 500) console.error(`${req.method} ${req.url}:`, error);
		res.removeHeader('Content-Type');
		res.removeHeader('ETag');
		res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
		res.end(status === 404 ? 'Not found\n' : status === 500 ? 'Server error\n' : 'Bad request\n');
	});
});
// A request Node cannot even parse: a 400 for it, if the connection still listens; nothing else stops.
server.on('clientError', (_error, socket) => {
	if (socket.writable)
		socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
	else socket.destroy();
});
server.listen(port, '127.0.0.1', () => {
	console.log(`Serving ${dir} on http://127.0.0.1:${port}`);
});
