import { describe, expect, it } from 'vitest';
import { edgePointers, placePointers, type Box, type SizedPointer } from './edge-pointers';

const INSET = { top: 10, right: 10, bottom: 40, left: 10 };

describe('edgePointers', () => {
	it('points to a site out of view from where the line toward it leaves the frame', () => {
		// 800×600 map, a site far up and a little right: a pointer on the top edge, right of the middle.
		const [p, ...rest] = edgePointers(
			800,
			600,
			[{ id: 'airport', x: 900, y: -3000, distanceM: 13_000 }],
			INSET
		);
		expect(rest).toEqual([]);
		expect(p).toMatchObject({ ids: ['airport'], edge: 'top', y: 10, distanceM: 13_000 });
		expect(p!.x).toBeGreaterThan(400);
		expect(p!.x).toBeLessThan(500);
		expect(p!.bearing).toBeGreaterThan(0);
		expect(p!.bearing).toBeLessThan(20);
	});

	it('draws no pointer for a site in view', () => {
		expect(edgePointers(800, 600, [{ id: 'square', x: 400, y: 300, distanceM: 0 }], INSET)).toEqual([]);
	});

	it('keeps clear of the bottom band (scale and credit)', () => {
		const [p] = edgePointers(800, 600, [{ id: 's', x: 400, y: 5000, distanceM: 9000 }], INSET);
		expect(p).toMatchObject({ edge: 'bottom', y: 560, bearing: 180 });
	});

	it('merges sites in nearly the same direction into one pointer, nearest first', () => {
		const pointers = edgePointers(
			800,
			600,
			[
				{ id: 'far', x: -2000, y: 320, distanceM: 13_400 },
				{ id: 'near', x: -2000, y: 300, distanceM: 13_000 },
				{ id: 'other', x: 3000, y: 300, distanceM: 13_000 }
			],
			INSET
		);
		expect(pointers.map((p) => [p.edge, p.ids])).toEqual([
			['left', ['near', 'far']],
			['right', ['other']]
		]);
	});
});

describe('placePointers', () => {
	const pointer = (x: number, y: number, edge: SizedPointer['edge']): SizedPointer => ({
		ids: [`${x},${y}`],
		x,
		y,
		edge,
		bearing: 0,
		distanceM: 100,
		width: 120,
		height: 24
	});
	const hits = (a: Box, b: Box) =>
		a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

	it('draws a pointer at its point when nothing is in its way', () => {
		const [b] = placePointers([pointer(100, 10, 'top')], [], 400, 600, INSET);
		expect(b).toEqual({ left: 100, top: 10, right: 220, bottom: 34 });
	});
	it('slides a pointer along its edge off a marker', () => {
		const marker = { left: 150, top: 12, right: 172, bottom: 34 };
		const [b] = placePointers([pointer(100, 10, 'top')], [marker], 400, 600, INSET);
		expect(hits(b!, marker)).toBe(false);
		expect(b!.top).toBe(10);
	});
	it('moves a pointer inward when no spot on its edge is free', () => {
		// A marker in the middle of the bottom edge, and a pointer as wide as most of the map.
		const marker = { left: 190, top: 540, right: 212, bottom: 560 };
		const wide = { ...pointer(60, 560, 'bottom'), width: 300 };
		const [b] = placePointers([wide], [marker], 400, 600, INSET);
		expect(hits(b!, marker)).toBe(false);
		expect(b!.bottom).toBeLessThanOrEqual(marker.top);
	});
	it('keeps two pointers off each other, inside the frame', () => {
		const boxes = placePointers([pointer(300, 10, 'top'), pointer(290, 10, 'top')], [], 400, 600, INSET);
		expect(hits(boxes[0]!, boxes[1]!)).toBe(false);
		for (const b of boxes) expect(b.left >= 10 && b.right <= 390).toBe(true);
	});
});
