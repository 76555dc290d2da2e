// Addresses Kit's client router cannot decode. It runs decodeURI on the path and throws "URI
// malformed" on `/site/%E0%A4%A` before anything renders, leaving a blank page.

/** The segment decoded, or null when it cannot be. */
function decoded(segment: string): string | null {
	try {
		// The value is returned, not dropped: a minifier may remove a call whose result is unused.
		return decodeURIComponent(segment);
	} catch {
		return null;
	}
}
const decodes = (segment: string) => decoded(segment) !== null;

/**
 * The path with each undecodable segment read as the literal text it is (its `%` escaped as
 * `%25`), so it routes like any unknown address; undefined when the path decodes as it is.
 */
export function readablePath(pathname: string): string | undefined {
	const segments = pathname.split('/');
	if (segments.every(decodes)) return undefined;
	return segments.map((s) => (decodes(s) ? s : s.replaceAll('%', '%25'))).join('/');
}
