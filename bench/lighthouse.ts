// Lighthouse 12.2.3 (13 needs Node 22), on its mobile preset (the default: a mid-range phone, simulated
// 4× CPU and slow 4G) and its desktop preset. It drives its own headless Chromium over a debugging port.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Preset = 'mobile' | 'desktop';
export const PRESETS: Preset[] = ['mobile', 'desktop'];

/** The figures reported per audit, by Lighthouse's audit id, under the benchmark's names. */
const METRICS = {
	'total-blocking-time': 'TBT (ms)',
	interactive: 'TTI (ms)',
	'largest-contentful-paint': 'LCP (ms)',
	'first-contentful-paint': 'FCP (ms)',
	'speed-index': 'speed index (ms)'
} as const;

export async function lighthouseScores(
	url: string,
	chromePath: string,
	preset: Preset
): Promise<Record<string, number>> {
	const { default: lighthouse, desktopConfig } = await import('lighthouse');
	const profile = mkdtempSync(join(tmpdir(), 'bench-lh-'));
	const chrome = spawn(
		chromePath,
		[
			'--headless=new',
			'--no-sandbox',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			'about:blank'
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	try {
		const port = await new Promise<number>((resolve, reject) => {
			let err = '';
			chrome.stderr.on('data', (d: Buffer) => {
				err += d;
				const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
				if (m) resolve(Number(m[1]));
			});
			chrome.on('exit', (code) => reject(new Error(`Chromium for Lighthouse exited (${code}): ${err}`)));
		});
		const result = await lighthouse(
			url,
			{ port, output: 'json', logLevel: 'error' },
			preset === 'desktop' ? desktopConfig : undefined
		);
		if (!result) throw new Error('Lighthouse returned no result');
		if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
		const { categories, audits } = result.lhr;
		return {
			...Object.fromEntries(
				Object.values(categories).map((c) => [c.title.toLowerCase(), (c.score ?? NaN) * 100])
			),
			// The figures behind the performance score, so a drop can be traced to its cause.
			...Object.fromEntries(
				Object.entries(METRICS).map(([id, name]) => [name, audits[id]?.numericValue ?? NaN])
			)
		};
	} finally {
		// The profile can be removed only once Chromium has let go of it.
		const exited = new Promise((r) => chrome.once('exit', r));
		if (chrome.exitCode === null && chrome.kill()) await exited;
		// Chromium's helper processes can still be writing its cache when the main one exits: the
		// scores are in hand by then, so a leftover temporary profile is not worth losing them.
		try {
			rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		} catch (e) {
			console.warn(`Could not remove Lighthouse's temporary profile ${profile}: ${String(e)}`);
		}
	}
}

/** Wraps a static handler with what a production host adds: gzip for text, long caching for hashed files. */
function asHosted(handler: (req: IncomingMessage, res: ServerResponse) => void) {
	return (req: IncomingMessage, res: ServerResponse) => {
		if (req.url?.startsWith('/_app/immutable/'))
			res.setHeader('cache-control', 'public, max-age=31536000, immutable');
		if (!/\bgzip\b/.test(String(req.headers['accept-encoding'])) || req.headers.range)
			return handler(req, res);
		const chunks: Buffer[] = [];
		const end = res.end.bind(res) as (c?: unknown) => ServerResponse;
		const writeHead = res.writeHead;
		// Headers are held back (sirv sends them with writeHead) until the body's encoding is known.
		res.writeHead = ((code: number, headers?: Record<string, string | number>) => {
			res.statusCode = code;
			for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
			return res;
		}) as typeof res.writeHead;
		res.write = ((c: unknown) => (chunks.push(Buffer.from(c as Uint8Array)), true)) as typeof res.write;
		res.end = ((c?: unknown) => {
			if (c && typeof c !== 'function') chunks.push(Buffer.from(c as Uint8Array));
			let body = Buffer.concat(chunks);
			if (
				res.statusCode === 200 &&
				/text|javascript|json|svg|xml/.test(String(res.getHeader('content-type')))
			) {
				body = gzipSync(body);
				res.setHeader('content-encoding', 'gzip');
				res.setHeader('vary', 'accept-encoding');
			}
			res.setHeader('content-length', body.length);
			// Node's end() sends the held headers through writeHead: the real one again.
			res.writeHead = writeHead;
			return end(body);
		}) as typeof res.end;
		handler(req, res);
	};
}

/**
 * Lighthouse on each page and preset asked for, each page served as a real host serves it (gzip,
 * hashed files cached for good), unlike the timed runs, which serve every page alike, uncompressed:
 * Lighthouse scores transfer sizes and caching. A failing audit is reported and left out (NaN).
 */
export async function lighthouseAll(
	handler: (req: IncomingMessage, res: ServerResponse) => void,
	paths: string[],
	presets: Preset[],
	chromePath: string,
	label: string
): Promise<Record<string, Record<Preset, Record<string, number>>>> {
	const hosted = createServer(asHosted(handler));
	await new Promise<void>((r) => hosted.listen(0, '127.0.0.1', r));
	const origin = `http://127.0.0.1:${(hosted.address() as AddressInfo).port}`;
	const out: Record<string, Record<Preset, Record<string, number>>> = {};
	try {
		for (const path of paths)
			for (const preset of presets) {
				let scores: Record<string, number> = {};
				try {
					scores = await lighthouseScores(`${origin}${path}`, chromePath, preset);
				} catch (e) {
					console.warn(
						`Lighthouse skipped (${label} ${path}, ${preset}): ${e instanceof Error ? e.message : String(e)}`
					);
				}
				(out[path] ??= {} as Record<Preset, Record<string, number>>)[preset] = scores;
				console.log(`Lighthouse ${preset}, ${label} ${path}: ${JSON.stringify(scores)}`);
			}
	} finally {
		hosted.close();
	}
	return out;
}
