// The locator map of a preview card or a printed page, drawn at build time with no browser: the
// OpenStreetMap streets around the places (osm-extract.ts), their uncertainty areas, their markers
// and their names. Places far from the rest get an arrow at the frame's edge with their distance.
// Labels are placed here but drawn by the caller: satori cannot set <text> inside an SVG image, so
// the card draws them as boxes over the picture; the standalone SVG (`insetSvg`) uses <text>.
import { bboxClip } from '@turf/bbox-clip';
import { circle } from '@turf/circle';
import type { Feature, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Lang } from '../../src/lib/data/schema';
import type { StreetLayer, StreetLayers } from './osm-extract';
import { STREET_PALETTE } from '../../src/lib/map/street-palette';

export type LonLat = [number, number];
type Box = [number, number, number, number];

export interface InsetPlace {
	id: string;
	/** In the card's language. */
	name: string;
	/** Where the marker goes (for an area, a point inside it). */
	anchor: LonLat;
	/** A point's uncertainty radius in metres, drawn as a circle around the anchor. */
	uncertaintyM?: number;
	/** An area drawn as itself instead of a circle. */
	area?: Polygon | MultiPolygon;
}

/** The OpenStreetMap layers with each feature's bounding box, worked out once for every inset. */
export interface Streets {
	layers: { layer: StreetLayer; cls: string; minzoom: number; box: Box; geometry: Geometry }[];
	/** The short credit in each language: an inset prints its card's. */
	credit: Record<Lang, string>;
	/** What the extract covers. */
	extent: Box;
}

/** Regional ground under the streets, for frames wider than the extract (Natural Earth). */
export interface Ground {
	land: Feature<Polygon | MultiPolygon>[];
	borders: Feature<MultiLineString>[];
	/** Where the land data ends: beyond it, the ground is drawn as land, not as sea. */
	extent: Box;
}

export function prepareGround(land: Ground['land'], borders: Ground['borders']): Ground {
	return { land, borders, extent: land.map((f) => boxOf(f.geometry)).reduce(union) };
}

export interface InsetOptions {
	width: number;
	height: number;
	/** The card's language: the streets' credit is printed in it. */
	lang: Lang;
	/** The places the card is about: each gets a marker, its area and its name. */
	places: InsetPlace[];
	/**
	 * Other points drawn small when they fall in the frame, named when there is room. Where several
	 * would overlap, the one with the widest uncertainty (the city rather than its square) stands for
	 * them; one wider than a third of the frame is the frame's whole area, not a point, and is left out.
	 */
	context?: InsetPlace[];
	/** The area a small overview shows when the frame has no streets to show (the story's region). */
	overview?: [number, number, number, number];
	streets?: Streets | null;
	ground?: Ground;
	/** Width in px of a line of text at a size and weight, in the font the labels will be set in. */
	measure: (text: string, size: number, weight: 400 | 700) => number;
	/** "13 km" in the card's language. */
	formatDistance: (metres: number) => string;
}

/** A text box placed on the inset: drawn as a div over it on cards, as <rect> + <text> in SVG. */
export interface Label {
	x: number;
	y: number;
	width: number;
	height: number;
	lines: string[];
	size: number;
	weight: 400 | 700;
	color: string;
	/** Box background opacity (white); 0 for none. */
	halo: number;
	padX: number;
	lineHeight: number;
	/** Each line's width in the labels' font, without padding. */
	measured: number[];
	role: 'place' | 'context' | 'pointer' | 'scale' | 'attribution';
	/** The place it names, if it names one. */
	placeId?: string;
}

export interface Inset {
	width: number;
	height: number;
	/** The picture without its labels. */
	svg: string;
	labels: Label[];
	/** True when OpenStreetMap features are drawn (the attribution is then among the labels). */
	osm: boolean;
	/** Places outside the frame, drawn as edge arrows. */
	pointers: string[];
}

/** The live map's street colours (street-palette.ts), and the inset's own marker and inks. */
export const COLORS = {
	water: STREET_PALETTE.sea,
	land: STREET_PALETTE.land,
	park: STREET_PALETTE.park,
	builtUp: STREET_PALETTE.builtUp,
	pedestrian: STREET_PALETTE.pedestrian,
	waterFill: STREET_PALETTE.water,
	waterway: STREET_PALETTE.waterway,
	building: STREET_PALETTE.building,
	buildingLine: STREET_PALETTE.buildingLine,
	apron: STREET_PALETTE.apron,
	runway: STREET_PALETTE.runway,
	rail: STREET_PALETTE.rail,
	road: STREET_PALETTE.road,
	path: STREET_PALETTE.path,
	casing: STREET_PALETTE.casing,
	border: STREET_PALETTE.border,
	marker: '#0b57d0',
	ink: '#111827',
	inkSoft: '#374151',
	inkFaint: '#4b5563'
} as const;

const M_PER_DEG = 111_320;
/** Metres per pixel of a 256-px web-mercator tile at zoom 0 on the equator. */
const MERCATOR_Z0 = 156_543.03;

export function prepareStreets(layers: StreetLayers, credit: Record<Lang, string>): Streets {
	const out: Streets['layers'] = [];
	for (const [layer, features] of Object.entries(layers) as [StreetLayer, StreetLayers[StreetLayer]][]) {
		for (const f of features)
			out.push({
				layer,
				cls: f.properties.class,
				minzoom: f.properties.minzoom,
				box: boxOf(f.geometry),
				geometry: f.geometry
			});
	}
	return { layers: out, credit, extent: out.map((l) => l.box).reduce(union) };
}

