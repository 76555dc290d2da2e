import { describe, expect, it } from 'vitest';
import { policyAllows } from './page-policy';

const self = new URL('https://maps.example.org/site/airport');
const allows = (policy: string, url: string, directive = 'connect-src') =>
	policyAllows([policy], directive, new URL(url), self);

describe('policyAllows', () => {
	it("matches 'self', exact origins and nothing else", () => {
		const p = "default-src 'none'; connect-src 'self' http://localhost:4174";
		expect(allows(p, 'https://maps.example.org/config.json')).toBe(true);
		expect(allows(p, 'http://localhost:4174/a.pmtiles')).toBe(true);
		expect(allows(p, 'http://localhost:4175/a.pmtiles')).toBe(false);
		expect(allows(p, 'https://tiles.example.org/a.pmtiles')).toBe(false);
	});

	it('falls back to default-src, and allows all when neither is given', () => {
		expect(allows("default-src 'none'", 'https://maps.example.org/a')).toBe(false);
		expect(allows("default-src 'self'", 'https://maps.example.org/a')).toBe(true);
		expect(allows("script-src 'self'", 'https://tiles.example.org/a')).toBe(true);
	});

	it('matches schemes, wildcards, default ports and paths as CSP does', () => {
		expect(allows('connect-src https:', 'https://t.example.org/a')).toBe(true);
		expect(allows('connect-src https:', 'http://t.example.org/a')).toBe(false);
		expect(allows('connect-src *.example.org', 'https://t.example.org/a')).toBe(true);
		expect(allows('connect-src *.example.org', 'https://example.org/a')).toBe(false);
		expect(allows('connect-src tiles.example.org', 'https://tiles.example.org:8443/a')).toBe(false);
		expect(allows('connect-src http://tiles.example.org', 'https://tiles.example.org/a')).toBe(true);
		expect(allows('connect-src https://t.org/maps/', 'https://t.org/maps/a.json')).toBe(true);
		expect(allows('connect-src https://t.org/maps/', 'https://t.org/other/a.json')).toBe(false);
		expect(allows('connect-src *', 'https://anywhere.example/a')).toBe(true);
	});

	it('needs every policy to allow it', () => {
		const url = new URL('http://localhost:4174/a');
		expect(
			policyAllows(
				["connect-src 'self' http://localhost:4174", "connect-src 'self'"],
				'connect-src',
				url,
				self
			)
		).toBe(false);
	});
});
