// Pointers at the map's edge toward key sites out of view, so every key site stays named while the
// map shows another part of the story (the centre's three sites 300 m apart, the airport 13 km away).
// Pure screen geometry: map-controller.ts projects the sites, MapView.svelte draws the pointers.

export type Edge = 'top' | 'bottom' | 'left' | 'right';

export interface Pointer {
	/** The sites it points to, nearest first (close directions merge into one pointer). */
	ids: string[];
	/** Where it sits on the edge, in CSS pixels from the map's top left. */
	x: number;
	y: number;
	edge: Edge;
	/** Direction toward the sites, in degrees clockwise from north (screen up). */
	bearing: number;
	/** Distance from the map's centre to the nearest of them, in metres. */
	distanceM: number;
}

export interface Offscreen {
	id: string;
	/** Projected screen position (may lie far outside the map). */
	x: number;
	y: number;
	distanceM: number;
}

/** Room kept free at each edge: the zoom buttons (top right), the scale and the credit (bottom). */
export interface Insets {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The map's: room for the zoom buttons' margin, and the scale and the credit at the bottom. */
export const POINTER_INSET: Insets = { top: 10, right: 10, bottom: 44, left: 10 };

/** Pointers closer than this along the edge merge into one. */
const MERGE_PX = 72;

/**
 * For each site outside the map (its projected point beyond the edges), where the line from the
 * map's centre toward it leaves the inner frame; sites whose pointers would overlap share one.
 */
export function edgePointers(width: number, height: number, sites: Offscreen[], inset: Insets): Pointer[] {
	const cx = width / 2;
	const cy = height / 2;
	const [x0, x1, y0, y1] = [inset.left, width - inset.right, inset.top, height - inset.bottom];
	if (x1 <= x0 || y1 <= y0) return [];
	const raw: Pointer[] = [];
	for (const s of [...sites].sort((a, b) => a.distanceM - b.distanceM)) {
		if (s.x >= 0 && s.x <= width && s.y >= 0 && s.y <= height) continue;
		const dx = s.x - cx;
		const dy = s.y - cy;
		// The smallest step along (dx, dy) that reaches a side of the inner frame.
		const tx = dx > 0 ? (x1 - cx) / dx : dx < 0 ? (x0 - cx) / dx : Infinity;
		const ty = dy > 0 ? (y1 - cy) / dy : dy < 0 ? (y0 - cy) / dy : Infinity;
		const t = Math.min(tx, ty);
		const edge: Edge = tx < ty ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'bottom' : 'top';
		const bearing = ((Math.atan2(dx, -dy) * 180) / Math.PI + 360) % 360;
		const p: Pointer = {
			ids: [s.id],
			x: Math.round(cx + t * dx),
			y: Math.round(cy + t * dy),
			edge,
			bearing: Math.round(bearing),
			distanceM: s.distanceM
		};
		const near = raw.find((q) => Math.hypot(q.x - p.x, q.y - p.y) < MERGE_PX);
		if (near) near.ids.push(s.id);
		else raw.push(p);
	}
	return raw;
}

/** A box on the map's screen, in CSS pixels from its top left. */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** A pointer with its drawn size (measured in the page). */
export interface SizedPointer extends Pointer {
	width: number;
	height: number;
}

/** How far a pointer slides along its edge at each try, and the gap it keeps from what it avoids. */
const SLIDE_PX = 6;
const GAP_PX = 3;
/** Rows a pointer may move inward from its edge, and what a row weighs against a slide. */
const MAX_ROWS = 3;
const ROW_COST_PX = 120;

const overlaps = (a: Box, b: Box) =>
	a.left < b.right + GAP_PX &&
	b.left < a.right + GAP_PX &&
	a.top < b.bottom + GAP_PX &&
	b.top < a.bottom + GAP_PX;

/**
 * Where each pointer is drawn: at its point on the edge, running inward (west from a point east of
 * the middle, east from the others; centred on a side edge), or else slid along its edge to the
 * nearest spot that covers no marker and no pointer placed before it (the nearest sites' first).
 * Kept inside the inner frame; where no spot is free, at its own point.
 */
export function placePointers(
	pointers: SizedPointer[],
	markers: Box[],
	width: number,
	height: number,
	inset: Insets
): Box[] {
	const [x0, x1, y0, y1] = [inset.left, width - inset.right, inset.top, height - inset.bottom];
	const placed: Box[] = [];
	for (const p of pointers) {
		const east = p.edge === 'right' || (p.edge !== 'left' && p.x > width / 2);
		const left = east ? p.x - p.width : p.x;
		const top = p.edge === 'top' ? p.y : p.edge === 'bottom' ? p.y - p.height : p.y - p.height / 2;
		const at = (dx: number, dy: number): Box => {
			const l = Math.min(Math.max(left + dx, x0), Math.max(x0, x1 - p.width));
			const t = Math.min(Math.max(top + dy, y0), Math.max(y0, y1 - p.height));
			return { left: l, top: t, right: l + p.width, bottom: t + p.height };
		};
		const along = p.edge === 'top' || p.edge === 'bottom';
		const reach = along ? width : height;
		// Inward, a row at a time, when no spot on the edge is free (a wide pointer on a phone).
		const inward = { top: [0, 1], bottom: [0, -1], left: [1, 0], right: [-1, 0] }[p.edge];
		const step = along ? p.height + GAP_PX : p.width + GAP_PX;
		const tries: { slide: number; rows: number }[] = [];
		for (let rows = 0; rows <= MAX_ROWS; rows++)
			for (let d = 0; d <= reach; d += SLIDE_PX)
				tries.push(...(d ? [d, -d] : [0]).map((slide) => ({ slide, rows })));
		// The nearest spot: a row inward weighs as much as a slide of ROW_COST_PX.
		tries.sort(
			(a, b) => Math.abs(a.slide) + a.rows * ROW_COST_PX - (Math.abs(b.slide) + b.rows * ROW_COST_PX)
		);
		const free = tries
			.map(({ slide, rows }) =>
				at((along ? slide : 0) + inward[0]! * rows * step, (along ? 0 : slide) + inward[1]! * rows * step)
			)
			.find((b) => !markers.some((m) => overlaps(b, m)) && !placed.some((q) => overlaps(b, q)));
		placed.push(free ?? at(0, 0));
	}
	return placed;
}