function boxOf(g: Geometry): Box {
	const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (c: unknown): void => {
		if (typeof (c as number[])[0] === 'number') {
			const [x, y] = c as number[];
			if (x! < b[0]) b[0] = x!;
			if (y! < b[1]) b[1] = y!;
			if (x! > b[2]) b[2] = x!;
			if (y! > b[3]) b[3] = y!;
		} else for (const d of c as unknown[]) visit(d);
	};
	if (g.type !== 'GeometryCollection') visit(g.coordinates);
	return b;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const union = (a: Box, b: Box): Box => [
	Math.min(a[0], b[0]),
	Math.min(a[1], b[1]),
	Math.max(a[2], b[2]),
	Math.max(a[3], b[3])
];

const grow = (b: Box, by: number): Box => {
	const [dx, dy] = [(b[2] - b[0]) * by, (b[3] - b[1]) * by];
	return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
};

/** The area a place needs around it in a frame: its uncertainty and some streets. */
function footprint(p: InsetPlace): Box {
	if (p.area) {
		const b = boxOf(p.area);
		const m = Math.max(b[2] - b[0], b[3] - b[1]) * 0.06;
		return [b[0] - m, b[1] - m, b[2] + m, b[3] + m];
	}
	const u = p.uncertaintyM ?? 0;
	const r = Math.max(u * 1.3, u + 600) / M_PER_DEG;
	const k = Math.cos((p.anchor[1] * Math.PI) / 180);
	return [p.anchor[0] - r / k, p.anchor[1] - r, p.anchor[0] + r / k, p.anchor[1] + r];
}

function metres(a: LonLat, b: LonLat): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
		Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
	return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/**
 * Groups places whose surroundings belong in one frame. Places far apart for their size (the
 * airport, 13 km from three sites 400 m apart) go to separate groups: one frame cannot show both at
 * street level.
 */
export function clusterPlaces(places: InsetPlace[]): InsetPlace[][] {
	let groups = places.map((p) => ({ places: [p], box: footprint(p) }));
	for (let merged = true; merged;) {
		merged = false;
		outer: for (let i = 0; i < groups.length; i++)
			for (let j = i + 1; j < groups.length; j++) {
				const [a, b] = [groups[i]!, groups[j]!];
				const size = (x: Box) => Math.max(x[2] - x[0], x[3] - x[1]);
				const gap = Math.hypot(
					(a.box[0] + a.box[2] - b.box[0] - b.box[2]) / 2,
					(a.box[1] + a.box[3] - b.box[1] - b.box[3]) / 2
				);
				if (overlaps(a.box, b.box) || gap < 1.5 * Math.max(size(a.box), size(b.box))) {
					groups[i] = { places: [...a.places, ...b.places], box: union(a.box, b.box) };
					groups = groups.filter((_, n) => n !== j);
					merged = true;
					break outer;
				}
			}
	}
	return groups.map((g) => g.places);
}

/** Ramer–Douglas–Peucker in pixels: drops points that move the line by less than `tol`. */
function simplify(pts: number[][], tol: number): number[][] {
	if (pts.length <= 2) return pts;
	const keep = new Uint8Array(pts.length);
	keep[0] = keep[pts.length - 1] = 1;
	const stack: [number, number][] = [[0, pts.length - 1]];
	while (stack.length) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = pts[a]!;
		const [bx, by] = pts[b]!;
		const len = Math.hypot(bx! - ax!, by! - ay!);
		let worst = 0;
		let at = -1;
		for (let i = a + 1; i < b; i++) {
			const [x, y] = pts[i]!;
			// A closed ring starts and ends on one point: measure from that point.
			const d = len
				? Math.abs((bx! - ax!) * (ay! - y!) - (ax! - x!) * (by! - ay!)) / len
				: Math.hypot(x! - ax!, y! - ay!);
			if (d > worst) [worst, at] = [d, i];
		}
		if (worst > tol) {
			keep[at] = 1;
			stack.push([a, at], [at, b]);
		}
	}
	return pts.filter((_, i) => keep[i]);
}

const num = (v: number) => String(Math.round(v * 10) / 10);
/** "M12.3 4l1.2-3 5 6" : absolute start, then relative steps between points rounded to 0.1 px. */
function pathOf(pts: number[][], close: boolean): string {
	const r = pts.map(([x, y]) => [Math.round(x! * 10), Math.round(y! * 10)]);
	let d = `M${num(r[0]![0]! / 10)} ${num(r[0]![1]! / 10)}`;
	let sep = 'l';
	for (let i = 1; i < r.length; i++) {
		const dx = (r[i]![0]! - r[i - 1]![0]!) / 10;
		const dy = (r[i]![1]! - r[i - 1]![1]!) / 10;
		if (dx === 0 && dy === 0) continue;
		d += `${dx < 0 || sep === 'l' ? sep.trim() : sep}${num(dx)}${dy < 0 ? '' : ' '}${num(dy)}`;
		sep = ' ';
	}
	return close ? d + 'z' : d;
}

/** How a layer's class is drawn, at a zoom (web-mercator equivalent of the frame's scale). */
interface Paint {
	key: string;
	fill?: string;
	stroke?: string;
	width?: number;
	dash?: string;
	outline?: string;
	order: number;
}

