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
