// Builds the preview card (1200×630 PNG) of the story and of every site, incident and claim, with no
// browser: satori lays out the card, resvg rasterises it. Written to static/og/ before `vite build`,
// with each card's map inset alone as SVG for printed pages.
// The inset map is our own basemap, projected plainly (equirectangular around the place).
import { Resvg } from '@resvg/resvg-js';
import { bbox } from '@turf/bbox';
import { bboxClip } from '@turf/bbox-clip';
import { circle } from '@turf/circle';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import type { Lang, Status } from '../src/lib/data/schema';
import { indexWithFacts } from '../src/lib/data/story-facts';
import type { LonLat } from '../src/lib/data/story-index';
import { MESSAGES } from '../src/lib/i18n/messages';
import { loadStory } from '../src/lib/server/geodata';
import { ogImagePath } from '../src/lib/share/page-meta';
import type { Selection } from '../src/lib/url/view-state';

const W = 1200;
const H = 630;
const INSET = 520;
const OUT = 'static';

const require = createRequire(import.meta.url);
const font = (file: string) => readFileSync(require.resolve(`@fontsource/noto-sans/files/${file}`));
// Each subset under its own family name, or satori draws Cyrillic as boxes.
const fonts = [
	{ name: 'NotoLatin', data: font('noto-sans-latin-400-normal.woff'), weight: 400 as const },
	{ name: 'NotoLatin', data: font('noto-sans-latin-700-normal.woff'), weight: 700 as const },
	{ name: 'NotoCyr', data: font('noto-sans-cyrillic-400-normal.woff'), weight: 400 as const },
	{ name: 'NotoCyr', data: font('noto-sans-cyrillic-700-normal.woff'), weight: 700 as const },
	{ name: 'NotoCyrExt', data: font('noto-sans-cyrillic-ext-400-normal.woff'), weight: 400 as const },
	{ name: 'NotoCyrExt', data: font('noto-sans-cyrillic-ext-700-normal.woff'), weight: 700 as const }
];
const FAMILY = 'NotoLatin, NotoCyr, NotoCyrExt';

const land = JSON.parse(readFileSync('static/basemap/land.geojson', 'utf8')) as FeatureCollection<
	Polygon | MultiPolygon
>;
const borders = JSON.parse(
	readFileSync('static/basemap/borders.geojson', 'utf8')
) as FeatureCollection<MultiLineString>;

const index = indexWithFacts(loadStory());
const { data } = index;

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string)[]): Node => ({
	type,
	props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children }
});

const STATUS_COLOR: Record<Status, [string, string]> = {
	confirmed: ['#14532d', '#dcfce7'],
	attributed: ['#1e3a8a', '#dbeafe'],
	unverified: ['#713f12', '#fef3c7'],
	disputed: ['#7f1d1d', '#fee2e2']
};