const ROAD_WIDTH: Record<string, [number, number]> = {
	// [width at zoom 15, narrowest] in px
	major: [10, 2],
	secondary: [7.5, 1.3],
	minor: [4.5, 0.7],
	service: [2.4, 0.4],
	path: [1.3, 0.4]
};
const ROAD_ORDER = ['path', 'service', 'minor', 'secondary', 'major'];

function paintOf(layer: StreetLayer, cls: string, z: number, mpp: number): Paint[] {
	const grow = 2 ** ((z - 15) * 0.75);
	switch (layer) {
		case 'landuse': {
			if (cls === 'farmland') return [];
			const fill =
				cls === 'wood' || cls === 'park' || cls === 'cemetery' || cls === 'sport'
					? COLORS.park
					: cls === 'pedestrian'
						? COLORS.pedestrian
						: COLORS.builtUp;
			return [{ key: `landuse-${fill}`, fill, order: 1 }];
		}
		case 'water':
			return [{ key: 'water', fill: COLORS.waterFill, order: 2 }];
		case 'waterway': {
			const w = cls === 'river' ? 3 : cls === 'canal' ? 2 : 1.2;
			return [
				{ key: `waterway-${cls}`, stroke: COLORS.waterway, width: Math.max(w * grow * 1.5, 0.8), order: 3 }
			];
		}
		case 'aeroway':
			if (cls === 'runway' || cls === 'taxiway')
				return [
					{
						key: `aeroway-${cls}`,
						stroke: COLORS.runway,
						width: Math.max((cls === 'runway' ? 45 : 18) / mpp, cls === 'runway' ? 1.6 : 0.8),
						order: 5
					}
				];
			return [{ key: 'aeroway-area', fill: COLORS.apron, order: 4 }];
		case 'building':
			return [
				{
					key: 'building',
					fill: COLORS.building,
					outline: z >= 14 ? COLORS.buildingLine : undefined,
					order: 6
				}
			];
		case 'railway':
			return cls === 'tram'
				? [{ key: 'tram', stroke: COLORS.rail, width: 0.8, dash: '2 2', order: 7 }]
				: [{ key: `rail-${cls}`, stroke: COLORS.rail, width: 1.4, dash: '5 3', order: 7 }];
		case 'road': {
			const [w15, min] = ROAD_WIDTH[cls] ?? ROAD_WIDTH.minor!;
			const w = Math.max(w15 * grow, min);
			const i = ROAD_ORDER.indexOf(cls);
			if (cls === 'path')
				return [{ key: 'road-path', stroke: COLORS.path, width: w, dash: '2 1.5', order: 8 }];
			const casing = z >= 13 ? 1.1 : 0.6;
			return [
				{ key: `casing-${cls}`, stroke: COLORS.casing, width: w + 2 * casing, order: 9 + i / 10 },
				{ key: `road-${cls}`, stroke: COLORS.road, width: w, order: 10 + i / 10 }
			];
		}
	}
}

/** The overview's streets: the city's shape as thin grey lines, its water and airport. */
function overviewPaint(layer: StreetLayer, cls: string): Paint[] {
	if (layer === 'road' && (cls === 'major' || cls === 'secondary'))
		return [{ key: `ov-${cls}`, stroke: '#cdc5b9', width: cls === 'major' ? 1 : 0.6, order: 10 }];
	if (layer === 'water') return [{ key: 'water', fill: COLORS.waterFill, order: 2 }];
	if (layer === 'aeroway' && cls === 'runway')
		return [{ key: 'runway', stroke: '#bdb7ae', width: 1.5, order: 5 }];
	return [];
}

interface Frame {
	width: number;
	height: number;
	/** Centre in projected units (longitude × cos(lat0), latitude). */
	cx: number;
	cy: number;
	k: number;
	/** Pixels per projected unit. */
	s: number;
}

const project = (f: Frame, p: Position): [number, number] => [
	(p[0]! * f.k - f.cx) * f.s + f.width / 2,
	(f.cy - p[1]!) * f.s + f.height / 2
];

function frameAround(box: Box, width: number, height: number): Frame {
	const k = Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
	const cx = ((box[0] + box[2]) / 2) * k;
	const cy = (box[1] + box[3]) / 2;
	const s = Math.min(width / ((box[2] - box[0]) * k), height / (box[3] - box[1]));
	return { width, height, cx, cy, k, s };
}

/** The frame's extent in longitude/latitude, grown by `margin` of its size. */
function frameBox(f: Frame, margin = 0): Box {
	const hw = (f.width / 2 / f.s) * (1 + margin);
	const hh = (f.height / 2 / f.s) * (1 + margin);
	return [(f.cx - hw) / f.k, f.cy - hh, (f.cx + hw) / f.k, f.cy + hh];
}

const ringsOf = (g: Geometry): { lines: Position[][]; closed: boolean } => {
	switch (g.type) {
		case 'Polygon':
			return { lines: g.coordinates, closed: true };
		case 'MultiPolygon':
			return { lines: g.coordinates.flat(), closed: true };
		case 'LineString':
			return { lines: [g.coordinates], closed: false };
		case 'MultiLineString':
			return { lines: g.coordinates, closed: false };
		default:
			return { lines: [], closed: false };
	}
};

/** A place's outline (its area, or its uncertainty circle) as one closed, simplified SVG path. */
const outlinePath = (f: Frame, g: Geometry): string =>
	ringsOf(g)
		.lines.map((r) =>
			pathOf(
				simplify(
					r.map((q) => project(f, q)),
					0.3
				),
				true
			)
		)
		.join('');

