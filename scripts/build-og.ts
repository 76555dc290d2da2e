// Builds the preview card (1200×630 PNG) of the story and of every site, incident and claim, with no
// browser: satori lays out the card, resvg rasterises it. Written to static/og/ before `vite build`,
// with each card's map inset alone as SVG for printed pages. One set per language (`og/`, `og/en/`),
// each card in its reader's language first, the other under it.
// The inset (scripts/lib/inset.ts) is a locator map: the story's OpenStreetMap streets (if it has an
// extract) around the places, over our regional basemap, projected plainly (equirectangular around the place).
import { Resvg } from '@resvg/resvg-js';
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { LANGS, langFolder, type Lang } from '../src/lib/data/langs';
import type { Status } from '../src/lib/data/schema';
import { localNames } from '../src/lib/data/story-index';
import { indexWithFacts } from '../src/lib/server/story-facts';
import { insetDistance } from '../src/lib/i18n/format';
import { MESSAGES } from '../src/lib/server/messages';
import { loadStory } from '../src/lib/server/geodata';
import { ogImagePath } from '../src/lib/share/page-meta';
import type { Selection } from '../src/lib/types/view';
import { PICTURES, PICTURE_CSS, picture, pictureCss, picturePath } from '../src/lib/map/opening';
import { placeData } from '../src/lib/server/map-data';
import sharp from 'sharp';
import {
	drawInset,
	drawOpening,
	insetSvg,
	prepareGround,
	prepareStreets,
	type Inset,
	type InsetPlace,
	type Streets
} from './lib/inset';
import { EXTRACT, ExtractError, STREETS, loadExtract } from './lib/osm-extract';
import { measure, readAdvances, type Advances } from './lib/text-width';

const W = 1200;
const H = 630;
/** The card's map column; the printed inset is the square of the same width. */
const INSET = 520;
const OUT = 'static';

const require = createRequire(import.meta.url);
const font = (file: string) => readFileSync(require.resolve(`@fontsource/noto-sans/files/${file}`));
const SUBSETS = { latin: 'NotoLatin', cyrillic: 'NotoCyr', 'cyrillic-ext': 'NotoCyrExt' } as const;
const WEIGHTS = [400, 700] as const;
const files = Object.entries(SUBSETS).flatMap(([subset, name]) =>
	WEIGHTS.map((weight) => ({ name, weight, data: font(`noto-sans-${subset}-${weight}-normal.woff`) }))
);
// Each subset under its own family name, or satori draws Cyrillic as boxes.
const fonts = files.map(({ name, weight, data }) => ({ name, weight, data }));
const FAMILY = Object.values(SUBSETS).join(', ');
// The same fonts' advance widths, in the same order, so the inset can place labels before satori sets them.
const advances = Object.fromEntries(
	WEIGHTS.map((w) => [w, files.filter((f) => f.weight === w).map((f) => readAdvances(f.data))])
) as Record<(typeof WEIGHTS)[number], Advances[]>;

const land = JSON.parse(readFileSync('static/basemap/land.geojson', 'utf8')) as FeatureCollection<
	Polygon | MultiPolygon
>;
const borders = JSON.parse(
	readFileSync('static/basemap/borders.geojson', 'utf8')
) as FeatureCollection<MultiLineString>;

const ground = prepareGround(land.features, borders.features);
// A story without a street extract draws its insets on the regional basemap alone.
let streets: Streets | null = null;
try {
	if (STREETS && EXTRACT) streets = prepareStreets(loadExtract(EXTRACT, STREETS.sha256), STREETS.shortCredit);
} catch (e) {
	// A missing or damaged extract stops the build with the extract's own explanation and its fix.
	if (!(e instanceof ExtractError)) throw e;
	console.error(`og: ${e.message}`);
	process.exit(1);
}

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

interface Card {
	/** The card's language: its inset names places in it, its title comes first. */
	lang: Lang;
	kicker: string;
	title: Record<Lang, string>;
	lines: string[];
	status?: Status;
	places: readonly string[];
}

