// What the offline copy (`npm run pack`, offline-copy.ts) carries, and reading it back: plain code,
// also used by the build scripts.
import type { Localized } from './schema';

export interface OfflineCopy {
	/** The story's folder name and its dataset version (story.json). */
	story: string;
	name: Localized;
	version: string;
	/** The live site's address (PUBLIC_SITE_URL), with no trailing slash. */
	siteUrl: string;
	/** The day the copy was made, YYYY-MM-DD. */
	madeOn: string;
	/** Files of the site's build by their path there: gzipped text, or bytes as they are; base64. */
	files: Record<string, { gzip: string } | { bytes: string }>;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

type Carried = OfflineCopy['files'][string];

/**
 * The files one language's copy alone carries (its print insets), which scripts/pack.ts writes into
 * the page as a JSON block with this id, outside the app's script, so each file has only its own.
 */
export const PAGE_FILES_ID = 'offline-files';

/** A file the copy carries, as bytes; throws when it carries none by that path. */
export async function carriedBytes(
	copy: OfflineCopy,
	path: string,
	pageFiles: Record<string, Carried> = {}
): Promise<Uint8Array<ArrayBuffer>> {
	const file = copy.files[path] ?? pageFiles[path];
	if (!file)
		throw new Error(`This offline copy holds no file "${path}": make it again with \`npm run pack\`.`);
	if ('bytes' in file) return fromBase64(file.bytes);
	const stream = new Blob([fromBase64(file.gzip)]).stream().pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const carriedText = async (copy: OfflineCopy, path: string, pageFiles?: Record<string, Carried>) =>
	new TextDecoder().decode(await carriedBytes(copy, path, pageFiles));
