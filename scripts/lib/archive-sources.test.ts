// Against a local HTTP server with fixture pages, never the internet: a page that stayed, one that
// moved (redirect), one that is gone (404), one that changed since the last copy.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError, archiveSources, report } from './archive-sources';

const PAGES: Record<string, string> = {
	'/stayed': '<html><body>the same page</body></html>',
	'/new-home': '<html><body>the page, at its new address</body></html>',
	'/changed': '<html><body>second version</body></html>'
};
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let server: Server;
let origin: string;
let dir: string;
beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/moved') return res.writeHead(301, { location: '/new-home' }).end();
		const page = PAGES[req.url ?? ''];
		if (!page) return res.writeHead(404).end('not here');
		res.writeHead(200, { 'content-type': 'text/html' }).end(page);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

function story() {
	dir = mkdtempSync(join(tmpdir(), 'archive-sources-'));
	const oldKept = { date: '2026-01-01', sha256: sha('<html><body>first version</body></html>'), bytes: 38 };
	const sources = [
		{
			id: 'stayed',
			url: `${origin}/stayed`,
			kept: { date: '2026-01-01', sha256: sha(PAGES['/stayed']!), bytes: 39 }
		},
		{ id: 'moved', url: `${origin}/moved` },
		{ id: 'gone', url: `${origin}/gone`, kept: oldKept },
		{ id: 'changed', url: `${origin}/changed`, kept: oldKept },
		{ id: 'no-address', url: null }
	];
	const file = join(dir, 'sources.json');
	writeFileSync(file, JSON.stringify(sources, null, '\t') + '\n');
	return { file, archiveDir: join(dir, 'archive'), oldKept };
}

describe('archive-sources', () => {
	it('keeps a gzipped copy of each page and records its day, SHA-256 and size', async () => {
		const { file, archiveDir } = story();
		const outcomes = await archiveSources({ sourcesFile: file, archiveDir, day: '2026-12-07' });
		const after = JSON.parse(readFileSync(file, 'utf8')) as { id: string; kept?: unknown }[];
		const page = PAGES['/changed']!;
		expect(after.find((s) => s.id === 'changed')!.kept).toEqual({
			date: '2026-12-07',
			sha256: sha(page),
			bytes: Buffer.byteLength(page)
		});
		expect(gunzipSync(readFileSync(join(archiveDir, 'changed', '2026-12-07.html.gz'))).toString()).toBe(page);
		expect(outcomes.find((o) => o.id === 'changed')).toMatchObject({ status: 'kept', changed: 'changed' });
		expect(outcomes.find((o) => o.id === 'stayed')).toMatchObject({ status: 'kept', changed: 'same' });
	});

	it('follows a page that moved, keeps what it found and says where it went', async () => {
		const { file, archiveDir } = story();
		const outcomes = await archiveSources({ sourcesFile: file, archiveDir, day: '2026-12-07' });
		expect(outcomes.find((o) => o.id === 'moved')).toMatchObject({
			status: 'kept',
			movedTo: `${origin}/new-home`
		});
		const moved = JSON.parse(readFileSync(file, 'utf8')).find((s: { id: string }) => s.id === 'moved');
		expect(moved.url).toBe(`${origin}/moved`);
		expect(report(outcomes).lines.some((l) => l.startsWith('→ moved: moved to'))).toBe(true);
	});

	it('reports a source that fails and leaves its old record as it was', async () => {
		const { file, archiveDir, oldKept } = story();
		const outcomes = await archiveSources({ sourcesFile: file, archiveDir, day: '2026-12-07' });
		const gone = JSON.parse(readFileSync(file, 'utf8')).find((s: { id: string }) => s.id === 'gone');
		expect(gone.kept).toEqual(oldKept);
		expect(readdirSync(archiveDir)).not.toContain('gone');
		const { lines, failed } = report(outcomes);
		expect(failed).toBe(1);
		expect(lines).toContain('✗ gone: HTTP 404; its old record is kept. Check the address in sources.json.');
		expect(lines.at(-1)).toBe('3 kept, 1 failed, 1 without an address.');
	});

	it('writes sources.json whole, through a rename, and leaves no temporary file behind', async () => {
		const { file, archiveDir } = story();
		await archiveSources({ sourcesFile: file, archiveDir, day: '2026-12-07' });
		expect(readdirSync(dir).sort()).toEqual(['archive', 'sources.json']);
		expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
	});

	it('refuses a sources file it cannot read, before fetching or writing anything', async () => {
		const { file, archiveDir } = story();
		writeFileSync(file, '[{"id": ');
		await expect(archiveSources({ sourcesFile: file, archiveDir, day: '2026-12-07' })).rejects.toThrow(
			ArchiveError
		);
		expect(readFileSync(file, 'utf8')).toBe('[{"id": ');
		expect(readdirSync(dir)).toEqual(['sources.json']);
	});
});
