// Layer markers drawn on a canvas at start, so no sprite file is fetched. Each layer has its own
// shape as well as its own colour: the map must read without colour vision.
import type { Layer } from '$lib/data/schema';
import { EDGE_WIDTH, ICON_PX, MARKER_PAINT, markerPath, type MarkerStyle } from './marker-style';

/**
 * A square 2D canvas whose pixels are read back once drawn. Kept in main memory: a GPU-backed canvas
 * makes getImageData wait for the GPU, which at start is busy drawing the map.
 */
function readableCanvas(size: number): CanvasRenderingContext2D {
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size;
	return canvas.getContext('2d', { willReadFrequently: true })!;
}

/** One marker image: the layer's shape in its colour, with a white edge to stand out on any ground. */
export function drawMarker(
	shape: Layer['shape'],
	color: string,
	style: MarkerStyle,
	pixelRatio: number
): ImageData {
	const s = Math.round(ICON_PX * pixelRatio);
	const ctx = readableCanvas(s);
	// Drawn in ICON_PX units, as the legend's SVG is: widths and dashes scale with the ratio.
	ctx.scale(s / ICON_PX, s / ICON_PX);
	const shapePath = new Path2D(markerPath(shape));
	const paint = MARKER_PAINT[style];
	ctx.lineJoin = 'round';
	ctx.lineWidth = EDGE_WIDTH;
	ctx.strokeStyle = '#ffffff';
	ctx.stroke(shapePath);
	ctx.fillStyle = paint.fill === 'color' ? color : '#ffffff';
	ctx.fill(shapePath, 'nonzero');
	if (paint.stroke) {
		ctx.lineWidth = paint.stroke;
		ctx.strokeStyle = color;
		if (paint.dash) ctx.setLineDash([...paint.dash]);
		ctx.stroke(shapePath);
	}
	return ctx.getImageData(0, 0, s, s);
}

/** The ring drawn around a selected marker. */
export function drawHalo(pixelRatio: number): ImageData {
	const s = Math.round(ICON_PX * 1.6 * pixelRatio);
	const ctx = readableCanvas(s);
	ctx.beginPath();
	ctx.arc(s / 2, s / 2, s / 2 - 3 * pixelRatio, 0, Math.PI * 2);
	ctx.lineWidth = 3 * pixelRatio;
	ctx.strokeStyle = '#0b57d0';
	ctx.fillStyle = 'rgba(255,255,255,0.85)';
	ctx.fill();
	ctx.stroke();
	return ctx.getImageData(0, 0, s, s);
}
