// Keeps a copy of every source's page for the newsroom's own records (never served by the site):
// fetches each address, stores it gzipped as <archive>/<source id>/<day>.html.gz, and records the
// day, SHA-256 and size in sources.json. A source that fails keeps its old record.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One source's outcome, for the report. */
export type ArchiveOutcome =
	| {
			id: string;
			status: 'kept';
			sha256: string;
			bytes: number;
			changed: 'new' | 'same' | 'changed';
			movedTo?: string;
	  }
	| { id: string; status: 'failed'; reason: string }
	| { id: string; status: 'skipped'; reason: string };

export interface ArchiveOptions {
	/** The story's sources.json. */
	sourcesFile: string;
	/** Where copies go: outside anything the site serves. */
	archiveDir: string;
	/** The day the copies are taken (YYYY-MM-DD). */
	day: string;
	fetch?: typeof fetch;
	/** Milliseconds before one page's fetch is given up. */
	timeoutMs?: number;
	/** Pages fetched at once. */
	concurrency?: number;
}

interface Kept {
	date: string;
	sha256: string;
	bytes: number;
}
interface SourceRecord {
	id: string;
	url: string | null;
	kept?: Kept;
	[key: string]: unknown;
}

export class ArchiveError extends Error {}

function readSources(file: string): SourceRecord[] {
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new ArchiveError(
			`${file}: cannot read it as JSON (${(e as Error).message}); run npm run validate first`
		);
	}
	if (
		!Array.isArray(data) ||
		data.some((s) => typeof s !== 'object' || s === null || typeof s.id !== 'string')
	)
		throw new ArchiveError(`${file}: is not a list of sources with ids; run npm run validate first`);
	return data as SourceRecord[];
}

/**
 * Writes next to the target then renames it over: a reader (or a crash) sees the old file or the
 * new one, never half of one.
 */
export function writeAtomically(file: string, text: string) {
	const temporary = join(dirname(file), `.${process.pid}-${Date.now()}.tmp`);
	try {
		writeFileSync(temporary, text);
		renameSync(temporary, file);
	} finally {
		rmSync(temporary, { force: true });
	}
}

async function archiveOne(source: SourceRecord, o: Required<ArchiveOptions>): Promise<ArchiveOutcome> {
	if (!source.url) return { id: source.id, status: 'skipped', reason: 'no public address' };
	let response: Response;
	try {
		response = await o.fetch(source.url, { redirect: 'follow', signal: AbortSignal.timeout(o.timeoutMs) });
	} catch (e) {
		return { id: source.id, status: 'failed', reason: (e as Error).message };
	}
	if (!response.ok) return { id: source.id, status: 'failed', reason: `HTTP ${response.status}` };
	const body = Buffer.from(await response.arrayBuffer());
	const sha256 = createHash('sha256').update(body).digest('hex');
	const folder = join(o.archiveDir, source.id);
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, `${o.day}.html.gz`), gzipSync(body));
	const changed = !source.kept ? 'new' : source.kept.sha256 === sha256 ? 'same' : 'changed';
	const movedTo = response.url && response.url !== source.url ? response.url : undefined;
	return {
		id: source.id,
		status: 'kept',
		sha256,
		bytes: body.length,
		changed,
		...(movedTo ? { movedTo } : {})
	};
}

/** Fetches and keeps every source's page; writes the new records once, at the end. */
export async function archiveSources(options: ArchiveOptions): Promise<ArchiveOutcome[]> {
	const o: Required<ArchiveOptions> = { fetch, timeoutMs: 30_000, concurrency: 4, ...options };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(o.day)) throw new ArchiveError(`day "${o.day}" is not YYYY-MM-DD`);
	const sources = readSources(o.sourcesFile);
	const outcomes: ArchiveOutcome[] = new Array(sources.length);
	let next = 0;
	const worker = async () => {
		while (next < sources.length) {
			const k = next++;
			outcomes[k] = await archiveOne(sources[k]!, o);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
	const updated = sources.map((s, k) => {
		const r = outcomes[k]!;
		return r.status === 'kept' ? { ...s, kept: { date: o.day, sha256: r.sha256, bytes: r.bytes } } : s;
	});
	writeAtomically(o.sourcesFile, JSON.stringify(updated, null, '\t') + '\n');
	return outcomes;
}

/** One line per source that needs a look, then a count. */
export function report(outcomes: readonly ArchiveOutcome[]): { lines: string[]; failed: number } {
	const lines: string[] = [];
	let failed = 0;
	for (const r of outcomes) {
		if (r.status === 'failed') {
			failed++;
			lines.push(`✗ ${r.id}: ${r.reason}; its old record is kept. Check the address in sources.json.`);
		} else if (r.status === 'kept') {
			if (r.movedTo)
				lines.push(
					`→ ${r.id}: moved to ${r.movedTo}; kept the page found there. Update url if it is the same document.`
				);
			if (r.changed === 'changed')
				lines.push(`≠ ${r.id}: the page changed since the last copy; compare the two copies.`);
		}
	}
	const kept = outcomes.filter((r) => r.status === 'kept').length;
	lines.push(`${kept} kept, ${failed} failed, ${outcomes.length - kept - failed} without an address.`);
	return { lines, failed };
}
