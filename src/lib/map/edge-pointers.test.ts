import { describe, expect, it } from 'vitest';
import { edgePointers } from './edge-pointers';

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
