// The opening view's geometry, shared by the live map (map-controller.ts fits the story's bounds with
// this padding) and the prerendered picture of it (scripts/build-og.ts draws it, MapView.svelte
// places it): both must agree to the pixel, or the live map would jump when it replaces the picture.
// No MapLibre here: MapView's prerendered HTML uses it.
import type { Bounds } from './bounds';

/** Room kept around the opening bounds, in CSS px: see `sidePadding`. */
export const PADDING = { top: 44, bottom: 68, sideMax: 150, sideShare: 0.4 } as const;

/**
 * Labels run beside their markers, away from the middle, and MapLibre lets them leave the canvas:
 * each side keeps room for one label (a long name wraps at some 130 px) and its marker. On a narrow
 * phone that room is what sets the zoom, so the outermost labels stay whole. The bottom keeps the
 * southernmost label clear of the scale bar (bottom left).
 */
export function sidePadding(width: number) {
	const side = Math.round(Math.min(PADDING.sideMax, width * PADDING.sideShare));
	return { top: PADDING.top, bottom: PADDING.bottom, left: side, right: side };
}

/** Web Mercator, in MapLibre's units: the world is 512 px wide at zoom 0. */
const WORLD = 512;
export const mercX = (lng: number) => ((lng + 180) / 360) * WORLD;
export const mercY = (lat: number) =>
	((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * WORLD;
const unmercY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD))) * 180) / Math.PI;

/** The bounds' size in CSS px at zoom 0. */
function size([w, s, e, n]: Bounds) {
	return { x: mercX(e) - mercX(w), y: mercY(s) - mercY(n) };
}

/** The zoom MapLibre's fitBounds chooses for a map of this size (padding as above, no bearing). */
export function fitZoom(bounds: Bounds, width: number, height: number, maxZoom: number): number {
	const p = sidePadding(width);
	const b = size(bounds);
	const scale = Math.min((width - p.left - p.right) / b.x, (height - p.top - p.bottom) / b.y);
	return Math.min(maxZoom, Math.log2(scale));
}

/** The bounds' middle (in Mercator): fitBounds draws it MIDDLE_SHIFT px below the canvas' middle. */
export function boundsMiddle([w, s, e, n]: Bounds): [number, number] {
	return [(w + e) / 2, unmercY((mercY(s) + mercY(n)) / 2)];
}
export const MIDDLE_SHIFT = (PADDING.top - PADDING.bottom) / 2;

/** One prerendered picture of the opening view: drawn for a reference map size, shown at any. */
export interface PictureSpec {
	layout: 'phone' | 'desktop';
	/** Where this picture is used (the phone layout's breakpoint, DashboardApp.svelte). */
	media: string | null;
	/** The map's size in CSS px on the layout's reference screen (390×844 phone, 1280×800 desktop). */
	ref: [number, number];
	/** How much more than the reference map the picture covers, for larger screens. */
	margin: number;
	/** Picture pixels per CSS px at the reference size (2: sharp on most phones). */
	ratio: number;
}
export const PICTURES: PictureSpec[] = [
	{ layout: 'phone', media: '(max-width: 760px)', ref: [390, 422], margin: 1.4, ratio: 2 },
	{ layout: 'desktop', media: null, ref: [800, 637], margin: 1.8, ratio: 1 }
];

export interface Picture extends PictureSpec {
	/** The zoom it is drawn at, around the bounds' middle. */
	zoom: number;
	middle: [number, number];
	/** Its size in pixels. */
	width: number;
	height: number;
	/** Its width on screen, as CSS: MapLibre's fitBounds, in container query units of the map's box. */
	cssWidth: string;
}

export function picture(spec: PictureSpec, bounds: Bounds, maxZoom: number): Picture {
	const zoom = fitZoom(bounds, spec.ref[0], spec.ref[1], maxZoom);
	const cssW = spec.ref[0] * spec.margin;
	const cssH = spec.ref[1] * spec.margin;
	const b = size(bounds);
	const px = 2 ** zoom;
	// Shown at the live map's scale, relative to the reference: the smallest of the zoom limit and
	// of what the padded width and height allow (fitZoom, in CSS).
	const r = (v: number) => Math.round(v * 1e4) / 1e4;
	const cssWidth =
		`min(${r(cssW * 2 ** (maxZoom - zoom))}px, ` +
		`calc((100cqw - 2 * min(${PADDING.sideMax}px, ${PADDING.sideShare * 100}cqw)) * ${r(cssW / (b.x * px))}), ` +
		`calc((100cqh - ${PADDING.top + PADDING.bottom}px) * ${r(cssW / (b.y * px))}))`;
	return {
		...spec,
		zoom,
		middle: boundsMiddle(bounds),
		width: Math.round(cssW * spec.ratio),
		height: Math.round(cssH * spec.ratio),
		cssWidth
	};
}

/** The pictures' placement (`pictureCss`), served beside them. */
export const PICTURE_CSS = '/opening/opening.css';

/**
 * Where the pictures sit in the map's box: the phone's under the same breakpoint as its <source>
 * (PICTURES) and the phone layout (DashboardApp.svelte), the desktop's otherwise.
 */
export function pictureCss(pictures: Picture[]): string {
	const rule = (p: Picture) => `.opening img{top:calc(50% + ${MIDDLE_SHIFT}px);width:${p.cssWidth}}`;
	// The default first, so that a media rule after it wins where it applies.
	const ordered = [...pictures].sort((a, b) => Number(!!a.media) - Number(!!b.media));
	return ordered.map((p) => (p.media ? `@media ${p.media}{${rule(p)}}` : rule(p))).join('\n') + '\n';
}

/** Where the pictures are served: one per language (its folder, '' or 'en/') and layout. */
export const picturePath = (folder: string, layout: PictureSpec['layout']) =>
	`/opening/${folder}${layout}.webp`;
