import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/data/schema';
import { indexWithFacts } from '../../src/lib/server/story-facts';
import { loadStory } from '../../src/lib/server/geodata';
import {
	clusterPlaces,
	COLORS,
	drawInset,
	insetSvg,
	prepareStreets,
	type Inset,
	type InsetPlace,
	type Streets
} from './inset';
import { STREETS, loadExtract } from './osm-extract';
import { measure, readAdvances } from './text-width';

const index = indexWithFacts(loadStory());
const require = createRequire(import.meta.url);
const advances = (weight: number) =>
	['latin', 'cyrillic', 'cyrillic-ext'].map((s) =>
		readAdvances(
			readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${s}-${weight}-normal.woff`))
		)
	);
const fonts = { 400: advances(400), 700: advances(700) };

const place = (id: string, lang: Lang = 'fr'): InsetPlace => {
	const s = index.site.get(id)!;
	return {
		id,
		name: s.properties.name[lang],
		anchor: index.siteAnchor.get(id)!,
		...(s.geometry.type === 'Point' ? { uncertaintyM: s.properties.uncertaintyM } : { area: s.geometry })
	};
};
const KEY = ['airport', 'republic-square', 'presidential-residence', 'akimat'];

let streets: Streets;
beforeAll(() => {
	streets = prepareStreets(loadExtract(), STREETS!.shortCredit);
});

function inset(ids: string[], lang: Lang = 'fr', height = 520): Inset {
	return drawInset({
		width: 520,
		height,
		lang,
		places: ids.map((id) => place(id, lang)),
		context: index.data.sites.map((s) => place(s.properties.id, lang)),
		streets,
		measure: (text, size, weight) => measure(text, size, fonts[weight]),
		formatDistance: (m) => (m < 1000 ? `${Math.round(m)} m` : `${Math.round(m / 1000)} km`)
	});
}

const names = (i: Inset) => i.labels.filter((l) => l.placeId).map((l) => [l.placeId, l.lines.join(' ')]);
const overlap = (a: Inset['labels'][number], b: Inset['labels'][number]) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('inset', () => {
	it('draws the streets around Republic Square under its name', () => {
		const i = inset(['republic-square']);
		// Road fills are white strokes; at this scale there are buildings too.
		expect(i.svg).toMatch(/<path d="M[^"]{200,}" fill="none" stroke="#ffffff"/);
		expect(i.svg).toContain(`fill="${COLORS.building}"`);
		expect(names(i)).toContainEqual(['republic-square', 'Place de la République']);
		expect(insetSvg(i)).toContain('>Place de la République</text>');
	});

	it('names each place in the language it is drawn for', () => {
		expect(names(inset(['republic-square'], 'en'))).toContainEqual(['republic-square', 'Republic Square']);
	});

	it('credits OpenStreetMap in a bottom corner wherever it draws its data', () => {
		const i = inset(['akimat']);
		const credit = i.labels.find((l) => l.role === 'attribution')!;
		expect(credit.lines.join(' ')).toBe(STREETS!.shortCredit.fr);
		expect(credit.x + credit.width).toBe(520);
		expect(credit.y + credit.height).toBe(520);
	});

	it("prints the streets' credit in the card's language", () => {
		// The airport's inset is the one a French printout showed with the English credit.
		const fr = insetSvg(inset(['airport'], 'fr'));
		const en = insetSvg(inset(['airport'], 'en'));
		expect(fr).toContain('© les contributeurs d’OpenStreetMap (CC BY-SA 2.0)');
		expect(fr).not.toContain('contributors');
		expect(en).toContain('© OpenStreetMap contributors (CC BY-SA 2.0)');
		expect(en).not.toContain('contributeurs');
	});

	it('does not credit OpenStreetMap where it draws none of its data', () => {
		const i = inset(['zhanaozen']);
		expect(i.osm).toBe(false);
		expect(i.labels.some((l) => l.role === 'attribution')).toBe(false);
	});

	it("names all four of the story's sites, the airport by an arrow with its distance", () => {
		const i = inset(KEY, 'fr', 630);
		for (const id of KEY) expect(names(i).map(([p]) => p)).toContain(id);
		expect(i.pointers).toEqual(['airport']);
		const airport = i.labels.find((l) => l.placeId === 'airport')!;
		expect(airport.lines.join(' ')).toBe("Aéroport international d'Almaty · 13 km");
		// Whole names: nothing cut.
		const residence = i.labels.find((l) => l.placeId === 'presidential-residence')!;
		expect(residence.lines.join(' ')).toBe('Résidence présidentielle (avenue Nazarbaïev)');
	});

	it("keeps the story's names inside the frame and off each other", () => {
		for (const height of [520, 630]) {
			const i = inset(KEY, 'fr', height);
			for (const l of i.labels) {
				expect(l.x).toBeGreaterThanOrEqual(0);
				expect(l.y).toBeGreaterThanOrEqual(0);
				expect(l.x + l.width).toBeLessThanOrEqual(520);
				expect(l.y + l.height).toBeLessThanOrEqual(height);
			}
			for (const [n, a] of i.labels.entries())
				for (const b of i.labels.slice(n + 1)) expect(overlap(a, b), `${a.lines} / ${b.lines}`).toBe(false);
		}
	});

	it('keeps the street map of a city centre small enough for a printed page', () => {
		expect(insetSvg(inset(KEY)).length).toBeLessThan(100_000);
		expect(insetSvg(inset(['republic-square'])).length).toBeLessThan(60_000);
	});

	it('draws only main streets, and no buildings, when the frame is the whole city', () => {
		const i = inset(['almaty']);
		expect(i.osm).toBe(true);
		expect(i.svg).not.toMatch(/fill="#e4ded6"/);
	});
});

describe('clusterPlaces', () => {
	it('keeps the three central sites together and the airport apart', () => {
		const groups = clusterPlaces(KEY.map((id) => place(id)));
		expect(groups.map((g) => g.map((p) => p.id).sort())).toEqual([
			['airport'],
			['akimat', 'presidential-residence', 'republic-square']
		]);
	});

	it('puts a place inside an area with that area', () => {
		const groups = clusterPlaces(['kazakhstan', 'zhanaozen'].map((id) => place(id)));
		expect(groups).toHaveLength(1);
	});
});
