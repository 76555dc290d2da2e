// The offline copy's page as the offline build prerendered it, made to ask for nothing outside
// itself: the links to files beside a served page (icons, manifest, preloads of the site's own
// chunks, which hooks.server.ts adds) are dropped. Only the markup between scripts is touched, so
// the scripts, and the policy's hashes of them, stay as they are.
import { jsonScript } from '../../src/lib/share/json-script';

/** A `<link>` to a file of the site (relative or root-relative); links to other pages' addresses stay. */
const LOCAL_LINK = /<link\b(?=[^>]*\bhref="(?![a-z][a-z0-9+.-]*:)[^"]*")[^>]*>\s*/gi;
const SCRIPT = /(<script\b[^>]*>[\s\S]*?<\/script>)/i;

/** The page, without its local links, plus JSON blocks (data, not scripts: no hash needed) by id. */
export function offlineHtml(page: string, blocks: Record<string, unknown> = {}): string {
	const parts = page.split(SCRIPT).map((part, i) => (i % 2 ? part : part.replace(LOCAL_LINK, '')));
	const last = parts.length - 1;
	const json = Object.entries(blocks).map(([id, value]) => jsonScript('application/json', value, id));
	if (!parts[last]!.includes('</body>'))
		throw new Error('offline copy: the page has no </body> after its last script');
	parts[last] = parts[last]!.replace('</body>', `${json.join('\n')}\n</body>`);
	return parts.join('');
}

/**
 * Addresses the app's code names without ever asking for them: XML namespaces, vocabularies, the
 * libraries' documentation links in their error messages, and placeholders.
 */
const NAMED_ONLY = [
	'http://www.w3.org/',
	'https://schema.org',
	'https://svelte.dev/e/',
	'https://maplibre.org/',
	'https://github.com/',
	'https://wiki.openstreetmap.org/wiki/This_map_requires_WebGL',
	'https://app.invalid/',
	'https://maplibre.invalid/',
	'https://tiles.example.org/',
	// The Web Archive's copies of a cited source: a link a reader may follow, built from the source's.
	'https://web.archive.org/web/*/'
];

// An http(s) address, or a protocol-relative one where a string or url( starts (base64 has `//` too).
const ADDRESS = /https?:\/\/[^\s"'`<>)\\]+|(?<=["'`(])\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`<>)\\]*/gi;
const ATTRIBUTE = /\s(?:src|href|srcset|action|poster|data)\s*=\s*["']?([^"'\s>]*)/gi;
const CSS_URL = /url\(\s*["']?([^"')]*)/gi;

/** Where an attribute or a stylesheet may point: inside the file itself, or nowhere. */
const INSIDE = /^(#|\?|data:|blob:|$)/;

/**
 * Every reference in the page to an address outside the file: any http(s) or protocol-relative
 * address in the whole file (scripts included), and any src/href/url() in its markup and styles,
 * except the live site's own (the banner, the share links, the canonical link), the story's cited
 * sources (links a reader may follow, never fetched) and NAMED_ONLY. Empty for a clean copy.
 */
export function outsideReferences(html: string, allowed: { siteUrl: string; cited: string[] }): string[] {
	const decode = (s: string) => s.replace(/&amp;/g, '&');
	const ok = (address: string) => {
		const a = decode(address);
		return (
			a.startsWith(allowed.siteUrl) ||
			NAMED_ONLY.some((n) => a.startsWith(n)) ||
			allowed.cited.some((c) => c.startsWith(a))
		);
	};
	const found = new Set<string>();
	for (const [address] of html.matchAll(ADDRESS)) if (!ok(address)) found.add(address);
	const markup = html.split(SCRIPT).filter((_, i) => i % 2 === 0);
	for (const part of markup)
		for (const [, target] of [...part.matchAll(ATTRIBUTE), ...part.matchAll(CSS_URL)])
			if (!INSIDE.test(target!) && !ok(target!)) found.add(target!);
	return [...found];
}
