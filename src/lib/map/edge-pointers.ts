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
