// The evidence registry: which marker style shows each evidence level, and how each style strokes and
// fills a layer's shape. The map's style and canvas (style.ts, icons.ts), the legend and the tests read it.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Layer } from '$lib/data/schema';
import type { Evidence } from '$lib/data/story-index';

/** A marker's size in CSS pixels; every length below is in these units. */
export const ICON_PX = 22;

/**
 * How an incident's marker shows how well it is known: filled when corroborated by independent
 * sources, hollow when it rests on a single source, hollow and dashed when unverified or disputed.
 */
export const MARKER_STYLES = ['solid', 'hollow', 'dashed'] as const;
export type MarkerStyle = (typeof MARKER_STYLES)[number];

export const STYLE_OF: Record<Evidence, MarkerStyle> = {
	corroborated: 'solid',
	'single-source': 'hollow',
	unverified: 'dashed',
	disputed: 'dashed'
};

type EvidenceKey = [MarkerStyle, Evidence[]];
/** The legend's keys: each style with the evidence levels drawn with it (unverified / disputed). */
export const EVIDENCE_KEYS = MARKER_STYLES.map((style): EvidenceKey => [
	style,
	(Object.keys(STYLE_OF) as Evidence[]).filter((e) => STYLE_OF[e] === style)
]) as [EvidenceKey, ...EvidenceKey[]];

/** The map's name for a layer's marker image in one style. */
export const markerImage = (layerId: string, style: MarkerStyle) => `marker-${layerId}-${style}`;

/** The map style's choice of a layer's marker image by the incident's evidence level. */
export function markerByEvidence(layerId: string): ExpressionSpecification {
	const [[style, levels], ...others] = EVIDENCE_KEYS;
	return [
		'match',
		['get', 'evidence'],
		levels,
		markerImage(layerId, style),
		...others.flatMap(([s, l]) => [l, markerImage(layerId, s)]),
		// Every incident has a level; the match needs a fallback all the same.
		markerImage(layerId, STYLE_OF.unverified)
	];
}

export interface MarkerPaint {
	/** The inside: the layer's colour, or white. */
	fill: 'color' | 'white';
	/** The coloured outline's width (none when filled), and its dash pattern (on, off). */
	stroke: number;
	dash: readonly [number, number] | null;
}

/** The white edge under every marker, so it stands out on any ground. */
export const EDGE_WIDTH = 4;

export const MARKER_PAINT: Record<MarkerStyle, MarkerPaint> = {
	solid: { fill: 'color', stroke: 0, dash: null },
	hollow: { fill: 'white', stroke: 2.2, dash: null },
	dashed: { fill: 'white', stroke: 2.2, dash: [2.5, 2] }
};

const n = (x: number) => +x.toFixed(3);

/** A layer's shape as SVG path data in a box of ICON_PX (fill it non-zero). */
export function markerPath(shape: Layer['shape']): string {
	const c = ICON_PX / 2;
	const r = ICON_PX * 0.36;
	const poly = (pts: [number, number][]) =>
		pts.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)} ${n(y)}`).join('') + 'Z';
	switch (shape) {
		case 'circle':
			// Two half arcs from the right-hand point, clockwise, as canvas arc() draws it.
			return `M${n(c + r)} ${n(c)}A${n(r)} ${n(r)} 0 1 1 ${n(c - r)} ${n(c)}A${n(r)} ${n(r)} 0 1 1 ${n(c + r)} ${n(c)}Z`;
		case 'square': {
			const h = r * 0.85;
			return poly([
				[c - h, c - h],
				[c + h, c - h],
				[c + h, c + h],
				[c - h, c + h]
			]);
		}
		case 'diamond': {
			const h = r * 1.15;
			return poly([
				[c, c - h],
				[c + h, c],
				[c, c + h],
				[c - h, c]
			]);
		}
		case 'triangle':
			return poly([
				[c, c - r * 1.15],
				[c + r * 1.1, c + r * 0.85],
				[c - r * 1.1, c + r * 0.85]
			]);
		case 'cross': {
			const w = r * 0.42;
			const l = r * 1.05;
			return [Math.PI / 4, -Math.PI / 4]
				.map((a) => {
					const [dx, dy] = [Math.cos(a), Math.sin(a)];
					const [nx, ny] = [-dy, dx];
					return poly([
						[c - dx * l + nx * w, c - dy * l + ny * w],
						[c + dx * l + nx * w, c + dy * l + ny * w],
						[c + dx * l - nx * w, c + dy * l - ny * w],
						[c - dx * l - nx * w, c - dy * l - ny * w]
					]);
				})
				.join('');
		}
		case 'star':
			return poly(
				Array.from({ length: 10 }, (_, k) => {
					const a = -Math.PI / 2 + (k * Math.PI) / 5;
					const rr = k % 2 ? r * 0.5 : r * 1.2;
					return [c + Math.cos(a) * rr, c + Math.sin(a) * rr] as [number, number];
				})
			);
	}
}