/** Draws the streets (and the regional ground) inside the frame, as one path per style. */
function drawBasemap(
	f: Frame,
	streets: Streets | null | undefined,
	ground: Ground | undefined,
	overview = false,
	/** For the opening picture: the live map's zoom, and picture pixels per CSS px. */
	live?: { zoom: number; ratio: number }
) {
	const mpp = M_PER_DEG / f.s;
	const zoom = live ? live.zoom : Math.log2((MERCATOR_Z0 * f.k) / mpp);
	const clip = frameBox(f, 0.06);
	let svg = '';
	if (ground) {
		// The features inside the frame as one path: rings (closed) need four points, lines two.
		const path = <G extends Polygon | MultiPolygon | MultiLineString>(
			features: Feature<G>[],
			closed: boolean
		) =>
			features
				.filter((g) => overlaps(boxOf(g.geometry), clip))
				.flatMap((g) => ringsOf(bboxClip(g, clip).geometry).lines)
				.filter((r) => r.length >= (closed ? 4 : 2))
				.map((r) =>
					pathOf(
						simplify(
							r.map((p) => project(f, p)),
							0.5
						),
						closed
					)
				)
				.join('');
		const land = path(ground.land, true);
		const borders = path(ground.borders, false);
		// Sea within the land data's extent; beyond it the data says nothing, and the region is land.
		const [x0, y0] = project(f, [ground.extent[0], ground.extent[3]]);
		const [x1, y1] = project(f, [ground.extent[2], ground.extent[1]]);
		svg += `<rect x="${num(x0)}" y="${num(y0)}" width="${num(x1 - x0)}" height="${num(y1 - y0)}" fill="${COLORS.water}"/>`;
		if (land) svg += `<path d="${land}" fill="${COLORS.land}" fill-rule="evenodd"/>`;
		if (borders) svg += `<path d="${borders}" fill="none" stroke="${COLORS.border}" stroke-width="1.6"/>`;
	}
	// Features appear at the zoom the tiles show them from, so a wide frame keeps only main roads.
	const paths = new Map<string, { paint: Paint; d: string[] }>();
	let drawn = 0;
	for (const s of streets?.layers ?? []) {
		if ((!overview && s.minzoom > zoom + 0.5) || !overlaps(s.box, clip)) continue;
		// At city scale, white streets would vanish into the ground: draw them as the overview does.
		const paints =
			overview || (zoom < 11.5 && s.layer === 'road')
				? overviewPaint(s.layer, s.cls)
				: paintOf(s.layer, s.cls, zoom, mpp);
		if (!paints.length) continue;
		const inside = s.box[0] >= clip[0] && s.box[1] >= clip[1] && s.box[2] <= clip[2] && s.box[3] <= clip[3];
		const g = inside ? s.geometry : bboxClip(s.geometry as Polygon, clip).geometry;
		const { lines, closed } = ringsOf(g);
		const parts: string[] = [];
		for (const line of lines) {
			if (line.length < (closed ? 4 : 2)) continue;
			const pts = line.map((p) => project(f, p));
			if (closed) {
				// Buildings smaller than two pixels across are noise at this scale.
				const xs = pts.map((p) => p[0]);
				const ys = pts.map((p) => p[1]);
				if (Math.max(...xs) - Math.min(...xs) < 2 && Math.max(...ys) - Math.min(...ys) < 2) continue;
			}
			const simple = simplify(pts, 0.35);
			if (simple.length < (closed ? 3 : 2)) continue;
			parts.push(pathOf(simple, closed));
		}
		if (!parts.length) continue;
		drawn++;
		for (const paint of paints) {
			const entry = paths.get(paint.key) ?? { paint, d: [] };
			entry.d.push(...parts);
			paths.set(paint.key, entry);
		}
	}
	const sorted = [...paths.values()].sort((a, b) => a.paint.order - b.paint.order);
	for (const { paint: p, d } of sorted) {
		const attrs = p.fill
			? `fill="${p.fill}"${p.outline ? ` stroke="${p.outline}" stroke-width="0.6"` : ''}`
			: `fill="none" stroke="${p.stroke}" stroke-width="${num(p.width! * (live?.ratio ?? 1))}" stroke-linecap="round" stroke-linejoin="round"${p.dash ? ` stroke-dasharray="${p.dash}"` : ''}`;
		svg += `<path d="${d.join('')}" ${attrs}/>`;
	}
	return { svg, osm: drawn > 0, mpp };
}

type Rect = [number, number, number, number];
const hits = (a: Rect, b: Rect) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

type LabelStyle = Pick<Label, 'size' | 'weight' | 'color' | 'halo' | 'padX' | 'role'>;
const STYLE = {
	place: { size: 19, weight: 700, color: COLORS.ink, halo: 0.9, padX: 5, role: 'place' },
	pointer: { size: 19, weight: 700, color: COLORS.ink, halo: 0.9, padX: 5, role: 'pointer' },
	context: { size: 15, weight: 400, color: COLORS.inkSoft, halo: 0.85, padX: 5, role: 'context' },
	scale: { size: 12, weight: 400, color: COLORS.inkSoft, halo: 0.85, padX: 4, role: 'scale' },
	attribution: { size: 11, weight: 400, color: COLORS.inkFaint, halo: 0.85, padX: 4, role: 'attribution' }
} as const satisfies Record<string, LabelStyle>;

