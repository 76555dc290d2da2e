import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ICON_OFFSET } from './style';

describe('incident offsets', () => {
	const spec = {
		type: 'array',
		value: 'number',
		length: 2,
		expression: { interpolated: true, parameters: ['zoom', 'feature'] },
		'property-type': 'data-driven'
	};
	const parsed = createExpression(ICON_OFFSET, spec as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	const offset = (properties: Record<string, unknown>) =>
		parsed.value.evaluate({ zoom: 4 }, { type: 'Point', properties } as never);
	afterEach(() => vi.restoreAllMocks());

	it('are built from two numbers, exactly', () => {
		for (const [dx, dy] of [
			[0, 0],
			[-20, 22],
			[15, -15],
			[13, 7],
			[-107, 3]
		])
			expect(offset({ dx, dy })).toEqual([dx, dy]);
	});
	it('evaluate without a warning on a queried feature, whose array properties come back as strings', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		expect(offset({ dx: -20, dy: 22, offset: '[-20,22]' })).toEqual([-20, 22]);
		expect(warn).not.toHaveBeenCalled();
	});
});
