import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	announcerStyle,
	configOrigins,
	directives,
	parseOrigins,
	policyOfThisBuild,
	sha256
} from './content-security-policy.js';

describe('the build policy', () => {
	it('hashes every inline script of a page template, exactly as the pages carry it', () => {
		const html = '<head><script>one()</script><script>\n\ttwo();\n</script></head>';
		const d = directives({ appHtml: html, langRule: '', announcer: '' });
		expect(d['script-src']).toEqual(expect.arrayContaining([sha256('one()'), sha256('\n\ttwo();\n')]));
	});

	it('allows no inline script or eval, and only our origin by default', () => {
		const d = policyOfThisBuild({})!.directives!;
		expect(d['script-src']!.filter((s) => !s.startsWith('sha256-'))).toEqual(['self']);
		expect(d['connect-src']).toEqual(['self']);
		expect(d['img-src']).toEqual(['self', 'data:']);
		expect(d['default-src']).toEqual(['none']);
	});

	it('adds STREET_MAP_ORIGINS to what the page may fetch and draw', () => {
		const d = policyOfThisBuild({
			STREET_MAP_ORIGINS: 'https://tiles.example.org, http://localhost:4174/'
		})!.directives!;
		expect(d['connect-src']).toEqual(['self', 'https://tiles.example.org', 'http://localhost:4174']);
		expect(d['img-src']).toEqual(['self', 'data:', 'https://tiles.example.org', 'http://localhost:4174']);
		expect(d['script-src']!.some((s) => s.includes('example'))).toBe(false);
	});

	it('refuses anything in STREET_MAP_ORIGINS that is not an http(s) origin, saying how to write one', () => {
		for (const bad of [
			'tiles.example.org',
			'javascript:alert(1)',
			'https://x.org/styles/a.json',
			"'unsafe-inline'",
			'*'
		])
			expect(() => parseOrigins(bad), bad).toThrow(
				/STREET_MAP_ORIGINS: .* e\.g\. https:\/\/tiles\.example\.org/
			);
	});

	it("follows the shipped config.json's street map when it is on another origin", () => {
		expect(configOrigins('{"street":null}')).toEqual([]);
		expect(configOrigins('{"street":{"name":"a","attribution":"b","pmtiles":"tiles/a.pmtiles"}}')).toEqual(
			[]
		);
		expect(
			configOrigins('{"street":{"name":"a","attribution":"b","style":"https://t.example.org/s.json"}}')
		).toEqual(['https://t.example.org']);
		expect(configOrigins('{"street":{"style":"javascript:alert(1)"}}')).toEqual([]);
		expect(configOrigins('not json')).toEqual([]);
	});

	it("allows Kit's announcer's style attribute by its hash, and no other", () => {
		const kit = readFileSync('node_modules/@sveltejs/kit/src/core/sync/write_root.js', 'utf8');
		const style = announcerStyle(kit);
		expect(style).toMatch(/^position: absolute;/);
		const d = directives({ appHtml: '', langRule: '', announcer: style });
		expect(d['style-src']).toContain(sha256(style));
		expect(d['style-src']).not.toContain('unsafe-inline');
		expect(() => announcerStyle('<div id="svelte-announcer">')).toThrow(/update announcerStyle/);
	});
});