/** A site as the inset draws it: its name in the card's language, its anchor, its uncertainty or area. */
function insetPlace(id: string, lang: Lang): InsetPlace {
	const s = index.site.get(id)!;
	return {
		id,
		name: s.properties.name[lang],
		anchor: index.siteAnchor.get(id)!,
		...(s.geometry.type === 'Point' ? { uncertaintyM: s.properties.uncertaintyM } : { area: s.geometry })
	};
}

function inset(places: readonly string[], height: number, lang: Lang): Inset {
	return drawInset({
		width: INSET,
		height,
		lang,
		places: places.map((id) => insetPlace(id, lang)),
		context: data.sites.map((s) => insetPlace(s.properties.id, lang)),
		streets,
		ground,
		overview: data.story.bbox,
		measure: (text, size, weight) => measure(text, size, advances[weight]),
		formatDistance: (m) => insetDistance(m, lang)
	});
}

/**
 * The card's inset, its labels as boxes over it (satori sets no <text> inside an SVG image). The map
 * is rasterised once per set of places and shared by every card showing them (most claims are about
 * the same few places); drawing its thousands of paths was most of the build's time.
 */
const insetNodes = new Map<string, Node>();
function insetNode(places: readonly string[], lang: Lang): Node {
	const key = `${lang}:${places.join(',')}`;
	const cached = insetNodes.get(key);
	if (cached) return cached;
	const i = inset(places, H, lang);
	const png = new Resvg(i.svg).render().asPng();
	const node = h(
		'div',
		{ position: 'relative', width: i.width, height: i.height },
		{
			type: 'img',
			props: {
				src: `data:image/png;base64,${png.toString('base64')}`,
				width: i.width,
				height: i.height,
				style: { position: 'absolute', left: 0, top: 0 }
			}
		},
		...i.labels.map((l) =>
			h(
				'div',
				{
					position: 'absolute',
					left: l.x,
					top: l.y,
					width: l.width,
					height: l.height,
					padding: `2px ${l.padX}px`,
					flexDirection: 'column',
					backgroundColor: l.halo ? `rgba(255,255,255,${l.halo})` : 'transparent',
					borderRadius: 2,
					fontSize: l.size,
					fontWeight: l.weight,
					lineHeight: `${l.lineHeight}px`,
					color: l.color,
					whiteSpace: 'nowrap'
				},
				...l.lines.map((line) => h('div', { height: l.lineHeight }, line))
			)
		)
	);
	insetNodes.set(key, node);
	return node;
}

/** The story's other language, written second on a card. */
const otherLang = (lang: Lang) => LANGS.find((l) => l !== lang)!;

async function render(card: Card): Promise<Buffer> {
	const { lang } = card;
	const other = otherLang(lang);
	const tree = h(
		'div',
		{ width: W, height: H, backgroundColor: '#ffffff', fontFamily: FAMILY, color: '#111827' },
		insetNode(card.places, lang),
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
					{
						fontSize: card.title[lang].length > 90 ? 36 : 44,
						fontWeight: 700,
						marginTop: 16,
						lineHeight: 1.2
					},
					card.title[lang]
				),
				h('div', { fontSize: 26, color: '#374151', marginTop: 14, lineHeight: 1.3 }, card.title[other]),
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
							`${MESSAGES[lang].status[card.status]} · ${MESSAGES[other].status[card.status]}`
						)
					: h('div', {}, ''),
				h('div', { fontSize: 20, color: '#6b7280' }, data.story.title[lang].split(':')[0]!)
			)
		)
	);
	const svg = await satori(tree as Parameters<typeof satori>[0], { width: W, height: H, fonts });
	return new Resvg(svg, { fitTo: { mode: 'width', value: W } }).render().asPng();
}

