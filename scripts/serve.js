// Serves the built site exactly as a static host would (`vite preview` serves .svelte-kit/output,
// not build/). Unknown paths get the adapter's 200.html fallback; Range requests are honoured.
// Usage: node scripts/serve.js [dir] [port] [--cors]
// --cors lets pages of other origins read the files (the e2e "third party" that hosts street tiles).
import { createServer } from 'node:http';
import sirv from 'sirv';

const [dir = 'build', portArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const port = Number(portArg ?? process.env.PORT ?? 4173);
const cors = process.argv.includes('--cors');
const assets = sirv(dir, {
	etag: true,
	gzip: false,
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
	assets(req, res);
}).listen(port, '127.0.0.1', () => {
	console.log(`Serving ${dir} on http://127.0.0.1:${port}`);
});
