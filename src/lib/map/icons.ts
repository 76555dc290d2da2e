// Layer markers drawn on a canvas at start, so no sprite file is fetched. Each layer has its own
// shape as well as its own colour: the map must read without colour vision.
import type { Layer } from '$lib/data/schema';
import type { Evidence } from '$lib/data/story-index';

export const ICON_PX = 22;

type Shape = Layer['shape'];

function path(ctx: CanvasRenderingContext2D, shape: Shape, s: number) {
	const c = s / 2;
	const r = s * 0.36;
	ctx.beginPath();
	switch (shape) {
		case 'circle':
			ctx.arc(c, c, r, 0, Math.PI * 2);
			break;
		case 'square':
			ctx.rect(c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7);
			break;
		case 'diamond':
			ctx.moveTo(c, c - r * 1.15);
			ctx.lineTo(c + r * 1.15, c);
			ctx.lineTo(c, c + r * 1.15);
			ctx.lineTo(c - r * 1.15, c);
			break;
		case 'triangle':
			ctx.moveTo(c, c - r * 1.15);
			ctx.lineTo(c + r * 1.1, c + r * 0.85);
			ctx.lineTo(c - r * 1.1, c + r * 0.85);
			break;
		case 'cross': {
			const w = r * 0.42;
			const l = r * 1.05;
			for (const a of [Math.PI / 4, -Math.PI / 4]) {
				const [dx, dy] = [Math.cos(a), Math.sin(a)];
				const [nx, ny] = [-dy, dx];
				ctx.moveTo(c - dx * l + nx * w, c - dy * l + ny * w);
				ctx.lineTo(c + dx * l + nx * w, c + dy * l + ny * w);
				ctx.lineTo(c + dx * l - nx * w, c + dy * l - ny * w);
				ctx.lineTo(c - dx * l - nx * w, c - dy * l - ny * w);
				ctx.closePath();
			}
			break;
		}
		case 'star':
			for (let k = 0; k < 10; k++) {
				const a = -Math.PI / 2 + (k * Math.PI) / 5;
				const rr = k % 2 ? r * 0.5 : r * 1.2;
				ctx[k ? 'lineTo' : 'moveTo'](c + Math.cos(a) * rr, c + Math.sin(a) * rr);
			}
			break;
	}
	ctx.closePath();
}

/**
 * How an incident's marker shows how well it is known: filled when corroborated by independent
 * sources, hollow when it rests on a single source, hollow and dashed when unverified or disputed.
 */
export type MarkerStyle = 'solid' | 'hollow' | 'dashed';

export const STYLE_OF: Record<Evidence, MarkerStyle> = {
	corroborated: 'solid',
	'single-source': 'hollow',
	unverified: 'dashed',
	disputed: 'dashed'
};

/**
 * A square 2D canvas whose pixels are read back once drawn. Kept in main memory: a GPU-backed canvas
 * makes getImageData wait for the GPU, which at start is busy drawing the map (profiled at 100k
 * incidents: a quarter of a second for the marker images).
 */
function readableCanvas(size: number): CanvasRenderingContext2D {
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size;
	return canvas.getContext('2d', { willReadFrequently: true })!;
}

/** One marker image: the layer's shape in its colour, with a white edge to stand out on any ground. */
export function drawMarker(shape: Shape, color: string, style: MarkerStyle, pixelRatio: number): ImageData {
	const s = Math.round(ICON_PX * pixelRatio);
	const ctx = readableCanvas(s);
	path(ctx, shape, s);
	ctx.lineJoin = 'round';
	ctx.lineWidth = 4 * pixelRatio;
	ctx.strokeStyle = '#ffffff';
	ctx.stroke();
	if (style === 'solid') {
		ctx.fillStyle = color;
		ctx.fill('nonzero');
	} else {
		ctx.fillStyle = '#ffffff';
		ctx.fill('nonzero');
		ctx.lineWidth = 2.2 * pixelRatio;
		ctx.strokeStyle = color;
		if (style === 'dashed') ctx.setLineDash([2.5 * pixelRatio, 2 * pixelRatio]);
		ctx.stroke();
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
