import { describe, expect, it } from 'vitest';
import { offlineHtml, outsideReferences } from './offline-html';

const allowed = { siteUrl: 'https://maps.example.org', cited: ['https://news.example.com/story(1)'] };
const page = (body: string) => `<html><head></head><body>${body}</body></html>`;

describe('outsideReferences', () => {
	it('accepts what stays inside the file, the live site and a cited source', () => {
		const html = page(
			'<a href="?claim=x">x</a><a href="#top">t</a><img src="data:image/png;base64,AA">' +
				'<a href="https://maps.example.org/?claim=x">live</a><a href="https://news.example.com/story(1)">s</a>' +
				'<style>.a{background:url(data:image/svg+xml,x)}</style>'
		);
		expect(outsideReferences(html, allowed)).toEqual([]);
	});

	it.each([
		['an image from elsewhere', '<img src="https://cdn.example.net/a.png">', 'https://cdn.example.net/a.png'],
		[
			'a protocol-relative script',
			'<script src="//cdn.example.net/x.js"></script>',
			'//cdn.example.net/x.js'
		],
		['a file beside the page', '<link rel="icon" href="./favicon.svg">', './favicon.svg'],
		[
			'an import in a script',
			'<script>import("https://esm.example.net/m.js")</script>',
			'https://esm.example.net/m.js'
		],
		['a font in a stylesheet', '<style>@font-face{src:url(fonts/a.woff2)}</style>', 'fonts/a.woff2']
	])('finds %s', (_, body, address) => {
		expect(outsideReferences(page(body), allowed)).toContain(address);
	});
});

describe('offlineHtml', () => {
	it('drops links to files beside the page, keeps scripts as they are, adds JSON blocks', () => {
		const script = '<script>const s = `<link href="./x.css"></body>`;</script>';
		const out = offlineHtml(
			`<html><head><link rel="icon" href="./favicon.svg"><link rel="canonical" href="https://maps.example.org/">${script}</head><body></body></html>`,
			{ files: { a: 1 } }
		);
		expect(out).not.toContain('favicon');
		expect(out).toContain('<link rel="canonical" href="https://maps.example.org/">');
		expect(out).toContain(script);
		expect(out).toContain('<script type="application/json" id="files">{"a":1}</script>\n</body>');
	});
});
