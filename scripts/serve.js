// Serves the built site exactly as a static host would (`vite preview` serves .svelte-kit/output,
// not build/). Unknown paths get the adapter's 200.html fallback. Usage: node scripts/serve.js [dir] [port]
import { createServer } from 'node:http';
import sirv from 'sirv';

const dir = process.argv[2] ?? 'build';
const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
const assets = sirv(dir, { etag: true, gzip: false, single: '200.html', extensions: ['html'] });

createServer((req, res) => assets(req, res)).listen(port, '127.0.0.1', () => {
	console.log(`Serving ${dir} on http://127.0.0.1:${port}`);
});