function cardFor(s: Selection | null, lang: Lang): Card {
	const [t, u] = [MESSAGES[lang], MESSAGES[otherLang(lang)]];
	const both = (text: Record<Lang, string>) => `${text[lang]} · ${text[otherLang(lang)]}`;
	if (!s)
		return {
			lang,
			kicker: `${t.appName} · ${u.appName}`,
			title: data.story.title,
			lines: [],
			places: data.story.defaultView.places
		};
	if (s.kind === 'site') {
		const p = index.site.get(s.id)!.properties;
		return {
			lang,
			kicker: `${t.places} · ${u.places}`,
			title: p.name,
			lines: [
				localNames(p.name)
					.map(([, n]) => n)
					.join(' · ')
			].filter(Boolean),
			places: [s.id]
		};
	}
	if (s.kind === 'incident') {
		const p = index.incident.get(s.id)!.properties;
		const layer = index.layer.get(p.layer)!;
		const claims = p.claims.map((c) => index.claim.get(c)!);
		return {
			lang,
			kicker: both(layer.label),
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
		lang,
		kicker: `${t.claims} · ${u.claims}`,
		title: c.text,
		// French sets a space before a colon.
		lines: [`${t.attributedTo}${lang === 'fr' ? ' :' : ':'} ${c.attribution.who[lang]}`.slice(0, 110)],
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
const printed = new Map<string, string>();
const started = performance.now();
// Only this story's cards: another story's, from an earlier build, must not ship with it.
rmSync(`${OUT}/og`, { recursive: true, force: true });
for (const lang of LANGS)
	for (const item of items) {
		const file = OUT + ogImagePath(item, lang);
		mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
		const card = cardFor(item, lang);
		writeFileSync(file, await render(card));
		// The same map alone, square, for printed pages of sites and incidents.
		const key = `${lang}:${card.places.join(',')}`;
		if (!printed.has(key)) printed.set(key, insetSvg(inset(card.places, INSET, lang)));
		writeFileSync(file.replace(/\.png$/, '-inset.svg'), printed.get(key)!);
	}
const count = items.length * LANGS.length;
console.log(`og: ${count} preview cards in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/**
 * The live map's opening view, as a picture per language and layout (opening.ts): MapView shows it at
 * once, with or without scripts, until the live map has drawn the same view. WebP, for its bytes.
 */
async function writeOpening(lang: Lang) {
	const { sites, areas } = placeData(index);
	const outline = new Map(areas.features.map((a) => [a.properties.id, a.geometry]));
	for (const spec of PICTURES) {
		const p = picture(spec, index.facts.openingBounds, data.story.defaultView.maxZoom);
		const o = drawOpening({
			width: p.width,
			height: p.height,
			zoom: p.zoom,
			middle: p.middle,
			ratio: p.ratio,
			sites: sites.features.map((f) => ({
				name: f.properties[`name_${lang}`],
				anchor: f.geometry.coordinates as [number, number],
				key: f.properties.key,
				area: f.properties.area,
				side: f.properties.side,
				outline: outline.get(f.properties.id)!
			})),
			streets,
			ground,
			measure: (text, size, weight) => measure(text, size, advances[weight])
		});
		const map = new Resvg(o.svg).render().asPng();
		const tree = h(
			'div',
			{ position: 'relative', width: p.width, height: p.height, fontFamily: FAMILY },
			{
				type: 'img',
				props: {
					src: `data:image/png;base64,${map.toString('base64')}`,
					width: p.width,
					height: p.height,
					style: { position: 'absolute', left: 0, top: 0 }
				}
			},
			...o.labels.map((l) =>
				h(
					'div',
					{
						position: 'absolute',
						left: l.x,
						top: l.y,
						width: l.width + 4,
						flexDirection: 'column',
						fontSize: l.size,
						lineHeight: `${l.lineHeight}px`,
						color: l.color,
						whiteSpace: 'nowrap',
						// The live map's label halo.
						textShadow: `0 0 ${1.6 * p.ratio}px #fff, 0 0 ${1.6 * p.ratio}px #fff`
					},
					...l.lines.map((line) => h('div', { height: l.lineHeight }, line))
				)
			)
		);
		const svg = await satori(tree as Parameters<typeof satori>[0], {
			width: p.width,
			height: p.height,
			fonts
		});
		const png = new Resvg(svg).render().asPng();
		const file = OUT + picturePath(langFolder(lang), spec.layout);
		mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
		writeFileSync(file, await sharp(png).webp({ quality: 70, effort: 6 }).toBuffer());
	}
}
for (const lang of LANGS) await writeOpening(lang);
writeFileSync(
	OUT + PICTURE_CSS,
	pictureCss(PICTURES.map((spec) => picture(spec, index.facts.openingBounds, data.story.defaultView.maxZoom)))
);
console.log(`og: opening pictures for ${LANGS.length} languages`);
