// The bare page: the same maplibre-gl, style and data as the app, and nothing else (no Svelte, no
// panel). Bundled by the benchmark with esbuild; it reads the style the benchmark wrote beside it.
import { Map as MlMap, addProtocol, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import 'maplibre-gl/dist/maplibre-gl.css';
import { drawHalo, drawMarker } from '../src/lib/map/icons';
import { MARKER_STYLES, markerImage } from '../src/lib/map/marker-style';

declare global {
	interface Window {
		__map: MlMap;
		__layers: { id: string; shape: Parameters<typeof drawMarker>[0]; color: string }[];
	}
}

setWorkerUrl(new URL('./maplibre-gl-worker.mjs', import.meta.url).href);
// The same street basemap as the app, read the same way.
addProtocol('pmtiles', new Protocol().tile);
// The same canvas size as the app's map (the benchmark passes it), so both draw the same pixels.
const size = new URLSearchParams(location.search);
const container = document.getElementById('map')!;
if (size.get('w')) container.style.width = `${size.get('w')}px`;
if (size.get('h')) container.style.height = `${size.get('h')}px`;
const { style, layers, bounds } = (await (await fetch('./bare-style.json')).json()) as {
	style: StyleSpecification;
	layers: Window['__layers'];
	bounds: [number, number, number, number];
};
window.__layers = layers;
// The app's opening view when the benchmark passes it, so both draw the same place at the same zoom.
const view = size.get('z')
	? {
			center: [Number(size.get('lng')), Number(size.get('lat'))] as [number, number],
			zoom: Number(size.get('z'))
		}
	: { bounds, fitBoundsOptions: { padding: 56, maxZoom: 15 } };
const map = new MlMap({
	container: 'map',
	style,
	...view,
	renderWorldCopies: false,
	attributionControl: false
});
const images = new Map<string, () => ImageData>();
for (const l of layers)
	for (const st of MARKER_STYLES)
		images.set(markerImage(l.id, st), () => drawMarker(l.shape, l.color, st, 1));
images.set('halo', () => drawHalo(1));
map.setMissingStyleImageResolver((id) => {
	const draw = images.get(id);
	if (!map.hasImage(id)) map.addImage(id, draw ? draw() : { width: 1, height: 1, data: new Uint8Array(4) });
});
window.__map = map;