/** A name on one line, or on two at the space nearest its middle (before a parenthesis first). */
function layouts(name: string): string[][] {
	const out = [[name]];
	const paren = name.indexOf(' (');
	if (paren > 0) out.push([name.slice(0, paren), name.slice(paren + 1)]);
	const spaces = [...name.matchAll(/ /g)].map((m) => m.index!);
	if (spaces.length) {
		const mid = spaces.reduce((a, b) =>
			Math.abs(b - name.length / 2) < Math.abs(a - name.length / 2) ? b : a
		);
		if (mid !== paren) out.push([name.slice(0, mid), name.slice(mid + 1)]);
	}
	return out;
}

/** Keeps what is drawn out of each other's way: markers, arrows, the overview and labels. */
class Placer {
	taken: Rect[] = [];
	/** Marker centres: a name must sit nearer its own marker than any other. */
	points: [number, number][] = [];
	constructor(
		readonly width: number,
		readonly height: number,
		readonly measure: InsetOptions['measure']
	) {}

	clone(): Placer {
		const c = new Placer(this.width, this.height, this.measure);
		c.taken = [...this.taken];
		c.points = this.points;
		return c;
	}

	/** True when the box would read as another marker's name. */
	ambiguous(r: Rect, own: [number, number]): boolean {
		const d = ([x, y]: [number, number]) =>
			Math.hypot(Math.max(r[0] - x, 0, x - r[2]), Math.max(r[1] - y, 0, y - r[3]));
		const mine = d(own);
		return this.points.some((p) => (p[0] !== own[0] || p[1] !== own[1]) && d(p) <= mine + 2);
	}

	fits(r: Rect, margin = 4): boolean {
		return (
			r[0] >= margin &&
			r[1] >= margin &&
			r[2] <= this.width - margin &&
			r[3] <= this.height - margin &&
			!this.taken.some((t) => hits(r, t))
		);
	}

	/** A label's box, not yet placed. */
	shape(lines: string[], style: LabelStyle, placeId?: string): Omit<Label, 'x' | 'y'> {
		const lineHeight = Math.round(style.size * 1.25);
		const measured = lines.map((l) => this.measure(l, style.size, style.weight));
		return {
			...style,
			lines,
			measured,
			lineHeight,
			width: Math.ceil(Math.max(...measured) + 2 * style.padX),
			height: lineHeight * lines.length + 4,
			...(placeId ? { placeId } : {})
		};
	}

	put(shape: Omit<Label, 'x' | 'y'>, x: number, y: number): Label {
		this.taken.push([x, y, x + shape.width, y + shape.height]);
		return { ...shape, x, y };
	}

	/**
	 * Places a name beside a point: right or left, then above or below, then the diagonals, each on
	 * one line before two, then further out. Null when nothing fits without covering a label or
	 * marker or reading as another marker's name; `cost` counts how far down that list it went.
	 */
	beside(
		x: number,
		y: number,
		gap: number,
		name: string,
		style: LabelStyle,
		placeId: string,
		inward = false
	): { label: Label; cost: number } | null {
		let cost = 0;
		const sides: ((w: number, h: number, g: number) => [number, number])[][] = [
			[(w, h, g) => [x + g, y - h / 2], (w, h, g) => [x - g - w, y - h / 2]],
			[(w, h, g) => [x - w / 2, y - g - h], (w, h, g) => [x - w / 2, y + g]],
			[
				(w, h, g) => [x + g * 0.7, y - g * 0.7 - h],
				(w, h, g) => [x + g * 0.7, y + g * 0.7],
				(w, h, g) => [x - g * 0.7 - w, y - g * 0.7 - h],
				(w, h, g) => [x - g * 0.7 - w, y + g * 0.7]
			]
		];
		const towardsCentre = (w: number, h: number) => (a: [number, number], b: [number, number]) =>
			Math.hypot(a[0] + w / 2 - this.width / 2, a[1] + h / 2 - this.height / 2) -
			Math.hypot(b[0] + w / 2 - this.width / 2, b[1] + h / 2 - this.height / 2);
		for (const extra of [0, 14, 30])
			for (const group of sides)
				for (const lines of layouts(name)) {
					const shape = this.shape(lines, style, placeId);
					const { width: w, height: h } = shape;
					const spots = group.map((at) => at(w, h, gap + extra));
					if (inward) spots.sort(towardsCentre(w, h));
					for (const [lx, ly] of spots) {
						const r: Rect = [lx, ly, lx + w, ly + h];
						if (this.fits(r) && !this.ambiguous(r, [x, y])) return { label: this.put(shape, lx, ly), cost };
						cost++;
					}
				}
		return null;
	}

	/** A place's name when no spot is free: beside it anyway, inside the frame, over what is there. */
	forced(x: number, y: number, gap: number, name: string, style: LabelStyle, placeId: string): Label {
		const shape = this.shape(layouts(name).at(-1)!, style, placeId);
		return this.put(
			shape,
			Math.min(Math.max(x + gap, 4), this.width - shape.width - 4),
			Math.min(Math.max(y - shape.height / 2, 4), this.height - shape.height - 4)
		);
	}
}

const arrowPath = (x: number, y: number, angle: number, size: number) => {
	const pt = (a: number, r: number) => `${num(x + Math.cos(a) * r)} ${num(y + Math.sin(a) * r)}`;
	return `M${pt(angle, size)}L${pt(angle + 2.4, size)}L${pt(angle, -size * 0.25)}L${pt(angle - 2.4, size)}z`;
};

