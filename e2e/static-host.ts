// A deployment of the built site that a test owns: a copy of build/ on its own port, served as a
// plain static host serves files (no Cache-Control, old Last-Modified dates, range requests), with a
// log of what it sent, and files the test can replace as a new deployment would.
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sirv from 'sirv';

export interface Sent {
	path: string;
	range: string | null;
	status: number;
	/** Bytes written to the connection for this response, headers included. */
	bytes: number;
	/** When the request arrived (ms since the epoch, as `performance.timeOrigin` counts). */
	at: number;
}

/** Files last changed long ago: a browser then keeps them fresh for months by heuristic. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

export class StaticHost {
	readonly origin: string;
	readonly log: Sent[] = [];
	private handler: ReturnType<typeof sirv>;
	private readonly server: Server;

	private constructor(
		readonly dir: string,
		port: number
	) {
		this.origin = `http://127.0.0.1:${port}`;
		this.handler = StaticHost.serve(dir);
		this.server = createServer((req, res) => {
			const sent: Sent = {
				path: new URL(req.url ?? '/', this.origin).pathname,
				range: req.headers.range ?? null,
				status: 0,
				bytes: 0,
				at: Date.now()
			};
			const before = req.socket.bytesWritten;
			res.on('close', () => {
				sent.status = res.statusCode;
				sent.bytes = req.socket.bytesWritten - before;
				this.log.push(sent);
			});
			this.handler(req, res);
		});
	}

	static async start(port: number): Promise<StaticHost> {
		const dir = mkdtempSync(join(tmpdir(), 'host-'));
		cpSync('build', dir, { recursive: true });
		const age = (path: string) => {
			for (const name of readdirSync(path)) {
				const file = join(path, name);
				if (statSync(file).isDirectory()) age(file);
				utimesSync(file, LONG_AGO, LONG_AGO);
			}
		};
		age(dir);
		const host = new StaticHost(dir, port);
		await new Promise<void>((r) => host.server.listen(port, '127.0.0.1', r));
		return host;
	}

	/** As scripts/serve.js serves build/. */
	private static serve(dir: string) {
		return sirv(dir, { etag: true, single: '200.html', extensions: ['html'] });
	}

	read(path: string): string {
		return readFileSync(join(this.dir, path), 'utf8');
	}

	/** Writes files, then serves what the copy now holds (sirv lists files and sizes once). */
	deploy(files: Record<string, string | Buffer>) {
		for (const [path, content] of Object.entries(files)) {
			mkdirSync(dirname(join(this.dir, path)), { recursive: true });
			writeFileSync(join(this.dir, path), content);
		}
		this.handler = StaticHost.serve(this.dir);
	}

	/** A new build's worker: the same code under a new version, so the browser installs it. */
	newWorkerVersion(): string {
		return this.read('service-worker.js').replace(/`(\d{13})`/, (_m, v: string) => `\`${Number(v) + 1}\``);
	}

	/** What was sent for a path since the log was last cleared. */
	sent(path: string): Sent[] {
		return this.log.filter((s) => s.path === path);
	}

	clearLog() {
		this.log.length = 0;
	}

	async close() {
		this.server.closeAllConnections();
		await new Promise((r) => this.server.close(r));
		rmSync(this.dir, { recursive: true, force: true });
	}
}
