import { createExpression, createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_TIME, ICON_OFFSET, LAYER, buildStyle } from './style';

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

describe('shader programs', () => {
	// MapLibre links one program per layer type and per way each paint property is driven: u (constant
	// or by zoom alone), a (by data), z (by zoom and data). Mirrors ProgramConfiguration's cache key.
	const driven = (type: string, prop: string, value: unknown) => {
		// Not an expression (a plain value or array): constant.
		if (!Array.isArray(value) || typeof value[0] !== 'string') return 'u';
		const spec = (latest as unknown as Record<string, Record<string, object>>)[`paint_${type}`]![prop]!;
		const parsed = createPropertyExpression(value, prop, spec as never);
		if (parsed.result !== 'success') throw new Error(`${prop}: ${JSON.stringify(parsed.value)}`);
		const kind = (parsed.value as { kind: string }).kind;
		return kind === 'source' ? 'a' : kind === 'composite' ? 'z' : 'u';
	};
	function programs(layer: LayerSpecification): string[] {
		if (!('paint' in layer) && !('layout' in layer) && layer.type !== 'fill') return [];
		const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
		const layout = ('layout' in layer ? layer.layout : {}) as Record<string, unknown>;
		const specs = (latest as unknown as Record<string, Record<string, { 'property-type': string }>>)[
			`paint_${layer.type}`
		]!;
		const key = (prefix: string, inherit: Record<string, string> = {}) =>
			Object.keys(specs)
				.filter((p) => p.startsWith(prefix) && specs[p]!['property-type'].includes('data-driven'))
				.map((p) => `${p}:${driven(layer.type, p, paint[p] ?? paint[inherit[p] ?? ''])}`)
				.join(' ');
		if (layer.type === 'fill') {
			const k = key('fill-', { 'fill-outline-color': 'fill-color' });
			return paint['fill-antialias'] === false ? [`fill ${k}`] : [`fill ${k}`, `fillOutline ${k}`];
		}
		if (layer.type === 'line') return [`${paint['line-dasharray'] ? 'lineSDF' : 'line'} ${key('line-')}`];
		if (layer.type === 'circle') return [`circle ${key('circle-')}`];
		if (layer.type === 'symbol')
			return [
				...(layout['text-field'] ? [`symbolSDF ${key('text-')}`] : []),
				...(layout['icon-image'] ? [`symbolIcon ${key('icon-')}`] : [])
			];
		return [layer.type];
	}
	const style = buildStyle({
		data: { sites: 's', areas: 'a', incidents: 'i' },
		layers: [
			{ id: 'one', label: { fr: '1', en: '1' }, color: '#000', shape: 'circle' },
			{ id: 'two', label: { fr: '2', en: '2' }, color: '#000', shape: 'circle' }
		] as never,
		visible: ['one'],
		time: ALL_TIME,
		lang: 'en',
		basemapUrl: (f) => f,
		fonts: { latin: 'l', cyrillic: 'c', cyrillicExt: 'x' }
	});
	const byProgram = new Map<string, string[]>();
	for (const layer of style.layers)
		for (const p of programs(layer)) byProgram.set(p, [...(byProgram.get(p) ?? []), layer.id]);
	const sharing = (id: string) => [...byProgram.values()].find((ids) => ids.includes(id)) ?? [];

	it('every label, street or story, is drawn by one program', () => {
		const labels = style.layers.filter((l) => l.type === 'symbol' && 'text-field' in (l.layout ?? {}));
		expect(sharing(LAYER.siteLabel)).toEqual(labels.map((l) => l.id));
	});
	it('the city dots share the site dots’ program', () => {
		expect(sharing(LAYER.siteDot)).toContain(LAYER.cityDot);
	});
	it('every solid line and every plain fill of the ground shares one program', () => {
		expect(sharing('borders')).toEqual(
			style.layers.filter((l) => l.type === 'line' && !('line-dasharray' in (l.paint ?? {}))).map((l) => l.id)
		);
		expect(sharing('land')).toEqual(
			style.layers.filter((l) => l.type === 'fill' && l.id !== LAYER.areaFill).map((l) => l.id)
		);
	});
	it('the whole embedded style needs at most 10 programs of its own', () => {
		expect([...byProgram.keys()].length).toBeLessThanOrEqual(10);
	});
});
