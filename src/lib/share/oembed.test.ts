import { describe, expect, it } from 'vitest';
import { loadStory } from '$lib/server/geodata';
import { embedAddress, oembed } from './oembed';
import { oembedPath, pageMeta } from './page-meta';

const d = loadStory();
const SITE = 'https://map.example.org';
const site = { kind: 'site' as const, id: d.sites[0]!.properties.id };

describe('oEmbed', () => {
	it('has a file per page and language, beside the preview cards', () => {
		expect(oembedPath(null, 'fr')).toBe('/oembed/story.json');
		expect(oembedPath(site, 'en')).toBe(`/oembed/en/site/${site.id}.json`);
		expect(pageMeta(d, site, SITE, 'en').oembed).toBe(`${SITE}/oembed/en/site/${site.id}.json`);
	});

	it('embeds the page’s own view, in the page’s language', () => {
		expect(embedAddress(site, SITE, 'en')).toBe(`${SITE}/en/?site=${site.id}&embed=1`);
		// The root pages would switch to the reader's language: a French host page asks for French.
		expect(embedAddress(null, SITE, 'fr')).toBe(`${SITE}/?lang=fr&embed=1`);
	});

	it('is a rich response with the iframe and its resize script', () => {
		const r = oembed(d, site, SITE, 'en', 'Claims map');
		expect(r).toMatchObject({
			version: '1.0',
			type: 'rich',
			title: pageMeta(d, site, SITE, 'en').title,
			provider_name: 'Claims map',
			provider_url: `${SITE}/en/`,
			thumbnail_url: `${SITE}/og/en/site/${site.id}.png`
		});
		expect(r.width).toBeGreaterThan(0);
		expect(r.height).toBeGreaterThan(0);
		expect(r.html).toContain(`<iframe src="${SITE}/en/?site=${site.id}&amp;embed=1"`);
		expect(r.html).toContain('datawrapper-height');
	});
});
