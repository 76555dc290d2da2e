// Whether the page's Content Security Policy lets it fetch an address, asked before a deployer's street
// map is offered: a map on an origin the build did not allow would only fail (and be refused noisily).
// Source matching as in https://www.w3.org/TR/CSP3/#match-url-to-source-expression, for http(s) only.

/** The policies the page declares in <meta http-equiv> tags (a host's headers are not visible here). */
export function pagePolicies(doc: Document): string[] {
	return [...doc.querySelectorAll<HTMLMetaElement>('meta[http-equiv="content-security-policy" i]')].map(
		(m) => m.content
	);
}

/** The sources of a fetch directive, falling back to default-src; null when neither is given. */
function sourcesOf(policy: string, directive: string): string[] | null {
	const all = new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...sources]) => [name!.toLowerCase(), sources] as const)
	);
	return all.get(directive) ?? all.get('default-src') ?? null;
}

const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^:/]+)(?::(\d+|\*))?(\/.*)?$/i;
const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Whether one source expression matches an http(s) address fetched from a page at `self`. */
function matches(source: string, url: URL, self: URL): boolean {
	const s = source.toLowerCase();
	// An http: source (or page) also allows the same on https:, never the reverse.
	const schemeOk = (scheme: string) =>
		scheme === url.protocol || (scheme === 'http:' && url.protocol === 'https:');
	if (s === "'self'") return url.origin === self.origin;
	if (s === '*') return url.protocol === 'http:' || url.protocol === 'https:';
	if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return schemeOk(s);
	const m = HOST_SOURCE.exec(s);
	if (!m || s.startsWith("'")) return false;
	const [, scheme, host, port, path] = m;
	if (!schemeOk(scheme ? `${scheme}:` : self.protocol)) return false;
	const h = url.hostname.toLowerCase();
	if (host!.startsWith('*.') ? !h.endsWith(host!.slice(1)) : host !== '*' && host !== h) return false;
	const urlPort = url.port || DEFAULT_PORT[url.protocol];
	if (port !== '*' && (port ?? DEFAULT_PORT[url.protocol]) !== urlPort) return false;
	if (!path || path === '/') return true;
	return path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path;
}

/** Whether every policy lets the page at `self` fetch `url` under `directive` (connect-src, img-src). */
export function policyAllows(policies: string[], directive: string, url: URL, self: URL): boolean {
	return policies.every((policy) => {
		const sources = sourcesOf(policy, directive);
		return sources === null || sources.some((s) => matches(s, url, self));
	});
}
