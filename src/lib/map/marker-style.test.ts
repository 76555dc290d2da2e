import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { EVIDENCE } from '$lib/data/story-index';
import { EVIDENCE_KEYS, MARKER_STYLES, STYLE_OF, markerByEvidence, markerImage } from './marker-style';

describe('the evidence registry', () => {
	it('gives the legend one key per style, naming each evidence level once', () => {
		expect(EVIDENCE_KEYS.map(([style]) => style)).toEqual([...MARKER_STYLES]);
		expect(EVIDENCE_KEYS.flatMap(([, levels]) => levels).sort()).toEqual([...EVIDENCE].sort());
		expect(EVIDENCE_KEYS.find(([style]) => style === 'dashed')![1]).toEqual(['unverified', 'disputed']);
	});

	it('is what the map style draws for each evidence level', () => {
		const spec = { type: 'resolvedImage', expression: { parameters: ['zoom', 'feature'] } };
		const parsed = createExpression(markerByEvidence('unrest'), spec as never);
		if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
		for (const evidence of EVIDENCE) {
			const image = parsed.value.evaluate({ zoom: 12 }, { type: 'Point', properties: { evidence } } as never);
			expect(String(image), evidence).toBe(markerImage('unrest', STYLE_OF[evidence]));
		}
	});
});