/** The inset: basemap, uncertainty areas and markers of the places a card is about. */
function inset(placeIds: readonly string[]): string {
	const features: Feature[] = [];
	for (const id of placeIds) {
		const s = index.site.get(id)!;
		if (s.geometry.type === 'Point')
			features.push(
				circle(s.geometry.coordinates, (Math.max(s.properties.uncertaintyM, 400) * 2.2) / 1000, {
					units: 'kilometers'
				})
			);
		else features.push(s);
	}
	const [w0, s0, e0, n0] = bbox({ type: 'FeatureCollection', features });
	const lat0 = ((s0 + n0) / 2) * (Math.PI / 180);
	const k = Math.cos(lat0);
	// Square frame around the features, in projected units.
	const cx = ((w0 + e0) / 2) * k;
	const cy = (s0 + n0) / 2;
	const half = Math.max(((e0 - w0) * k) / 2, (n0 - s0) / 2) * 1.08;
	const px = (p: Position) => [
		((p[0]! * k - cx) / half + 1) * (INSET / 2),
		(1 - (p[1]! - cy) / half) * (INSET / 2)
	];
	const ring = (r: Position[]) =>
		'M' +
		r
			.map((p) =>
				px(p)
					.map((v) => v.toFixed(1))
					.join(',')
			)
			.join('L') +
		'Z';
	const polys = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
	// Only the basemap inside the frame (and a margin), or every inset would carry the whole region.
	const m = half * 0.1;
	const frame: [number, number, number, number] = [
		(cx - half - m) / k,
		cy - half - m,
		(cx + half + m) / k,
		cy + half + m
	];
	const landPath = land.features
		.map((f) => bboxClip(f, frame) as Feature<Polygon | MultiPolygon>)
		.flatMap((f) => polys(f.geometry).flatMap((p) => p.filter((r) => r.length >= 4).map(ring)))
		.join('');
	const borderPath = borders.features
		.map((f) => bboxClip(f, frame) as Feature<MultiLineString>)
		.flatMap((f) =>
			f.geometry.type === 'MultiLineString'
				? f.geometry.coordinates
				: [f.geometry.coordinates as unknown as Position[]]
		)
		.filter((l) => l.length >= 2)
		.map(
			(l) =>
				'M' +
				l
					.map((p) =>
						px(p)
							.map((v) => v.toFixed(1))
							.join(',')
					)
					.join('L')
		)
		.join('');
	let shapes = '';
	for (const id of placeIds) {
		const s = index.site.get(id)!;
		const area: Feature<Polygon | MultiPolygon> =
			s.geometry.type === 'Point'
				? circle(s.geometry.coordinates, s.properties.uncertaintyM / 1000, { units: 'kilometers', steps: 64 })
				: (s as Feature<Polygon | MultiPolygon>);
		shapes += `<path d="${polys(area.geometry)
			.flatMap((p) => p.map(ring))
			.join(
				''
			)}" fill="#0b57d0" fill-opacity="0.16" stroke="#0b57d0" stroke-width="3" stroke-dasharray="8 6"/>`;
	}
	// Context: the other key sites as small dots, then the places themselves.
	for (const s of data.sites) {
		if (!s.properties.key || placeIds.includes(s.properties.id)) continue;
		const [x, y] = px(index.siteAnchor.get(s.properties.id)!);
		shapes += `<circle cx="${x}" cy="${y}" r="6" fill="#fff" stroke="#111827" stroke-width="2.5"/>`;
	}
	for (const id of placeIds) {
		const [x, y] = px(index.siteAnchor.get(id) as LonLat);
		shapes += `<circle cx="${x}" cy="${y}" r="11" fill="#0b57d0" stroke="#fff" stroke-width="4"/>`;
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${INSET}" height="${INSET}" viewBox="0 0 ${INSET} ${INSET}"><rect width="100%" height="100%" fill="#dde7ee"/><path d="${landPath}" fill="#f4f1ea" fill-rule="evenodd"/><path d="${borderPath}" fill="none" stroke="#8b8178" stroke-width="2"/>${shapes}</svg>`;
}

interface Card {
	kicker: string;
	title: Record<Lang, string>;
	lines: string[];
	status?: Status;
	places: readonly string[];
}

async function render(card: Card): Promise<Buffer> {
	const t = MESSAGES.fr;
	const svgInset = inset(card.places);
	const tree = h(
		'div',
		{ width: W, height: H, backgroundColor: '#ffffff', fontFamily: FAMILY, color: '#111827' },
		h(
			'div',
			{ width: INSET, height: H, flexDirection: 'column', backgroundColor: '#dde7ee' },
			{
				type: 'img',
				props: {
					src: `data:image/svg+xml;base64,${Buffer.from(svgInset).toString('base64')}`,
					width: INSET,
					height: INSET
				}
			},
			h(
				'div',
				{ height: H - INSET, padding: '16px 24px', fontSize: 22, color: '#374151', alignItems: 'center' },
				card.places
					.map((id) => index.site.get(id)!.properties.name.fr)
					.join(' · ')
					.slice(0, 80)
			)
		),
		h(
			'div',
			{ flex: 1, flexDirection: 'column', padding: '44px 48px', justifyContent: 'space-between' },
			h(
				'div',
				{ flexDirection: 'column' },
				h(
					'div',
					{ fontSize: 24, color: '#4b5563', textTransform: 'uppercase', letterSpacing: 2 },
					card.kicker
				),
				h(
					'div',
					{ fontSize: card.title.fr.length > 90 ? 36 : 44, fontWeight: 700, marginTop: 16, lineHeight: 1.2 },
					card.title.fr
				),
				h('div', { fontSize: 26, color: '#374151', marginTop: 14, lineHeight: 1.3 }, card.title.en),
				...card.lines.map((l) => h('div', { fontSize: 24, color: '#4b5563', marginTop: 12 }, l))
			),
			h(
				'div',
				{ alignItems: 'center', justifyContent: 'space-between' },
				card.status
					? h(
							'div',
							{
								fontSize: 26,
								fontWeight: 700,
								color: STATUS_COLOR[card.status][0],
								backgroundColor: STATUS_COLOR[card.status][1],
								border: `3px solid ${STATUS_COLOR[card.status][0]}`,
								borderRadius: 40,
								padding: '6px 22px'
							},
							`${t.status[card.status]} · ${MESSAGES.en.status[card.status]}`
						)
					: h('div', {}, ''),
				h('div', { fontSize: 20, color: '#6b7280' }, data.story.title.fr.split(':')[0]!)
			)
		)
	);
	const svg = await satori(tree as Parameters<typeof satori>[0], { width: W, height: H, fonts });
	return new Resvg(svg, { fitTo: { mode: 'width', value: W } }).render().asPng();
}

function cardFor(s: Selection | null): Card {
	const fr = MESSAGES.fr;
	const en = MESSAGES.en;
	if (!s)
		return {
			kicker: `${fr.appName} · ${en.appName}`,
			title: data.story.title,
			lines: [],
			places: data.story.defaultView.places
		};
	if (s.kind === 'site') {
		const p = index.site.get(s.id)!.properties;
		return {
			kicker: `${fr.places} · ${en.places}`,
			title: p.name,
			lines: [`${p.name.ru} · ${p.name.kk}`],
			places: [s.id]
		};
	}
	if (s.kind === 'incident') {
		const p = index.incident.get(s.id)!.properties;
		const layer = index.layer.get(p.layer)!;
		const claims = p.claims.map((c) => index.claim.get(c)!);
		return {
			kicker: `${layer.label.fr} · ${layer.label.en}`,
			title: p.title,
			lines: [],
			// An incident's status is its weakest claim's: a card must never look surer than its sources.
			status: (['disputed', 'unverified', 'attributed', 'confirmed'] as const).find((st) =>
				claims.some((c) => c.status === st)
			),
			places: p.site ? [p.site] : data.story.defaultView.places
		};
	}
	const c = index.claim.get(s.id)!;
	return {
		kicker: `${fr.claims} · ${en.claims}`,
		title: c.text,
		lines: [`${fr.attributedTo} : ${c.attribution.who.fr}`.slice(0, 110)],
		status: c.status,
		places: index.placesOf(c)
	};
}

const items: (Selection | null)[] = [
	null,
	...data.sites.map((s) => ({ kind: 'site' as const, id: s.properties.id })),
	...data.incidents.map((i) => ({ kind: 'incident' as const, id: i.properties.id })),
	...data.claims.map((c) => ({ kind: 'claim' as const, id: c.id }))
];
const started = performance.now();
for (const item of items) {
	const file = OUT + ogImagePath(item);
	mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
	const card = cardFor(item);
	writeFileSync(file, await render(card));
	// The same inset alone, for printed pages of sites and incidents.
	writeFileSync(file.replace(/\.png$/, '-inset.svg'), inset(card.places));
}
console.log(`og: ${items.length} preview cards in ${((performance.now() - started) / 1000).toFixed(1)} s`);
