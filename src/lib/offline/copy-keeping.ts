// The offline copy (npm run pack) is no part of the precache (~4 MB a language): once a page has
// drawn its first view and the service worker is active, the footer asks the worker to keep the
// copy of the reader's language, so that Download and Send work with no connection afterwards.

/** The message a page sends the active service worker, with a port for the answer. */
export interface KeepCopy {
	type: 'keep-offline-copy';
	/** The copy's path, under the site's `offline/` folder. */
	path: string;
}

export const keepCopyMessage = (path: string): KeepCopy => ({ type: 'keep-offline-copy', path });

/** A copy's name as npm run pack writes it: `<story>-<version>.<lang>.html`, nothing else. */
const COPY_NAME = /^[\w.-]+\.html$/;

/** The path of the copy a message asks for, if it is one under `copies` (the `offline/` folder). */
export function copyToKeep(data: unknown, copies: string): string | null {
	const m = data as Partial<KeepCopy> | null;
	if (m?.type !== 'keep-offline-copy' || typeof m.path !== 'string') return null;
	const path = m.path;
	return path.startsWith(copies) && COPY_NAME.test(path.slice(copies.length)) ? path : null;
}

/**
 * The header of the worker's answer to a HEAD probe the network did not answer: the worker answers
 * it (204) so the page's request never fails, as a failed request is a console error on the page.
 */
export const UNREACHABLE_HEADER = 'x-site-unreachable';