/** The narrowest frame where there are no streets to show: a region, with its coast and borders. */
const BARE_FRAME_M = 400_000;

/** Scale bar lengths in metres: the longest that fits in 110 px is drawn. */
const NICE = [20, 50, 100, 200, 250, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6];

/** The frame around the main group; outside the street extract, a region rather than empty ground. */
function chooseFrame(main: InsetPlace[], o: InsetOptions): Frame {
	const f = frameAround(main.map(footprint).reduce(union), o.width, o.height);
	const fb = frameBox(f);
	const wide = BARE_FRAME_M / M_PER_DEG / f.k;
	if ((o.streets && overlaps(fb, o.streets.extent)) || fb[2] - fb[0] >= wide) return f;
	const [cx, cy] = [(fb[0] + fb[2]) / 2, (fb[1] + fb[3]) / 2];
	const hh = ((wide / 2) * f.k * o.height) / o.width;
	return frameAround([cx - wide / 2, cy - hh, cx + wide / 2, cy + hh], o.width, o.height);
}

interface Marker {
	p: InsetPlace;
	xy: [number, number];
	r: number;
	kind: 'place' | 'context' | 'pointer';
	distance?: string;
}

/** A small overview in a free top corner: where the frame lies, and the places off it. */
function drawLocator(o: InsetOptions, f: Frame, placer: Placer, pointers: Marker[]): string {
	const size = Math.round(Math.min(o.width, o.height) * 0.27);
	const corner = (
		[
			[10, 10, 10 + size, 10 + size],
			[o.width - 10 - size, 10, o.width - 10, 10 + size]
		] satisfies Rect[]
	).find((c) => !placer.taken.some((t) => hits(c, t)));
	if (!corner) return '';
	const fb = frameBox(f);
	const area = pointers.length ? grow(o.places.map(footprint).reduce(union), 0.25) : union(o.overview!, fb);
	const lf = frameAround(area, size, size);
	const map = drawBasemap(lf, o.streets, o.ground, true);
	const [x0, y0] = project(lf, [fb[0], fb[3]]);
	const [x1, y1] = project(lf, [fb[2], fb[1]]);
	// A frame too small to see at this scale is drawn as a square a few pixels wide.
	const [bw, bh] = [Math.max(x1 - x0, 7), Math.max(y1 - y0, 7)];
	const [bx, by] = [(x0 + x1 - bw) / 2, (y0 + y1 - bh) / 2];
	const dots = pointers
		.map((m) => project(lf, m.p.anchor))
		.map(
			([x, y]) =>
				`<circle cx="${num(x)}" cy="${num(y)}" r="4" fill="${COLORS.marker}" stroke="#fff" stroke-width="1.5"/>`
		)
		.join('');
	placer.taken.push([corner[0] - 4, corner[1] - 4, corner[2] + 4, corner[3] + 4]);
	return (
		`<g transform="translate(${corner[0]} ${corner[1]})"><rect x="-2" y="-2" width="${size + 4}" height="${size + 4}" fill="#fff"/>` +
		`<svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="100%" height="100%" fill="${COLORS.land}"/>${map.svg}` +
		`<rect x="${num(bx)}" y="${num(by)}" width="${num(bw)}" height="${num(bh)}" fill="${COLORS.marker}" fill-opacity="0.15" stroke="${COLORS.ink}" stroke-width="1.5"/>${dots}</svg>` +
		`<rect width="${size}" height="${size}" fill="none" stroke="#9ca3af"/></g>`
	);
}

function permutations<T>(xs: T[]): T[][] {
	if (xs.length <= 1) return [xs];
	return xs.flatMap((x, i) =>
		permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest])
	);
}

/** Builds an inset: the frame, the basemap clipped to it, the places and where their names go. */
export function drawInset(o: InsetOptions): Inset {
	const { width, height } = o;
	const groups = clusterPlaces(o.places);
	// The frame shows the group with most places; the first place listed breaks a tie.
	const main = groups.reduce((a, b) => (b.length > a.length ? b : a));
	const f = chooseFrame(main, o);
	const { svg: base, osm, mpp } = drawBasemap(f, o.streets, o.ground);
	const placer = new Placer(width, height, o.measure);
	const labels: Label[] = [];

	// The bottom corners hold the scale and the attribution: reserve them first.
	const scaleM = [...NICE].reverse().find((m) => m / mpp <= 110) ?? NICE[0]!;
	const scalePx = scaleM / mpp;
	const scale = placer.shape([o.formatDistance(scaleM)], STYLE.scale);
	labels.push({ ...scale, x: 8, y: height - 22 - scale.height });
	placer.taken.push([0, height - 24 - scale.height, Math.max(scalePx + 20, scale.width + 12), height]);
	let furniture =
		`<rect x="8" y="${height - 18}" width="${num(scalePx + 8)}" height="12" fill="#fff" fill-opacity="0.85"/>` +
		`<path d="M12 ${height - 16}v4h${num(scalePx)}v-4" fill="none" stroke="${COLORS.inkSoft}" stroke-width="1.5"/>`;
	if (osm && o.streets) {
		const credit = o.streets.credit[o.lang];
		let shape = placer.shape([credit], STYLE.attribution);
		const cut = credit.indexOf(', ');
		if (shape.width > width - Math.max(scalePx + 24, scale.width + 16) - 8 && cut > 0)
			shape = placer.shape([credit.slice(0, cut + 1), credit.slice(cut + 2)], STYLE.attribution);
		labels.push(placer.put(shape, width - shape.width, height - shape.height));
	}

	// Uncertainty areas, then markers: the card's places over the context.
	let areas = '';
	const markers: Marker[] = main.map((p) => ({ p, xy: project(f, p.anchor), r: 8, kind: 'place' }));
	for (const p of main) {
		const area =
			p.area ?? circle(p.anchor, (p.uncertaintyM ?? 0) / 1000, { units: 'kilometers', steps: 72 }).geometry;
		const d = outlinePath(f, area);
		areas += `<path d="${d}" fill="${COLORS.marker}" fill-opacity="0.1" stroke="${COLORS.marker}" stroke-width="2" stroke-dasharray="7 5"/>`;
	}
	const inFrame = ([x, y]: [number, number], m: number) =>
		x >= m && y >= m && x <= width - m && y <= height - m;
	const context = (o.context ?? [])
		.filter((p) => !p.area && !o.places.some((q) => q.id === p.id))
		.sort((a, b) => (b.uncertaintyM ?? 0) - (a.uncertaintyM ?? 0));
	for (const p of context) {
		const xy = project(f, p.anchor);
		if ((p.uncertaintyM ?? 0) / mpp > Math.min(width, height) / 3 || !inFrame(xy, 10)) continue;
		if (markers.some((q) => Math.hypot(q.xy[0] - xy[0], q.xy[1] - xy[1]) < 18)) continue;
		markers.push({ p, xy, r: 5.5, kind: 'context' });
	}

	// The other groups' places: an arrow at the edge, pointing at them, with their name and distance.
	const centre: LonLat = [f.cx / f.k, f.cy];
	const margin = 26;
	for (const p of groups.filter((g) => g !== main).flat()) {
		const [dx, dy] = project(f, p.anchor).map((v, i) => v - (i ? height : width) / 2) as [number, number];
		const t = Math.min(
			(width / 2 - margin) / Math.abs(dx || 1e-9),
			(height / 2 - margin) / Math.abs(dy || 1e-9)
		);
		markers.push({
			p,
			xy: [width / 2 + dx * t, height / 2 + dy * t],
			r: 14,
			kind: 'pointer',
			distance: o.formatDistance(metres(centre, p.anchor))
		});
	}
	let marks = '';
	for (const { xy, r, kind } of markers) {
		placer.taken.push([xy[0] - r - 2, xy[1] - r - 2, xy[0] + r + 2, xy[1] + r + 2]);
		const [x, y] = xy.map(num);
		if (kind === 'place')
			marks += `<circle cx="${x}" cy="${y}" r="${r}" fill="${COLORS.marker}" stroke="#fff" stroke-width="3"/>`;
		else if (kind === 'context')
			marks += `<circle cx="${x}" cy="${y}" r="${r}" fill="#fff" stroke="${COLORS.inkSoft}" stroke-width="2"/>`;
		else {
			const angle = Math.atan2(xy[1] - height / 2, xy[0] - width / 2);
			marks += `<path d="${arrowPath(xy[0], xy[1], angle, 16)}" fill="${COLORS.marker}" stroke="#fff" stroke-width="3" stroke-linejoin="round"/>`;
		}
	}

	// With places off the frame, or no streets in a frame much smaller than the story's region, an
	// overview says where the frame lies.
	const pointers = markers.filter((m) => m.kind === 'pointer');
	const fb = frameBox(f);
	const lost = !osm && o.overview && fb[2] - fb[0] < (o.overview[2] - o.overview[0]) / 6;
	if (pointers.length || lost) furniture += drawLocator(o, f, placer, pointers);

	// Names: the card's places first (never dropped), in the order that places them best, then the
	// context's where there is room.
	placer.points = markers.map((m) => m.xy);
	const named = (order: Marker[], from: Placer) => {
		const trial = from.clone();
		let cost = 0;
		const out: Label[] = [];
		for (const { p, xy, r, kind, distance } of order) {
			const name = distance ? `${p.name} · ${distance}` : p.name;
			const hit = trial.beside(xy[0], xy[1], r + 5, name, STYLE[kind], p.id, kind === 'pointer');
			if (hit) [cost, out[out.length]] = [cost + hit.cost, hit.label];
			else if (kind !== 'context')
				[cost, out[out.length]] = [cost + 1000, trial.forced(xy[0], xy[1], r + 5, name, STYLE[kind], p.id)];
		}
		return { trial, cost, out };
	};
	const primary = markers.filter((m) => m.kind !== 'context');
	let best = named(primary, placer);
	for (const order of primary.length <= 5 ? permutations(primary) : [])
		if (best.cost > 0) {
			const t = named(order, placer);
			if (t.cost < best.cost) best = t;
		}
	const rest = named(
		markers.filter((m) => m.kind === 'context'),
		best.trial
	);
	labels.push(...best.out, ...rest.out);

	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<rect width="100%" height="100%" fill="${COLORS.land}"/>${base}${areas}${marks}${furniture}</svg>`;
	return { width, height, svg, labels, osm, pointers: pointers.map((m) => m.p.id) };
}

/** A site as the live map draws it (src/lib/server/map-data.ts, src/lib/map/style.ts). */
export interface OpeningSite {
	name: string;
	anchor: LonLat;
	key: boolean;
	/** An area (a country, a district) has a scope label and no marker. */
	area: boolean;
	/** Which side of the opening view it lies on: its label runs toward the middle. */
	side: 'east' | 'west';
	/** Its uncertainty circle or its area. */
	outline: Polygon | MultiPolygon;
}

export interface OpeningOptions {
	/** The picture's size in pixels. */
	width: number;
	height: number;
	/** The live map's zoom and the point drawn at the picture's middle. */
	zoom: number;
	middle: LonLat;
	/** Picture pixels per CSS px. */
	ratio: number;
	sites: OpeningSite[];
	streets: Streets | null;
	ground: Ground;
	measure: (text: string, size: number, weight: 400 | 700) => number;
}

/** Web-mercator metres per CSS px at zoom 0 on the equator, in MapLibre's 512-px world. */
const MAPLIBRE_Z0 = 78_271.517;

/**
 * The live map's opening view as a picture (scripts/build-og.ts): the same frame to the pixel, the
 * streets, the sites' areas, markers and names in the live style's colours and sizes. Its labels are
 * placed here and set by the caller, as on the cards.
 */
export function drawOpening(o: OpeningOptions): { svg: string; labels: Label[] } {
	const k = Math.cos((o.middle[1] * Math.PI) / 180);
	const mpp = (MAPLIBRE_Z0 * k) / 2 ** o.zoom / o.ratio;
	const f: Frame = {
		width: o.width,
		height: o.height,
		cx: o.middle[0] * k,
		cy: o.middle[1],
		k,
		s: M_PER_DEG / mpp
	};
	const { svg: base } = drawBasemap(f, o.streets, o.ground, false, { zoom: o.zoom, ratio: o.ratio });
	const px = (v: number) => num(v * o.ratio);
	let areas = '';
	let dots = '';
	const labels: Label[] = [];
	for (const site of o.sites) {
		const d = outlinePath(f, site.outline);
		const [fill, line, opacity, width] = site.area
			? ['#7a5c2e', '#7a5c2e', 0.02, 1.5]
			: ['#1f2937', '#374151', site.key ? 0.05 : 0.03, 1];
		areas +=
			`<path d="${d}" fill="${fill}" fill-opacity="${opacity}" stroke="${line}" stroke-opacity="0.5"` +
			` stroke-width="${px(width)}" stroke-dasharray="${px(2 * width)} ${px(2 * width)}"/>`;
		const [x, y] = project(f, site.anchor);
		if (x < -200 || y < -50 || x > o.width + 200 || y > o.height + 50) continue;
		const r = site.key ? 6.5 : 4.5;
		if (!site.area)
			dots += `<circle cx="${num(x)}" cy="${num(y)}" r="${px(r)}" fill="#fff" stroke="#111827" stroke-width="${px(site.key ? 3 : 2)}"/>`;
		const size = (site.area ? 14 : site.key ? 13.5 : 12) * o.ratio;
		const text = site.area ? site.name.toUpperCase() : site.name;
		// MapLibre wraps at 11 em: the same rule, by words.
		const lines: string[] = [];
		for (const word of text.split(' ')) {
			const last = lines[lines.length - 1];
			if (last && o.measure(`${last} ${word}`, size, 400) <= 11 * size)
				lines[lines.length - 1] = `${last} ${word}`;
			else lines.push(word);
		}
		const measured = lines.map((l) => o.measure(l, size, 400));
		const w = Math.ceil(Math.max(...measured));
		const lineHeight = Math.round(size * 1.2);
		const h = lineHeight * lines.length;
		const gap = site.area ? -w / 2 : 1.1 * size;
		const lx = site.area ? x - w / 2 : site.side === 'east' ? x - gap - w : x + gap;
		labels.push({
			x: lx,
			y: y - h / 2,
			width: w,
			height: h,
			lines,
			size,
			weight: 400,
			color: site.area ? '#5c4421' : '#111827',
			halo: 0,
			padX: 0,
			lineHeight,
			measured,
			role: 'place'
		});
	}
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}">` +
		`<rect width="100%" height="100%" fill="${COLORS.land}"/>${base}${areas}${dots}</svg>`;
	return { svg, labels };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The inset as a standalone SVG (printed pages), its labels as <text> in the page's font. An SVG shown
 * as an image cannot use the page's web fonts: each line is held to its width measured in Noto Sans,
 * so a fallback font still fits its box.
 */
export function insetSvg(inset: Inset, fontFamily = "'Noto Sans', sans-serif"): string {
	let text = '';
	for (const l of inset.labels) {
		if (l.halo)
			text += `<rect x="${num(l.x)}" y="${num(l.y)}" width="${l.width}" height="${l.height}" rx="2" fill="#fff" fill-opacity="${l.halo}"/>`;
		l.lines.forEach((line, i) => {
			text +=
				`<text x="${num(l.x + l.padX)}" y="${num(l.y + 2 + l.lineHeight * (i + 0.5))}" dominant-baseline="central"` +
				` font-size="${l.size}"${l.weight === 700 ? ' font-weight="700"' : ''} fill="${l.color}"` +
				` textLength="${num(l.measured[i]!)}" lengthAdjust="spacingAndGlyphs">${esc(line)}</text>`;
		});
	}
	const end = inset.svg.lastIndexOf('</svg>');
	return `${inset.svg.slice(0, end)}<g font-family="${esc(fontFamily)}">${text}</g></svg>`;
}
